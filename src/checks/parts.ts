import type { Analysis } from '../text/analysis.js';
import type { Part } from '../text/anatomy.js';
import type { Lang } from '../types.js';
import type { CheckContext } from './types.js';

/**
 * The parts of the reply whose frame (greeting, sign-off) a rule judges: the
 * whole reply, or each part of a bilingual reply written in one of the rule's
 * languages (the Finnish and the Swedish part of an FI/SV/EN auto-reply).
 */
export function framedParts(analysis: Analysis, ctx: CheckContext): Part<Lang>[] {
  const parts = analysis.parts;
  if (parts.length <= 1) return parts;
  return parts.filter((p) => ctx.rule.languages.includes(p.lang));
}

/** A part with a body of its own, not a one-line footer ("Tämä on automaattinen viesti."). */
export function isSubstantial(part: Part<Lang>, analysis: Analysis): boolean {
  const words = analysis.text.slice(part.start, part.end).match(/\p{L}+/gu)?.length ?? 0;
  return part.lines >= 2 && words >= 12;
}
