import type { Check } from '../types.js';

/** The first words of a line, as written (tabs and doubled spaces between them kept). */
const FIRST_WORDS = /\S+(?:\s+\S+){0,7}/u;

/** The reply starts straight with business: no greeting on its first line. */
export const greetingMissing: Check = (analysis) => {
  const { firstLine, greeting, lastLine } = analysis.anatomy;
  if (!firstLine || greeting || firstLine === lastLine) return [];
  // The span is taken from the line itself, so whitespace inside it never shifts it.
  const m = FIRST_WORDS.exec(firstLine.text);
  if (!m) return [];
  return [{ offset: firstLine.start + m.index, length: m[0].length }];
};
