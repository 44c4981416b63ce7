import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { findIbans } from './detect.js';

/**
 * Words before an account number that make it the customer's: a refund or a
 * payment to them, their own account ("tilillesi", "ditt konto").
 */
const CUSTOMERS =
  /(tili(?:lle|ltä|nnumero|numero)?(?:si|nne)|tilinumero(?:si|nne|llesi|llenne)|pankkitili\p{L}*(?:si|nne)|ilmoittama\p{L}* tili|antama\p{L}* tili|hyvi\p{L}*|palaut\p{L}*|maksetaan|maksamme|(?:ditt|ert)(?: \p{L}+)? (?:(?:bank)?konto\p{L}*|iban|clearingnummer)|återbetal\p{L}*|betalas (?:tillbaka|ut)|utbetal\p{L}*|sätter in|insättning|your(?: \p{L}+)? (?:bank )?account|refund\p{L}*)/giu;
/** Words that make it the company's: where the customer pays (an invoice's recipient account). */
const COMPANYS = /(maksa\p{L}*|saaja\p{L}*|tilillemme|tilimme|betala(?! tillbaka)\p{L}*|mottagar\p{L}*|vårt (?:bank)?konto|bankgiro|plusgiro|pay (?:to|into)|our account|recipient)/iu;
/** How far back, within the sentence, the words are read. */
const WINDOW = 90;

function compact(s: string): string {
  return s.replace(/[\s\u00a0]/g, '').toUpperCase();
}

/**
 * The customer's bank account in a reply (an IBAN with a valid check): written
 * out where a refund goes or repeated from the customer's message. The
 * company's own account, where an invoice is paid, is no personal data.
 */
export const iban: Check = (analysis) => {
  const text = analysis.text;
  const customer = analysis.customer ? compact(analysis.customer.text) : '';
  const findings: RawFinding[] = [];
  for (const d of findIbans(text)) {
    const own = customer !== '' && customer.includes(compact(text.slice(d.offset, d.offset + d.length)));
    const before = text.slice(Math.max(0, d.offset - WINDOW), d.offset);
    // Only the sentence (or line) the number is in.
    const sentence = before.slice(Math.max(before.lastIndexOf('\n\n'), before.search(/[.!?]\s+[^.!?]*$/) + 1, 0));
    CUSTOMERS.lastIndex = 0;
    const theirs = CUSTOMERS.test(sentence) && !COMPANYS.test(sentence.replace(CUSTOMERS, ' '));
    if (own || theirs) findings.push({ offset: d.offset, length: d.length });
  }
  return findings;
};
