import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { option } from '../util.js';

/** Acronyms and codes that are written in capitals by convention. */
const ACRONYMS = new Set(
  ('PDF SMS MMS EU EY ETA IBAN BIC SWIFT OP ALV MOMS SEK EUR USD ID HSL HSY VR DNA VISA GDPR PIN PUK ' +
    'URL WWW IT TV HD USB WLAN WIFI LTE GSM ATM OK CV FAQ KELA YLE SOK SRV KOTUS BANKID SE FI AB OY OYJ ' +
    'JPG PNG ZIP CSV XML HTML PC MAC IOS API SIM ESIM NFC QR VAT CEO HR BTW OBS PS NB PPS HUOM PS. SPF ' +
    'SJ SL SAS SMHI SVT SR UC CSN ICA COOP IKEA KPL ST ALE UM ILO AI').split(' '),
);

/** A whole word in capitals, two letters or more; words with digits or lower case never match. */
const CAPS_WORD = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Lu}'’-]*\p{Lu}(?![\p{L}\p{N}]|['’-]\p{L})/gu;

/** Runs of words in capitals: machine text ("TILAUS VASTAANOTETTU") and shouting. */
export const allCaps: Check = (analysis, ctx) => {
  const extra = new Set(option<string[]>(ctx.options, 'allow', []).map((w) => w.toUpperCase()));
  const text = analysis.text;
  const sigStart = analysis.anatomy.signOff?.start ?? text.length;
  const findings: RawFinding[] = [];
  let run: { start: number; end: number; words: string[] } | null = null;
  const flush = () => {
    if (!run) return;
    const longest = Math.max(...run.words.map((w) => w.length));
    // "BIC ESSESESS", "SWIFT: NDEAFIHH": bank codes are written in capitals.
    // …and a keyword to type in a text message: "kirjoita LUKEMA", "skriv STOPP till 72456".
    const before = text.slice(Math.max(0, run.start - 24), run.start);
    const code = run.words.length === 1 && (/(BIC|SWIFT)[\s:-]*$/i.test(before) || /(kirjoita|lähetä|viesti|tekstiviesti\p{L}*|hakusana|skriv|sänd|skicka|sms:?a?)[\s:"“”'-]*$/iu.test(before));
    if (!code && (run.words.length >= 2 || longest >= 6)) {
      const actual = text.slice(run.start, run.end);
      const suggestion = actual.charAt(0) + actual.slice(1).toLowerCase();
      findings.push({ offset: run.start, length: run.end - run.start, suggestions: [suggestion], data: { suggestion } });
    }
    run = null;
  };
  for (const match of text.slice(0, sigStart).matchAll(CAPS_WORD)) {
    const word = match[0];
    const start = match.index!;
    if (ACRONYMS.has(word) || extra.has(word)) {
      flush();
      continue;
    }
    // A run continues over spaces and punctuation on the same line, not over a word or a line break.
    if (run && !/[\n\p{L}\p{N}]/u.test(text.slice(run.end, start))) {
      run.end = start + word.length;
      run.words.push(word);
    } else {
      flush();
      run = { start, end: start + word.length, words: [word] };
    }
  }
  flush();
  return findings;
};
