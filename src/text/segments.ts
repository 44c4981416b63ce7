import type { Lang } from '../types.js';
import { cueScores, detectLanguage, topTwo, type LanguageScores } from './language.js';
import { splitLines, type Line } from './lines.js';

/**
 * A run of lines in one language: a paragraph, a group of paragraphs, or the
 * lines of one language in a paragraph that alternates ("Olen lomalla… /
 * Jag är på semester… / I am on leave…"). Offsets are those of the text.
 */
export interface Segment {
  start: number;
  end: number;
  /** The segment's language: its own where its words decide it, else its neighbours'. */
  lang: Lang;
  /** Whether the segment's own words decided its language (a name line or "Hei" does not). */
  decided: boolean;
  /** Whether its words lean to its language without deciding it (inherits no neighbour's). */
  leaning: boolean;
  /** Mostly capital letters: booking data, system output ("CHECK IN: 16MAY"). */
  machine: boolean;
  /** Letters in the segment. */
  letters: number;
  /** Lines with content. */
  lines: number;
  /**
   * Sentences cut from a line that goes on in another language ("Kiitos
   * viestistäsi! We will reply within two days."): a line of its own in
   * a language is a paragraph the writer set apart; a sentence inside
   * someone else's line may be a title or a phrase, and needs more to be a block.
   */
  inline: boolean;
  /** A template's heading whose language the n-gram detector decided ("Toimitusosoite"): see headingLanguage. */
  heading?: boolean;
}

type Known = 'fi' | 'sv' | 'en';

/**
 * Placeholders of the common template syntaxes (%{ticket.number},
 * {{user.firstName}}, {shop_name}, $documentsUrl, [NIMI]): a value to be
 * filled in, so their words ("ticket", "number") tell no language.
 * Narrower than template.ts's PLACEHOLDER_SPANS on purpose: a bracketed or
 * angled word in lower case ("<linkki>", "[bifoga kvittot]") is written in
 * the reply's language and helps tell it.
 */
export const PLACEHOLDER = /%%\w+%%|%\{[^}\n]*\}|\{\{[^}\n]*\}\}|\{\$?[\w.]+\}|\$\{?[\w.]+\}?|\[[A-ZÅÄÖ_ ]+\]/g;

