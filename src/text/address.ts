import type { Word, Sentence } from './parse.js';
import type { Lang } from '../types.js';
import { finnishMorphology, type FinnishMorphology } from './morphology.js';
import { Memo } from './memo.js';

/**
 * How a reply addresses its reader: the familiar singular (sinä, du) or the
 * polite plural (te, ni). Heuristic, from pronouns, verb endings and
 * possessive suffixes; Voikko's analysis replaces it where available.
 */
export type AddressForm = 'familiar' | 'polite';

export interface AddressMarker {
  form: AddressForm;
  word: Word;
  /** Refers to a group or an organisation ("teidän yrityksenne", "ni på kontoret"), not to the reader alone. */
  group: boolean;
}

const FI_FAMILIAR_PRONOUNS = new Set(
  'sinä sinun sinua sinulle sinulla sinulta sinuun sinusta sinussa sinut sä sun sulle sulla sulta sua sinuakin sinullekin sinullahan'.split(' '),
);
const FI_POLITE_PRONOUNS = new Set(
  'te teidän teitä teille teillä teiltä teihin teistä teissä teidät teillekin teilläkin'.split(' '),
);
/** Second person singular verbs a reply uses most; the open class is left to Voikko. */
const FI_FAMILIAR_VERBS = new Set(
  ('voit saat olet haluat pystyt löydät teet näet pääset tarvitset muistat tiedät tilasit maksoit ' +
    'sait lähetit kirjoitit kysyit otit halusit huomasit olit teit voisit haluaisit saisit tarvitsisit ' +
    'kerroit palautat peruit vaihdoit tilaat maksat käytät valitset lähetät kirjoitat kerrot kuittaat ' +
    'täytät kirjaudut rekisteröidyt ilmoitat vastaat soitat odotat ehdit jaksat mahdut osaat ymmärrät').split(' '),
);
const FI_POLITE_IMPERATIVES = new Set(
  ('olkaa tehkää antakaa kertokaa valitkaa kirjautukaa huomatkaa maksakaa vastatkaa hakekaa katsokaa ' +
    'lukekaa tulkaa menkää avatkaa klikatkaa painakaa odottakaa palauttakaa').split(' '),
);
/** Nouns in -i whose possessive -si is easily mistaken for a conditional -isi. */
const FI_I_NOUNS = ['viesti', 'paketti', 'kortti', 'tili', 'posti', 'tiketti', 'lähetys', 'profiili', 'numero', 'osoite'];
const FI_NOT_POSSESSIVE = new Set('uusi kuusi viisi yhdeksänkymmentäkuusi'.split(' '));
/** Words ending in -nne that are not possessives. */
const FI_NNE_ADVERBS = new Set('tänne sinne tuonne minne jonne kunne muualle'.split(' '));
/** Group and organisation nouns: a te-form attached to them addresses the group. */
const FI_GROUP_WORDS =
  /^(yritykse|yritys|toimisto|tiimi|firma|yhtiö|taloyhtiö|perhe|perhee|organisaatio|koulu|seura|osasto|työpaika|kerho|yhdistykse|yhdistys|kaikki|molemmat|kumpiki|kotitalou|taloud|henkilökun|henkilöstö|kumppani|kirjanpi|taloushallin|johto|johdo|hallitu|kotiin|kotona|asunto|asunno)/;

const SV_FAMILIAR = new Set('du dig din ditt dina dej dom'.split(' ').filter((w) => w !== 'dom'));
const SV_POLITE = new Set('ni er ert era eder'.split(' '));
const SV_GROUP_WORDS =
  /^(alla|båda|bägge|företag|kontor|team|familj|förening|organisation|avdelning|skola|bolag|styrelse|personal|hushåll|kollegor|hem|hemma|bostad|lägenhet|husbolag|bokföring|ekonomiavdelning)/;

/**
 * The address form of each Finnish word, whatever reply it is in (the one
 * case that depends on the next word is decided before): a bounded memo per
 * morphology for the whole process, so a repeated word skips the clitic
 * regex, the sets and Voikko's readings.
 */
