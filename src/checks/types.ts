import type { Analysis } from '../text/analysis.js';
import type { Lang, Message, RawFinding } from '../types.js';
import type { Anatomy } from '../text/anatomy.js';
import type { Sentence, Word } from '../text/parse.js';
import type { AddressMarker } from '../text/address.js';
import type { Question } from '../text/questions.js';
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

/**
 * What a check may read about a reply: the stable, documented part of the
 * analysis our own checks use (text/analysis.ts implements it), the rule API
 * for plugins (docs/plugins.md). Every member is computed on first use and
 * kept. Offsets are UTF-16 code units in `message.text`.
 */
export interface RuleContext {
  /** The message as given: path, text, channel, forced language, the customer's message, template mode. */
  readonly message: Message;
  /** The reply proper, up to its quoted history, with suppression comments blanked out (offsets unchanged). */
  readonly text: string;
  /** `text` in lower case, offsets unchanged. */
  readonly lower: string;
  /** The reply's language: forced, or detected. */
  readonly language: Lang;
  /** Greeting, body, sign-off and quoted history. */
  readonly anatomy: Anatomy;
  /** The words, with offsets, lower-case cores and sentence indexes. */
  readonly words: readonly Word[];
  readonly sentences: readonly Sentence[];
  /** Each word's comparison key, in word order: its base form (Voikko's, or an irregular form's lemma) or its stem. */
  readonly keys: readonly string[];
  /** The words that address the customer, as familiar (sinä, du) or polite (te, ni). */
  readonly address: readonly AddressMarker[];
  /** The questions the text asks (read on the customer's message). */
  readonly questions: readonly Question[];
  /** The customer's message the reply answers, analysed the same way; null when there is none. */
  readonly customer: RuleContext | null;
  /** Whether an offset lies in the greeting line or the sign-off block. */
  inFrame(offset: number): boolean;
}

/** A check is a pure function of the analysed reply: no I/O, no printing. */
export type Check = (analysis: Analysis, ctx: CheckContext) => RawFinding[];
