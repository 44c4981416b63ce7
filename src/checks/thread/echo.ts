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

/**
 * A confirmation that the request is done ("Kaksi pottaa on nyt varattu", "Vi har bokat
 * ett bord"): it repeats the customer's words, and answers them. "Received" is no deed.
 */
const DONE = new RegExp(
  [
    // "olemme vaihtaneet", "on nyt varattu"
    '(?:olemme|olen)\\s+(?:nyt\\s+)?(?!vastaanot|kirjan)\\p{L}{3,}(?:neet|nut|nyt)',
    '(?:on|ovat)\\s+(?:nyt\\s+)?(?!vastaanot|kirjat)\\p{L}{3,}(?:ttu|tty)',
    // "lähetin", "tarkistimme": the past of the deeds of customer service
    '(?:lähet|tarkist|selvit|korjas|varas|vaihdo|peru|poist|lisäs|päivit|hyvit|palaut|siirs|muutin|merkits|välit|avas|sulj)(?:in|imme)',
    // "vi har bokat", "jag skickade", "bordet är bokat"
    '(?:vi|jag)\\s+(?:har\\s+)?(?:nu\\s+)?(?!mottag|tagit|fått|fick)\\p{L}{3,}(?:ade|de|te|at|it|t)',
    '(?:har|är)\\s+(?:nu\\s+)?(?!mottag|inkomm|registrer)\\p{L}{3,}(?:ats|its|ts|ad|at)',
  ]
    .map((p) => `(?<![\\p{L}])${p}(?![\\p{L}])`)
    .join('|'),
  'iu',
);

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
  if (DONE.test(bodyText) && !DONE.test(customer.text)) return [];
  return [replyAnchor(analysis)];
};
