import type { Analysis } from '../text/analysis.js';
import type { RawFinding } from '../types.js';
import type { RuleMeta } from '../engine/catalogue.js';
import type { PhraseMatch } from '../engine/phrases.js';

export interface CheckContext {
  rule: RuleMeta;
  /** The rule's options: catalogue defaults merged with the config's. */
  options: Record<string, unknown>;
  /** Where the rule's phrases (catalogue and config) occur in the reply. */
  phraseMatches?: PhraseMatch[];
  /** Product and service names from the config. */
  products: string[];
}

/** A check is a pure function of the analysed reply: no I/O, no printing. */
export type Check = (analysis: Analysis, ctx: CheckContext) => RawFinding[];
