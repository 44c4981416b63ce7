import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { luhnValid } from './luhn.js';

const HETU = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/gu;
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

function validDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Finnish henkilötunnus with a valid check character. */
function validHetu(m: RegExpMatchArray): boolean {
  if (!validDate(Number(m[1]), Number(m[2]))) return false;
  const number = Number(`${m[1]}${m[2]}${m[3]}${m[5]}`);
  return HETU_CHECK[number % 31] === m[6];
}

/** Swedish personnummer or samordningsnummer (day + 60): YYMMDD-NNNC or YYYYMMDD-NNNC. */
const PNR = /(?<![\p{L}\p{N}-])((?:19|20)?)(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\p{L}\p{N}])/gu;
const PNR_CONTEXT = /(personnummer|personnr|samordningsnummer|henkilötunnus|hetu|person number)\p{L}*\W{0,3}$/iu;

function validPnr(m: RegExpMatchArray, before: string): boolean {
  const day = Number(m[4]) > 60 ? Number(m[4]) - 60 : Number(m[4]);
  if (!validDate(day, Number(m[3]))) return false;
  if (!luhnValid(`${m[2]}${m[3]}${m[4]}${m[6]}`)) return false;
  // Ten bare digits are as likely a phone or order number: they need a separator, a century or a label.
  return m[5] !== '' || m[1] !== '' || PNR_CONTEXT.test(before);
}

/** A national identity number in clear text. */
export const nationalId: Check = (analysis) => {
  const text = analysis.text;
  const findings: RawFinding[] = [];
  for (const m of text.matchAll(HETU)) {
    if (validHetu(m)) findings.push({ offset: m.index!, length: m[0].length });
  }
  for (const m of text.matchAll(PNR)) {
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    if (validPnr(m, before) && !findings.some((f) => f.offset === m.index)) findings.push({ offset: m.index!, length: m[0].length });
  }
  return findings.sort((a, b) => a.offset - b.offset);
};