const FI_FORMS_LIMIT = 50_000;
let fiForms: { morphology: FinnishMorphology | null; memo: Memo<AddressForm | 'none'> } | undefined;

function fiMarker(word: Word, next: Word | undefined, morphology: FinnishMorphology | null): AddressForm | null {
  // "Sinä päivänä", "sinä vuonna": the essive of "se", not "you".
  if (next && /n[aä]$/.test(next.core) && stripClitic(word.core) === 'sinä') return null;
  if (fiForms?.morphology !== morphology) fiForms = { morphology, memo: new Memo(FI_FORMS_LIMIT) };
  const known = fiForms.memo.get(word.core);
  if (known !== undefined) return known === 'none' ? null : known;
  const form = fiWordForm(word.core, morphology);
  fiForms.memo.set(word.core, form ?? 'none');
  return form;
}

function fiWordForm(core: string, morphology: FinnishMorphology | null): AddressForm | null {
  const w = stripClitic(core);
  if (FI_FAMILIAR_PRONOUNS.has(w) || FI_FAMILIAR_VERBS.has(w) || w === 'älä') return 'familiar';
  if (w === 'älkää') return 'polite';
  if (FI_POLITE_PRONOUNS.has(w)) return 'polite';
  if (!/^\p{L}+$/u.test(w)) return null;
  // Voikko's person and number of a verb, or its possessive suffix, where all its readings agree.
  if (morphology) {
    const form = morphology.addressForm(core);
    if (form !== undefined) return form;
  }
  return fiHeuristic(w);
}

/** The address form a word's ending suggests, without a morphological analyser. */
function fiHeuristic(w: string): AddressForm | null {
  if (w.length < 5) return null;
  // 2nd person plural verbs: voitte, saatte, olette, haluatteko.
  if (/[aeiouyäö]tte$/.test(w) && !/^(ette|kasette|baguette)$/.test(w)) return 'polite';
  // Imperative plural: ottakaa, tarkistakaa (an open class; the infinitives alkaa/jatkaa must not count).
  if (FI_POLITE_IMPERATIVES.has(w) || /(tt|st)[aä]k(aa|ää)$/.test(w)) return 'polite';
  // Possessive suffixes: tilauksesi / tilauksenne.
  if (/nne$/.test(w) && !FI_NNE_ADVERBS.has(w) && w.length >= 7) return 'polite';
  // A case ending and then -si: laskullasi, viestistäsi, tililtäsi.
  if (/(ll[aä]|ss[aä]|st[aä]|lt[aä]|lle|ks[ei])si$/.test(w) && w.length >= 8) return 'familiar';
  // Past tense, 2nd singular: irtisanoit, maksoit, tilasit.
  if (/(oit|öit|asit|äsit)$/.test(w) && w.length >= 6 && !w.endsWith('lasit')) return 'familiar';
  if (/si$/.test(w) && w.length >= 6) {
    // -esi/-usi/-ysi are possessive (tilauksesi, laskusi); -asi and -osi are as often past tense (pakkasi, tarjosi).
    if (!/isi$/.test(w)) return /(esi|usi|ysi)$/.test(w) && !FI_NOT_POSSESSIVE.has(w) ? 'familiar' : null;
    if (FI_I_NOUNS.some((noun) => w.includes(noun))) return 'familiar';
  }
  return null;
}

function stripClitic(word: string): string {
  return word.replace(/(han|hän|kin|ko|kö|pa|pä)$/, (suffix, _m, index: number) =>
    index >= 4 ? '' : suffix,
  );
}

function svMarker(word: Word): AddressForm | null {
  const w = word.core;
  if (SV_FAMILIAR.has(w)) return 'familiar';
  if (SV_POLITE.has(w)) return 'polite';
  return null;
}

/**
 * A greeting to several readers: "Hyvä(t) huoltaja(t)", "Hyvät asukkaat", "Hei Anna ja Mikko",
 * "Hej alla". Their te/ni is the plural, not politeness, and a "voit" beside it speaks to
 * each of them: the two do not mix registers.
 */
