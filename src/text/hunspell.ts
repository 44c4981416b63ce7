import { firstLine, openLibrary, toPtr, type Koffi, type KoffiLib, type Ptr } from './native.js';
import { Memo } from './memo.js';
import { acquire, UNSHARED, type Guard } from './shared-native.js';
import { existsSync, readFileSync } from 'node:fs';
import { oneEditAway } from './near-words.js';
import { noSuggestWords, tryLetters, type SuggestHints } from './hunspell-files.js';
import { join } from 'node:path';
import { homedir } from 'node:os';

/**
 * Swedish spelling through the real libhunspell (Debian libhunspell-1.7-0 and
 * hunspell-sv: sv_SE and sv_FI), called through koffi. nspell cannot be used:
 * the Swedish dictionary's compound rules make it accept every word. Loaded
 * lazily, per dictionary, on the first Swedish word that needs it; null when
 * the library or the dictionary is missing, or when ASPALINT_NO_HUNSPELL=1.
 */

export type SwedishDictionary = 'sv_SE' | 'sv_FI';

export interface Hunspell {
  readonly dictionary: string;
  /** Whether the word is spelt correctly. */
  spell(word: string): boolean;
  /** Up to max suggestions (slow: tens of ms a word; ask only for reported words). */
  suggest(word: string, max?: number): string[];
  /**
   * The known words one edit away (text/near-words.ts), all asked in one
   * native session: 10–40 ms a word where suggest() takes 60–160 ms. Null for
   * a word so long that suggest() is the cheaper (its compounds make each
   * edit slow to check: 200 ms for 21 letters, where suggest() takes 30 ms).
   */
  near(word: string): string[] | null;
  /** Milliseconds spent loading koffi, the library and the dictionary. */
  readonly initMs: number;
}

export interface HunspellStatus {
  active: boolean;
  detail: string;
}

const LIBRARY_NAMES =
  process.platform === 'darwin'
    ? ['libhunspell-1.7.0.dylib', '/opt/homebrew/lib/libhunspell-1.7.0.dylib', '/usr/local/lib/libhunspell-1.7.0.dylib']
    : process.platform === 'win32'
      ? ['libhunspell-1.7-0.dll', 'libhunspell.dll']
      : ['libhunspell-1.7.so.0', 'libhunspell-1.7.so', 'libhunspell.so'];

