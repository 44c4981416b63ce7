import type { Analysis } from '../../text/analysis.js';
import { partitionPoint } from '../util.js';

/**
 * Spans of a reply that are not prose and never spell-checked or
 * grammar-checked: placeholders, web and e-mail addresses, file names,
 * hashtags and mentions, code-like tokens.
 */
const PROTECTED: RegExp[] = [
  /\{\{\{?[^{}\n]{0,80}\}?\}\}/g, // {{name}}, {{{body}}}
  /\{%[^%\n]{0,80}%\}/g, // {% if … %}
  /\$\{[^}\n]{0,40}\}/g, // ${name}
  /(?<![\p{L}\p{N}$\\])\$[\p{L}_][\p{L}\p{N}_]*/gu, // $start, $name (Kotlin, PHP and shell templates)
  /\{[^{}\n]{0,40}\}/g, // {name}
  /\*\|[^|\n]{1,30}\|\*/g, // *|FNAME|*
  /%[\p{L}_][\p{L}\p{N}_ ]{0,30}%/gu, // %NAME%
  /\[[^\]\n]{0,60}\]/g, // [NIMI], [link], [1]
  /(?<![\p{L}\p{N}])(\p{L})\1{3,}(?![\p{L}\p{N}])/gu, // xxxxxx, XXXX: a blanked-out value
  /<[^<>\n]{1,80}>/g, // <nimi>, <https://…>, <a@b.fi>
  /\b(?:https?|ftp):\/\/[^\s<>"”]+/gi, // URLs
  /\bwww\.[^\s<>"”]+/gi,
  // E-mail addresses, @mentions with a host. Tried only where a token starts:
  // from inside a long run of letters the search would rescan the run each time.
  /(?<![^\s<>()"”,;:])[^\s<>()"”,;:]+@[^\s<>()"”,;:]+/g,
  /(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_.-]+/gu, // @mention, #hashtag
  // Domains and file names: elisa.fi, ohje.pdf, Verkkokauppa.com
  /(?<![\p{L}\p{N}])[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.(?:fi|se|ax|com|net|org|eu|io|nu|info|biz|app|dk|no|de|uk|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|txt|csv|html?|exe|msi|apk)(?![\p{L}\p{N}])/giu,
];

export interface Range {
  start: number;
  end: number;
}

/** The protected ranges of a text, sorted by start. */
export function protectedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const pattern of PROTECTED) {
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
