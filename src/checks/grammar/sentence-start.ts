import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { GRAMMAR_CODES } from '../../text/voikko.js';
import { outOfScope, voikkoErrorsAround } from './shared.js';

/** Abbreviations whose full stop does not end a sentence ("esim. tämä", "t.ex. detta", "kl. nio"). */
const ABBREVIATIONS: Record<string, Set<string>> = {
  fi: new Set(
    ('esim ks mm ym yms jne ns vrt n noin puh p os ao ko em so ts tms huom nk ml ma ti ke to pe la su ' +
      'tammik helmik maalisk huhtik toukok kesäk heinäk elok syysk lokak marrask jouluk ' +
      'kk vk pv vrk h min s snt eur alv sis nro kpl v vs ed ent läh jälk ilm tark lis klo ark krs as rak ' +
      'tri rva hra nti prof dos ns tjs yl ts aik ps pps').split(' '),
  ),
  sv: new Set(
    ('tex bla dvs osv etc kl ca nr tel tfn resp jfr inkl exkl ang sk mm ev el fd obs st tim min sek kr ' +
      'mån tis ons tor tors fre lör sön jan feb febr mar apr jun jul aug sep sept okt nov dec ' +
      'forts fr fromm tom pga ed p ff mob adr avd ordf dir gm ggr proc ung vard od mfl ink sid s f e ps pps').split(' '),
  ),
};

/**
 * A sentence that starts with a small letter after a full stop, question
 * mark or exclamation mark inside a paragraph ("Kiitos. paketti on
 * matkalla."). A paragraph may start small (after "Hei Anna," many write
 * "kiitos viestistäsi"), and so may the line after the greeting. Brand names
 * written small (eSIM, iPhone) are left alone. In Finnish, where Voikko is
 * installed, a finding also needs Voikko's grammar checker to agree.
 */
export const sentenceStart: Check = (analysis) => {
  const lang = analysis.language;
  const abbreviations = ABBREVIATIONS[lang];
  if (!abbreviations) return [];
  const text = analysis.text;
  if (!/[.!?]\s+\p{Ll}/u.test(text)) return [];
  const greeting = analysis.anatomy.greeting;
  const findings: RawFinding[] = [];
  for (const m of text.matchAll(/([.!?]+)([ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)?)(\p{Ll}[\p{L}\p{N}'’-]*)/gu)) {
    const [, punctuation, gap, word] = m as unknown as [string, string, string, string];
    const end = m.index! + punctuation.length;
    const start = end + gap.length;
    if (gap === '') continue; // "www.elisa.fi", "3.kerros": not a sentence boundary
    if (punctuation.startsWith('..')) continue; // an ellipsis may go on
    if (/\p{Lu}/u.test(word)) continue; // eSIM, iPhone, iOS-sovellus
    if (isAddressOrCode(text, start)) continue; // info@kauppa.fi, www.espoo.fi, ab12-c: written as they are
    if (greeting && m.index! >= greeting.start && m.index! < greeting.end) continue;
    if (punctuation === '.' && !endsSentence(text, m.index!, abbreviations)) continue;
    if (outOfScope(analysis, m.index!, start + word.length)) continue;
    if (lang === 'fi') {
      const voikko = voikkoErrorsAround(analysis, start, start + word.length, 'paragraph');
      if (voikko && !voikko.some((e) => e.code === GRAMMAR_CODES.writeFirstUppercase && e.offset === start)) continue;
    }
    const capital = word[0]!.toUpperCase() + word.slice(1);
    findings.push({
      offset: start,
      length: word.length,
      suggestions: [capital],
      data: { suggestion: capital },
      fix: { offset: start, length: 1, text: word[0]!.toUpperCase() },
    });
  }
  return findings;
};

/**
 * Whether the token at start is an e-mail address, a web address or a
 * code: a lower-case "venepaikat@espoo.fi" after a full stop is written
 * that way on purpose, and capitalising it would break it.
 */
function isAddressOrCode(text: string, start: number): boolean {
  const token = /^[^\s,;!?()"“”<>]+/u.exec(text.slice(start, start + 200))?.[0] ?? '';
  return /[@/_\p{N}]|\.\p{L}/u.test(token.replace(/[.:]+$/u, ''));
}

/** Whether the full stop at dot ends a sentence: not after an abbreviation, a number or an initial. */
function endsSentence(text: string, dot: number, abbreviations: Set<string>): boolean {
  const before = /[^\s(["“”'’]*$/u.exec(text.slice(Math.max(0, dot - 40), dot))![0];
  if (before === '') return false;
  if (/\p{N}/u.test(before)) return false; // 1.11. lähtien, klo 14.30., 3. kerros
  if (before.includes('.')) return false; // t.ex., bl.a., www.elisa.fi
  if (/^\p{L}$/u.test(before)) return false; // p., n., A.
  if (/^\p{Lu}+$/u.test(before)) return false; // Oy., AB. and other capitals
  return !abbreviations.has(before.toLowerCase().replace(/[:’'].*$/, ''));
}