/** Where .dic/.aff pairs are looked for: $DICPATH first, as hunspell itself does. */
function dictionaryDirs(): string[] {
  const dirs = (process.env.DICPATH ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
  dirs.push(
    '/usr/share/hunspell',
    '/usr/share/myspell/dicts',
    '/usr/share/myspell',
    '/usr/local/share/hunspell',
    '/opt/homebrew/share/hunspell',
    join(homedir(), 'Library', 'Spelling'),
  );
  return dirs;
}

/** Words are memoised per thread (a batch repeats its vocabulary); suggestions, slow and rarer, fewer. */
const MEMO_LIMIT = 100_000;
const SUGGEST_LIMIT = 10_000;
const MAX_WORD_CHARS = 100;
/** Longer words are suggested for by Hunspell (see near()). */
const NEAR_MAX_CHARS = 16;


interface Library {
  koffi: Koffi;
  f: ReturnType<typeof bind>;
  name: string;
}

let library: { lib: Library | null; detail: string } | undefined;
const loaded = new Map<string, { speller: Hunspell | null; status: HunspellStatus }>();

function bind(lib: KoffiLib) {
  return {
    create: lib.func('void *Hunspell_create(const char *affpath, const char *dpath)'),
    destroy: lib.func('void Hunspell_destroy(void *handle)'),
    encoding: lib.func('const char *Hunspell_get_dic_encoding(void *handle)'),
    spell: lib.func('int Hunspell_spell(void *handle, const char *word)'),
    suggest: lib.func('int Hunspell_suggest(void *handle, _Out_ void **list, const char *word)'),
    stem: lib.func('int Hunspell_stem(void *handle, _Out_ void **list, const char *word)'),
    freeList: lib.func('void Hunspell_free_list(void *handle, _Inout_ void **list, int n)'),
  };
}

function loadLibrary(): { lib: Library | null; detail: string } {
  const opened = openLibrary(LIBRARY_NAMES, 'libhunspell');
  if (!('lib' in opened)) return { lib: null, detail: opened.detail };
  try {
    return { lib: { koffi: opened.koffi, f: bind(opened.lib), name: opened.name }, detail: opened.name };
  } catch (err) {
    return { lib: null, detail: `${opened.name}: ${firstLine(err)}` };
  }
}

/** The speller of one dictionary ("sv_SE", "sv_FI"), loaded on first call; null when unavailable. */
export function getHunspell(dictionary: SwedishDictionary | string = 'sv_SE'): Hunspell | null {
  let entry = loaded.get(dictionary);
  if (!entry) {
    entry = load(dictionary);
    loaded.set(dictionary, entry);
  }
  return entry.speller;
}

/** What getHunspell(dictionary) found: active, and the files or the reason it is not. */
export function hunspellStatus(dictionary: SwedishDictionary | string = 'sv_SE'): HunspellStatus {
  getHunspell(dictionary);
  return loaded.get(dictionary)!.status;
}

/**
 * The library and the files getHunspell(dictionary) would load, or why it
 * cannot, without parsing the dictionary: part of the lint cache's key (engine/cache-key.ts).
 */
export function hunspellFiles(dictionary: SwedishDictionary | string): { library: string; aff: string; dic: string } | { detail: string } {
  const p = prepare(dictionary);
  return 'lib' in p ? { library: p.lib.name, aff: p.aff, dic: p.dic } : { detail: p.status.detail };
}

/** Whether getHunspell(dictionary) has loaded (or failed to load) it already; loads nothing. */
export function hunspellLoaded(dictionary: SwedishDictionary | string): boolean {
  return loaded.has(dictionary);
}

/** Forgets loaded spellers (tests switch ASPALINT_NO_HUNSPELL between runs). */
export function resetHunspell(): void {
  loaded.clear();
  pending.clear();
  swedish.clear();
  library = undefined;
}

type Loaded = { speller: Hunspell | null; status: HunspellStatus };
type Prepared = { lib: Library; dictionary: string; aff: string; dic: string; dir: string; started: number };

function load(dictionary: string): Loaded {
  const p = prepare(dictionary);
  if (!('lib' in p)) return p;
  // Another worker of the batch may have loaded it already (text/shared-native.ts).
  const got = acquire(`hunspell:${dictionary}`);
  if (got.kind === 'shared') return finish(p, got.handle, got.guard, false);
  try {
    const handle = toPtr(p.lib.f.create(p.aff, p.dic));
    // Ours until published: a handle finish() turns down is freed, and null published.
    const entry = finish(p, handle === 0n ? null : handle, got.guard, true);
    got.publish?.(entry.speller ? handle : null);
    return entry;
  } catch (err) {
    got.publish?.(null);
    return { speller: null, status: { active: false, detail: `${dictionary}: ${firstLine(err)}` } };
  }
}

const pending = new Map<string, Promise<void>>();

/**
 * Starts loading a dictionary in a background thread (koffi's asynchronous
 * call; parsing a Swedish .dic takes ~70 ms), so that it overlaps with other
 * start-up work. Await the promise before the first getHunspell() of that
 * dictionary: a call made while the load is under way loads it a second time.
 */
export function preloadHunspell(dictionary: SwedishDictionary | string = 'sv_SE'): Promise<void> {
  if (loaded.has(dictionary)) return Promise.resolve();
  let promise = pending.get(dictionary);
  if (promise) return promise;
  promise = new Promise<void>((resolve) => {
    const p = prepare(dictionary);
    const settle = (entry: Loaded, handle?: unknown) => {
      if (!loaded.has(dictionary)) loaded.set(dictionary, entry);
      else if (entry.speller && 'lib' in p) p.lib.f.destroy(handle); // a synchronous load won the race
      pending.delete(dictionary);
      resolve();
    };
    if (!('lib' in p)) return settle(p);
    p.lib.f.create.async(p.aff, p.dic, (err: unknown, handle: unknown) => {
      if (err) return settle({ speller: null, status: { active: false, detail: `${dictionary}: ${firstLine(err)}` } });
      settle(finish(p, handle as Ptr | null, UNSHARED, true), handle);
    });
  });
  pending.set(dictionary, promise);
  return promise;
}

/** The library and the dictionary's files, or why the dictionary cannot be loaded. */
function prepare(dictionary: string): Prepared | Loaded {
  if (process.env.ASPALINT_NO_HUNSPELL === '1') {
    return { speller: null, status: { active: false, detail: 'disabled by ASPALINT_NO_HUNSPELL=1' } };
  }
  const started = performance.now();
  library ??= loadLibrary();
  const lib = library.lib;
  if (!lib) return { speller: null, status: { active: false, detail: library.detail } };
  const dir = dictionaryDirs().find((d) => existsSync(join(d, `${dictionary}.dic`)) && existsSync(join(d, `${dictionary}.aff`)));
  if (!dir) {
    return { speller: null, status: { active: false, detail: `${lib.name} found, but no ${dictionary}.dic/.aff (hunspell-sv)` } };
  }
  return { lib, dictionary, dir, aff: join(dir, `${dictionary}.aff`), dic: join(dir, `${dictionary}.dic`), started };
}

/** The speller of a created handle; one it turns down is freed if `owned` (not another worker's). */
function finish({ lib, dictionary, dir, aff, dic, started }: Prepared, handle: Ptr | null, guard: Guard, owned: boolean): Loaded {
  if (!handle) return { speller: null, status: { active: false, detail: `${dictionary}: Hunspell_create failed` } };
  try {
    const encoding = String(guard.run(() => lib.f.encoding(handle)) ?? '');
    if (!/^utf-?8$/i.test(encoding)) {
      if (owned) lib.f.destroy(handle);
      return { speller: null, status: { active: false, detail: `${dictionary}: encoding ${encoding} is not supported (UTF-8 only)` } };
    }
    const speller = makeSpeller(lib, handle, dictionary, { aff, dic }, performance.now() - started, guard);
    return { speller, status: { active: true, detail: `${lib.name}, ${join(dir, dictionary)}.dic` } };
  } catch (err) {
    return { speller: null, status: { active: false, detail: `${dictionary}: ${firstLine(err)}` } };
  }
}

function makeSpeller({ koffi, f }: Library, handle: Ptr, dictionary: string, files: { aff: string; dic: string }, initMs: number, guard: Guard): Hunspell {
  const usable = (word: string) => word.length > 0 && word.length <= MAX_WORD_CHARS && !word.includes('\0');
  const spellMemo = new Memo<boolean>(MEMO_LIMIT);
  const suggestMemo = new Memo<string[]>(SUGGEST_LIMIT);
  const nearMemo = new Memo<string[]>(SUGGEST_LIMIT);
  /** A native list of strings (suggest, stem), copied out and freed. */
  const strings = (call: (out: [unknown]) => unknown): string[] => {
    const found: string[] = [];
    const out: [unknown] = [null];
    const n = Number(call(out));
    const list = toPtr(out[0]);
    if (list === 0n) return found;
    try {
      for (let i = 0; i < n; i++) found.push(koffi.decode.string(toPtr(koffi.decode.uint64(list + BigInt(i * 8)))));
    } finally {
      f.freeList(handle, [list], n);
    }
    return found;
  };
  // A word the dictionary marks NOSUGGEST is offered in none of its forms ("analsex" for "analys").
  const offered = (word: string, noSuggest: Set<string>) =>
    word.split(' ').every((part) => !noSuggest.has(part.toLowerCase()) && !strings((out) => f.stem(handle, out, part)).some((s) => noSuggest.has(s.toLowerCase())));
  return {
    dictionary,
    initMs,
    spell(word) {
      const ok = spellMemo.get(word);
      if (ok !== undefined) return ok;
      return spellMemo.set(word, usable(word) && guard.run(() => f.spell(handle, word)) !== 0);
    },
    suggest(word, max = 5) {
      let all = suggestMemo.get(word);
      if (all === undefined) all = suggestMemo.set(word, usable(word) ? guard.run(() => strings((out) => f.suggest(handle, out, word))) : []);
      return all.slice(0, max);
    },
    near(word) {
      if (word.length > NEAR_MAX_CHARS) return null;
      let all = nearMemo.get(word);
      if (all === undefined) {
        const { letters, noSuggest } = suggestHints(files);
        // The edits' verdicts skip the word memo: hundreds of non-words a word would push the vocabulary out.
        all = usable(word)
          ? guard.run(() => oneEditAway(word, letters, (w) => usable(w) && f.spell(handle, w) !== 0).filter((w) => offered(w, noSuggest)))
          : [];
        nearMemo.set(word, all);
      }
      return all;
    },
  };
}

const hints = new Map<string, SuggestHints>();

/** The dictionary's suggestion hints, read on the first word that needs them (~45 ms for a Swedish .dic). */
function suggestHints({ aff, dic }: { aff: string; dic: string }): SuggestHints {
  let known = hints.get(dic);
  if (!known) {
    try {
      const affText = readFileSync(aff, 'utf8');
      known = { letters: tryLetters(affText), noSuggest: noSuggestWords(affText, readFileSync(dic, 'utf8')) };
    } catch {
      // The speller is loaded already: its suggestions go on without these files.
      known = { letters: [], noSuggest: new Set() };
    }
    // No TRY line: the Swedish alphabet, as the dictionaries are Swedish ones.
    if (known.letters.length === 0) known.letters = Array.from('aerndtislogmkpbhfjuväcöåyqxzwé');
    hints.set(dic, known);
  }
  return known;
}

/** A speller over several dictionaries. */
export interface CombinedSpeller extends Pick<Hunspell, 'spell' | 'suggest' | 'near'> {
  /**
   * What the first dictionary says, never loading the others: true only when
   * spell(word) is true too. A check asks this first and spell() only of the
   * words it would report, so a reply whose only unknown words are ones it
   * passes over anyway (placeholders, addresses, names) loads one dictionary:
   * a Swedish one takes ~100 ms to load.
   */
  spellFirst(word: string): boolean;
}

/**
 * A Swedish speller over several dictionaries: a word is right when any of
 * them knows it. The first is loaded on first use, the next ones only when
 * spell() is asked of a word the previous reject (so a clean reply loads one
 * dictionary). Null when none of them is available.
 */
export function swedishSpeller(dictionaries: readonly string[] = ['sv_SE', 'sv_FI']): CombinedSpeller | null {
  // One per list of dictionaries and thread, so its memo of verdicts serves every reply.
  const key = dictionaries.join(',');
  const known = swedish.get(key);
  if (known) return known;
  const entry = combined(dictionaries);
  if (entry) swedish.set(key, entry);
  return entry;
}

const swedish = new Map<string, CombinedSpeller>();

function combined(dictionaries: readonly string[]): CombinedSpeller | null {
  const available = () => dictionaries.map((d) => getHunspell(d)).filter((s): s is Hunspell => s !== null);
  let first: Hunspell | null = null;
  for (const d of dictionaries) if ((first = getHunspell(d))) break;
  if (!first) return null;
  const primary = first;
  const verdicts = new Memo<boolean>(MEMO_LIMIT);
  return {
    spellFirst: (word) => primary.spell(word),
    spell(word) {
      const known = verdicts.get(word);
      if (known !== undefined) return known;
      return verdicts.set(word, primary.spell(word) || available().some((s) => s !== primary && s.spell(word)));
    },
    suggest(word, max = 5) {
      // Suggestions cost tens of milliseconds a word: the next dictionary is asked only when one has none.
      for (const s of available()) {
        const suggestions = s.suggest(word, max);
        if (suggestions.length > 0) return suggestions;
      }
      return [];
    },
    // The first dictionary's neighbours only: asking the next one too would double the cost of every name, which has none.
    near: (word) => primary.near(word),
  };
}
