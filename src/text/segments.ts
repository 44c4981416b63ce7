import type { Lang } from '../types.js';
import { cueScores, topTwo, type LanguageScores } from './language.js';
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
}

type Known = 'fi' | 'sv' | 'en';

/**
 * Placeholders of the common template syntaxes (%{ticket.number},
 * {{user.firstName}}, {shop_name}, $documentsUrl, [NIMI]): a value to be
 * filled in, so their words ("ticket", "number") tell no language.
 */
export const PLACEHOLDER = /%\{[^}\n]*\}|\{\{[^}\n]*\}\}|\{\$?[\w.]+\}|\$\{?[\w.]+\}?|\[[A-ZÅÄÖ_ ]+\]/g;

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
}

/**
 * Cue scores of a line, with ä, ö and å counting against English: a
 * Finnish sentence of content words ("välitimme kysymyksenne
 * valmistajalle") has few function words, but English has none of them.
 */
function lineScores(text: string): LanguageScores {
  const words = wordsOf(text);
  const scores = cueScores(words);
  let nordic = 0;
  for (const w of words) if (/[äöå]/.test(w)) nordic++;
  return { ...scores, en: Math.max(0, scores.en - nordic) };
}

/** The language a text leans to without deciding it: some cue words, none of another language. */
function lean(scores: LanguageScores): Known | null {
  const { best, first, second } = topTwo(scores);
  return first >= 1 && second === 0 ? best : null;
}

function sum(a: LanguageScores, b: LanguageScores): LanguageScores {
  return { fi: a.fi + b.fi, sv: a.sv + b.sv, en: a.en + b.en };
}

/** Splits a paragraph where its lines clearly change language; a line its words do not decide stays with the line before. */
function splitParagraph(lines: Line[]): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  for (const line of lines) {
    const scores = lineScores(line.text);
    const own = decide(scores);
    if (current && (own === null || current.own === null || own === current.own)) {
      current.lines.push(line);
      current.scores = sum(current.scores, scores);
      current.own ??= own;
    } else {
      current = { lines: [line], scores, own };
      pieces.push(current);
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
    return { start, end, lang: leaning ?? 'unknown', decided: piece.own !== null, leaning: leaning !== null, machine, letters, lines: piece.lines.length };
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
    return { lang: forced ?? dominantLanguage(segments), segments };
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
