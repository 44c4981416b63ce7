/**
 * Evidence that a reply tells the customer how to reach the company: a phone
 * number, an e-mail or web address, a chat or an app, or "reply to this message".
 */
const CHANNEL_EVIDENCE = [
  /\+?\d[\d -]{5,}\d/, // phone numbers: 010 123 4567, 08-123 45 67, +358 40 123 4567
  /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/u,
  /(https?:\/\/|www\.)\S+|\b[\p{L}\d-]+\.(fi|se|com|net|org|eu|ax|nu|io)\b/iu,
  /\b(chat\p{L}*|chatt\p{L}*|sovellu\p{L}*|appen|appar|mobiilisovellu\p{L}*|verkkopalvelu\p{L}*|asiointipalvelu\p{L}*|mina sidor|omat sivut|oma\p{Lu}\p{L}+|verkkosivu\p{L}*|webbplats\p{L}*|hemsida\p{L}*|kontaktformulär\p{L}*|yhteydenottolomak\p{L}*|lomakkee\p{L}*)/iu,
  /\b(vastaa(malla|than|kaa|tte)?|vastata|vastaatte|vastaat) (tähän|suoraan|viestiin|sähköpostiin)|\bvastaamalla\b|\b(svara|svarar) (på|direkt|bara)|\bbesvara\b|\breply to this\b/iu,
  /\b(myymälä\p{L}*|toimipistee\p{L}*|butik\p{L}*|kontoret|palvelupistee\p{L}*|servicepunkt\p{L}*)/iu,
  // A template's placeholder for a channel: {{support-email}}, %{phone}, {$helpUrl}, [PUHELIN], %PHONE%.
  /[{[%$|][^}\]%|\n]{0,40}((e-?mail|phone|puhelin|help|ohje|support|tuki|contact|kontakt|yhteys|yhteystie|chat|website|homepage)|(?<![a-z])(mail|puh|tel|url)(?![a-z]))[^}\]%|\n]{0,40}[}\]%|]/iu,
];

/** "Älä vastaa tähän viestiin", "Svara inte på detta meddelande": the message shuts its own channel. */
const NO_REPLY =
  /(?<![\p{L}])(älä|älkää|et voi|ette voi|ei voi) (\p{L}+ )?vasta\p{L}* (tähän|tämän)[^.!?\n]*|(svara|besvara) inte[^.!?\n]*|(do not|don't|please do not) reply[^.!?\n]*|(kan|går) inte (att )?(besvaras|svara på)[^.!?\n]*/giu;
/** NO_REPLY without the global flag, so that a test keeps no lastIndex between calls. */
const NO_REPLY_TEST = new RegExp(NO_REPLY.source, 'iu');

export function givesChannel(text: string): boolean {
  const open = text.replace(NO_REPLY, (m) => ' '.repeat(m.length));
  return CHANNEL_EVIDENCE.some((re) => re.test(open));
}

/** Whether the message says it cannot be answered. */
export function isNoReply(text: string): boolean {
  return NO_REPLY_TEST.test(text);
}
