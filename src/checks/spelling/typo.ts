import type { Check, CheckContext } from '../types.js';
import type { RawFinding, Trilingual } from '../../types.js';
import type { Analysis } from '../../text/analysis.js';
import type { Word } from '../../text/parse.js';
import { getVoikko } from '../../text/voikko.js';
import { swedishSpeller } from '../../text/hunspell.js';
import { overlaps, rangesOf, type Range } from './protect.js';
import { partitionPoint } from '../util.js';
import { Memo } from '../../text/memo.js';

/** What the spelling check needs of a speller. */
export interface Speller {
  spell(word: string): boolean;
  suggest(word: string, max?: number): string[];
  /** Over several dictionaries: the first one's verdict, loading no other (text/hunspell.ts). */
  spellFirst?(word: string): boolean;
  /** The known words one edit away, where that is much cheaper than suggest(), else null (Hunspell: text/near-words.ts). */
  near?(word: string): string[] | null;
}

/** The speller of a language: Voikko for Finnish, Hunspell (sv_SE, then sv_FI) for Swedish; null when missing. */
export function spellerFor(lang: string, options: Record<string, unknown> = {}): Speller | null {
  if (lang === 'fi') return getVoikko();
  if (lang === 'sv') return swedishSpeller(swedishDictionaries(options));
  return null;
}

function swedishDictionaries(options: Record<string, unknown>): string[] {
  const value = options.swedishDictionaries;
  return Array.isArray(value) && value.every((d) => typeof d === 'string') && value.length > 0 ? (value as string[]) : ['sv_SE', 'sv_FI'];
}

