import type { Check } from '../types.js';
import { spanFinding } from '../util.js';

/** The reply starts straight with business: no greeting on its first line. */
export const greetingMissing: Check = (analysis) => {
  const { firstLine, greeting, lastLine } = analysis.anatomy;
  if (!firstLine || greeting || firstLine === lastLine) return [];
  const words = firstLine.text.trim().split(/\s+/).slice(0, 8).join(' ');
  return [spanFinding(firstLine.start + firstLine.text.indexOf(words), words)];
};
