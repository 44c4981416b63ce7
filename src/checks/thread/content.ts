import type { Analysis } from '../../text/analysis.js';
import { STOP } from '../../text/questions.js';
import { bodySentences } from '../util.js';

/** Comparison keys of the content words (no function words) of words [from, to). */
export function contentKeys(analysis: Analysis, from = 0, to = analysis.words.length): string[] {
  const stop = STOP[analysis.language === 'sv' ? 'sv' : 'fi'];
  const keys: string[] = [];
  for (let i = from; i < to; i++) {
    const core = analysis.words[i]!.core;
    if (core.length > 2 && /\p{L}/u.test(core) && !stop.has(core)) keys.push(analysis.keys[i]!);
  }
  return keys;
}

/** The reply's body sentences with their content keys (greeting line and sign-off left out). */
export function bodyWithKeys(analysis: Analysis) {
  return bodySentences(analysis)
    .filter((s) => s.firstWord < s.endWord)
    .map((s) => {
      // The greeting's own words ("Hei Anna,") are not content.
      const greetingEnd = analysis.anatomy.greeting?.end ?? -1;
      let from = s.firstWord;
      while (from < s.endWord && analysis.words[from]!.start < greetingEnd) from++;
      return { sentence: s, keys: new Set(contentKeys(analysis, from, s.endWord)) };
    });
}

/** The first body sentence: where a finding about the reply as a whole is reported. */
export function replyAnchor(analysis: Analysis): { offset: number; length: number } {
  const first = bodySentences(analysis).find((s) => s.firstWord < s.endWord && s.end > (analysis.anatomy.greeting?.end ?? 0));
  if (first) {
    const start = Math.max(first.start, analysis.anatomy.greeting?.end ?? 0);
    const text = analysis.message.text.slice(start, first.end);
    const lead = text.length - text.trimStart().length;
    return { offset: start + lead, length: text.trim().length };
  }
  const line = analysis.anatomy.firstLine;
  return line ? { offset: line.start, length: line.end - line.start } : { offset: 0, length: 0 };
}
