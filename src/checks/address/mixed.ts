import type { Check } from '../types.js';
import type { Trilingual } from '../../types.js';

const FORM_NAME: Record<'fi' | 'sv', Record<'familiar' | 'polite', Trilingual>> = {
  fi: {
    familiar: { fi: 'sinä', sv: 'sinä (du)', en: 'sinä (familiar)' },
    polite: { fi: 'te', sv: 'te (ni)', en: 'te (polite)' },
  },
  sv: {
    familiar: { fi: 'du (sinä)', sv: 'du', en: 'du (familiar)' },
    polite: { fi: 'ni (te)', sv: 'ni', en: 'ni (polite)' },
  },
};

/** Sinä and te (du and ni) mixed in one reply: each word in the minority form is reported. */
export const addressMixed: Check = (analysis) => {
  const lang = analysis.language;
  if (lang !== 'fi' && lang !== 'sv') return [];
  const markers = analysis.address.filter((m) => !m.group && !analysis.inFrame(m.word.start));
  const familiar = markers.filter((m) => m.form === 'familiar');
  const polite = markers.filter((m) => m.form === 'polite');
  if (familiar.length === 0 || polite.length === 0) return [];
  // The reply's choice is the form used more; on a tie, the one it starts with.
  const dominant =
    familiar.length !== polite.length ? (familiar.length > polite.length ? 'familiar' : 'polite') : markers[0]!.form;
  const minority = dominant === 'familiar' ? polite : familiar;
  return minority.map((m) => ({
    offset: m.word.start,
    length: m.word.end - m.word.start,
    data: { dominant: FORM_NAME[lang][dominant], minority: FORM_NAME[lang][m.form] },
  }));
};
