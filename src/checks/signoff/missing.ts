import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { spanFinding } from '../util.js';
import { framedParts, isSubstantial } from '../parts.js';

/** No closing wish and no signature at the end of the reply (or of a language part of a bilingual one). */
export const signoffMissing: Check = (analysis, ctx) => {
  const findings: RawFinding[] = [];
  for (const part of framedParts(analysis, ctx)) {
    if (part.signOff) continue;
    if (analysis.parts.length > 1 && !isSubstantial(part, analysis)) continue;
    findings.push(spanFinding(part.lastLine.start, part.lastLine.text));
  }
  return findings;
};
