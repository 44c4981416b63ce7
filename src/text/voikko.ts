import { firstLine, openLibrary, toPtr, type Koffi, type KoffiLib, type Ptr } from './native.js';
import { Memo } from './memo.js';
import { detach } from './detach.js';
import { acquire, UNSHARED, type Guard } from './shared-native.js';

/**
 * Finnish morphology, spelling and grammar through libvoikko (Debian
 * packages libvoikko1 and voikko-fi), called through koffi. Loaded lazily,
 * on the first Finnish word that needs it: a Swedish-only run never pays for
 * it. When the library or the Finnish dictionary is missing — or when
 * ASPALINT_NO_VOIKKO=1 — getVoikko() returns null and callers fall back to
 * their heuristics.
 *
 * libvoikko counts positions in code points; JavaScript strings in UTF-16
 * units. Everything this module returns is in UTF-16 units.
 */

/**
 * One reading of a word; only the keys aspalint uses. Verbs (and the
 * negation verb) carry person, number, mood and negative; other words
 * possessive and participle, and a participle its wordbases.
 */
export interface VoikkoAnalysis {
  /** BASEFORM: "epäröidä" for "epäröikää". */
  baseform: string;
  /** CLASS: nimisana, teonsana, laatusana, kieltosana, etunimi, paikannimi… */
  class: string;
  /** PERSON of a verb: "1" | "2" | "3" | "4" (passive). */
  person?: string;
  /** NUMBER: "singular" | "plural". */
  number?: string;
  /** MOOD of a verb: indicative, imperative, conditional, potential, A-infinitive… */
  mood?: string;
  /** POSSESSIVE suffix: "1s" | "2s" | "1p" | "2p" | "3". */
  possessive?: string;
  /** NEGATIVE of a verb form: "false" (cannot follow "ei"), "true" or "both". */
  negative?: string;
  /** PARTICIPLE of a participle reading: agent, past_passive, present_active… */
  participle?: string;
  /** WORDBASES: the parts and their base forms, "+epäröi(epäröidä)+m+ä(+ä)". */
  wordbases?: string;
}

export interface VoikkoGrammarError {
  /** UTF-16 offset in the text given. */
  offset: number;
  /** Length in UTF-16 units. */
  length: number;
  /** libvoikko's error code (see GRAMMAR_CODES). */
  code: number;
  /** libvoikko's short description, in Finnish. */
  description: string;
  suggestions: string[];
}

export interface Voikko {
  /** Whether the word is spelt correctly (as written: case matters for names). */
  spell(word: string): boolean;
  /** Up to max spelling suggestions (slow: ~1.5 ms a word; ask only for reported words). */
  suggest(word: string, max?: number): string[];
  /** The word's readings; empty when Voikko does not know it. */
  analyze(word: string): VoikkoAnalysis[];
  /** Grammar errors of a text; paragraphs (split at blank lines) are checked one by one. */
  grammarErrors(text: string): VoikkoGrammarError[];
  /** libvoikko's version ("4.3.1"). */
  readonly version: string;
  /** Milliseconds spent loading koffi, the library and the dictionary. */
  readonly initMs: number;
}

/** libvoikko's grammar error codes (libvoikko/src/grammar/error.hpp). */
export const GRAMMAR_CODES = {
  extraWhitespace: 2,
  spaceBeforePunctuation: 3,
  extraComma: 4,
  invalidSentenceStarter: 5,
  writeFirstLowercase: 6,
  writeFirstUppercase: 7,
  repeatingWord: 8,
  terminatingPunctuationMissing: 9,
  invalidPunctuationAtEndOfQuotation: 10,
  foreignQuotationMark: 11,
  misplacedClosingParenthesis: 12,
  negativeVerbMismatch: 13,
  aInfinitiveRequired: 14,
  maInfinitiveRequired: 15,
  misplacedSidesana: 16,
  missingMainVerb: 17,
  extraMainVerb: 18,
} as const;