/** Only these characters open a placeholder: text without them is left as it is, unscanned. */
const PLACEHOLDER_OPENER = /[%{$[]/;

function withoutPlaceholders(text: string): string {
  return PLACEHOLDER_OPENER.test(text) ? text.replace(PLACEHOLDER, ' ') : text;
}

/** Per UTF-16 code unit below 0x10000: 0 not yet known, 1 no letter, 2 a letter, 3 an upper-case letter. */
const LETTER_CLASS = new Uint8Array(0x10000);

function letterClass(c: string): number {
  return /\p{Lu}/u.test(c) ? 3 : /\p{L}/u.test(c) ? 2 : 1;
}

/** The runs of letters of a lower-cased text, as /\p{L}+/gu finds them, by a table look-up a character. Exported for its test. */
export function wordsOf(text: string): string[] {
  const s = withoutPlaceholders(text).toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let letter: boolean;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      letter = letterClass(s.slice(i, i + 2)) >= 2;
      width = 2;
    } else {
      let kind = LETTER_CLASS[code]!;
      if (kind === 0) kind = LETTER_CLASS[code] = letterClass(s[i]!);
      letter = kind >= 2;
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(s.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) words.push(s.slice(start));
  return words;
}

/**
 * The language a stretch of text clearly is, or null. Strict on purpose: a
 * segment that differs from its neighbours is checked with another
 * language's rules and dictionary, so a wrong split costs false alarms.
 */
function decide(scores: LanguageScores): Known | null {
  const { best, first, second } = topTwo(scores);
  return first >= 2 && first >= 2 * second + 1 ? best : null;
}

/**
 * Only these characters can open a web or mail address, a link's target or
 * inline code: a line without them is scored as it is.
 */
const ADDRESS_OPENER = /[:@`(]|www\./;
/** "https://…", "www.…", "tuki@yritys.fi", a Markdown link's "(…)" and `code`: no words of any language. */
const ADDRESSES = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\]\([^)\s]*\)|`[^`\n]*`/g;

/** The text with its addresses and code blanked: "www.prestashop.com/?utm_medium=e-mail&utm_campaign=footer" is no English. Exported for foreign-block. */
export function withoutAddresses(text: string): string {
  return ADDRESS_OPENER.test(text) ? text.replace(ADDRESSES, ' ') : text;
}

/** Letters and upper-case letters (code points, as /\p{L}/gu counts them), placeholders left out. Exported for its test. */
export function letterCounts(text: string): { letters: number; upper: number } {
  const s = withoutPlaceholders(text);
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let kind: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A letter outside the Basic Multilingual Plane (rare): asked of the regexes, as one code point.
      kind = letterClass(s.slice(i, i + 2));
      i++;
    } else {
      kind = LETTER_CLASS[code]!;
      if (kind === 0) kind = LETTER_CLASS[code] = letterClass(s[i]!);
    }
    if (kind >= 2) letters++;
    if (kind === 3) upper++;
  }
  return { letters, upper };
}

interface Piece {
  lines: Line[];
  scores: LanguageScores;
  own: Known | null;
  /** Every line of it is a sentence cut from a line in another language. */
  inline: boolean;
}

/**
 * Cue scores of a line, with ä, ö and å counting against English: a
 * Finnish sentence of content words ("välitimme kysymyksenne
 * valmistajalle") has few function words, but English has none of them.
 */
function lineScores(text: string): LanguageScores & { englishCues: number } {
  const words = wordsOf(withoutAddresses(text));
  const scores = cueScores(words);
  let nordic = 0;
  for (const w of words) if (/[äöå]/.test(w)) nordic++;
  // The English cue words before the discount: a line of two languages has both kinds (see sentencesOf).
  return { ...scores, en: Math.max(0, scores.en - nordic), englishCues: scores.en };
}

/** The language a text leans to without deciding it: some cue words, none of another language. */
function lean(scores: LanguageScores): Known | null {
  const { best, first, second } = topTwo(scores);
  return first >= 1 && second === 0 ? best : null;
}

function sum(a: LanguageScores, b: LanguageScores): LanguageScores {
  return { fi: a.fi + b.fi, sv: a.sv + b.sv, en: a.en + b.en };
}

/**
 * Where a sentence ends inside a line: ". ", "! ", "? " (a closing quote or
 * bracket may follow) before a capital or a digit; or a slash between the
 * languages of a subject line ("Hankkeesi poistetaan / Ditt projekt raderas / Your project…").
 */
const SENTENCE_END = /[.!?]["”’)]?\s+(?=["“„«]?[\p{Lu}\d])|\s\/\s+(?=\p{Lu})/gu;
const QUOTE_MARK = /["“”„«»]/g;
const QUOTATION = /["“„«][^"“”„«»\n]*["”»]/g;

/**
 * A line whose sentences are in two languages ("Kiitos viestistäsi! We have
 * received your message and will reply soon."), cut at its sentences (and slashes), each
 * with its scores; else the line itself. Only a line with cue words of
 * English and of Finnish or Swedish is cut, and never inside quotation marks:
 * the customer's own words or an error message quoted in a sentence stay in it.
 */
function sentencesOf(line: Line, scores: LanguageScores & { englishCues: number }): { line: Line; scores: LanguageScores; own: Known | null; inline: boolean }[] {
  const whole = [{ line, scores, own: decide(scores), inline: false }];
  if (scores.englishCues === 0 || scores.fi + scores.sv === 0) return whole;
  const cuts: number[] = [];
  for (const m of line.text.matchAll(SENTENCE_END)) {
    const at = m.index + m[0].length;
    if ((line.text.slice(0, at).match(QUOTE_MARK)?.length ?? 0) % 2 === 0) cuts.push(at);
  }
  if (cuts.length === 0) return whole;
  const parts = [0, ...cuts].map((from, i) => {
    const text = line.text.slice(from, cuts[i] ?? line.text.length).trimEnd();
    // A quotation inside the sentence is someone else's words: the writer's own decide ("kirjoitit: "The parcel never came."").
    const own = text.replace(QUOTATION, ' ');
    const scores = lineScores(/\p{L}/u.test(own) ? own : text);
    return { line: { index: line.index, start: line.start + from, end: line.start + from + text.length, text }, scores, own: decide(scores), inline: true };
  });
  if (!parts.some((p) => p.own !== null)) return whole;
  // Beside a sentence its words decide, a short one leaning the other way ("Kiitos tilauksestasi!") is that language's too.
  for (const p of parts) p.own ??= lean(p.scores);
  const langs = new Set(parts.map((p) => p.own).filter((l) => l !== null));
  return langs.size >= 2 ? parts : whole;
}

/** Splits a paragraph where its lines (or a line's sentences) clearly change language; a line its words do not decide stays with the line before. */
function splitParagraph(lines: Line[]): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  for (const whole of lines) {
    for (const { line, scores, own, inline } of sentencesOf(whole, lineScores(whole.text))) {
      if (current && (own === null || current.own === null || own === current.own)) {
        current.lines.push(line);
        current.scores = sum(current.scores, scores);
        current.own ??= own;
        current.inline &&= inline;
      } else {
        current = { lines: [line], scores, own, inline };
        pieces.push(current);
      }
    }
  }
  // A paragraph no single line decides may still be decided as a whole.
  for (const piece of pieces) piece.own ??= decide(piece.scores);
  return pieces;
}

/** Paragraphs, or line groups of one language in a paragraph, each with its own decision. */
function pieces(text: string): Segment[] {
  const paragraphs: Line[][] = [];
  let paragraph: Line[] = [];
  for (const line of splitLines(text)) {
    if (line.text.trim() === '') {
      if (paragraph.length > 0) paragraphs.push(paragraph);
      paragraph = [];
    } else paragraph.push(line);
  }
  if (paragraph.length > 0) paragraphs.push(paragraph);
  return paragraphs.flatMap(splitParagraph).map((piece) => {
    const first = piece.lines[0]!;
    const last = piece.lines[piece.lines.length - 1]!;
    const start = first.start + (first.text.length - first.text.trimStart().length);
    const end = last.start + last.text.trimEnd().length;
    const { letters, upper } = letterCounts(text.slice(start, end));
    const machine = letters >= 12 && upper >= 0.6 * letters;
    const leaning = piece.own ?? lean(piece.scores);
    return { start, end, lang: leaning ?? 'unknown', decided: piece.own !== null, leaning: leaning !== null, machine, letters, lines: new Set(piece.lines.map((l) => l.index)).size, inline: piece.inline };
  });
}

function merge(list: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const s of list) {
    const previous = merged[merged.length - 1];
    if (previous && previous.lang === s.lang && previous.machine === s.machine) {
      previous.end = s.end;
      previous.decided ||= s.decided;
      previous.leaning ||= s.leaning;
      previous.letters += s.letters;
      previous.lines += s.lines;
      previous.inline &&= s.inline;
    } else merged.push({ ...s });
  }
  return merged;
}

export interface Languages {
  /** The reply's language. */
  lang: Lang;
  segments: Segment[];
}

/**
 * The reply's language and its language segments. Where the segments' own
 * words decide two languages or more (a bilingual auto-reply, Finnish prose
 * around an English booking record), a segment they do not decide (a
 * greeting, a name, a code) takes the language of the decided segment
 * before it, or else after it, and the reply's language is that of its own
 * prose (dominantLanguage). Otherwise the reply's language is the forced
 * one or what `detect` finds in its prose (the text outside machine
 * blocks), and every undecided segment has it.
 */
export function resolveLanguages(text: string, forced: Lang | undefined, detect: (prose: string) => Lang): Languages {
  const list = pieces(text);
  const decided = new Set(list.filter((s) => s.decided).map((s) => s.lang));
  // English prose: are the headings the cue words do not decide Finnish or Swedish (a template translated as far as its headings)?
  if (decided.has('en') && headingLanguage(text, list)) decided.add(list.find((s) => s.heading)!.lang);
  if (decided.size >= 2) {
    for (let i = 0; i < list.length; i++) {
      // A segment that leans to a language keeps it; one with no cue at all (a name, "Hei") takes its neighbours'.
      if (list[i]!.decided || list[i]!.leaning) continue;
      let inherited: Lang | undefined;
      for (let j = i - 1; j >= 0 && !inherited; j--) if (list[j]!.decided) inherited = list[j]!.lang;
      for (let j = i + 1; j < list.length && !inherited; j++) if (list[j]!.decided) inherited = list[j]!.lang;
      list[i]!.lang = inherited!;
    }
    const segments = merge(list);
    const dominant = dominantLanguage(segments);
    return { lang: forced ?? (dominant === 'en' ? ownLanguage(text, list) ?? dominant : dominant), segments };
  }
  let lang = forced;
  if (!lang) {
    const prose = list.filter((s) => !s.machine);
    // Only machine text, or nothing to tell by: the whole text, as before segments.
    const proseText = prose.length > 0 && prose.length < list.length ? prose.map((s) => text.slice(s.start, s.end)).join('\n\n') : text;
    lang = detect(proseText.replace(PLACEHOLDER, ' '));
  }
  for (const s of list) if (!s.decided) s.lang = lang;
  return { lang, segments: merge(list) };
}

/** Words a paragraph that opens a reply's own prose has at least: more than a greeting ("Hej Anna,") or a closing. */
const OPENING_WORDS = 6;

/**
 * The Finnish or Swedish of a reply that has more English: the language of
 * its first sentence of some length (osTicket's Swedish auto-reply opens "Ett
 * nytt supportärende har registrerats…" and closes with an English
 * paragraph), or of its headings (PrestaShop's half-translated Finnish
 * order mail: "Tilauksen tiedot", "Toimitusosoite" over English sentences).
 * aspalint's replies are Finnish and Swedish: where the writer began in one
 * of them, or the template was translated as far as its headings, the
 * English is what was left untranslated or pasted, not the reply's language.
 * Null where the reply opens in English (an English reply with a Finnish
 * sign-off stays English).
 */
function ownLanguage(text: string, list: readonly Segment[]): 'fi' | 'sv' | null {
  const opening = list.find((s) => s.decided && !s.machine && !s.heading && wordsOf(text.slice(s.start, s.end)).length >= OPENING_WORDS);
  if (opening && (opening.lang === 'fi' || opening.lang === 'sv')) return opening.lang;
  const heading = list.find((s) => s.heading);
  return heading && (heading.lang === 'fi' || heading.lang === 'sv') ? heading.lang : null;
}

/** A heading's shape: a few words, at most a colon after them ("Toimitusosoite", "Tilauksen tiedot", "Leveransadress:"). */
const HEADING = /^\p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,3}:?$/u;

