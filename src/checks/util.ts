import type { Analysis } from '../text/analysis.js';
import type { RawFinding } from '../types.js';

/** All regex matches in the reply proper (quoted history excluded), as findings. */
export function regexFindings(
  analysis: Analysis,
  pattern: RegExp,
  build: (match: RegExpExecArray) => RawFinding | null,
): RawFinding[] {
  const out: RawFinding[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const match of analysis.text.matchAll(re)) {
    const finding = build(match as RegExpExecArray);
    if (finding) out.push(finding);
  }
  return out;
}

/** A finding over the trimmed text of a span. */
export function spanFinding(start: number, text: string, extra: Partial<RawFinding> = {}): RawFinding {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return { offset: start + lead, length: trimmed.length, ...extra };
}

export function option<T>(options: Record<string, unknown>, key: string, fallback: T): T {
  const value = options[key];
  return value === undefined ? fallback : (value as T);
}

/** Sentences of the body (between greeting and sign-off). */
export function bodySentences(analysis: Analysis) {
  const { body } = analysis.anatomy;
  return analysis.sentences.filter((s) => s.end > body.start && s.start < body.end);
}

/**
 * The number of leading items for which `before` holds, by binary search: the
 * items must be ordered so that those come first. Keeps per-word lookups in
 * long replies logarithmic instead of a scan.
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
