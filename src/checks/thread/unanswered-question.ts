import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import type { Question } from '../../text/questions.js';
import { keysMatch } from '../../text/stem.js';
import { answerCue, givesPreciseAnswer } from './answers.js';
import { bodyWithKeys, contentKeys, replyAnchor } from './content.js';
import { synonymous } from './synonyms.js';

/** Stems of verbs that ask for action on the message itself (check, look into, help, fix). */
const GENERIC_ACTION = /^(kolla|koll|tarkist|tarkast|katso|kats|selvit|selvi|aut|auttaa|hjälp|titt|fix|ordn|kontroller|undersök|check|look)/;

/**
 * Finnish consonant gradation splits a word's stems (vaihto → vaihdon, tukki →
 * tukin); folded, they compare equal. Only for measuring overlap, where a
 * near miss costs little.
 */
function fold(key: string): string {
  return key.replace(/(kk|pp|tt)/g, (m) => m[0]!).replace(/d/g, 't').replace(/ng/g, 'nk').replace(/mm/g, 'mp');
}

/** A sentence's content keys with their folded forms, folded once for all the questions. */
type KeyEntry = readonly [key: string, folded: string];

function shares(entries: readonly KeyEntry[], keys: Set<string>, key: string, lang: string): boolean {
  if (keys.has(key)) return true;
  const folded = fold(key);
  for (const [k, f] of entries) {
    if (keysMatch(key, k) || keysMatch(k, key)) return true;
    // "Milloin lähetys saapuu?" — "Paketti on perillä torstaina."
    if (synonymous(key, k, lang)) return true;
    if (keysMatch(folded, f) || keysMatch(f, folded)) return true;
    // Compounds: "välittäjä" answers "kiinteistönvälittäjälle", "mäklaren" "fastighetsmäklaren".
    const [short, long] = k.length < key.length ? [k, key] : [key, k];
    // …and a stem inside a compound: "maksaa" (maks-) answers "lisämaksua" (lisämaksu-).
    if (short.length >= 4 && (long.endsWith(short) || long.indexOf(short, 3) > 0)) return true;
  }
  return false;
}

/** A question the customer asked that the reply does not address. */
export const unansweredQuestion: Check = (analysis) => {
  const customer = analysis.customer;
  if (!customer || customer.language !== analysis.language) return [];
  const questions = customer.questions;
  if (questions.length === 0) return [];
  const body = bodyWithKeys(analysis);
  const entries = body.map((b) => [...b.keys].map((k): KeyEntry => [k, fold(k)]));
  const bodyText = body.map((b) => b.sentence.text).join(' ');
  const lang = analysis.language;
  const answered = (q: Question): boolean => {
    const cue = answerCue(q.type);
    // Without content words only the kind of answer can tell; do not guess against the writer.
    if (q.keys.length === 0) return cue === null || cue.test(bodyText);
    for (let i = 0; i < body.length; i++) {
      const shared = q.keys.filter((k) => shares(entries[i]!, body[i]!.keys, k, lang)).length;
      if (shared === 0) continue;
      const near = `${body[i]!.sentence.text} ${body[i + 1]?.sentence.text ?? ''}`;
      if (cue === null || cue.test(near)) return true;
      // Much of the question in one sentence answers it, if the sentence also says something new
      // ("Haluat siis kuitin tilauksesta" only restates it).
      const added = [...body[i]!.keys].filter((k) => !q.keys.some((qk) => keysMatch(qk, k) || keysMatch(k, qk))).length;
      if (shared >= Math.max(2, Math.ceil(q.keys.length / 2)) && added >= 2) return true;
    }
    // One question of a precise kind answered somewhere in the reply in other words.
    if (questions.length === 1 && cue !== null && q.type !== 'decision' && cue.test(bodyText)) return true;
    // The one "when?" (how long, how much) of several questions, answered by the reply's one date
    // (length of time, sum) of its own: "Kuinka kauan käsittely kestää?" — "Käsittelemme palautukset viikossa."
    return questions.filter((other) => other.type === q.type).length === 1 && givesPreciseAnswer(q.type, bodyText, customer.text);
  };
  // "Voitteko tarkistaa asian?", "Kan ni kolla det?": the request points at the whole message,
  // and a reply that takes up the message's matter answers it.
  const theirs = new Set(contentKeys(customer));
  const takesUpMessage = body.reduce((n, b) => n + [...b.keys].filter((k) => theirs.has(k)).length, 0) >= 2;
  const anchor = replyAnchor(analysis);
  const findings: RawFinding[] = [];
  for (const q of questions) {
    if (answered(q)) continue;
    if (takesUpMessage && q.keys.every((k) => GENERIC_ACTION.test(k))) continue;
    const question = q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text;
    findings.push({ ...anchor, data: { question } });
  }
  return findings;
};
