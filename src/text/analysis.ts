import type { Lang, Message } from '../types.js';
import { analyseAnatomy, languageParts, type Anatomy, type Part, type Section } from './anatomy.js';
import { blankOut, findDirectives, type Directive } from './directives.js';
import { detectLanguage } from './language.js';
import { resolveLanguages, type Segment } from './segments.js';
import { LineIndex } from './lines.js';
import { lowerSameLength } from './lower.js';
import { parse, type Parsed, type Word, type Sentence } from './parse.js';
import { stemKey } from './stem.js';
import { addressMarkers, greetsSeveral, type AddressMarker } from './address.js';
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
  private _segments?: Segment[];
  private _parts?: Part<Lang>[];
  private readonly _views = new Map<Lang, Analysis>();

  /**
   * `parent`: set on a language view (see view()), which keeps the segments
   * and the customer's message of the whole reply instead of finding its own.
   */
  constructor(
    readonly message: Message,
    private readonly parent?: { segments: Segment[]; customer: Analysis | null },
  ) {
    this.directives = findDirectives(message.text);
    this.source = blankOut(message.text, this.directives);
    if (parent) {
      this._segments = parent.segments;
      this._customer = parent.customer;
    }
  }

  get anatomy(): Anatomy {
    return (this._anatomy ??= analyseAnatomy(this.source));
  }

  /** The reply proper: up to the quoted history. */
  get text(): string {
    return this.source.slice(0, this.anatomy.replyEnd);
  }

  /** The reply in lower case, offsets unchanged (text/lower.ts). */
  get lower(): string {
    this._lower ??= lowerSameLength(this.text);
    return this._lower;
  }

  /**
   * The reply's language: forced, or that of its own prose (greeting, body,
   * sign-off) where its segments are in several languages, so that a pasted
   * English block does not make a Finnish reply English; else the whole
   * text's.
   */
  get language(): Lang {
    if (this._lang === undefined) this.resolveLanguages();
    return this._lang!;
  }

  /** The reply cut into paragraphs and line groups of one language each (see text/segments.ts). */
  get segments(): Segment[] {
    if (this._segments === undefined) this.resolveLanguages();
    return this._segments!;
  }

  private resolveLanguages(): void {
    if (this.parent) {
      this._lang = this.message.lang ?? this.parent.segments[0]?.lang ?? 'unknown';
      return;
    }
    const text = this.text;
    const detect = (prose: string) => (prose === text ? detectLanguage(text, this.words.map((w) => w.core)) : detectLanguage(prose));
    const { lang, segments } = resolveLanguages(text, this.message.lang, detect);
    this._lang = lang;
    this._segments = segments;
  }

  /**
   * The reply's parts in one language each, with a greeting and a sign-off of
   * their own: the Finnish, Swedish and English parts of a bilingual
   * auto-reply divided by rule lines ("-----"). One part, the whole reply in
   * its language, where it has no such division.
   */
  get parts(): Part<Lang>[] {
    if (this._parts === undefined) {
      const { sections, greeting, signOff, firstLine, lastLine } = this.anatomy;
      const parts = sections.length <= 1 ? [] : languageParts(sections, (s) => this.sectionLang(s));
      // One language throughout: the reply is one part, framed as a whole.
      this._parts =
        parts.length > 1 || !firstLine || !lastLine
          ? parts
          : [{ start: firstLine.start, end: lastLine.start + lastLine.text.trimEnd().length, greeting, signOff, firstLine, lastLine, lines: sections.reduce((n, s) => n + s.lines, 0), lang: this.language }];
    }
    return this._parts;
  }

  /** The language of most of a section's text (of the segments its words decide, where there are such). */
  private sectionLang(section: Section): Lang {
    const inside = this.segments.filter((s) => s.start < section.end && s.end > section.start);
    const pool = inside.some((s) => s.decided && !s.machine) ? inside.filter((s) => s.decided && !s.machine) : inside;
    const totals = new Map<Lang, number>();
    // A segment may run on past the section (a greeting line that took its neighbour's language): count only its overlap.
    for (const s of pool) totals.set(s.lang, (totals.get(s.lang) ?? 0) + Math.min(s.end, section.end) - Math.max(s.start, section.start));
    let best: Lang = this.langAt(section.start);
    for (const [lang, n] of totals) if (n > (totals.get(best) ?? -1)) best = lang;
    return best;
  }

  /** The languages of the reply's segments, the reply's own first. */
  get languages(): Lang[] {
    const langs = new Set<Lang>([this.language]);
    for (const s of this.segments) langs.add(s.lang);
    return [...langs];
  }

  /** The language of the segment an offset lies in; the reply's language between segments. */
  langAt(offset: number): Lang {
    const segment = this.segments.find((s) => offset >= s.start && offset < s.end);
    return segment?.lang ?? this.language;
  }

  /**
   * The reply as one language's checks see it: the segments in other
   * languages blanked out (offsets unchanged) and the language forced, so a
   * Swedish paragraph is never read with Finnish phrase lists, address forms
   * or dictionary. The analysis itself where the reply has one language.
   */
  view(lang: Lang): Analysis {
    if (this.parent || this.languages.length < 2) return this;
    let view = this._views.get(lang);
    if (!view) {
      const others = this.segments.filter((s) => s.lang !== lang);
      const forced = lang === 'unknown' ? {} : { lang };
      view = new Analysis(
        { ...this.message, text: blankOut(this.message.text, others), ...forced },
        { segments: this.segments.filter((s) => s.lang === lang), customer: this.customer },
      );
      this._views.set(lang, view);
    }
    return view;
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
    if (this._keys === undefined) {
      const several = this.languages.length > 1;
      // In a bilingual reply each word is stemmed in its own segment's language.
      this._keys = this.words.map((w) => stemKey(w.core, several ? this.langAt(w.start) : this.language));
    }
    return this._keys;
  }

  get address(): AddressMarker[] {
    if (this._address === undefined) {
      // The first line, greeting or not: "Hyvä(t) huoltaja(t)," opens many public-sector notices.
      const first = this.anatomy.firstLine?.text ?? '';
      this._address = addressMarkers(this.words, this.sentences, this.language, greetsSeveral(first, this.language));
    }
    return this._address;
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

  /**
   * Whether an offset lies in the greeting line or the sign-off block: its
   * closing and signature lines. A template's postscript below its signature
   * placeholder ("%{signature}", then "Du kan följa ditt ärende här") is read
   * as the body is.
   */
  inFrame(offset: number): boolean {
    const { greeting, signOff } = this.anatomy;
    if (greeting && offset >= greeting.start && offset < greeting.end) return true;
    if (signOff === null || offset < signOff.start || offset >= signOff.end) return false;
    if (signOff.closing !== null) return true;
    return signOff.signature.some((line) => offset >= line.start && offset < line.end);
  }
}