/** Shared-library names to try, per platform. */
const LIBRARY_NAMES =
  process.platform === 'darwin'
    ? ['libvoikko.1.dylib', '/opt/homebrew/lib/libvoikko.1.dylib', '/usr/local/lib/libvoikko.1.dylib']
    : process.platform === 'win32'
      ? ['libvoikko-1.dll']
      : ['libvoikko.so.1', 'libvoikko.so'];

// libvoikko option numbers (voikko_defines.h).
const OPT_IGNORE_DOT = 0;
const OPT_IGNORE_NUMBERS = 1;
const OPT_ACCEPT_TITLES_IN_GC = 13;
const OPT_ACCEPT_UNFINISHED_PARAGRAPHS_IN_GC = 14;
const OPT_ACCEPT_BULLETED_LISTS_IN_GC = 16;
const OPT_SPELLER_CACHE_SIZE = 17;

/** Words are memoised per thread; a batch repeats its vocabulary. */
const MEMO_LIMIT = 100_000;
/** Suggestions and grammar errors take more memory an entry and repeat less. */
const SUGGEST_LIMIT = 10_000;
const GRAMMAR_LIMIT = 5_000;
/** libvoikko refuses longer words (LIBVOIKKO_MAX_WORD_CHARS). */
const MAX_WORD_CHARS = 255;

/** Why Voikko is not available, or its version: for `aspalint doctor`. */
export interface VoikkoStatus {
  active: boolean;
  detail: string;
}

let state: Loaded | undefined;

/** The Finnish Voikko instance, loaded on first call; null when unavailable or disabled. */
export function getVoikko(): Voikko | null {
  return (state ??= load()).voikko;
}

/** Whether Voikko is available (loads it). */
export function voikkoAvailable(): boolean {
  return getVoikko() !== null;
}

/** What getVoikko() found: active, and the version or the reason it is not. */
export function voikkoStatus(): VoikkoStatus {
  return (state ??= load()).status;
}

/**
 * Voikko's library version ("libvoikko 4.3.1"), or why it cannot be loaded,
 * without loading the dictionary: part of the lint cache's key (engine/cache-key.ts).
 */
export function voikkoLibraryVersion(): string {
  const p = prepare();
  return 'f' in p ? `libvoikko ${String(p.f.version() ?? '?')}` : p.status.detail;
}

/** Forgets the loaded instance (tests switch ASPALINT_NO_VOIKKO between runs). */
export function resetVoikko(): void {
  state = undefined;
  pending = undefined;
}


type Loaded = { voikko: Voikko | null; status: VoikkoStatus };
type Prepared = { koffi: Koffi; f: Bound; started: number };

function load(): Loaded {
  const p = prepare();
  if (!('f' in p)) return p;
  // Another worker of the batch may have loaded it already (text/shared-native.ts).
  const got = acquire('voikko');
  if (got.kind === 'shared') return finish(p, got.handle, null, got.guard, false);
  try {
    const error: [unknown] = [null];
    const handle = toPtr(p.f.init(error, 'fi', null));
    const loaded = finish(p, handle === 0n ? null : handle, error[0], got.guard, true);
    got.publish?.(loaded.voikko ? handle : null);
    return loaded;
  } catch (err) {
    got.publish?.(null);
    return unusable(err);
  }
}

let pending: Promise<void> | undefined;

/**
 * Starts loading Voikko with its dictionary in a background thread (koffi's
 * asynchronous call), so that it overlaps with other start-up work. Await the
 * promise before the first getVoikko(): a call made while the load is under
 * way loads a second instance synchronously.
 */