const MAX_SUGGESTIONS = 3;
/** Letters, with apostrophes and hyphens inside: "sähköposti-osoite", "McDonald's". */
const WORD_SHAPE = /^\p{L}+(?:['’-]\p{L}+)*$/u;
/** An accepted word also covers its inflected forms: a suffix of at most this many letters. */
const MAX_SUFFIX = 6;
/** Words this long or shorter are not checked. */
const MIN_LENGTH = 3;

/**
 * What a word's letters alone tell the check, whatever reply it is in: kept
 * per speller (so per language and dictionaries) for every reply the process
 * lints, in a bounded memo. A batch repeats its vocabulary, so most words cost
 * one Map look-up instead of the shape tests and the speller's memo.
 */
interface Verdict {
  /** A word of a shape the check looks at that the speller (its first dictionary) rejects as written. */
  unknown: boolean;
  /** Rejected by every dictionary too: asked only of unknown words that are not excluded. */
  rejected?: boolean;
  /** Right all the same (isRightOtherwise): asked only of unknown words. */
  rightOtherwise?: boolean;
  /** The suggestions, ranked: asked only of a word about to be reported. */
  suggestions?: string[];
}

const VERDICT_LIMIT = 50_000;
const verdictMemos = new WeakMap<Speller, Memo<Verdict>>();

function verdictsOf(speller: Speller): Memo<Verdict> {
  let memo = verdictMemos.get(speller);
  if (!memo) verdictMemos.set(speller, (memo = new Memo<Verdict>(VERDICT_LIMIT)));
  return memo;
}

/** The word without the full stops after it ("klo." → "klo"). */
function withoutDots(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2e) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Misspelled words. Finnish through Voikko, Swedish through Hunspell; the
 * check finds nothing where the speller is not installed. Never checked:
 * the greeting line and the sign-off (names), placeholders, addresses, codes,
 * numbers, acronyms and mixed-case brand names, capitalised words inside a
 * sentence (names), product names from the config and the user's own words.
 */
export const typo: Check = (analysis, ctx) => {
  const lang = analysis.language;
  const speller = spellerFor(lang, ctx.options);
  if (!speller) return [];
  const text = analysis.text;
  const words = analysis.words;
  const memo = verdictsOf(speller);
  // The first dictionary decides what is looked at further; the others are loaded only for words still left after the exclusions.
  const first = speller.spellFirst?.bind(speller) ?? ((word: string) => speller.spell(word));
  const verdictOf = (token: string): Verdict => memo.get(token) ?? memo.set(token, { unknown: isCandidateShape(token) && !first(token) });
  const rightOtherwise = (v: Verdict, token: string): boolean => (v.rightOtherwise ??= isRightOtherwise(speller, token, lang));
  let excluded: Exclusions | undefined;
  /** The words' texts in code-unit order, for prefix look-ups (made on first need). */
  let sortedTexts: string[] | undefined;
  const known = (word: Word, token: string) => speller.spell(token) || (text[word.start + token.length] === '.' && speller.spell(`${token}.`));
  const unknown = (i: number): boolean => {
    const word = words[i];
    if (!word) return false;
    const token = withoutDots(word.text);
    // A placeholder beside the word ("osoiteessa %{url}") is no foreign phrase.
    if (overlaps(rangesOf(analysis), word.start, word.end)) return false;
    return /^\p{L}+$/u.test(token) && !known(word, token) && !rightOtherwise(verdictOf(token), token);
  };
  const findings: RawFinding[] = [];
  const slips = slipsOf(ctx, lang);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const token = withoutDots(word.text);
    const slip = slips.size > 0 ? slips.get(token.toLowerCase()) : undefined;
    if (slip && !analysis.inFrame(word.start)) {
      const suggestion = /^\p{Lu}/u.test(token) ? slip[0]!.toUpperCase() + slip.slice(1) : slip;
      findings.push({ offset: word.start, length: token.length, suggestions: [suggestion], data: { hint: hint(suggestion) } });
      continue;
    }
    // The cheap tests first, then the (memoized) speller; the rest only for the words it rejects.
    const verdict = verdictOf(token);
    if (!verdict.unknown) continue;
    excluded ??= exclusions(analysis, ctx, lang);
    if (isExcluded(analysis, excluded, index, token)) continue;
    if (!(verdict.rejected ??= !speller.spell(token)) || (text[word.start + token.length] === '.' && speller.spell(`${token}.`))) continue;
    if (rightOtherwise(verdict, token)) continue;
    // Two unknown words side by side are a phrase in another language ("à la carte", "Personal trainer").
    const sameSentence = (j: number) => words[j]?.sentence === word.sentence;
    if ((sameSentence(index - 1) && unknown(index - 1)) || (sameSentence(index + 1) && unknown(index + 1))) continue;
    // The head of a compound written apart ("Personal trainer -paketti").
    if (/^ -\p{L}/u.test(text.slice(word.end, word.end + 3))) continue;
    // A capitalised word opening a sentence may be a name: reported only when
    // it is long and one edit away from a suggestion, and never written
    // capitalised inside a sentence elsewhere in the reply. The tests that need
    // no suggestion come first: suggestions are asked only of words that may be reported.
    const capitalised = /^\p{Lu}/u.test(token);
    if (capitalised) {
      if (token.length < 6) continue;
      sortedTexts ??= words.map((w) => w.text).sort();
      if (startsTwice(sortedTexts, token)) continue;
    }
    if (lang === 'sv' && isEnglishCognate(speller, token)) continue;
    const suggestions = (verdict.suggestions ??= suggestionsFor(speller, token, capitalised));
    // A name written in lower case ("helsinki", "majorna"): the speller only wants the capital.
    if (suggestions.some((s) => s === token[0]!.toUpperCase() + token.slice(1))) continue;
    if (capitalised && !suggestions.some((s) => editDistance(s.toLowerCase(), token.toLowerCase(), 1) <= 1)) continue;
    findings.push({
      offset: word.start,
      length: token.length,
      suggestions: [...suggestions],
      data: { hint: hint(suggestions[0]) },
    });
  }
  return findings;
};

/**
 * An English word whose Swedish cognate the speller knows: "Subject" →
 * "Subjekt", "product" → "produkt", "Contact" → "Kontakt" (a hard c is k in
 * Swedish). It is English left in the text, which format/foreign-block judges,
 * not a slip of the keys; "kontackta" (ck) is still one.
 */
function isEnglishCognate(speller: Speller, token: string): boolean {
  if (!/c/i.test(token)) return false;
  const swedish = token.replace(/c(?![eiyk])/g, 'k').replace(/^C(?![eiyk])/, 'K');
  return swedish !== token && speller.spell(swedish);
}

/**
 * The suggestions for a word about to be reported, nearest first. Where the
 * speller finds the words one edit away cheaply, they serve: nearest first
 * is what ranking would put on top anyway. A capitalised word is reported
 * only with one of them, so it never needs more; a lower-case word without
 * any gets the speller's full suggestions.
 */
function suggestionsFor(speller: Speller, token: string, capitalised: boolean): string[] {
  const near = speller.near?.(token);
  const found = near && (near.length > 0 || capitalised) ? near : speller.suggest(token, 8);
  return rank(token, found.filter((s) => s !== token && !wrongSplit(token, s))).slice(0, MAX_SUGGESTIONS);
}

/**
 * A suggestion that only cuts the word apart ("kirjaantuvat" → "kirjaan tuvat",
 * "outlöstavgift" → "outlöst avgift"): Finnish and Swedish write compounds and
 * derivations as one word, and such a split is the speller's guess at a word it
 * does not know. Only a short first word is a real slip of two words run
 * together ("kokoajan" → "koko ajan", "iallafall" → "i alla fall").
 */
export function wrongSplit(token: string, suggestion: string): boolean {
  if (!/\s/.test(suggestion) || suggestion.replace(/\s+/g, '').toLowerCase() !== token.toLowerCase()) return false;
  const parts = suggestion.toLowerCase().split(/\s+/);
  // A function word run onto another word is a real slip: "supportärendehär", "tilausja".
  if (parts.some((part) => NOT_TAILS.has(part) || FI_FUNCTION_WORDS.has(part))) return false;
  return parts.slice(0, -1).some((part) => part.length > 5);
}

const FI_FUNCTION_WORDS = new Set('ja on ei se että kun nyt myös vain tai jo sen sitä tässä sinä te me hän ovat oli vielä niin kuin mutta'.split(' '));

function hint(suggestion: string | undefined): Trilingual {
  if (!suggestion) return { fi: '', sv: '', en: '' };
  return {
    fi: ` Tarkoititko ”${suggestion}”?`,
    sv: ` Menade du ”${suggestion}”?`,
    en: ` Did you mean “${suggestion}”?`,
  };
}

/**
 * Whether a word the speller rejects as written is right all the same: a
 * hyphenated compound, a compound closed by a number abbreviation, or a
 * Swedish compound no dictionary lists.
 */
function isRightOtherwise(speller: Speller, token: string, lang: string): boolean {
  if (token.includes('-')) {
    // Hyphenated: right when every part is. A head the speller does not know
    // is a foreign word, a name or an acronym joined the Finnish and Swedish
    // way ("roaming-asetus", "Philips-sauvasekoitin", "sim-kortti"), unless
    // it is in lower case and one edit from a known word.
    const parts = token.split('-');
    const tail = parts.pop()!;
    if (tail.length >= 2 && isPlainWord(tail) && !speller.spell(tail)) return false;
    return parts.every(
      (part) =>
        part.length <= 3 ||
        !/^\p{Ll}+$/u.test(part) ||
        speller.spell(part) ||
        !speller.suggest(part, 3).some((s) => editDistance(s.toLowerCase(), part.toLowerCase(), 1) <= 1),
    );
  }
  // A number abbreviation closing a compound: "tilausnro", "ordernr".
  const short = /^(\p{L}{3,}?)(nro|nr|num)$/u.exec(token);
  if (short && speller.spell(short[1]!)) return true;
  return lang === 'sv' && isSwedishCompound(speller, token.toLowerCase());
}

/**
 * Swedish writes compounds as one word and no dictionary lists them all:
 * a word is right when it splits into known words, the head possibly with a
 * linking -s ("spårnings|kod") or without the -a of a verb ("hämt|kod"), the
 * tail possibly a compound itself ("outlöst|avgift" is "o|utlöst|avgift").
 * Parts have three letters or more, but for the short heads Swedish builds
 * with ("rå|granne", "ut|skick", "ny|byggd") and the negating o- ("o|utlöst").
 */
const SHORT_HEADS = new Set(['rå', 'ut', 'in', 'om', 'på', 'av', 'ny', 'ur']);
/** Function words end no compound: "supportärendehär" is two words run together. */
const NOT_TAILS = new Set(
  'här där hit dit hän och att ett det den dem som för med till från inte men eller när var hur vad vem sig mig dig oss era ert han hon jag nu då så ock också bara redan igen kan ska har vill'.split(' '),
);

function isSwedishCompound(speller: Speller, word: string, depth = 0): boolean {
  if (depth === 0 && word.length >= 6 && word.startsWith('o') && (speller.spell(word.slice(1)) || isSwedishCompound(speller, word.slice(1), 1))) return true;
  // Inside a compound the parts are longer: "lev|era|ras" is no word.
  const min = depth === 0 ? 3 : 4;
  for (let cut = depth === 0 ? 2 : min; cut <= word.length - min; cut++) {
    const head = word.slice(0, cut);
    const headKnown =
      cut === 2
        ? SHORT_HEADS.has(head)
        : speller.spell(head) || (head.endsWith('s') && head.length > 3 && speller.spell(head.slice(0, -1))) || speller.spell(`${head}a`);
    if (!headKnown) continue;
    const tail = word.slice(cut);
    // A short head takes a long tail: "rå|granne", never "på|s".
    if (cut === 2 && tail.length < 5) continue;
    if (NOT_TAILS.has(tail)) continue;
    if (speller.spell(tail)) return true;
    if (depth === 0 && tail.length >= 8 && isSwedishCompound(speller, tail, 1)) return true;
  }
  return false;
}

/** A word the check should look at: lower case or capitalised, not an acronym or a mixed-case brand. */
function isPlainWord(token: string): boolean {
  return /^\p{L}\p{Ll}*$/u.test(token);
}

/** Words of three letters or more: letters, with apostrophes and hyphens inside; not an acronym or a mixed-case brand. */
function isCandidateShape(token: string): boolean {
  // Words of three letters or fewer are abbreviations (ma–pe, okt, min) more often than typos.
  if (token.length <= MIN_LENGTH || !WORD_SHAPE.test(token)) return false;
  // Acronyms, mixed-case names (iPhone, McDonald's; SIM-kortti is checked part by part).
  const parts = token.split(/['’-]/);
  if (!parts.every((p) => isPlainWord(p) || /^\p{Lu}+$/u.test(p))) return false;
  return !(/^\p{Lu}+$/u.test(parts[0]!) && parts[0]!.length > 1);
}

interface Exclusions {
  ranges: Range[];
  /** Accepted words and the words of the config's product names, lower case. */
  accepted: Set<string>;
}

function exclusions(analysis: Analysis, ctx: CheckContext, lang: string): Exclusions {
  return { ranges: rangesOf(analysis), accepted: acceptedOf(ctx, lang) };
}

/**
 * The rule's options stay the same object for every reply a rule set lints:
 * the tables made of them (accepted words with the products', slips) are made
 * once per options, products and language, not once per reply.
 */
const tables = new WeakMap<Record<string, unknown>, { products: string[]; accepted: Map<string, Set<string>>; slips: Map<string, Map<string, string>> }>();

function tablesOf(ctx: CheckContext) {
  let t = tables.get(ctx.options);
  if (!t || t.products !== ctx.products) tables.set(ctx.options, (t = { products: ctx.products, accepted: new Map(), slips: new Map() }));
  return t;
}

function acceptedOf(ctx: CheckContext, lang: string): Set<string> {
  const t = tablesOf(ctx);
  let accepted = t.accepted.get(lang);
  if (!accepted) {
    accepted = acceptedWords(ctx, lang);
    for (const p of ctx.products) for (const w of p.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) accepted.add(w);
    t.accepted.set(lang, accepted);
  }
  return accepted;
}

/** Words never reported: in the greeting or sign-off, protected, names, glued to digits, products and accepted words (inflected too). */
function isExcluded(analysis: Analysis, excluded: Exclusions, i: number, token: string): boolean {
  const text = analysis.text;
  const words = analysis.words;
  const word = words[i]!;
  if (analysis.inFrame(word.start) || overlaps(excluded.ranges, word.start, word.end)) return true;
  // A capitalised word inside a sentence is taken for a name.
  const first = i === 0 || words[i - 1]!.sentence !== word.sentence || startsLine(text, word.start);
  if (/^\p{Lu}/u.test(token) && !first) return true;
  // Glued to digits or symbols ("5kpl", "3G:n", "EU:n"): not a plain word. A colon that ends
  // a label ("laksu: 44,45 €") leaves the word a word, and it is checked.
  const after = text[word.end] ?? '';
  if (/[\p{N}_/\\]/u.test(after) || /[\p{N}_/\\]/u.test(text[word.start - 1] ?? '')) return true;
  if (after === ':' && /[\p{L}\p{N}]/u.test(text[word.end + 1] ?? '')) return true;
  return inDictionary(token.toLowerCase(), excluded.accepted);
}

/**
 * Whether more than one word (this one included) starts with `token`: the
 * texts starting with it follow each other in sorted order.
 */
function startsTwice(sorted: string[], token: string): boolean {
  const lo = partitionPoint(sorted, (t) => t < token);
  return (sorted[lo + 1] ?? '').startsWith(token) && (sorted[lo] ?? '').startsWith(token);
}

/** Whether only whitespace or list markers stand between the line start and the offset. */
function startsLine(text: string, offset: number): boolean {
  // Only the markers before the word are looked at, not the whole line: a long line made this quadratic.
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && /[\s>*•·–—\-\d.)]/u.test(text[lineStart - 1]!)) lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return false;
  return /^[\s>*•·–—-]*(?:\d+[.)]\s*)?$/u.test(text.slice(lineStart, offset));
}

