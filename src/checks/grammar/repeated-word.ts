import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { GRAMMAR_CODES } from '../../text/voikko.js';
import { outOfScope, voikkoErrorsAround } from './shared.js';

/**
 * Words doubled on purpose: greetings and thanks ("Hei hei!", "Tack tack"),
 * intensifiers ("hyvin hyvin harvoin") and, in Swedish, words that may
 * follow themselves in a correct sentence ("Det det gäller är…", "Det han
 * har har…", "Var var du?").
 */
const DOUBLED_ON_PURPOSE: Record<string, Set<string>> = {
  fi: new Set(
    'hei moi moikka heippa kiitos joo juu jo no niin kyllä ei hyvin tosi aivan ihan kovin pikku hyvä jaa ai oi voi hah haha hmm noh nonii'.split(' '),
  ),
  sv: new Set(
    ('hej hejsan tack ja nej jo nu så bra mycket väldigt jätte ha haha hallå ' +
      'det den de dem för har hade var vara är kan kunde ska skulle vill som in ut om').split(' '),
  ),
};

/**
 * The same word twice in a row ("on on", "att att"): an editing leftover.
 * A built-in scan finds the pairs; in Finnish, where Voikko is installed, a
 * pair is reported only when Voikko's grammar checker agrees.
 */
export const repeatedWord: Check = (analysis) => {
  const lang = analysis.language;
  const onPurpose = DOUBLED_ON_PURPOSE[lang];
  if (!onPurpose) return [];
  const text = analysis.text;
  const words = analysis.words;
  const findings: RawFinding[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (a.core !== b.core || a.dot || !/^\p{L}+$/u.test(a.text) || !/^\p{L}+$/u.test(b.text)) continue;
    // Only blanks between them, across at most one line break.
    if (!/^[ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)?$/.test(text.slice(a.end, b.start)) || a.end === b.start) continue;
    if (onPurpose.has(a.core) || outOfScope(analysis, a.start, b.end)) continue;
    if (lang === 'fi') {
      const voikko = voikkoErrorsAround(analysis, a.start, b.end, 'paragraph');
      if (voikko && !voikko.some((e) => e.code === GRAMMAR_CODES.repeatingWord && e.offset === a.start)) continue;
    }
    findings.push({ offset: a.start, length: b.end - a.start, suggestions: [a.text], data: { suggestion: a.text } });
  }
  return findings;
};
