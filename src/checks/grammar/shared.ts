import type { Analysis } from '../../text/analysis.js';
import { getVoikko, type VoikkoGrammarError } from '../../text/voikko.js';
import { overlaps, rangesOf } from '../spelling/protect.js';
import { partitionPoint } from '../util.js';

/**
 * What the grammar checks share: the protected spans of a reply, and
 * Voikko's grammar checker asked paragraph by paragraph, only where a cheap
 * scan found something to confirm (Voikko's grammar checker reads ~0.35 MB/s:
 * run over every reply it would be the slowest part of the linter).
 */

const voikkoMemo = new WeakMap<Analysis, Map<number, VoikkoGrammarError[]>>();

/**
 * Voikko's grammar errors in the stretch of the reply around [start, end):
 * the paragraph it lies in, or, for a sentence, just that sentence.
 * Offsets are the reply's. Null when Voikko is not available.
 */
export function voikkoErrorsAround(analysis: Analysis, start: number, end: number, scope: 'paragraph' | 'sentence'): VoikkoGrammarError[] | null {
  const voikko = getVoikko();
  if (!voikko) return null;
  const text = analysis.text;
  let from: number;
  let to: number;
  if (scope === 'sentence') {
    const sentence = sentenceAround(analysis, start, end);
    from = sentence?.start ?? start;
    to = sentence?.end ?? end;
  } else {
    from = paragraphStart(analysis, start);
    to = paragraphEnd(analysis, end);
  }
  let memo = voikkoMemo.get(analysis);
  if (!memo) voikkoMemo.set(analysis, (memo = new Map()));
  const key = from * 1_000_003 + to;
  let errors = memo.get(key);
  if (!errors) {
    errors = voikko.grammarErrors(text.slice(from, to)).map((e) => ({ ...e, offset: e.offset + from }));
    memo.set(key, errors);
  }
  return errors;
}

/** The first sentence holding [start, end), found by a binary search (sentences are in order and do not overlap). */
function sentenceAround(analysis: Analysis, start: number, end: number): { start: number; end: number } | undefined {
  const s = analysis.sentences[partitionPoint(analysis.sentences, (x) => x.end < end)];
  return s && s.start <= start && s.end >= end ? s : undefined;
}

/** The blank lines between paragraphs, found once per reply: a scan per word pair made one long paragraph quadratic. */
const breaksMemo = new WeakMap<Analysis, { start: number; end: number }[]>();

function paragraphBreaks(analysis: Analysis): { start: number; end: number }[] {
  let breaks = breaksMemo.get(analysis);
  if (!breaks) {
    breaks = [];
    for (const m of analysis.text.matchAll(/\r?\n[ \t]*\r?\n/g)) breaks.push({ start: m.index, end: m.index + m[0].length });
    breaksMemo.set(analysis, breaks);
  }
  return breaks;
}

/** Index of the first break whose `key` is at least `offset`. */
function firstBreak(breaks: { start: number; end: number }[], offset: number, key: 'start' | 'end'): number {
  return partitionPoint(breaks, (b) => b[key] < offset);
}

/** Where the paragraph holding `offset` starts: after the last blank line that ends at or before it. */
function paragraphStart(analysis: Analysis, offset: number): number {
  const breaks = paragraphBreaks(analysis);
  const i = firstBreak(breaks, offset + 1, 'end') - 1;
  return i >= 0 ? breaks[i]!.end : 0;
}

/** Where the paragraph holding `offset` ends: at the first blank line from it on. */
function paragraphEnd(analysis: Analysis, offset: number): number {
  const breaks = paragraphBreaks(analysis);
  const i = firstBreak(breaks, offset, 'start');
  return i < breaks.length ? breaks[i]!.start : analysis.text.length;
}

/** Whether [start, end) lies in the greeting line, the sign-off or a protected span (found on first use). */
export function outOfScope(analysis: Analysis, start: number, end: number): boolean {
  return analysis.inFrame(start) || overlaps(rangesOf(analysis), start, end);
}
