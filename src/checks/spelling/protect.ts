import type { Analysis } from '../../text/analysis.js';

/**
 * Spans of a reply that are not prose and never spell-checked or
 * grammar-checked: placeholders, web and e-mail addresses, file names,
 * hashtags and mentions, code-like tokens.
 */
const PROTECTED: RegExp[] = [
  /\{\{\{?[^{}\n]{0,80}\}?\}\}/g, // {{name}}, {{{body}}}
  /\{%[^%\n]{0,80}%\}/g, // {% if … %}
  /\$\{[^}\n]{0,40}\}/g, // ${name}
  /\{[^{}\n]{0,40}\}/g, // {name}
  /\*\|[^|\n]{1,30}\|\*/g, // *|FNAME|*
  /%[\p{L}_][\p{L}\p{N}_ ]{0,30}%/gu, // %NAME%
  /\[[^\]\n]{0,60}\]/g, // [NIMI], [link], [1]
  /<[^<>\n]{1,80}>/g, // <nimi>, <https://…>, <a@b.fi>
  /\b(?:https?|ftp):\/\/[^\s<>"”]+/gi, // URLs
  /\bwww\.[^\s<>"”]+/gi,
  /[^\s<>()"”,;:]+@[^\s<>()"”,;:]+/g, // e-mail addresses, @mentions with a host
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

/** Whether [start, end) overlaps one of the (sorted) ranges. */
export function overlaps(ranges: Range[], start: number, end: number): boolean {
  for (const r of ranges) {
    if (r.start >= end) return false;
    if (r.end > start) return true;
  }
  return false;
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
