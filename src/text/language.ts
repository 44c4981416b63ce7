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

/**
 * Whether a word (over three letters) has an ending only Finnish has: a case
 * ending (-ssa/-ssä, -sta/-stä, -lla/-llä, -lta/-ltä) or a long vowel (-aa,
 * -ää, -yy, -uu, -ii). Compared by character codes: it runs on every word of
 * every line the language is decided for.
 */
function hasFinnishEnding(word: string): boolean {
  const n = word.length;
  const z = word.charCodeAt(n - 1);
  const y = word.charCodeAt(n - 2);
  // a, ä, y, u, i doubled
  if (z === y && (z === 0x61 || z === 0xe4 || z === 0x79 || z === 0x75 || z === 0x69)) return true;
  if (z !== 0x61 && z !== 0xe4) return false;
  const x = word.charCodeAt(n - 3);
  // s, l then s, t, l: ss-, st-, ll-, lt-
  return (x === 0x73 && (y === 0x73 || y === 0x74)) || (x === 0x6c && (y === 0x6c || y === 0x74));
}

/** The cue sets a word is in, as bits (1 fi, 2 sv, 4 en): one look-up a word instead of three. */
const CUE_BITS = new Map<string, number>();
for (const [bit, set] of [[1, CUES.fi], [2, CUES.sv], [4, CUES.en]] as const) for (const w of set) CUE_BITS.set(w, (CUE_BITS.get(w) ?? 0) | bit);

/** Scores lower-case words for each language. */
export function cueScores(words: Iterable<string>): LanguageScores {
  const scores: LanguageScores = { fi: 0, sv: 0, en: 0 };
  for (const word of words) {
    const bits = CUE_BITS.get(word);
    if (bits !== undefined) {
      if (bits & 1) scores.fi++;
      if (bits & 2) scores.sv++;
      if (bits & 4) scores.en++;
    }
    // Letters and endings that only one of the languages has.
    if (word.includes('å')) scores.sv += 0.5;
    else if (word.length > 3 && hasFinnishEnding(word)) scores.fi += 0.5;
  }
  return scores;
}

/** The best language of the scores, its score and the next best score (a tie for the top never decides, so order among equals is moot). */
export function topTwo(scores: LanguageScores): { best: 'fi' | 'sv' | 'en'; first: number; second: number } {
  const { fi, sv, en } = scores;
  if (fi >= sv && fi >= en) return { best: 'fi', first: fi, second: Math.max(sv, en) };
  if (sv >= en) return { best: 'sv', first: sv, second: Math.max(fi, en) };
  return { best: 'en', first: en, second: Math.max(fi, sv) };
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

/** Per UTF-16 code unit below 0x10000: 0 not yet known, 1 no letter, 2 a letter (\p{L}). */
const IS_LETTER = new Uint8Array(0x10000);

/**
 * The runs of letters of the text in lower case, as /\p{L}+/gu finds them, by
 * a table look-up a character instead of a regex match a word: every reply
 * whose prose is not all of it passes here. Exported for its test.
 */
export function wordsOf(text: string): string[] {
  const s = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let letter: boolean;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // Outside the Basic Multilingual Plane (rare): one code point, asked of the regex.
      letter = /^\p{L}$/u.test(s.slice(i, i + 2));
      width = 2;
    } else {
      let kind = IS_LETTER[code]!;
      if (kind === 0) kind = IS_LETTER[code] = /\p{L}/u.test(s[i]!) ? 2 : 1;
      letter = kind === 2;
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(s.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) words.push(s.slice(start));
  return words;
}

/**
 * The language of a reply; short texts included ("Hej!", "Kiitos!"). Pass the
 * lower-case words when the caller has them already.
 */
export function detectLanguage(text: string, words: readonly string[] = wordsOf(text)): Lang {
  const { best, first, second } = topTwo(cueScores(words));
  if (first >= 1 && first >= 2 * second + 1) return best;
  if (!/\p{L}{2}/u.test(text)) return 'unknown';
  const guess = loadTinyld().detect(text, { only: ['fi', 'sv', 'en'] });
  if (guess === 'fi' || guess === 'sv' || guess === 'en') return guess;
  return first > second ? best : 'unknown';
}
