import type { Check } from '../types.js';
import type { Trilingual } from '../../types.js';
import { APOLOGY, complaintScore } from '../../text/cues.js';
import { option } from '../util.js';
import { bodyWithKeys, replyAnchor } from './content.js';

/** A request for a copy of a document: "kopio laskusta", "en kopia av fakturan". */
const COPY_REQUEST = /(?<![\p{L}])(kopio\p{L}*|kaksoiskappale\p{L}*|uude[nt] laskun|uusi lasku|kopia|kopian|dubblett\p{L}*|en ny faktura)(?![\p{L}])/iu;
/** The customer's own loss of a document, which is no fault of ours. */
const OWN_LOSS = /(?<![\p{L}])(kadon\p{L}*|hukassa|hukkasin|hukannut|kadotin|kadottanut|tappat bort|tappade bort|kommit bort|försvunnit)(?![\p{L}])/giu;

/**
 * How much of a complaint the customer's message is. A request for a copy of a lost
 * invoice is a request: "Alkuperäinen on kadonnut" is their loss, not our fault.
 */
export function complaintOf(text: string): number {
  return complaintScore(COPY_REQUEST.test(text) ? text.replace(OWN_LOSS, ' ') : text);
}

/** A complaint answered without an apology or empathy in the first two sentences. */
export const noApology: Check = (analysis, ctx) => {
  const customer = analysis.customer;
  if (!customer || complaintOf(customer.text) < option<number>(ctx.options, 'minComplaintScore', 2)) return [];
  const body = bodyWithKeys(analysis).map((b) => b.sentence);
  const firstTwo = body.slice(0, 2);
  if (firstTwo.some((s) => APOLOGY.test(s.text))) return [];
  // The greeting line may carry the apology itself: "Hei Anna, pahoittelen viivästystä!"
  if (analysis.anatomy.firstLine && APOLOGY.test(analysis.anatomy.firstLine.text)) return [];
  const later = body.slice(2).find((s) => APOLOGY.test(s.text));
  if (later) {
    const buried = option<Trilingual | undefined>(ctx.options, 'buriedMessage', undefined);
    return [{ offset: later.start, length: later.end - later.start, ...(buried ? { message: buried } : {}) }];
  }
  return [replyAnchor(analysis)];
};
