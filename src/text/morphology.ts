import { getVoikko, type VoikkoAnalysis } from './voikko.js';

/**
 * Finnish morphology for the comparison keys (stem.ts) and the address forms
 * (address.ts), from Voikko. Without Voikko (not installed, or
 * ASPALINT_NO_VOIKKO=1) finnishMorphology() is null and both fall back to
 * their heuristics, exactly as before. Voikko is loaded on the first Finnish
 * word asked about: Swedish-only input never loads it.
 */
export interface FinnishMorphology {
  /** Which analyser this is ("voikko 4.3.1"): keys computed ahead are used only with the same one. */
  readonly id: string;
  /**
   * The infinitive of a verb form in lower case ("epäröikää", "epäröimättä"
   * → "epäröidä"), or null unless every reading of the word is a form of one
   * verb (a participle of it counts). Only verbs: Snowball already joins a
   * noun's forms, a word that may be a noun or a verb ("teen", "viestisi")
   * keeps its stem, and a catalogue pattern written in an inflected noun form
   * ("tiedoksenne") must not widen to every form of the noun.
   */
  verbBaseform(word: string): string | null;
  /**
   * Whom the word addresses: "familiar" (2nd person singular verb or
   * possessive: "haluat", "tilauksesi"), "polite" (plural: "voitte",
   * "tilauksenne", "ottakaa"), null when it addresses no one, undefined when
   * Voikko cannot tell (an unknown word, or readings that disagree).
   * Singular imperatives ("ota", "katso") count as neither, as in the
   * heuristics: they read as instructions in either register.
   */
  addressForm(word: string): 'familiar' | 'polite' | null | undefined;
}

/** Words Voikko reads as verbs that in a reply are something else ("Kiitti!" is thanks, not "kiittää"). */
const NOT_VERBS = new Set(['kiitti']);

let cached: { morphology: FinnishMorphology | null } | undefined;

/** Voikko's Finnish morphology, or null when Voikko is not available. */
export function finnishMorphology(): FinnishMorphology | null {
  return (cached ??= { morphology: build() }).morphology;
}

/** Forgets the provider (tests switch ASPALINT_NO_VOIKKO between runs). */
export function resetMorphology(): void {
  cached = undefined;
}

function build(): FinnishMorphology | null {
  const voikko = getVoikko();
  if (!voikko) return null;
  return {
    id: `voikko ${voikko.version}`,
    verbBaseform(word) {
      if (NOT_VERBS.has(word)) return null;
      const readings = voikko.analyze(word);
      const verb = readings.find((r) => r.class === 'teonsana');
      if (!verb) return null;
      const infinitive = verb.baseform;
      const ofVerb = (r: VoikkoAnalysis) =>
        r.class === 'teonsana' ? r.baseform === infinitive : r.participle !== undefined && rootOf(r) === infinitive;
      return readings.every(ofVerb) ? infinitive.toLowerCase() : null;
    },
    addressForm(word) {
      const readings = voikko.analyze(word);
      if (readings.length === 0) return undefined;
      const forms = new Set(readings.map(formOf));
      return forms.size === 1 ? [...forms][0]! : undefined;
    },
  };
}

/** The base form of a derivation's root: "+epäröi(epäröidä)+m+ä(+ä)" → "epäröidä". */
function rootOf(r: VoikkoAnalysis): string | undefined {
  return r.wordbases ? /^\+[^+(]*\(([^)]+)\)/.exec(r.wordbases)?.[1] : undefined;
}

function formOf(r: VoikkoAnalysis): 'familiar' | 'polite' | null {
  if (r.possessive === '2s') return 'familiar';
  if (r.possessive === '2p') return 'polite';
  if ((r.class === 'teonsana' || r.class === 'kieltosana') && r.person === '2') {
    if (r.number === 'plural') return 'polite';
    if (r.number === 'singular' && r.mood !== 'imperative') return 'familiar';
  }
  return null;
}