/**
 * Real words that in a reply are nearly always a slip for another (option
 * `slips`: "kaski" for "kaksi"): the speller knows them, so only this list
 * catches them.
 */
function slipsOf(ctx: CheckContext, lang: string): Map<string, string> {
  const t = tablesOf(ctx);
  let slips = t.slips.get(lang);
  if (!slips) t.slips.set(lang, (slips = slipTable(ctx, lang)));
  return slips;
}

function slipTable(ctx: CheckContext, lang: string): Map<string, string> {
  const table = (ctx.options.slips as Record<string, unknown> | undefined)?.[lang];
  const slips = new Map<string, string>();
  if (table && typeof table === 'object') {
    for (const [word, meant] of Object.entries(table)) if (typeof meant === 'string') slips.set(word.toLowerCase(), meant);
  }
  return slips;
}

/**
 * Words taken as right, lower case: the rule's own list for the language
 * (option `accept`: words the dictionaries lack, such as "tsemppi") and the
 * user's (option `words`: config `words:` and .aspalint-words.txt).
 */
function acceptedWords(ctx: CheckContext, lang: string): Set<string> {
  const set = new Set<string>();
  const add = (list: unknown) => {
    if (Array.isArray(list)) for (const w of list) if (typeof w === 'string' && w.trim()) set.add(w.trim().toLowerCase());
  };
  add(ctx.options.words);
  const accept = ctx.options.accept as Record<string, unknown> | undefined;
  if (accept && typeof accept === 'object') add(accept[lang]);
  return set;
}

