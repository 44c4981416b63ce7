import type { Check } from '../types.js';
import type { Trilingual } from '../../types.js';
import { replyAnchor } from './content.js';

const NAMES: Record<'fi' | 'sv' | 'en', Trilingual> = {
  fi: { fi: 'suomeksi', sv: 'på finska', en: 'in Finnish' },
  sv: { fi: 'ruotsiksi', sv: 'på svenska', en: 'in Swedish' },
  en: { fi: 'englanniksi', sv: 'på engelska', en: 'in English' },
};

/** The reply is in another language than the customer's message. */
export const languageMismatch: Check = (analysis) => {
  const customer = analysis.customer;
  if (!customer) return [];
  const theirs = customer.language;
  const ours = analysis.language;
  if (theirs === 'unknown' || ours === 'unknown' || theirs === ours) return [];
  // A bilingual reply with a part of its own prose in the customer's language answers them in it.
  if (analysis.segments.some((s) => s.lang === theirs && s.decided && !s.machine)) return [];
  // A two-word "Kiitos paljon!" does not tell a language reliably.
  if (customer.words.length < 4 || analysis.words.length < 4) return [];
  const line = analysis.anatomy.firstLine;
  const anchor = line ? { offset: line.start, length: line.text.trimEnd().length } : replyAnchor(analysis);
  return [{ ...anchor, data: { customerLanguage: NAMES[theirs], replyLanguage: NAMES[ours] } }];
};
