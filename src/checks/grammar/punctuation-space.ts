import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { outOfScope } from './shared.js';

/**
 * A space before a comma, full stop, question or exclamation mark, semicolon
 * or colon ("Kiitos , ja", "Tack !"): Finnish and Swedish put none there.
 * Left alone: emoticons (":)", ";-)"), ellipses, a mark that opens a line,
 * and marks glued to what follows (".fi", ":n", "?!").
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
