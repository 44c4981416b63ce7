/**
 * Applying the findings' automatic fixes to a text. Pure: no I/O, the same
 * input gives the same output. Fixes never touch template syntax: a fix that
 * intersects a placeholder ("{{name}}", "[NIMI]") or a control tag
 * ("{% if %}", "{{!-- --}}") is skipped, as is one that overlaps a fix already
 * applied in the same pass (ESLint's rule: the earlier fix wins, the next pass
 * gets the other one if it still applies).
 */
import type { Finding, Fix } from '../types.js';
import { findTemplateSyntax, intersectsTemplate, type TemplateSyntax } from '../text/template.js';

export type SkipReason = 'overlap' | 'template' | 'out-of-range';

export interface FixResult {
  output: string;
  /** The findings whose fix was applied, in text order. */
  applied: Finding[];
  /** Findings with a fix that was not applied, and why. */
  skipped: { finding: Finding; reason: SkipReason }[];
}

/**
 * Applies the fixes of `findings` to `text` (offsets in `text`, UTF-16 code
 * units). Findings without a fix are ignored. Identical fixes (two findings
 * proposing the same edit) are applied once and both count as applied.
 */
export function applyFixes(text: string, findings: readonly Finding[], syntax?: TemplateSyntax): FixResult {
  const withFix = findings
    .map((finding, index) => ({ finding, fix: finding.fix, index }))
    .filter((x): x is { finding: Finding; fix: Fix; index: number } => x.fix !== undefined)
    // Text order; at one offset an insertion first, then the shorter edit; ties keep the findings' order.
    .sort((a, b) => a.fix.offset - b.fix.offset || a.fix.length - b.fix.length || a.index - b.index);
  const applied: Finding[] = [];
  const skipped: FixResult['skipped'] = [];
  if (withFix.length === 0) return { output: text, applied, skipped };
  const tags = syntax ?? findTemplateSyntax(text);
  const parts: string[] = [];
  let cursor = 0;
  let last: Fix | undefined;
  for (const { finding, fix } of withFix) {
    const start = fix.offset;
    const end = fix.offset + fix.length;
    if (!Number.isInteger(start) || !Number.isInteger(fix.length) || start < 0 || fix.length < 0 || end > text.length) {
      skipped.push({ finding, reason: 'out-of-range' });
      continue;
    }
    if (last && start === last.offset && fix.length === last.length && fix.text === last.text) {
      applied.push(finding); // the same edit, proposed twice
      continue;
    }
    if (last && conflicts(last, fix)) {
      skipped.push({ finding, reason: 'overlap' });
      continue;
    }
    if (intersectsTemplate(tags, start, end) || splitsSurrogate(text, start) || splitsSurrogate(text, end)) {
      skipped.push({ finding, reason: 'template' });
      continue;
    }
    parts.push(text.slice(cursor, start), fix.text);
    cursor = end;
    last = fix;
    applied.push(finding);
  }
  parts.push(text.slice(cursor));
  return { output: parts.join(''), applied, skipped };
}

/**
 * Two edits conflict when their ranges overlap, or when both are at the same
 * offset and one of them is an insertion (their order would be a guess).
 * Edits that only touch ("abc" replaced, then an insertion right after it) do not.
 */
function conflicts(prev: Fix, next: Fix): boolean {
  const prevEnd = prev.offset + prev.length;
  if (next.offset < prevEnd) return true;
  return next.offset === prev.offset && (prev.length === 0 || next.length === 0);
}

function splitsSurrogate(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export interface FixLoopResult<T> {
  output: string;
  /** Every fix applied, over all passes. */
  applied: Finding[];
  /** Fixes still proposed by the last lint that could not be applied (template syntax, conflicts). */
  skipped: FixResult['skipped'];
  /** Lint passes run (the last one found nothing more to apply). */
  passes: number;
  /** The last lint, of `output`: what remains to report. */
  last: T;
}

/**
 * Lints, fixes and lints again until no fix applies (at most `maxPasses`
 * passes, 10 as in ESLint): a fix that was skipped for overlapping another
 * gets its turn in the next pass, and a fix that uncovers another is followed.
 * `lint` returns the findings of a text with offsets in that text; it is the
 * caller's linter (in template mode, one that blanks the controls first).
 */
export function fixUntilStable<T extends { findings: readonly Finding[] }>(
  text: string,
  lint: (text: string) => T,
  options: { maxPasses?: number } = {},
): FixLoopResult<T> {
  const maxPasses = options.maxPasses ?? 10;
  let output = text;
  const applied: Finding[] = [];
  let passes = 0;
  const seen = new Set<string>([text]);
  for (;;) {
    const result = lint(output);
    passes++;
    const fixed = applyFixes(output, result.findings);
    // Stop when nothing applies, when out of passes, or when fixes would cycle back to an earlier text.
    if (fixed.applied.length === 0 || fixed.output === output || passes > maxPasses || seen.has(fixed.output)) {
      return { output, applied, skipped: fixed.skipped, passes, last: result };
    }
    applied.push(...fixed.applied);
    seen.add(fixed.output);
    output = fixed.output;
  }
}