const SEVERAL: Record<'fi' | 'sv', { greeting: RegExp; group: RegExp; names: RegExp }> = {
  fi: {
    greeting: /^(?:hei|moi|moikka|terve|tervehdys|hyvät?|arvoisat?)(?![\p{L}])/u,
    // Plural nouns of the readers ("huoltaja(t)" and "Hyvät …" are tested apart).
    group: /^(?:kaikki|kaikille|molemmat|huoltajat|vanhemmat|asukkaat|osakkaat|jäsenet|asiakkaat|naapurit|osallistujat|hakijat|opiskelijat)(?![\p{L}])/u,
    // Two names: "Hei Anna ja Mikko".
    names: /\s\p{Lu}\p{L}*\s+(?:ja|&)\s+\p{Lu}/u,
  },
  sv: {
    greeting: /^(?:hej|hejsan|hallå|bästa|kära)(?![\p{L}])/u,
    group: /^(?:alla|allihop|allihopa|båda|bägge|föräldrar|medlemmar|boende|deltagare|sökande|elever)(?![\p{L}])/u,
    // Two names: "Hej Lisa & Erik", "Hej Lisa och Erik".
    names: /\s\p{Lu}\p{L}*\s+(?:och|&)\s+\p{Lu}/u,
  },
};

export function greetsSeveral(line: string, lang: Lang): boolean {
  if (lang !== 'fi' && lang !== 'sv') return false;
  const { greeting, group, names } = SEVERAL[lang];
  // The greeting proper: to the first punctuation ("Hei, kaikki!" skips the comma after the word).
  const parts = line.trim().replace(/^#+\s*/, '').split(/[,!.?:;]/);
  const text = (greeting.test(parts[0]!.toLowerCase()) && parts[0]!.trim().split(/\s+/).length === 1 ? `${parts[0]} ${parts[1] ?? ''}` : parts[0]!).trim();
  const lower = text.toLowerCase();
  if (!greeting.test(lower) || text.split(/\s+/).length > 5) return false;
  // The readers end the greeting: "Hei kaikki", "Hyvät asukkaat", "Hej alla"; not "Hei, tässä kaikki tiedot".
  const last = lower.split(/\s+/).pop()!;
  return group.test(last) || /^(?:hyvät|arvoisat)(?![\p{L}])/u.test(lower) || /\p{L}\(t\)/u.test(lower) || names.test(text);
}

/**
 * Address markers of each sentence, in text order. `several`: the reply greets several
 * readers, so its plural forms are all group address.
 */
export function addressMarkers(words: Word[], sentences: Sentence[], lang: Lang, several = false): AddressMarker[] {
  if (lang !== 'fi' && lang !== 'sv') return [];
  // Loads Voikko only for Finnish text.
  const morphology = lang === 'fi' ? finnishMorphology() : null;
  const markerOf = (word: Word, next?: Word) => (lang === 'fi' ? fiMarker(word, next, morphology) : svMarker(word));
  const groupWords = lang === 'fi' ? FI_GROUP_WORDS : SV_GROUP_WORDS;
  const markers: AddressMarker[] = [];
  for (const sentence of sentences) {
    const inSentence = words.slice(sentence.firstWord, sentence.endWord);
    const groupSentence = inSentence.some((w) => groupWords.test(w.core));
    for (let i = 0; i < inSentence.length; i++) {
      const word = inSentence[i]!;
      const form = markerOf(word, inSentence[i + 1]);
      if (form) markers.push({ form, word, group: form === 'polite' && (groupSentence || several) });
    }
  }
  return markers;
}

/** The reply's dominant address form, or null if it never addresses the reader. */
export function dominantForm(markers: AddressMarker[]): AddressForm | null {
  let familiar = 0;
  let polite = 0;
  for (const m of markers) {
    if (m.group) continue;
    if (m.form === 'familiar') familiar++;
    else polite++;
  }
  if (familiar === 0 && polite === 0) return null;
  return familiar >= polite ? 'familiar' : 'polite';
}
