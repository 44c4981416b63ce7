import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { framedParts, isSubstantial } from '../parts.js';

/** The first words of a line, as written (tabs and doubled spaces between them kept). */
const FIRST_WORDS = /\S+(?:\s+\S+){0,7}/u;

/** The reply (or a language part of a bilingual one) starts straight with business: no greeting at its top. */
export const greetingMissing: Check = (analysis, ctx) => {
  const parts = framedParts(analysis, ctx);
  const findings: RawFinding[] = [];
  for (const part of parts) {
    if (part.greeting) continue;
    // In a bilingual reply, a short part below a rule line is a footer, not a message of its own.
    if (analysis.parts.length > 1 && !isSubstantial(part, analysis)) continue;
    // The span is taken from the line itself, so whitespace inside it never shifts it.
    const m = FIRST_WORDS.exec(part.firstLine.text);
    if (m) findings.push({ offset: part.firstLine.start + m.index, length: m[0].length });
  }
  return findings;
};
