import type { Lang, Message } from '../types.js';
import { analyseAnatomy, type Anatomy } from './anatomy.js';
import { blankOut, findDirectives, type Directive } from './directives.js';
import { detectLanguage } from './language.js';
import { LineIndex } from './lines.js';
import { parse, type Parsed, type Word, type Sentence } from './parse.js';
import { stemKey } from './stem.js';
import { addressMarkers, type AddressMarker } from './address.js';
import { newestQuoted } from './quoted.js';
import { findQuestions, type Question } from './questions.js';
import type { RuleContext } from '../checks/types.js';

/**
 * Everything the checks know about one reply, built lazily and once: a check
 * that needs only the anatomy never pays for the parse.
 */
export class Analysis implements RuleContext {
  readonly directives: Directive[];
  /** The reply with directive comments blanked out, offsets unchanged. */
  readonly source: string;
  private _anatomy?: Anatomy;
  private _lang?: Lang;
  private _parsed?: Parsed;
  private _keys?: string[];
  private _address?: AddressMarker[];
  private _lineIndex?: LineIndex;
  private _customer?: Analysis | null;
  private _lower?: string;
  private _questions?: Question[];

  constructor(readonly message: Message) {
    this.directives = findDirectives(message.text);
    this.source = blankOut(message.text, this.directives);
  }

  get anatomy(): Anatomy {
    return (this._anatomy ??= analyseAnatomy(this.source));
  }

  /** The reply proper: up to the quoted history. */
  get text(): string {
    return this.source.slice(0, this.anatomy.replyEnd);
  }

  /**
   * The reply in lower case, offsets unchanged: checks match lower-case
   * patterns against it, since a case-insensitive Unicode regex costs several
   * times more to compile. Characters whose lower case is longer (rare in
   * Finnish and Swedish) are kept as they are.
   */
  get lower(): string {
    if (this._lower === undefined) {
      const text = this.text;
      const lower = text.toLowerCase();
      this._lower = lower.length === text.length ? lower : Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
    }
    return this._lower;
  }

  get language(): Lang {
    return (this._lang ??= this.message.lang ?? detectLanguage(this.text, this.words.map((w) => w.core)));
  }

  get parsed(): Parsed {
    return (this._parsed ??= parse(this.text));
  }

  get words(): Word[] {
    return this.parsed.words;
  }

  get sentences(): Sentence[] {
    return this.parsed.sentences;
  }

  /** Comparison keys (stem or irregular lemma) of the words, in the reply's language. */
  get keys(): string[] {
    return (this._keys ??= this.words.map((w) => stemKey(w.core, this.language)));
  }

  get address(): AddressMarker[] {
    return (this._address ??= addressMarkers(this.words, this.sentences, this.language));
  }

  get lineIndex(): LineIndex {
    return (this._lineIndex ??= new LineIndex(this.message.text));
  }

  /**
   * The customer's message the reply answers: given with the message, or the
   * newest message in the reply's quoted history. Null when there is none.
   */
  get customer(): Analysis | null {
    if (this._customer === undefined) {
      const text = this.message.customer ?? (this.anatomy.quoted ? newestQuoted(this.anatomy.quoted.text) : '');
      this._customer = text.trim() === '' ? null : new Analysis({ path: `${this.message.path}#customer`, text, channel: this.message.channel });
    }
    return this._customer;
  }

  /** The questions this text asks (used on the customer's message). */
  get questions(): Question[] {
    return (this._questions ??= findQuestions(this));
  }

  /** Whether an offset lies in the greeting line or the sign-off block. */
  inFrame(offset: number): boolean {
    const { greeting, signOff } = this.anatomy;
    if (greeting && offset >= greeting.start && offset < greeting.end) return true;
    return signOff !== null && offset >= signOff.start;
  }
}