export function preloadVoikko(): Promise<void> {
  if (state) return Promise.resolve();
  return (pending ??= new Promise<void>((resolve) => {
    const p = prepare();
    if (!('f' in p)) {
      state ??= p;
      resolve();
      return;
    }
    const error: [unknown] = [null];
    p.f.init.async(error, 'fi', null, (err: unknown, handle: unknown) => {
      const loaded = err ? unusable(err) : finish(p, handle as Ptr | null, error[0], UNSHARED, true);
      if (state && loaded.voikko) p.f.terminate(handle); // a synchronous load won the race
      state ??= loaded;
      pending = undefined;
      resolve();
    });
  }));
}

/** koffi and the library, or why Voikko cannot be loaded. */
function prepare(): Prepared | Loaded {
  if (process.env.ASPALINT_NO_VOIKKO === '1') {
    return { voikko: null, status: { active: false, detail: 'disabled by ASPALINT_NO_VOIKKO=1' } };
  }
  const started = performance.now();
  const opened = openLibrary(LIBRARY_NAMES, 'libvoikko');
  if (!('lib' in opened)) return { voikko: null, status: { active: false, detail: opened.detail } };
  try {
    return { koffi: opened.koffi, f: bind(opened.lib), started };
  } catch (err) {
    return unusable(err);
  }
}

/** The instance from voikkoInit's result, with the options aspalint relies on (set by the thread that loaded it). */
function finish({ koffi, f, started }: Prepared, handle: Ptr | null, error: unknown, guard: Guard, configure: boolean): Loaded {
  try {
    if (!handle) {
      const reason = typeof error === 'string' ? error : 'unknown error';
      return { voikko: null, status: { active: false, detail: `libvoikko found, but no Finnish dictionary (voikko-fi): ${reason}` } };
    }
    if (configure) {
      f.setBool(handle, OPT_IGNORE_DOT, 1);
      f.setBool(handle, OPT_IGNORE_NUMBERS, 1);
      f.setBool(handle, OPT_ACCEPT_TITLES_IN_GC, 1);
      f.setBool(handle, OPT_ACCEPT_UNFINISHED_PARAGRAPHS_IN_GC, 1);
      f.setBool(handle, OPT_ACCEPT_BULLETED_LISTS_IN_GC, 1);
      f.setInt(handle, OPT_SPELLER_CACHE_SIZE, 2);
    }
    const version = String(f.version() ?? '?');
    const voikko = makeVoikko(koffi, f, handle, version, performance.now() - started, guard);
    return { voikko, status: { active: true, detail: `libvoikko ${version}, Finnish dictionary loaded` } };
  } catch (err) {
    return unusable(err);
  }
}

function unusable(err: unknown): Loaded {
  return { voikko: null, status: { active: false, detail: `libvoikko unusable: ${firstLine(err)}` } };
}


function bind(lib: KoffiLib) {
  return {
    init: lib.func('void *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)'),
    terminate: lib.func('void voikkoTerminate(void *handle)'),
    setBool: lib.func('int voikkoSetBooleanOption(void *handle, int option, int value)'),
    setInt: lib.func('int voikkoSetIntegerOption(void *handle, int option, int value)'),
    version: lib.func('const char *voikkoGetVersion()'),
    spell: lib.func('int voikkoSpellCstr(void *handle, const char *word)'),
    suggest: lib.func('void *voikkoSuggestCstr(void *handle, const char *word)'),
    freeCstrArray: lib.func('void voikkoFreeCstrArray(void *array)'),
    analyze: lib.func('void *voikkoAnalyzeWordCstr(void *handle, const char *word)'),
    freeAnalysis: lib.func('void voikko_free_mor_analysis(void *analysis)'),
    analysisValue: lib.func('void *voikko_mor_analysis_value_cstr(void *analysis, const char *key)'),
    freeAnalysisValue: lib.func('void voikko_free_mor_analysis_value_cstr(void *value)'),
    nextGrammarError: lib.func(
      'void *voikkoNextGrammarErrorCstr(void *handle, const char *text, size_t textlen, size_t startpos, int skiperrors)',
    ),
    errorCode: lib.func('int voikkoGetGrammarErrorCode(void *error)'),
    errorStart: lib.func('size_t voikkoGetGrammarErrorStartPos(void *error)'),
    errorLength: lib.func('size_t voikkoGetGrammarErrorLength(void *error)'),
    errorSuggestions: lib.func('void *voikkoGetGrammarErrorSuggestions(void *error)'),
    errorDescription: lib.func('void *voikkoGetGrammarErrorShortDescription(void *error, const char *language)'),
    freeErrorMessage: lib.func('void voikkoFreeErrorMessageCstr(void *message)'),
    freeGrammarError: lib.func('void voikkoFreeGrammarError(void *error)'),
  };
}

