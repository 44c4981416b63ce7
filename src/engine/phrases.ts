import type { Analysis } from '../text/analysis.js';
import type { Word } from '../text/parse.js';
import { keysMatch, stemKey, MIN_PREFIX_STEM } from '../text/stem.js';
import type { Lang } from '../types.js';
import type { PhraseEntry } from './catalogue.js';

/**
 * Morphology-aware phrase matching. A pattern ("älä epäröi ottaa … yhteyttä")
 * is compiled once per language into slots; each text word is compared by its
 * stem key, so inflected forms match the base form the catalogue is written in.
 */
type Alt = (
  | { kind: 'key'; key: string }
  | { kind: 'exact'; word: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
) & {
  /** "!tiket*": the word must be written in lower case, so a name ("Tiketti", the ticket seller) is not it. */
  lower?: boolean;
};

interface Slot {
  alts: Alt[];
  optional: boolean;
  /** The word must be written with a full stop ("ko."). */
  dot: boolean;
  /** Words that may stand before this slot without being in the pattern (the language's sentence adverbs). */
  floats: ReadonlySet<string>;
}

/**
 * Sentence adverbs, particles and object pronouns that slip into a set phrase
 * without changing it: "Pyydämme kuitenkin huomauttamaan", "Tveka absolut inte".
 * Up to MAX_FLOATS of them may stand between two pattern words. Negations
 * and content words are never here: they change what the phrase says.
 */
const FLOATING: Record<string, ReadonlySet<string>> = {
  fi: new Set(
    'kuitenkin kuitenkaan myös myöskin vielä siis nyt jo aina edelleen yhä ystävällisesti kohteliaasti teitä sinua todella erittäin'.split(' '),
  ),
  sv: new Set('också även dock alltså nu bara gärna då ju väl verkligen självklart absolut'.split(' ')),
};
const NO_FLOATS: ReadonlySet<string> = new Set();
const MAX_FLOATS = 2;

type Token = Slot | { gap: number };

export interface CompiledPhrase {
  ruleId: string;
  entry: PhraseEntry;
  tokens: Token[];
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  start: number;
  end: number;
  /** Words the pattern does not name slipped in ("Pyydämme kuitenkin huomauttamaan"): a whole-span fix would drop them. */
  floated?: boolean;
}

const GAP = /^(…|\.\.\.)$/;

export function compilePattern(pattern: string, lang: Lang): Token[] {
  const floats = FLOATING[lang] ?? NO_FLOATS;
  return splitPattern(pattern).map((slot): Token =>
    slot === 'gap'
      ? { gap: 3 }
      : {
          alts: slot.alts.map((written): Alt => {
            const { alt, lower } = unmarked(written);
            const flag = lower ? { lower: true } : {};
            if (alt.startsWith('=')) return { kind: 'exact', word: alt.slice(1).replace(/\.$/, ''), ...flag };
            if (alt.length > 1 && alt.endsWith('*')) return { kind: 'prefix', value: alt.slice(0, -1), ...flag };
            if (alt.length > 1 && alt.startsWith('*')) return { kind: 'suffix', value: alt.slice(1), ...flag };
            return { kind: 'key', key: stemKey(alt, lang), ...flag };
          }),
          optional: slot.optional,
          dot: slot.dot,
          floats,
        },
  );
}

/** The words of a pattern compared by stem key: the build computes their keys ahead (see primeStemKeys). */
export function patternKeyWords(pattern: string): string[] {
  return splitPattern(pattern).flatMap((slot) =>
    slot === 'gap'
      ? []
      : slot.alts
          .map((a) => unmarked(a).alt)
          .filter((a) => !a.startsWith('=') && !(a.length > 1 && (a.endsWith('*') || a.startsWith('*')))),
  );
}

/** An alternative without its "!" mark, and whether it had one (the word must then be written in lower case). */
function unmarked(written: string): { alt: string; lower: boolean } {
  const lower = written.length > 1 && written.startsWith('!');
  return { alt: lower ? written.slice(1) : written, lower };
}

type RawSlot = 'gap' | { alts: string[]; optional: boolean; dot: boolean };

function splitPattern(pattern: string): RawSlot[] {
  return pattern
    .trim()
    .split(/\s+/)
    .map((raw): RawSlot => {
      if (GAP.test(raw)) return 'gap';
      let text = raw.toLowerCase();
      const optional = text.endsWith('?');
      if (optional) text = text.slice(0, -1);
      const dot = text.length > 1 && text.endsWith('.');
      if (dot) text = text.slice(0, -1);
      return { alts: text.split('|'), optional, dot };
    });
}

function altMatches(alt: Alt, word: Word, key: string): boolean {
  if (alt.lower && !/^\p{Ll}/u.test(word.text)) return false;
  switch (alt.kind) {
    case 'key':
      // Addresses and codes ("support@firma.se") are never inflected forms of a word.
      return key === alt.key || (/^\p{L}+$/u.test(key) && keysMatch(alt.key, key));
    case 'exact':
      return word.core === alt.word;
    case 'prefix':
      return word.core.startsWith(alt.value);
    case 'suffix':
      return word.core.endsWith(alt.value) && word.core.length > alt.value.length;
  }
}

function slotMatches(slot: Slot, word: Word, key: string): boolean {
  if (slot.dot && !word.dot) return false;
  return slot.alts.some((alt) => altMatches(alt, word, key));
}

/** A set of phrases for one language, indexed by the key of their first word. */
export class PhraseSet {
  private readonly byKeyPrefix = new Map<string, CompiledPhrase[]>();
  private readonly byExact = new Map<string, CompiledPhrase[]>();
  /** Phrases whose first word is a prefix ("asiakas*"), by the prefix's first letters. */
  private readonly byWritten = new Map<string, CompiledPhrase[]>();
  private readonly unindexed: CompiledPhrase[] = [];
  /** Whether some phrase opens with an exact word ("=ko."): only then is a word's written form looked up. */
  private hasExact = false;
  /** The lengths of byWritten's keys: only prefixes of those lengths are cut from a word. */
  private readonly writtenLengths: number[];

  constructor(phrases: CompiledPhrase[]) {
    for (const phrase of phrases) this.index(phrase);
    this.writtenLengths = [...new Set([...this.byWritten.keys()].map((k) => k.length))].sort((a, b) => a - b);
  }

  private index(phrase: CompiledPhrase): void {
    const first = phrase.tokens[0];
    if (!first || 'gap' in first || first.optional || first.alts.some((a) => a.kind === 'suffix')) {
      this.unindexed.push(phrase);
      return;
    }
    for (const alt of first.alts) {
      if (alt.kind === 'key' && alt.key.length >= MIN_PREFIX_STEM) push(this.byKeyPrefix, alt.key.slice(0, MIN_PREFIX_STEM), phrase);
      else if (alt.kind === 'key') push(this.byExact, alt.key, phrase);
      else if (alt.kind === 'exact') {
        push(this.byExact, `=${alt.word}`, phrase);
        this.hasExact = true;
      }
      else if (alt.kind === 'prefix') push(this.byWritten, alt.value.slice(0, MIN_PREFIX_STEM), phrase);
    }
  }

  get size(): number {
    return this.unindexed.length + this.byKeyPrefix.size + this.byExact.size;
  }

  private tryAll(list: CompiledPhrase[] | undefined, i: number, words: Word[], keys: string[], out: PhraseMatch[]): void {
    if (!list) return;
    const word = words[i]!;
    for (const phrase of list) {
      const state = { floats: 0 };
      const end = matchFrom(phrase.tokens, 0, i, words, keys, word.sentence, state);
      if (end > i) out.push({ phrase, start: word.start, end: words[end - 1]!.end, ...(state.floats > 0 ? { floated: true } : {}) });
    }
  }

  /**
   * All matches in the reply, longest first where two of one rule overlap.
   * Every word of every reply passes here: a list is looked up only where one
   * can be (an exact word, a written prefix of a length some phrase opens with).
   */
  find(analysis: Analysis): PhraseMatch[] {
    const words = analysis.words;
    const keys = analysis.keys;
    const matches: PhraseMatch[] = [];
    const lengths = this.writtenLengths;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const key = keys[i]!;
      // A phrase may come from two lists; its duplicate match is dropped with the overlaps.
      if (this.unindexed.length > 0) this.tryAll(this.unindexed, i, words, keys, matches);
      this.tryAll(this.byExact.get(key), i, words, keys, matches);
      if (this.hasExact) this.tryAll(this.byExact.get(`=${word.core}`), i, words, keys, matches);
      if (key.length >= MIN_PREFIX_STEM) this.tryAll(this.byKeyPrefix.get(key.slice(0, MIN_PREFIX_STEM)), i, words, keys, matches);
      for (const n of lengths) {
        if (n > word.core.length) break;
        this.tryAll(this.byWritten.get(word.core.slice(0, n)), i, words, keys, matches);
      }
    }
    return dropOverlaps(matches);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index one past the last word matched, or -1. Words must stay in one sentence. */
function matchFrom(tokens: Token[], t: number, w: number, words: Word[], keys: string[], sentence: number, state: { floats: number }): number {
  if (t === tokens.length) return w;
  const token = tokens[t]!;
  if ('gap' in token) {
    for (let skip = 0; skip <= token.gap; skip++) {
      const at = w + skip;
      if (at > words.length || (skip > 0 && words[at - 1]!.sentence !== sentence)) break;
      const end = matchFrom(tokens, t + 1, at, words, keys, sentence, state);
      if (end !== -1) return end;
    }
    return -1;
  }
  const word = words[w];
  if (word && word.sentence === sentence && slotMatches(token, word, keys[w]!)) {
    const end = matchFrom(tokens, t + 1, w + 1, words, keys, sentence, state);
    if (end !== -1) return end;
  }
  // An optional slot may be skipped, but a match never starts or ends on nothing.
  if (token.optional && t > 0) {
    const end = matchFrom(tokens, t + 1, w, words, keys, sentence, state);
    if (end !== -1) return end;
  }
  // Inside a phrase a sentence adverb may stand before the next pattern word.
  if (t > 0 && !('gap' in tokens[t - 1]!)) {
    for (let skip = 1; skip <= MAX_FLOATS; skip++) {
      const floated = words[w + skip - 1];
      if (!floated || floated.sentence !== sentence || !token.floats.has(floated.core)) break;
      const next = words[w + skip];
      if (next && next.sentence === sentence && slotMatches(token, next, keys[w + skip]!)) {
        const end = matchFrom(tokens, t + 1, w + skip + 1, words, keys, sentence, state);
        if (end !== -1) {
          state.floats += skip;
          return end;
        }
      }
    }
  }
  return -1;
}

function dropOverlaps(matches: PhraseMatch[]): PhraseMatch[] {
  const byRule = new Map<string, PhraseMatch[]>();
  for (const m of matches) push(byRule, m.phrase.ruleId, m);
  const kept: PhraseMatch[] = [];
  for (const list of byRule.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let lastEnd = -1;
    for (const m of list) {
      if (m.start < lastEnd) continue;
      kept.push(m);
      lastEnd = m.end;
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.phrase.ruleId.localeCompare(b.phrase.ruleId));
}
