import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { DEADLINE } from '../../text/cues.js';

/** A promise to come back later. */
const PROMISE: Record<string, RegExp> = {
  fi: /(?<![\p{L}])((palaamme|palaan|palataan|palaillaan|palailen)( \p{L}+){0,3}? (asiaan|asiaanne|asiaasi|sinulle|teille|takaisin)|(olemme|olen|ollaan|olemme pian|olen pian) (sinuun |teihin )?yhteydessä|(otamme|otan|otetaan) (sinuun|teihin) yhteyttä|(ilmoitamme|ilmoitan|kerromme|kerron) (sinulle|teille)|(selvitämme|selvitän|tarkistamme|tarkistan) (asian|asiaa) ja (palaamme|palaan|ilmoitamme))(?![\p{L}])/gu,
  sv: /(?<![\p{L}])((vi|jag|och) (återkommer|återkopplar|hör av oss|hör av mig|kontaktar (dig|er)|meddelar (dig|er)|ringer (dig|er|upp)|skickar (besked|svar))|(vi|jag) (kommer att|ska) (återkomma|höra av (oss|mig)|kontakta (dig|er)|meddela (dig|er)|ringa (dig|er)))(?![\p{L}])/gu,
};

/**
 * A promise that is one only with a time word beside it: "Vastaamme
 * mahdollisimman pian", "Saatte tiedon … mahdollisimman pian", "Vi svarar så
 * snart som möjligt". Without the vague time ("Vastaamme kysymyksiisi alla")
 * these verbs promise nothing for later, so they need VAGUE in the sentence.
 */
const LATER: Record<string, RegExp> = {
  fi: /(?<![\p{L}])((vastaamme|vastaan|vastataan|palaamme|palaan|käsittelemme|käsittelen|ilmoitamme|ilmoitan|kerromme|kerron|otamme yhteyttä|otan yhteyttä|toimitamme|lähetämme|lähetän)|(ottaa|ottavat|otetaan) (sinuun|teihin) yhteyttä|(palaa|palaavat) (\p{L}+ )?(asiaan|asiaasi|asiaanne|viestiin|viestiisi|viestiinne|kysymykseen|kysymykseesi|kysymykseenne|tukipyyntöön|tukipyyntöösi|tukipyyntöönne)|(vastaa|vastaavat) (sinulle|teille|viestiisi|viestiinne)|(pyrimme|pyrin|pyrkii) (vastaamaan|palaamaan|käsittelemään|ottamaan)|(saatte|saat) (\p{L}+ )?(tiedon|vastauksen|päätöksen|ilmoituksen|viestin|tietoa|vastausta|päätöstä)|käsitellään|käsitellaan)(?![\p{L}])/gu,
  sv: /(?<![\p{L}])((vi|jag) (svarar|återkommer|behandlar|hanterar|skickar|kontaktar|meddelar|ringer)|(kommer|ska)( \p{L}+){0,3}? att (återkomma|svara|kontakta (dig|er)|höra av (sig|oss|mig))|(du|ni) (får|kommer att få) (\p{L}+ )?(information|besked|svar|beslut|ett meddelande|ett mejl|ett sms)|(kommer att|ska) (behandlas|hanteras|handläggas|granskas)|återkommer|återkopplar)(?![\p{L}])/gu,
};

/**
 * A message promised for when the case has been handled, and nothing said of
 * how long that takes: "Saat varausvahvistuksen sähköpostitse, kun varauksesi
 * on käsitelty", "Du får ett separat e-post när returen har godkänts". Only
 * handling by the sender counts: "Saat ilmoituksen, kun kirja on
 * noudettavissa" waits on an event and is complete as it is.
 */
const ON_HANDLING: Record<string, RegExp> = {
  fi: /(?<![\p{L}])(saat|saatte)( \p{L}+){0,3}? (vahvistuksen|varausvahvistuksen|ilmoituksen|tiedon|viestin|päätöksen|vastauksen|sähköpostin|tekstiviestin|kuitin)[^.!?\n]{0,40}?,? kun [^.!?\n]{0,50}?(on|ovat|olemme) (käsitelty|käsitellyt|hyväksytty|hyväksyneet|tarkistettu|tarkistaneet|ratkaistu)(?![\p{L}])/gu,
  sv: /(?<![\p{L}])(du|ni) (får|kommer att få)( \p{L}+){0,3}? (bekräftelse|besked|meddelande|mejl|e-post|e-postmeddelande|sms|beslut|kvitto)[^.!?\n]{0,40}? när [^.!?\n]{0,50}?(har|har blivit|är) (godkänts|godkänd|godkänt|behandlats|behandlad|behandlat|hanterats|granskats|handlagts)(?![\p{L}])/gu,
};

