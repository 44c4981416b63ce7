import type { Analysis } from '../../text/analysis.js';
import { partitionPoint } from '../util.js';

/**
 * Spans of a reply that are not prose and never spell-checked or
 * grammar-checked: placeholders, web and e-mail addresses, file names,
 * hashtags and mentions, code-like tokens.
 */
const PROTECTED: [RegExp, (text: string) => boolean][] = [
  [/\{\{\{?[^{}\n]{0,80}\}?\}\}/g, has('{{')], // {{name}}, {{{body}}}
  [/\{%[^%\n]{0,80}%\}/g, has('{%')], // {% if … %}
  [/\$\{[^}\n]{0,40}\}/g, has('${')], // ${name}
  [/(?<![\p{L}\p{N}$\\])\$[\p{L}_][\p{L}\p{N}_]*/gu, has('$')], // $start, $name (Kotlin, PHP and shell templates)
  [/\{[^{}\n]{0,40}\}/g, has('{')], // {name}
  [/\*\|[^|\n]{1,30}\|\*/g, has('*|')], // *|FNAME|*
  [/%[\p{L}_][\p{L}\p{N}_ ]{0,30}%/gu, has('%')], // %NAME%
  [/\[[^\]\n]{0,60}\]/g, has('[')], // [NIMI], [link], [1]
  [/(?<![\p{L}\p{N}])(\p{L})\1{3,}(?![\p{L}\p{N}])/gu, hasRunOfFour], // xxxxxx, XXXX: a blanked-out value
  [/<[^<>\n]{1,80}>/g, has('<')], // <nimi>, <https://…>, <a@b.fi>
  [/\b(?:https?|ftp):\/\/[^\s<>"”]+/gi, has('://')], // URLs
  [/\bwww\.[^\s<>"”]+/gi, (text) => /www\./i.test(text)],
  // E-mail addresses, @mentions with a host. Tried only where a token starts:
  // from inside a long run of letters the search would rescan the run each time.
  [/(?<![^\s<>()"”,;:])[^\s<>()"”,;:]+@[^\s<>()"”,;:]+/g, has('@')],
  [/(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_.-]+/gu, (text) => text.includes('@') || text.includes('#')], // @mention, #hashtag
  // Domains and file names: elisa.fi, ohje.pdf, Verkkokauppa.com
  [
    /(?<![\p{L}\p{N}])[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.(?:fi|se|ax|com|net|org|eu|io|nu|info|biz|app|dk|no|de|uk|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|txt|csv|html?|exe|msi|apk)(?![\p{L}\p{N}])/giu,
    // The ending alone, with the pattern's own flags ("ſ" and the Kelvin sign fold to s and k):
    // far cheaper than the pattern, which tries every word of the reply.
    (text) => DOMAIN_ENDING.test(text),
  ],
];

/** What the domain and file-name pattern cannot match without: its ending, as it writes it. */
const DOMAIN_ENDING = /\.(?:fi|se|ax|com|net|org|eu|io|nu|info|biz|app|dk|no|de|uk|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|txt|csv|html?|exe|msi|apk)(?![\p{L}\p{N}])/iu;

/**
 * Each pattern comes with a test of something it cannot match without (a
 * "{", an "@", a dot before a letter): most replies have none of it, and the
 * test costs a fraction of running the pattern over the whole reply.
 */
function has(literal: string): (text: string) => boolean {
  return (text) => text.includes(literal);
}

/**
 * Whether the same letter may come four times in a row: the blanked-out value
 * pattern needs that. Code units are compared; a letter outside the Basic
 * Multilingual Plane is two of them, so a text with one is always tried.
 */
function hasRunOfFour(text: string): boolean {
  let run = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) return true;
    run = i > 0 && c === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= 4) return true;
  }
  return false;
}

export interface Range {
  start: number;
  end: number;
}

/** The protected ranges of a text, sorted by start. */
export function protectedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const [pattern, possible] of PROTECTED) {
    if (!possible(text)) continue;
    for (const m of text.matchAll(pattern)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** Greatest end among ranges[0..i], per list (ranges may nest or overlap). */
const reach = new WeakMap<Range[], number[]>();

/** Whether [start, end) overlaps one of the (sorted) ranges: a binary search, not a scan per word. */
export function overlaps(ranges: Range[], start: number, end: number): boolean {
  let maxEnd = reach.get(ranges);
  if (!maxEnd || maxEnd.length !== ranges.length) {
    maxEnd = [];
    let m = -Infinity;
    for (const r of ranges) maxEnd.push((m = Math.max(m, r.end)));
    reach.set(ranges, maxEnd);
  }
  // The ranges starting before `end` are ranges[0..lo); one of them overlaps when the farthest reaches past `start`.
  const lo = partitionPoint(ranges, (r) => r.start < end);
  return lo > 0 && maxEnd[lo - 1]! > start;
}

const memo = new WeakMap<Analysis, Range[]>();

/** The protected ranges of a reply proper, computed once per reply. */
export function rangesOf(analysis: Analysis): Range[] {
  let ranges = memo.get(analysis);
  if (!ranges) {
    ranges = protectedRanges(analysis.text);
    memo.set(analysis, ranges);
  }
  return ranges;
}
