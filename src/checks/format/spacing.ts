import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

/** The whitespace-free token around an offset: a URL, an address, a file name… */
function tokenAt(text: string, offset: number): string {
  let s = offset;
  let e = offset;
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  while (e < text.length && !/\s/.test(text[e]!)) e++;
  return text.slice(s, e);
}

/** Missing space after a sentence end ("kiitos.Tilaus"), doubled spaces (or a space and a no-break space) inside a line. */
export const spacing: Check = (analysis) => {
  const text = analysis.text;
  const findings: RawFinding[] = [];
  for (const m of text.matchAll(/(?<=[\p{Ll}\p{N})"”'’])([.!?]+)(?=\p{Lu}\p{Ll})/gu)) {
    const at = m.index! + m[0].length;
    const token = tokenAt(text, at);
    // Web addresses, e-mail addresses and names like "Node.Js" or "Oy.Ab" are not sentences.
    if (/@|:\/\/|^www\.|\.(fi|se|com|net|org|eu|ax|io|nu)\b/i.test(token)) continue;
    findings.push({
      offset: m.index!,
      length: m[0].length + 1,
      data: { suggestion: `${m[0]} ` },
      suggestions: [`${m[0]} ${text[at]}`],
      fix: { offset: at, length: 0, text: ' ' },
    });
  }
  // A no-break space counts: an HTML mail shows a doubled space typed in its editor as " &nbsp;".
  for (const m of text.matchAll(/(?<=[^\s])([ \u00a0]{2,})(?=[^\s])/g)) {
    findings.push({
      offset: m.index!,
      length: m[0].length,
      data: { suggestion: ' ' },
      suggestions: [' '],
      fix: { offset: m.index!, length: m[0].length, text: ' ' },
    });
  }
  return findings.sort((a, b) => a.offset - b.offset);
};
