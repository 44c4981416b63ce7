import { stemmer as finnishStemmer } from '@orama/stemmers/finnish';
import { stemmer as swedishStemmer } from '@orama/stemmers/swedish';
import type { Lang } from '../types.js';
import { finnishMorphology, type FinnishMorphology } from './morphology.js';

/**
 * Forms a suffix-stripping stemmer cannot join: the Finnish negation verb and
 * "olla", and the strong verbs of Swedish. Each maps to a lemma key that no
 * stem can collide with ("#…").
 */
const IRREGULAR: Record<'fi' | 'sv', Record<string, string>> = {
  fi: lemmaTable({
    '#älä': 'älä älkää älköön älkäämme älkööt äläkä älkääkä',
    '#ei': 'en et ei emme ette eivät enkä etkä eikä emmekä ettekä eivätkä',
    '#olla':
      'olla on ovat olen olet olemme olette oli olin olit olimme olitte olivat ollut olleet ' +
      'olisi olisin olisit olisimme olisitte olisivat ole olkaa olisihan onhan ovathan ' +
      'olemmehan olethan olettehan onko ovatko olenko oletko olemmeko oletteko olisiko',
  }),
  sv: lemmaTable({
    '#vara': 'vara är var varit vore',
    '#ha': 'ha har hade haft',
    '#få': 'få får fick fått',
    '#göra': 'göra gör gjorde gjort',
    '#kunna': 'kunna kan kunde kunnat',
    '#vilja': 'vilja vill ville velat',
    '#skola': 'ska skall skulle',
    '#gå': 'gå går gick gått',
    '#se': 'se ser såg sett',
    '#ge': 'ge ger gav gett givit',
    '#stå': 'stå står stod stått',
    '#ta': 'ta tar tog tagit',
    '#komma': 'komma kommer kom kommit',
    '#veta': 'veta vet visste vetat',
    '#säga': 'säga säger sade sa sagt',
  }),
};

/** The Finnish lemma keys of the table ("#olla", "#ei"): a Voikko base form that is one maps to it. */
const IRREGULAR_LEMMAS = new Set(Object.values(IRREGULAR.fi));

function lemmaTable(groups: Record<string, string>): Record<string, string> {
  const table: Record<string, string> = {};
  for (const [lemma, forms] of Object.entries(groups)) {
    for (const form of forms.split(' ')) table[form] = lemma;
  }
  return table;
}

const STEMMERS: Record<'fi' | 'sv', (word: string) => string> = {
  fi: finnishStemmer,
  sv: swedishStemmer,
};

const memo: Record<'fi' | 'sv', Map<string, string>> = { fi: new Map(), sv: new Map() };
/** Replies repeat their words; a bounded memo keeps a batch from stemming them again. */
const MEMO_LIMIT = 100_000;
/** The morphology the Finnish memo was filled with (it changes only in tests). */
let memoMorphology: FinnishMorphology | null | undefined;

/**
 * Keys computed ahead, by language and morphology ("none" for Snowball alone,
 * else FinnishMorphology.id): the build computes the catalogue's phrase words,
 * which saves a cold run analysing them (~8 ms with Voikko).
 */
export type StemKeyTables = Partial<Record<'fi' | 'sv', Record<string, Record<string, string>>>>;
let primed: StemKeyTables = {};

export function primeStemKeys(tables: StemKeyTables): void {
  primed = tables;
}

/**
 * The comparison key of a lower-case word: its irregular lemma, else (in
 * Finnish, with Voikko) the infinitive of a verb form, else its Snowball
 * stem. Voikko joins the verb families Snowball splits (epäröi, epäröikää,
 * epäröimättä → "epäröidä"); nouns, ambiguous words and words Voikko does
 * not know keep their stem.
 */
export function stemKey(word: string, lang: Lang): string {
  if (lang !== 'fi' && lang !== 'sv') return word;
  const cache = memo[lang];
  // Loads Voikko on the first Finnish word; Swedish never does.
  const morphology = lang === 'fi' ? finnishMorphology() : null;
  if (lang === 'fi' && morphology !== memoMorphology) {
    cache.clear();
    memoMorphology = morphology;
  }
  let key = cache.get(word);
  if (key === undefined) {
    const table = primed[lang]?.[morphology?.id ?? 'none'];
    // Own properties only: a word such as "constructor" must not find Object.prototype's.
    key = table && Object.hasOwn(table, word) ? table[word]! : computeKey(word, lang, morphology);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(word, key);
  }
  return key;
}

/** Forgets the memoized keys (tests switch ASPALINT_NO_VOIKKO between runs). */
export function resetStemMemo(): void {
  memo.fi.clear();
  memo.sv.clear();
  memoMorphology = undefined;
}

function computeKey(word: string, lang: 'fi' | 'sv', morphology: FinnishMorphology | null): string {
  const lemma = Object.hasOwn(IRREGULAR[lang], word) ? IRREGULAR[lang][word] : undefined;
  if (lemma) return lemma;
  if (!/^\p{L}+$/u.test(word)) return word;
  const base = morphology?.verbBaseform(word);
  if (base) return IRREGULAR_LEMMAS.has(`#${base}`) ? `#${base}` : base;
  const stem = STEMMERS[lang](word);
  return lang === 'fi' ? joinFinnishStem(stem) : stem;
}

/**
 * Snowball leaves the -us/-uks- and -yys/-yyd- alternations apart (tilaus,
 * tilauksen; kärsivällisyys, kärsivällisyydestä): fold them to one key.
 */
function joinFinnishStem(stem: string): string {
  if (/[uy]ks$/.test(stem)) return stem.slice(0, -2);
  if (/[uy]s$/.test(stem) || /(uu|yy)d$/.test(stem)) return stem.slice(0, -1);
  return stem;
}

/** Stems shorter than this only match exactly: a short prefix joins unrelated words. */
export const MIN_PREFIX_STEM = 4;

/**
 * Whether a text word's key matches a pattern word's key. Inflection mostly
 * lengthens a Finnish stem (epäröi → epäröik), so a pattern stem also matches
 * the stems that extend it, once it is long enough to be specific.
 */
export function keysMatch(patternKey: string, wordKey: string): boolean {
  if (patternKey === wordKey) return true;
  if (patternKey.startsWith('#') || wordKey.startsWith('#')) return false;
  return patternKey.length >= MIN_PREFIX_STEM && wordKey.startsWith(patternKey);
}