/**
 * An accepted word covers its inflected forms too: a suffix of up to six
 * letters, after the word itself or after the word less its last one or two
 * letters, where Finnish inflection changes the stem ("zendesk" covers
 * "zendeskissä", "kuljetus" covers "kuljetuksella").
 */
function inDictionary(lower: string, accepted: Set<string>): boolean {
  if (accepted.size === 0) return false;
  if (accepted.has(lower)) return true;
  for (let cut = 1; cut <= MAX_SUFFIX && lower.length - cut >= 3; cut++) {
    const head = lower.slice(0, -cut);
    if (accepted.has(head)) return true;
    for (const extra of [1, 2]) {
      for (const w of accepted) if (w.length >= 5 && w.length - extra === head.length && w.startsWith(head)) return true;
    }
  }
  return false;
}

/**
 * The speller's suggestions, nearest first: fewest edits, then most letters
 * kept at both ends, then at the start (a typo seldom touches a word's
 * start: "kulluessa" → "kuluessa" before "killuessa"), then the speller's
 * order.
 */
export function rank(word: string, suggestions: string[]): string[] {
  const lower = word.toLowerCase();
  const score = (s: string) => {
    const t = s.toLowerCase();
    let prefix = 0;
    while (prefix < t.length && prefix < lower.length && t[prefix] === lower[prefix]) prefix++;
    let suffix = 0;
    while (suffix < t.length && suffix < lower.length && t[t.length - 1 - suffix] === lower[lower.length - 1 - suffix]) suffix++;
    return { distance: editDistance(t, lower, 3), kept: prefix + suffix, prefix };
  };
  const scored = suggestions.map((s, i) => ({ s, i, ...score(s) }));
  scored.sort((a, b) => a.distance - b.distance || b.kept - a.kept || b.prefix - a.prefix || a.i - b.i);
  return scored.map((x) => x.s);
}

/** Optimal string alignment distance (max + 1 when the lengths alone differ by more than max). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
