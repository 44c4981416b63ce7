import type { Analysis } from '../text/analysis.js';
import type { RawFinding } from '../types.js';
import type { RuleMeta } from '../engine/catalogue.js';
import type { PhraseSet } from '../engine/phrases.js';

export interface CheckContext {
  rule: RuleMeta;
  /** The rule's options: catalogue defaults merged with the config's. */
  options: Record<string, unknown>;
  /** The rule's phrases in the reply's language (phrase rules and config phrases). */
  phrases?: PhraseSet;
  /** Product and service names from the config. */
  products: string[];
}

/** A check is a pure function of the analysed reply: no I/O, no printing. */
export type Check = (analysis: Analysis, ctx: CheckContext) => RawFinding[];