/** A promise that holds only if something comes up: "Otamme sinuun yhteyttä, jos tarvitsemme lisätietoja". */
// "om" is also "about" ("besked om din faktura"): a condition only before its subject.
const IF_AFTER = /^[^.!?\n]{0,20}?,?\s*(jos|mikäli|ifall|om (?:vi|du|ni|det|något)|if)(?![\p{L}])/u;
const IF_BEFORE = /(?<![\p{L}])(jos|mikäli|tarvittaessa|ifall|om (?:vi|du|ni|det|något)|vid behov)(?![\p{L}])[^.!?\n]{0,60}$/u;

/** "As soon as possible" and its kin: they sound like a time and are none. */
const VAGUE: Record<string, RegExp> = {
  fi: /(?<![\p{L}])(mahdollisimman (pian|nopeasti|pikaisesti|ripeästi)|niin pian kuin (mahdollista|pystymme|voimme)|heti kun (mahdollista|ehdimme|pystymme)|pikimmiten|piakkoin|lähiaikoina|pikaisesti|pian)(?![\p{L}])/u,
  sv: /(?<![\p{L}])(så (snart|fort|snabbt) (som )?(möjligt|vi kan|det går)|snarast( möjligt)?|inom kort( tid)?|inom en snar framtid|snart)(?![\p{L}])/u,
};

/** VAGUE for taking every vague time out of a sentence: compiled once, not per candidate. */
const VAGUE_ALL: Record<string, RegExp> = Object.fromEntries(Object.entries(VAGUE).map(([lang, re]) => [lang, new RegExp(re.source, 'gu')]));

const WEAK = /^(pian|snart)$/i;

/** Characters a promise and its vague time may have between them ("Saatte tiedon lapsenne esiopetuspaikasta mahdollisimman pian"). */
const MAX_BETWEEN = 60;

/** Promises to come back without saying when. */
export const interimNoTimeframe: Check = (analysis) => {
  const lang = analysis.language;
  const promise = PROMISE[lang];
  const later = LATER[lang];
  const vague = VAGUE[lang];
  if (!promise || !later || !vague) return [];
  // Every pattern here is matched in lower case: a case-insensitive Unicode regex costs more to compile than to run.
  const text = analysis.lower;
  const findings: RawFinding[] = [];
  const add = (start: number, end: number): void => {
    if (findings.some((f) => start < f.offset + f.length && f.offset < end)) return;
    findings.push({ offset: start, length: end - start });
  };
  const candidates: { index: number; length: number; needsVague: boolean }[] = [
    ...[...text.matchAll(promise)].map((m) => ({ index: m.index!, length: m[0].length, needsVague: false })),
    ...[...text.matchAll(later)].map((m) => ({ index: m.index!, length: m[0].length, needsVague: true })),
    ...[...text.matchAll(ON_HANDLING[lang]!)].map((m) => ({ index: m.index!, length: m[0].length, needsVague: false })),
  ].sort((a, b) => a.index - b.index || Number(a.needsVague) - Number(b.needsVague));
  for (const c of candidates) {
    if (analysis.inFrame(c.index)) continue;
    const sentence = analysis.sentences.find((s) => c.index >= s.start && c.index < s.end);
    const sentenceEnd = sentence?.end ?? text.length;
    const after = text.slice(c.index + c.length, Math.min(sentenceEnd, c.index + c.length + MAX_BETWEEN));
    const vagueHit = vague.exec(after);
    if (!c.needsVague && !vagueHit && (IF_AFTER.test(after) || IF_BEFORE.test(text.slice(sentence?.start ?? c.index, c.index)))) continue;
    // Bare "pian"/"snart" beside an ordinary verb is too weak a sign of a promise ("paketti on pian perillä").
    if (c.needsVague && (!vagueHit || WEAK.test(vagueHit[0]))) continue;
    // A time anywhere in the same sentence or the next one keeps the promise concrete;
    // "inom kort" looks like "inom två dagar" to DEADLINE, so the vague words are taken out first.
    const next = sentence ? analysis.sentences[sentence.index + 1] : undefined;
    const scope = text.slice(sentence?.start ?? c.index, next?.end ?? sentenceEnd).replace(VAGUE_ALL[lang]!, ' ');
    if (DEADLINE.test(scope)) continue;
    const end = vagueHit ? c.index + c.length + vagueHit.index + vagueHit[0].length : c.index + c.length;
    add(c.index, end);
  }
  return findings.sort((a, b) => a.offset - b.offset);
};
