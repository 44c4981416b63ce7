import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

/** A password label followed by the password itself. */
const LABEL =
  /(?<![\p{L}])(salasana\p{L}*|tilapäi\p{L}* salasana\p{L}*|kertakäyttöi\p{L}* salasana\p{L}*|pin-koodi\p{L}*|tunnusluku\p{L}*|lösenord\p{L}*|tillfälligt lösenord\p{L}*|pin-kod\p{L}*|password)(?:\s+(?:on|oli|nyt|är|blir|is|=))*\s*[:=]?\s+["'“”‘’]?([^\s"'“”‘’]{4,})/gu;

/** Values that follow the label but are words, not passwords ("on vaihdettu", "är återställt"). */
function looksLikeSecret(value: string): boolean {
  const v = value.replace(/[.,;!?)]+$/, '');
  if (v.length < 4) return false;
  if (/^https?:|@|^www\./.test(v)) return false;
  const hasDigit = /\d/.test(v);
  const hasSymbol = /[^\p{L}\p{N}]/u.test(v);
  const innerCapital = /^.+\p{Lu}/u.test(v);
  return hasDigit || hasSymbol || innerCapital;
}

/** A password or PIN in clear text. */
export const password: Check = (analysis) => {
  const text = analysis.text;
  const findings: RawFinding[] = [];
  for (const m of analysis.lower.matchAll(LABEL)) {
    // The label is matched in lower case; the password is read from the text as written.
    const valueStart = m.index! + m[0].length - m[2]!.length;
    const value = text.slice(valueStart, m.index! + m[0].length);
    if (!looksLikeSecret(value)) continue;
    const clean = value.replace(/[.,;!?)]+$/, '');
    const offset = m.index! + m[0].length - value.length;
    findings.push({ offset, length: clean.length });
  }
  return findings;
};
