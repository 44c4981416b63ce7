import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

/**
 * Numbers against Finnish and Swedish conventions: the amount before the
 * currency with a space ("12,50 €", "249,50 kr"), a decimal comma, a Finnish
 * date with its final full stop ("26.9."), a Finnish time with a full stop
 * ("klo 14.30").
 */
const CURRENCY = '€|euroa?|eur|EUR|snt|kr|kronor|SEK|öre';

interface NumberRule {
  pattern: RegExp;
  langs: string[];
  /** The corrected text, or null when the match is not an error after all. */
  correct: (m: RegExpExecArray, text: string) => string | null;
}

const RULES: NumberRule[] = [
  // Currency sign before the amount: "€12,50", "e0,0", "kr 249", "SEK 1 249".
  {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(€|e|kr|SEK|EUR) ?(\\d{1,3}(?:[  ]\\d{3})*(?:[.,]\\d{1,2})?)(?![\\p{L}\\p{N}]|[.,]\\d)`, 'gu'),
    langs: ['fi', 'sv'],
    correct: (m) => {
      if (m[1] === 'e' && !/[.,]/.test(m[2]!)) return null; // "e5" may be a code; "e0,0" is a price.
      const unit = m[1] === 'e' || m[1] === 'EUR' ? '€' : m[1] === 'SEK' ? 'kr' : m[1]!;
      return `${m[2]!.replace('.', ',')} ${unit}`;
    },
  },
  // Decimal point in money: "44.45 euroa", "249.50kr", "44.45  euroa" (a doubled space, or a no-break one, before the unit).
  {
    pattern: new RegExp(`(?<![\\d.,])(\\d+)\\.(\\d{2})([ \\u00a0]{0,2})(${CURRENCY})(?![\\p{L}])`, 'gu'),
    langs: ['fi', 'sv'],
    correct: (m) => `${m[1]},${m[2]} ${m[4]}`,
  },
  // No space between amount and currency: "12,50€", "249kr".
  {
    pattern: new RegExp(`(?<![\\p{L}\\d.,])(\\d+(?:,\\d{1,2})?)(${CURRENCY})(?![\\p{L}])`, 'gu'),
    langs: ['fi', 'sv'],
    correct: (m) => `${m[1]} ${m[2]}`,
  },
  // Finnish time with a colon after "klo": "klo 14:30".
  {
    pattern: /(?<![\p{L}])(klo|kello) (\d{1,2}):(\d{2})(?!\d)/giu,
    langs: ['fi'],
    correct: (m) => `${m[1]} ${m[2]}.${m[3]}`,
  },
  // Finnish day and month without the final full stop: "26.09" → "26.9.".
  {
    pattern: /(?<![\p{L}\p{N}.,:/-])(\d{1,2})\.(\d{1,2})(?![\p{N}.,:/]|[\p{L}])/gu,
    langs: ['fi'],
    correct: (m, text) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "klo 14.05", "versio 2.5", "v. 3.10": times and versions, not dates.
      if (/(klo|kello|kl|versio|version|v)\.? ?$/i.test(before)) return null;
      // A day over 23 cannot be an hour; otherwise only a day-month context makes it a date.
      const dateContext = /(^|\s)(ma|ti|ke|to|pe|la|su|maanantaina|tiistaina|keskiviikkona|torstaina|perjantaina|lauantaina|sunnuntaina|eräpäivä\p{L}*|viimeistään|alkaen|asti|päivänä|mennessä)\s*$/iu;
      if (day <= 23 && !dateContext.test(before)) return null;
      return `${day}.${month}.`;
    },
  },
];

export const numberFormat: Check = (analysis) => {
  const lang = analysis.language;
  const text = analysis.text;
  const findings: RawFinding[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    if (!rule.langs.includes(lang)) continue;
    for (const match of text.matchAll(rule.pattern)) {
      const m = match as RegExpExecArray;
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const suggestion = rule.correct(m, text);
      if (suggestion === null || suggestion === m[0]) continue;
      taken.push([start, end]);
      findings.push({
        offset: start,
        length: end - start,
        suggestions: [suggestion],
        data: { suggestion },
        fix: { offset: start, length: end - start, text: suggestion },
      });
    }
  }
  return findings.sort((a, b) => a.offset - b.offset);
};
