import type { Check } from '../types.js';
import type { RawFinding, Trilingual } from '../../types.js';
import type { Line } from '../../text/lines.js';
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

/**
 * What may stand between two words of one run: spaces, punctuation and codes
 * ("GTD ARR 2200 LASKU AREA PL6 00251 HILJAINEN"), but no lower case, no line
 * break and no sentence end.
 */
const RUN_GAP = /^[^\p{Ll}\n]*$/u;
const SENTENCE_END = /[.!?](?:\s|$)/u;

/** Labels after which a word in capitals is a code to copy or type, not shouting. */
const CODE_LABEL =
  /(?:BIC|SWIFT|IBAN|ref\.?|viite\p{L}*|varaus\p{L}*|tunnus\p{L}*|\p{L}*koodi\p{L}*|kod\p{L}*|bokning\p{L}*|referens\p{L}*|order\p{L}*|tilaus\p{L}*|numero\p{L}*|nummer\p{L}*|nro|nr|pnr|kirjoita|lähetä|viesti|tekstiviesti\p{L}*|hakusana|skriv|sänd|skicka|sms:?a?)[\s:"“”'#-]*$/iu;

/**
 * Per UTF-16 code unit below 0x10000, filled on first sight: 0 not yet known,
 * 1 no letter (\p{L}), 2 a letter its lower case leaves as it is, 3 one it changes.
 */
const LETTER_KIND = new Uint8Array(0x10000);

function letterKind(c: string): number {
  return !/\p{L}/u.test(c) ? 1 : c !== c.toLowerCase() ? 3 : 2;
}

/**
 * A line of machine text: its letters are nearly all capitals ("CHECK IN: 16MAY CHECK OUT: 18MAY", "00250 HELSINKI").
 * Letters are counted by a table look-up a character, not a regex match each: every line of every reply passes here.
 * Exported for its test.
 */
export function isMachineLine(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // Outside the Basic Multilingual Plane (rare): one code point, asked of the regex.
      kind = letterKind(text.slice(i, i + 2));
      i++;
    } else {
      kind = LETTER_KIND[code]!;
      if (kind === 0) kind = LETTER_KIND[code] = letterKind(text[i]!);
    }
    if (kind >= 2) letters++;
    if (kind === 3) upper++;
  }
  return letters >= 3 && upper >= 0.8 * letters && /\p{Lu}{2}/u.test(text);
}

const BLOCK_MESSAGE: Trilingual = {
  fi: 'Viestissä on {lines} riviä järjestelmän tulostetta isoin kirjaimin. Kerro olennainen asiakkaalle tavallisin lausein.',
  sv: 'Svaret har {lines} rader systemutskrift i versaler. Skriv det viktiga till kunden med vanliga meningar.',
  en: 'The reply holds {lines} lines of system output in capitals. Tell the customer what matters in plain sentences.',
};

const BLOCK_SUGGESTION: Record<string, string> = {
  fi: 'Kirjoita varauksen tai tilauksen tärkeimmät tiedot (päivät, hinta, mitä asiakkaan pitää tehdä) tavallisin lausein ja jätä järjestelmän koodit pois.',
  sv: 'Skriv det viktigaste i bokningen eller beställningen (datum, pris, vad kunden ska göra) med vanliga meningar och ta bort systemkoderna.',
  en: 'Write the essentials of the booking or order (dates, price, what the customer needs to do) in plain sentences and leave out the system codes.',
};

/** Blocks of two or more machine lines (blank lines inside kept), as [first, last] line pairs. */
function machineBlocks(lines: readonly Line[], notTheBody: (offset: number) => boolean): [Line, Line][] {
  const blocks: [Line, Line][] = [];
  let first: Line | null = null;
  let last: Line | null = null;
  let count = 0;
  const close = () => {
    if (first && last && count >= 2) blocks.push([first, last]);
    first = last = null;
    count = 0;
  };
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (notTheBody(line.start)) {
      close();
      continue;
    }
    if (isMachineLine(line.text)) {
      first ??= line;
      last = line;
      count++;
    } else close();
  }
  close();
  return blocks;
}

/**
 * Machine text and shouting in capitals. A block of system output
 * (a booking record pasted from the reservation system) is one finding for
 * the block; elsewhere each run of words in capitals is one ("TILAUS
 * VASTAANOTETTU"), while codes, ids and short abbreviations next to a number
 * ("GTD ARR 2200", "MRL 143 §", a booking reference) are not shouting.
 */
export const allCaps: Check = (analysis, ctx) => {
  const extra = new Set(option<string[]>(ctx.options, 'allow', []).map((w) => w.toUpperCase()));
  const text = analysis.text;
  // The sign-off block is names and titles, the quoted history someone else's; a footer below the sign-off is read as the body is.
  const signOff = analysis.anatomy.signOff;
  const { replyEnd } = analysis.anatomy;
  const notTheBody = (offset: number) => offset >= replyEnd || (signOff !== null && offset >= signOff.start && offset < signOff.end);
  const findings: RawFinding[] = [];

  const blocks = machineBlocks(analysis.anatomy.lines, notTheBody).map(([first, last]) => {
    const start = first.start + (first.text.length - first.text.trimStart().length);
    return { start, end: last.start + last.text.trimEnd().length, lines: last.index - first.index + 1 };
  });
  for (const b of blocks) {
    const suggestion = BLOCK_SUGGESTION[analysis.language] ?? BLOCK_SUGGESTION.en!;
    findings.push({ offset: b.start, length: b.end - b.start, message: BLOCK_MESSAGE, suggestions: [suggestion], data: { lines: b.lines } });
  }
  const inBlock = (offset: number) => blocks.some((b) => offset >= b.start && offset < b.end);

  let run: { start: number; end: number; words: string[] } | null = null;
  const flush = () => {
    if (!run) return;
    const r = run;
    run = null;
    const longest = Math.max(...r.words.map((w) => w.length));
    if (r.words.length < 2 && longest < 6) return;
    const before = text.slice(Math.max(0, r.start - 24), r.start);
    const after = text.slice(r.end, r.end + 3);
    // A code to copy or type: "BIC ESSESESS", "kirjoita LUKEMA", "varaustunnus KXWTRB".
    if (r.words.length === 1 && (CODE_LABEL.test(before) || !/[AEIOUYÄÖÅ]/u.test(r.words[0]!))) return;
    // Short abbreviations next to a number are a code ("GTD ARR 2200", "MRL 143 §"), not shouting.
    if (longest <= 4 && (/^\s?\p{N}/u.test(after) || /\p{N}\s?$/u.test(before))) return;
    const actual = text.slice(r.start, r.end);
    const suggestion = actual.charAt(0) + actual.slice(1).toLowerCase();
    findings.push({ offset: r.start, length: r.end - r.start, suggestions: [suggestion], data: { suggestion } });
  };
  for (const match of text.matchAll(CAPS_WORD)) {
    const word = match[0];
    const start = match.index!;
    if (notTheBody(start) || inBlock(start) || ACRONYMS.has(word) || extra.has(word)) {
      flush();
      continue;
    }
    const gap = run ? text.slice(run.end, start) : '';
    if (run && RUN_GAP.test(gap) && !SENTENCE_END.test(gap)) {
      run.end = start + word.length;
      run.words.push(word);
    } else {
      flush();
      run = { start, end: start + word.length, words: [word] };
    }
  }
  flush();
  return findings.sort((a, b) => a.offset - b.offset);
};
