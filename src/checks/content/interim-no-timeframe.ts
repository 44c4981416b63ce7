import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

/** A promise to come back later. */
const PROMISE: Record<string, RegExp> = {
  fi: /(?<![\p{L}])((palaamme|palaan|palataan|palaillaan|palailen)( \p{L}+){0,3}? (asiaan|asiaanne|asiaasi|sinulle|teille|takaisin)|(olemme|olen|ollaan|olemme pian|olen pian) (sinuun |teihin )?yhteydessä|(otamme|otan|otetaan) (sinuun|teihin) yhteyttä|(ilmoitamme|ilmoitan|kerromme|kerron) (sinulle|teille)|(selvitämme|selvitän|tarkistamme|tarkistan) (asian|asiaa) ja (palaamme|palaan|ilmoitamme))(?![\p{L}])/giu,
  sv: /(?<![\p{L}])((vi|jag|och) (återkommer|återkopplar|hör av oss|hör av mig|kontaktar (dig|er)|meddelar (dig|er)|ringer (dig|er|upp)|skickar (besked|svar))|(vi|jag) (kommer att|ska) (återkomma|höra av (oss|mig)|kontakta (dig|er)|meddela (dig|er)|ringa (dig|er)))(?![\p{L}])/giu,
};

/** A time the customer can hold the company to. "Pian"/"snart"/"as soon as possible" is not one. */
const TIMEFRAME = new RegExp(
  [
    '\\d{1,2}\\.\\d{1,2}\\.', // 26.9.
    '(?<![\\p{L}\\p{N}])\\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)',
    '(?<![\\p{L}\\p{N}])(klo|kello|kl)\\.? ?\\d',
    '(?<![\\p{L}\\p{N}])\\d+ ?([–-] ?\\d+ ?)?(arki)?(päivä|päivän|päivää|viikon|viikkoa|tunnin|tuntia|tunnissa|minuutin|vuorokauden|arbetsdag|dag|dagar|dagars|vecka|veckor|veckors|timm|timmar|minuter)',
    '(?<![\\p{L}\\p{N}])(kahden|kolmen|neljän|viiden|parin|muutaman|yhden) (arki)?(päivän|viikon|tunnin|vuorokauden)',
    '(?<![\\p{L}\\p{N}])(två|tre|fyra|fem|ett par|några) (arbets)?(dagar|dygn|veckor|timmar)',
    '(?<![\\p{L}\\p{N}])(tänään|huomenna|ylihuomenna|huomisen|tämän päivän|tällä viikolla|ensi viikolla|ensi viikon|viikolla \\d+|viikon \\d+|tämän viikon|kuun loppuun|vuoden loppuun)',
    '(?<![\\p{L}\\p{N}])(maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)\\p{L}*',
    '(?<![\\p{L}\\p{N}])(i dag|idag|i morgon|imorgon|i övermorgon|i eftermiddag|i kväll|under dagen|i veckan|denna vecka|nästa vecka|vecka \\d+|senast|inom \\p{L}+|före \\p{L}+)',
    '(?<![\\p{L}\\p{N}])(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\\p{L}*',
    '(viimeistään|mennessä|kuluessa|sisällä)(?![\\p{L}])',
  ].join('|'),
  'iu',
);

/** Promises to come back without saying when. */
export const interimNoTimeframe: Check = (analysis) => {
  const promise = PROMISE[analysis.language];
  if (!promise) return [];
  const text = analysis.text;
  const findings: RawFinding[] = [];
  for (const m of text.matchAll(promise)) {
    if (analysis.inFrame(m.index!)) continue;
    // A time anywhere in the same sentence or the next one keeps the promise concrete.
    const sentence = analysis.sentences.find((s) => m.index! >= s.start && m.index! < s.end);
    const next = sentence ? analysis.sentences[sentence.index + 1] : undefined;
    const scope = text.slice(sentence?.start ?? m.index!, next?.end ?? sentence?.end ?? text.length);
    if (TIMEFRAME.test(scope)) continue;
    findings.push({ offset: m.index!, length: m[0].length });
  }
  return findings;
};
