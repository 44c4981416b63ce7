import type { Check } from '../types.js';
import type { RawFinding, Trilingual } from '../../types.js';
import { getVoikko, GRAMMAR_CODES, type Voikko } from '../../text/voikko.js';
import { outOfScope, voikkoErrorsAround } from './shared.js';

/** The Finnish negation verb in its forms ("en", "eikä", "älkää"). */
const NEGATION = /^(en|et|ei|emme|ette|eivät|älä|älkää|älköön|älkäämme|älkööt)(kä|pä|hän)?$/;

const DETAIL: Record<number, Trilingual> = {
  [GRAMMAR_CODES.negativeVerbMismatch]: {
    fi: 'Kieltoverbin jälkeen pääverbi on kieltomuodossa (”en mene”, ei ”en menee”).',
    sv: 'Efter det finska nekande verbet står huvudverbet i nekande form (”en mene”, inte ”en menee”).',
    en: 'After the Finnish negation verb the main verb takes its negative form (“en mene”, not “en menee”).',
  },
  [GRAMMAR_CODES.aInfinitiveRequired]: {
    fi: 'Verbin jälkeen kuuluu a/ä-päätteinen infinitiivi (”täytyy käydä”, ei ”täytyy käymään”).',
    sv: 'Efter verbet ska A-infinitiv stå (”täytyy käydä”, inte ”täytyy käymään”).',
    en: 'The verb takes the A-infinitive (“täytyy käydä”, not “täytyy käymään”).',
  },
  [GRAMMAR_CODES.maInfinitiveRequired]: {
    fi: 'Verbin jälkeen kuuluu maan/mään-muoto.',
    sv: 'Efter verbet ska MA-infinitiv (-maan/-mään) stå.',
    en: 'The verb takes the MA-infinitive (-maan/-mään).',
  },
};

/**
 * Finnish verb forms that do not go together, from Voikko's grammar checker:
 * a negation verb with a verb not in its negative form ("en menee") and a
 * verb that takes the A-infinitive with a MA-infinitive ("täytyy
 * käymään"). Voikko is asked only about sentences where its morphology shows
 * such a pair may be there. Needs Voikko: without it the rule finds nothing.
 */
export const verbForm: Check = (analysis) => {
  if (analysis.language !== 'fi') return [];
  const voikko = getVoikko();
  if (!voikko) return [];
  const words = analysis.words;
  const findings: RawFinding[] = [];
  const seen = new Set<number>();
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!;
    const word = words[i]!;
    if (prev.sentence !== word.sentence || !suspicious(voikko, prev.core, word.core)) continue;
    const errors = voikkoErrorsAround(analysis, prev.start, word.end, 'sentence') ?? [];
    for (const e of errors) {
      if (!(e.code in DETAIL) || seen.has(e.offset)) continue;
      if (outOfScope(analysis, e.offset, e.offset + e.length)) continue;
      seen.add(e.offset);
      findings.push({ offset: e.offset, length: e.length, suggestions: e.suggestions.slice(0, 3), data: { detail: DETAIL[e.code]! } });
    }
  }
  return findings.sort((a, b) => a.offset - b.offset);
};

/** Whether a word pair may be one Voikko objects to: a cheap morphological look before the slow grammar check. */
function suspicious(voikko: Voikko, first: string, second: string): boolean {
  if (!/^\p{L}+$/u.test(first) || !/^\p{L}+$/u.test(second)) return false;
  if (NEGATION.test(first)) return voikko.analyze(second).some((r) => r.class === 'teonsana' && r.negative === 'false');
  if (/m[aä][aä]n$/.test(second)) {
    return voikko.analyze(second).some((r) => r.mood === 'MA-infinitive') && voikko.analyze(first).some((r) => r.class === 'teonsana');
  }
  return false;
}
