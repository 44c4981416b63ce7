import { AMOUNT, DEADLINE, DECISION, METHOD, PLACE, REASON } from '../../text/cues.js';
import type { QuestionType } from '../../text/questions.js';

/**
 * What answers each kind of question. "Milloin?" wants a date or a time,
 * "kuinka kauan?" a length of time, "paljonko?" a sum, "voinko?" a yes, a no
 * or an instruction. Built on the shared cues of text/cues.ts.
 */
const W = '(?<![\\p{L}\\p{N}])';
const UNIT_FI = '(?:arki|pankki|työ)?(?:päiv|viiko|viikk|tunni|tunti|minuuti|minuutt|kuukau|vuorokau|vuo(?:si|de|tt|n))\\p{L}*';
const UNIT_SV = '(?:arbets|bank)?(?:dag|dagar|dagars|dygn|vecka|veckor|veckors|timme|timmar|minut|minuter|månad|månader|år)(?![\\p{L}])';

/** A length of time: "viikossa", "pari päivää", "3–5 pankkipäivää", "två år", "en vecka". */
export const DURATION = new RegExp(
  [
    `${W}\\d+(?:[,.]\\d+)? ?(?:[–-] ?\\d+ ?)?${UNIT_FI}`,
    `${W}(?:pari|parin|muutama|muutaman|yksi|yhden|kaksi|kahden|kolme|kolmen|neljä|neljän|viisi|viiden|kuusi|kuuden|puoli|puolen|kymmenen)\\s+${UNIT_FI}`,
    `${W}(?:päivässä|viikossa|tunnissa|kuukaudessa|vuodessa|vuorokaudessa|hetkessä|samana päivänä|saman päivän aikana)(?![\\p{L}])`,
    `${W}(?:\\d+|en|ett|två|tre|fyra|fem|sex|tio|några|ett par|ca|cirka) ?(?:[–-] ?\\d+ ?)?${UNIT_SV}`,
    `${W}(?:samma dag|över dagen|inom \\S+)(?![\\p{L}])`,
  ].join('|'),
  'iu',
);

/**
 * An answer to "when?": a date, a day or a time, "right away", or "now" where it says
 * something is ready ("on nyt noudettavissa", "är nu klar"). A bare "nyt"/"nu" is too
 * often a particle: "Kaksi pottaa on nyt varattu" says nothing of when the room is free.
 */
const READY_FI = '(?:noudettavissa|valmi\\p{L}*|saatavilla|saatavana|auki|avoinna|käytettävissä|käytössä\\p{L}*|perillä|voimassa|tilillä\\p{L}*)';
const READY_SV = '(?:klar|klart|redo|öppen|öppet|tillgänglig\\p{L}*|aktiv\\p{L}*|framme|giltig\\p{L}*|hämtas|hämta)';
export const WHEN = new RegExp(
  [
    DEADLINE.source,
    `${W}(?:heti|välittömästi|jo|direkt|genast|omedelbart|redan)(?![\\p{L}])`,
    `${W}nyt\\s+(?:\\p{L}+\\s+)?${READY_FI}(?![\\p{L}])`,
    `${W}nu\\s+(?:\\p{L}+\\s+)?${READY_SV}(?![\\p{L}])`,
  ].join('|'),
  'iu',
);

/** An instruction answers "do I need…?" as well as a yes: "Ota mukaan henkilökortti", "Ta med legitimation". */
const INSTRUCTION = new RegExp(
  `${W}(?:ota|tuo|tee|lähetä|soita|käy|kirjaudu|täytä|valitse|muista|katso|tarkista|vastaa|ilmoita|ta med|ta|gör|skicka|ring|gå|logga in|fyll i|välj|kom ihåg|titta|kontrollera|svara|meddela)(?![\\p{L}])`,
  'iu',
);

const RESTATED = new RegExp(`${W}(?:har|hade|blir|gäller|fungerar|ingår|stämmer|hinner|tulee|käy|sopii|kelpaa|riittää|pitää|täytyy|tarvitse\\p{L}*)(?![\\p{L}])`, 'iu');

const CUES: Record<Exclude<QuestionType, 'open'>, RegExp> = {
  time: WHEN,
  duration: new RegExp(`${DURATION.source}|${DEADLINE.source}`, 'iu'),
  amount: AMOUNT,
  place: PLACE,
  // A yes/no is also answered by restating its verb: "har ni öppet?" — "På juldagen har vi öppet kl. 8–14".
  decision: new RegExp(`${DECISION.source}|${INSTRUCTION.source}|${RESTATED.source}`, 'iu'),
  reason: REASON,
  // "How do I change it?" is answered as often by where ("in the app, under Settings") as by steps.
  method: new RegExp(`${METHOD.source}|${PLACE.source}`, 'iu'),
};

/** The cue of the kind of answer a question wants; null for an open question. */
export function answerCue(type: QuestionType): RegExp | null {
  return type === 'open' ? null : CUES[type];
}

/**
 * The answers precise enough to tell, anywhere in a reply, which question
 * they answer: the one date, length of time or sum asked for.
 */
const PRECISE: Partial<Record<QuestionType, RegExp>> = {
  time: DEADLINE,
  duration: DURATION,
  amount: AMOUNT,
};
/** PRECISE with the global flag for matchAll, compiled once. */
const PRECISE_ALL: Partial<Record<QuestionType, RegExp>> = Object.fromEntries(
  Object.entries(PRECISE).map(([type, re]) => [type, new RegExp(re.source, 'giu')]),
);

/**
 * Whether the reply gives an answer of the question's precise kind that is
 * its own, not a date or a sum repeated from the customer's message.
 */
export function givesPreciseAnswer(type: QuestionType, reply: string, customer: string): boolean {
  const cue = PRECISE_ALL[type];
  if (!cue) return false;
  const theirs = customer.toLowerCase().replace(/\s+/g, ' ');
  for (const m of reply.matchAll(cue)) {
    if (!theirs.includes(m[0].toLowerCase().replace(/\s+/g, ' '))) return true;
  }
  return false;
}