type Bound = ReturnType<typeof bind>;

/**
 * The keys fetched, by word class: each costs a call across the FFI, so a
 * reading gets only what aspalint uses of it.
 */
const VERB_KEYS = [
  ['person', 'PERSON'],
  ['number', 'NUMBER'],
  ['mood', 'MOOD'],
  ['negative', 'NEGATIVE'],
] as const;
const OTHER_KEYS = [
  ['possessive', 'POSSESSIVE'],
  ['participle', 'PARTICIPLE'],
] as const;
type ReadingKey = 'baseform' | 'class' | (typeof VERB_KEYS)[number][0] | (typeof OTHER_KEYS)[number][0] | 'wordbases';

/**
 * The readings of a word Voikko does not know: one array for them all. The
 * analysis memo holds up to MEMO_LIMIT words, most of them names, codes and
 * typos without a reading; an array each is 1.6 MB of a 100,000-word memo.
 * Callers already share what the memo returns and must not change it.
 */
const NO_READINGS: VoikkoAnalysis[] = [];

/** Voikko's values of a closed set (CLASS "nimisana", NUMBER "singular"…): one string each, not one per reading. */
const SHARED_VALUES = new Map<string, string>();
function shared(value: string): string {
  const known = SHARED_VALUES.get(value);
  if (known !== undefined) return known;
  // A closed set is small; a dictionary that says otherwise only loses the sharing.
  if (SHARED_VALUES.size < 1000) SHARED_VALUES.set(value, value);
  return value;
}

