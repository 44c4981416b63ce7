import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { DEADLINE } from '../../text/cues.js';

/** A promise to come back later. */
const PROMISE: Record<string, RegExp> = {
  fi: /(?<![\p{L}])((palaamme|palaan|palataan|palaillaan|palailen)( \p{L}+){0,3}? (asiaan|asiaanne|asiaasi|sinulle|teille|takaisin)|(olemme|olen|ollaan|olemme pian|olen pian) (sinuun |teihin )?yhteydessä|(otamme|otan|otetaan) (sinuun|teihin) yhteyttä|(ilmoitamme|ilmoitan|kerromme|kerron) (sinulle|teille)|(selvitämme|selvitän|tarkistamme|tarkistan) (asian|asiaa) ja (palaamme|palaan|ilmoitamme))(?![\p{L}])/giu,
  sv: /(?<![\p{L}])((vi|jag|och) (återkommer|återkopplar|hör av oss|hör av mig|kontaktar (dig|er)|meddelar (dig|er)|ringer (dig|er|upp)|skickar (besked|svar))|(vi|jag) (kommer att|ska) (återkomma|höra av (oss|mig)|kontakta (dig|er)|meddela (dig|er)|ringa (dig|er)))(?![\p{L}])/giu,
};

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
    if (DEADLINE.test(scope)) continue;
    findings.push({ offset: m.index!, length: m[0].length });
  }
  return findings;
};
