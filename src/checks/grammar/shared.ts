import type { Analysis } from '../../text/analysis.js';
import { getVoikko, type VoikkoGrammarError } from '../../text/voikko.js';
import { rangesOf } from '../spelling/protect.js';

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
    const sentence = analysis.sentences.find((s) => s.start <= start && s.end >= end);
    from = sentence?.start ?? start;
    to = sentence?.end ?? end;
  } else {
    from = paragraphStart(text, start);
    to = paragraphEnd(text, end);
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

function paragraphStart(text: string, offset: number): number {
  const re = /\n[ \t]*\r?\n/g;
  let start = 0;
  for (const m of text.slice(0, offset).matchAll(re)) start = m.index! + m[0].length;
  return start;
}

function paragraphEnd(text: string, offset: number): number {
  const m = /\r?\n[ \t]*\r?\n/.exec(text.slice(offset));
  return m ? offset + m.index : text.length;
}

/** Whether [start, end) lies in the greeting line, the sign-off or a protected span (found on first use). */
export function outOfScope(analysis: Analysis, start: number, end: number): boolean {
  if (analysis.inFrame(start)) return true;
  for (const r of rangesOf(analysis)) {
    if (r.start >= end) break;
    if (r.end > start) return true;
  }
  return false;
}