function makeVoikko(koffi: Koffi, f: Bound, handle: Ptr, version: string, initMs: number, guard: Guard): Voikko {
  /** The strings of a NULL-terminated char* array. */
  const strings = (array: Ptr): string[] => {
    const out: string[] = [];
    if (array === 0n) return out;
    for (let at = array; ; at += 8n) {
      const item = toPtr(koffi.decode.uint64(at));
      if (item === 0n) break;
      out.push(koffi.decode.string(item));
    }
    return out;
  };
  const usable = (word: string) => word.length > 0 && word.length <= MAX_WORD_CHARS && !word.includes('\0');

  const spellMemo = new Memo<boolean>(MEMO_LIMIT);
  const analyzeMemo = new Memo<VoikkoAnalysis[]>(MEMO_LIMIT);
  const suggestMemo = new Memo<string[]>(SUGGEST_LIMIT);
  const grammarMemo = new Memo<VoikkoGrammarError[]>(GRAMMAR_LIMIT);

  return {
    version,
    initMs,
    spell(word) {
      const known = spellMemo.get(word);
      if (known !== undefined) return known;
      return spellMemo.set(word, usable(word) && guard.run(() => f.spell(handle, word)) === 1);
    },
    suggest(word, max = 5) {
      let all = suggestMemo.get(word);
      if (all === undefined) {
        all = [];
        if (usable(word)) {
          all = guard.run(() => {
            const array = toPtr(f.suggest(handle, word));
            try {
              return strings(array);
            } finally {
              if (array !== 0n) f.freeCstrArray(array);
            }
          });
        }
        suggestMemo.set(word, all);
      }
      return all.slice(0, max);
    },
    analyze(word) {
      const known = analyzeMemo.get(word);
      if (known !== undefined) return known;
      // Kept for the run, so kept small: what most words share is shared (see NO_READINGS, shared()).
      const out: VoikkoAnalysis[] = [];
      // The base form of most nouns is the word itself: kept as one string, and not as a slice of the reply it came from.
      let own: string | undefined;
      if (usable(word)) guard.run(() => {
        const list = toPtr(f.analyze(handle, word));
        try {
          for (let at = list; list !== 0n; at += 8n) {
            const item = toPtr(koffi.decode.uint64(at));
            if (item === 0n) break;
            const reading: Partial<Record<ReadingKey, string>> = {};
            const read = (name: ReadingKey, key: string) => {
              const value = toPtr(f.analysisValue(item, key));
              if (value === 0n) return;
              try {
                const text = koffi.decode.string(value);
                reading[name] = name === 'baseform' ? (text === word ? (own ??= detach(word)) : text) : name === 'wordbases' ? text : shared(text);
              } finally {
                f.freeAnalysisValue(value);
              }
            };
            read('baseform', 'BASEFORM');
            read('class', 'CLASS');
            const verb = reading.class === 'teonsana' || reading.class === 'kieltosana';
            for (const [name, key] of verb ? VERB_KEYS : OTHER_KEYS) read(name, key);
            if (reading.participle !== undefined) read('wordbases', 'WORDBASES');
            out.push({ ...reading, baseform: reading.baseform ?? word, class: reading.class ?? '' });
          }
        } finally {
          if (list !== 0n) f.freeAnalysis(list);
        }
      });
      return analyzeMemo.set(word, out.length === 0 ? NO_READINGS : out);
    },
    grammarErrors(text) {
      const errors: VoikkoGrammarError[] = [];
      for (const { start, text: paragraph } of paragraphs(text)) {
        // Paragraphs repeat across replies (templates, sign-offs): their errors are memoised, relative to the paragraph.
        let found = grammarMemo.get(paragraph);
        if (found === undefined) found = grammarMemo.set(paragraph, guard.run(() => paragraphErrors(paragraph)));
        for (const e of found) errors.push({ ...e, offset: start + e.offset, suggestions: [...e.suggestions] });
      }
      return errors;
    },
  };

  /** libvoikko's grammar errors of one paragraph, offsets relative to it. */
  function paragraphErrors(paragraph: string): VoikkoGrammarError[] {
    const errors: VoikkoGrammarError[] = [];
    const bytes = Buffer.byteLength(paragraph, 'utf8');
    const units = codePointOffsets(paragraph);
    for (let skip = 0; ; skip++) {
      const error = toPtr(f.nextGrammarError(handle, paragraph, bytes, 0, skip));
      if (error === 0n) break;
      try {
        const from = Number(f.errorStart(error));
        const to = from + Number(f.errorLength(error));
        const description = toPtr(f.errorDescription(error, 'fi'));
        let text = '';
        if (description !== 0n) {
          text = koffi.decode.string(description);
          f.freeErrorMessage(description);
        }
        const offset = units[Math.min(from, units.length - 1)]!;
        errors.push({
          offset,
          length: units[Math.min(to, units.length - 1)]! - offset,
          code: Number(f.errorCode(error)),
          description: text,
          // Freed with the error itself.
          suggestions: strings(toPtr(f.errorSuggestions(error))),
        });
      } finally {
        f.freeGrammarError(error);
      }
    }
    return errors;
  }
}

/** The text's paragraphs (split at blank lines), each with its UTF-16 start. */
function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > start) out.push({ start, text: text.slice(start, m.index!) });
    start = m.index! + m[0].length;
  }
  if (start < text.length) out.push({ start, text: text.slice(start) });
  return out.filter((p) => p.text.trim() !== '');
}

/** UTF-16 offset of each code point position of the text, and one past the end. */
export function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of text) {
    offsets.push(unit);
    unit += ch.length;
  }
  offsets.push(unit);
  return offsets;
}
