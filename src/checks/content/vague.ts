import type { Check } from '../types.js';

/** Generic names for what the customer bought or uses. */
const GENERIC: Record<string, RegExp> = {
  fi: /^(tuote|tuotteen|tuotetta|tuotteesta|tuotteella|tuotteeseen|tuotteessa|tuotteelle|palvelu|palvelun|palvelua|palvelussa|palvelusta|palveluun|palvelulla|palvelulle|sovellus|sovelluksen|sovellusta|sovelluksessa|sovelluksesta|sovellukseen|laite|laitteen|laitetta|laitteessa|laitteesta|laitteeseen|laitteella)$/,
  sv: /^(produkten|produktens|tjänsten|tjänstens|varan|enheten|appen|applikationen|artikeln)$/,
};

/** Capitalised words in the middle of a sentence that are not product names. */
const NOT_PRODUCT = /^(I|Du|Ni|Te|Sinä|Hei|Hej|EU|Suomi|Sverige|Finland|Ruotsi|Helsinki|Stockholm)$/;

/** Talks of "the product"/"the service" and never names it. */
export const vague: Check = (analysis, ctx) => {
  const generic = GENERIC[analysis.language];
  if (!generic) return [];
  const text = analysis.text;
  const lower = text.toLowerCase();
  if (ctx.products.some((p) => lower.includes(p.toLowerCase()))) return [];
  const words = analysis.words.filter((w) => !analysis.inFrame(w.start));
  // A capitalised word inside a sentence (not its first word) is taken for a product or brand name.
  // At a sentence start only the shape tells a name: "MobilePay", "Netflix-tilauksesi", "Fibernet 100".
  const named = words.some((w, i) => {
    if (!/^\p{Lu}/u.test(w.text) || NOT_PRODUCT.test(w.text) || /^\p{Lu}+$/u.test(w.text)) return false;
    const first = i === 0 || words[i - 1]!.sentence !== w.sentence;
    if (!first) return true;
    return /^\p{Lu}\p{Ll}+\p{Lu}|^\p{Lu}[\p{L}]*-\p{Ll}/u.test(w.text) || /^\s+\d/.test(text.slice(w.end, w.end + 3));
  });
  if (named) return [];
  const hit = words.find((w) => generic.test(w.core));
  return hit ? [{ offset: hit.start, length: hit.end - hit.start }] : [];
};