/**
 * Whether the headings of a reply are Finnish or Swedish: its paragraphs of
 * one short line between others that no cue word decides, at least two of
 * them in one language by the n-gram detector and twice as many as in any
 * other. Marks them decided in that language. A line of capitalised words
 * ("Laura Virtanen") is a name, not a heading; the first and last paragraph
 * are the greeting's and the signature's.
 */
function headingLanguage(text: string, list: Segment[]): boolean {
  const headings = list.filter((s, i) => {
    if (i === 0 || i === list.length - 1 || s.decided || s.leaning || s.machine || s.lines !== 1) return false;
    const line = text.slice(s.start, s.end);
    if (!HEADING.test(line)) return false;
    const words = line.split(' ');
    return words.length === 1 || words.some((w) => !/^\p{Lu}/u.test(w));
  });
  if (headings.length < 2) return false;
  const langs = headings.map((s) => detectLanguage(text.slice(s.start, s.end)));
  const count = (l: Lang) => langs.filter((x) => x === l).length;
  const lang = (['fi', 'sv'] as const).find((l) => count(l) >= 2 && count(l) >= 2 * Math.max(...(['fi', 'sv', 'en', 'unknown'] as const).filter((o) => o !== l).map(count)));
  if (!lang) return false;
  headings.forEach((s, i) => {
    if (langs[i] !== lang) return;
    s.lang = lang;
    s.decided = true;
    s.heading = true;
  });
  return true;
}

/**
 * The language of the reply's own prose: the one with most letters outside
 * machine blocks, so a pasted English booking record does not make a
 * Finnish reply English. Where two languages are near equal (a bilingual
 * auto-reply), the one that comes first.
 */
export function dominantLanguage(segments: readonly Segment[]): Lang {
  const prose = segments.some((s) => !s.machine && s.decided) ? segments.filter((s) => !s.machine) : segments;
  const totals = new Map<Lang, number>();
  for (const s of prose) totals.set(s.lang, (totals.get(s.lang) ?? 0) + s.letters);
  const max = Math.max(...totals.values());
  const firstDecided = prose.find((s) => s.decided);
  if (firstDecided && totals.get(firstDecided.lang)! >= 0.7 * max) return firstDecided.lang;
  return [...totals.entries()].find(([, n]) => n === max)![0];
}
