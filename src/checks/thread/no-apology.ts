import type { Check } from '../types.js';
import type { Trilingual } from '../../types.js';
import { APOLOGY, complaintScore } from '../../text/cues.js';
import { option } from '../util.js';
import { bodyWithKeys, replyAnchor } from './content.js';

/** A complaint answered without an apology or empathy in the first two sentences. */
export const noApology: Check = (analysis, ctx) => {
  const customer = analysis.customer;
  if (!customer || complaintScore(customer.text) < option<number>(ctx.options, 'minComplaintScore', 2)) return [];
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
