import type { Check } from '../types.js';
import { spanFinding } from '../util.js';

/** No closing wish and no signature at the end of the reply. */
export const signoffMissing: Check = (analysis) => {
  const { signOff, lastLine, firstLine } = analysis.anatomy;
  if (signOff || !lastLine || lastLine === firstLine) return [];
  return [spanFinding(lastLine.start, lastLine.text)];
};
