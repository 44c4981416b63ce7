import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { outOfScope } from './shared.js';

/**
 * A space before a comma, full stop, question or exclamation mark, semicolon
 * or colon ("Kiitos , ja", "Tack !"): Finnish and Swedish put none there.
 * Left alone: emoticons (":)", ";-)"), ellipses, a mark that opens a line,
 * and marks glued to what follows (".fi", ":n", "?!"), and a space that
 * keeps a mark off what stands before it: a link or an e-mail address a
 * mail client would otherwise take the mark into, a phone number, a
 * placeholder, a code or a pasted record in capitals ("09 81621 ,",
 * "HILJAINEN ALLERGIAHUONE .").
 */
export const punctuationSpace: Check = (analysis) => {
  if (analysis.language !== 'fi' && analysis.language !== 'sv') return [];
  const text = analysis.text;
  if (!/[ \t\u00A0][,.!?;:]/.test(text)) return [];
  const findings: RawFinding[] = [];
  for (const m of text.matchAll(/(?<=[\p{L}\p{N}"”’)\]€$£%])([ \t\u00A0]+)([,.!?;:]|[!?]{2,3})(?=\s|$)/gu)) {
    const [whole, spaces, mark] = m as unknown as [string, string, string];
    const start = m.index!;
    // ". . ." is an ellipsis.
    if (mark === '.' && /^\s\./.test(text.slice(start + whole.length))) continue;
    // ": " before a digit is a time or a ratio written with spaces ("8 : 00"); leave it.
    if (mark === ':' && /\d$/.test(text.slice(0, start)) && /^\s*\d/.test(text.slice(start + whole.length))) continue;
    // After an address, a number, a placeholder or a code the space keeps the mark off it, on purpose.
    if (keepsMarkOff(text.slice(0, start))) continue;
    if (outOfScope(analysis, start, start + whole.length)) continue;
    findings.push({
      offset: start,
      length: whole.length,
      suggestions: [mark],
      data: { suggestion: mark },
      fix: { offset: start, length: spaces.length, text: '' },
    });
  }
  return findings;
};

/** Whether the token before the space is one a writer keeps a mark off: an address, a number, a placeholder, a code in capitals. */
function keepsMarkOff(before: string): boolean {
  const token = /\S+$/u.exec(before)?.[0] ?? '';
  if (/[@/]|^www\.|\.\p{L}{2,}$/u.test(token)) return true;
  if (/[}\]]$/u.test(token)) return true;
  if (/^[\p{N}+()-]+$/u.test(token)) return true;
  return /^[\p{Lu}\p{N}-]{2,}$/u.test(token) && /\p{Lu}/u.test(token) && token.length >= 3;
}
