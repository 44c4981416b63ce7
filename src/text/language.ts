import { createRequire } from 'node:module';
import type { Lang } from '../types.js';

/**
 * Function words and service words that tell Finnish, Swedish and English apart.
 * Frequent enough that a two-sentence reply has several, and rare in the other
 * two languages.
 */
const CUES: Record<'fi' | 'sv' | 'en', Set<string>> = {
  fi: new Set(
    ('ja on ei että se kiitos hei moi olemme voit sinun teidän mutta kun jos niin myös tai ovat oli ' +
      'tämä kanssa vielä nyt jo voi saat kuin mitä mikä koska sekä joka sinulle teille meille meidän ' +
      'olet olette ole ystävällisin terveisin tilauksesi viestisi viestistäsi asiakaspalvelu hyvää ' +
      'mukavaa päivää tilaus lasku paketti asia ota yhteyttä pahoittelemme voitte saatte tai että ' +
      'sinua teitä me he hän minä sinä te tässä siitä siinä tänään huomenna klo noin heti aina').split(' '),
  ),
  sv: new Set(
    ('och är att det en ett som på för med till av inte har vi du ni jag hej tack vänliga hälsningar ' +
      'kan om den de så men eller din ditt dina er ert era här när vad hur kommer ska också nu från ' +
      'dig oss vår vårt våra hade blir vill skulle finns mvh hälsning kundtjänst beställning faktura ' +
      'paket ärende kontakta hör mig jobbar idag imorgon kl ha fin dag helg bra').split(' '),
  ),
  en: new Set(
    ('the and is to of a in you your we our for thank thanks please hi hello regards best not be ' +
      'will can this that with have are on it order dear team kind sincerely would could should ' +
      'if any let us know contact get back soon sorry apologize apologise they there from as at ' +
      // Booking records and auto-replies: the English a Finnish or Swedish reply has pasted in.
      'my am has was were been by or date booking telephone phone hotel guest check out night nights ' +
      'rate included amount request comments number confirmation reference arrival departure room ' +
      'passenger flight ticket payment due invoice message automatic reply office until return urgent ' +
      'matters received delivery tracking').split(' '),
  ),
};

let tinyld: { detect(text: string, opts: { only: string[] }): string } | undefined;

function loadTinyld() {
  // Loaded only for texts the cue words cannot decide: it costs ~125 ms to import.
  tinyld ??= createRequire(import.meta.url)('tinyld') as typeof tinyld;
  return tinyld!;
}

export interface LanguageScores {
  fi: number;
  sv: number;
  en: number;
}

/** Endings only Finnish has (case endings, long vowels). */
const FI_ENDINGS = ['ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'aa', 'ää', 'yy', 'uu', 'ii'];

/** Scores lower-case words for each language. */
export function cueScores(words: Iterable<string>): LanguageScores {
  const scores: LanguageScores = { fi: 0, sv: 0, en: 0 };
  for (const word of words) {
    if (CUES.fi.has(word)) scores.fi++;
    if (CUES.sv.has(word)) scores.sv++;
    if (CUES.en.has(word)) scores.en++;
    // Letters and endings that only one of the languages has.
    if (word.includes('å')) scores.sv += 0.5;
    else if (word.length > 3 && FI_ENDINGS.some((e) => word.endsWith(e))) scores.fi += 0.5;
  }
  return scores;
}

/**
 * The language of a text by its function words alone, when they decide it
 * clearly (no fallback detector): a cheap hint for what to load early.
 */
export function languageHint(text: string): Lang | undefined {
  const { fi, sv } = cueScores(wordsOf(text.slice(0, 4000)));
  if (fi >= 3 && fi >= 2 * sv) return 'fi';
  if (sv >= 3 && sv >= 2 * fi) return 'sv';
  return undefined;
}

function wordsOf(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(/\p{L}+/gu), (m) => m[0]);
}

/**
 * The language of a reply; short texts included ("Hej!", "Kiitos!"). Pass the
 * lower-case words when the caller has them already.
 */
export function detectLanguage(text: string, words: readonly string[] = wordsOf(text)): Lang {
  const scores = cueScores(words);
  const ranked = (Object.entries(scores) as ['fi' | 'sv' | 'en', number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked as [['fi' | 'sv' | 'en', number], ['fi' | 'sv' | 'en', number]];
  if (best[1] >= 1 && best[1] >= 2 * second[1] + 1) return best[0];
  if (!/\p{L}{2}/u.test(text)) return 'unknown';
  const guess = loadTinyld().detect(text, { only: ['fi', 'sv', 'en'] });
  if (guess === 'fi' || guess === 'sv' || guess === 'en') return guess;
  return best[1] > second[1] ? best[0] : 'unknown';
}
