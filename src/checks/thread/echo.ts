import type { Check } from '../types.js';
import { DEADLINE, AMOUNT } from '../../text/cues.js';
import { keysMatch } from '../../text/stem.js';
import { contentKeys, bodyWithKeys, replyAnchor } from './content.js';

const THANKS = /^(kiitos|kiitämme|tack|thank)/i;

/** A date, a time or an amount of the reply's own is an answer, however much else is repeated. */
function addsFacts(reply: string, customer: string): boolean {
  const theirs = customer.toLowerCase().replace(/\s+/g, ' ');
  for (const cue of [DEADLINE, AMOUNT]) {
    for (const m of reply.matchAll(new RegExp(cue.source, 'giu'))) {
      if (!theirs.includes(m[0].toLowerCase().replace(/\s+/g, ' '))) return true;
    }
  }
  return false;
}

/** The reply mostly repeats the customer's words and adds no answer of its own. */
export const echo: Check = (analysis, ctx) => {
  const customer = analysis.customer;
  if (!customer || customer.language !== analysis.language) return [];
  const theirs = new Set(contentKeys(customer));
  // "Kiitos viestistäsi" adds nothing, but is no echo either.
  const body = bodyWithKeys(analysis).filter((b) => !THANKS.test(b.sentence.text.trim()));
  const ours = body.flatMap((b) => [...b.keys]);
  const minWords = (ctx.options.minWords as number | undefined) ?? 3;
  if (ours.length < minWords || theirs.size === 0) return [];
  const novel = ours.filter((k) => !theirs.has(k) && ![...theirs].some((t) => keysMatch(t, k) || keysMatch(k, t)));
  const repeated = 1 - novel.length / ours.length;
  const bodyText = body.map((b) => b.sentence.text).join(' ');
  if (repeated < ((ctx.options.minShare as number | undefined) ?? 0.7) || novel.length > 3 || addsFacts(bodyText, customer.text)) return [];
  return [replyAnchor(analysis)];
};
