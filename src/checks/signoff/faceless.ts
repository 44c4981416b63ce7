import type { Check } from '../types.js';

/** Words that name a department, a team or a company form, not a person. */
const DEPARTMENT_WORDS = new Set(
  ('tuki palvelukeskus kundcenter växeln helpdesk customer oy oyj ab abp ltd inc ry rf group koncern koncernen yhtiö osasto').split(' '),
);
/** Beginnings of department words ("asiakaspalvelusta", "kundtjänsten"). */
const DEPARTMENT_STARTS = [
  'asiakaspalvelu', 'asiakastuki', 'asiakkuus', 'tukipalvelu', 'tiimi', 'palvelu', 'laskutu', 'myynti', 'neuvonta',
  'kundtjänst', 'kundservice', 'kundsupport', 'support', 'team', 'service', 'fakturering', 'försäljning', 'redaktion', 'avdelning',
];
/** Endings of compound department words ("Elisan asiakaspalvelu", "Tekniikkatiimi", "Kundtjänst"). */
const DEPARTMENT_PARTS = ['asiakaspalvelu', 'kundtjänst', 'kundservice'];
const DEPARTMENT_ENDS = ['tiimi', 'tjänst'];

// Plain string tests: a case-insensitive Unicode regex of this size costs ~20 ms to compile on a cold run.
function isDepartmentWord(word: string): boolean {
  const w = word.toLowerCase();
  return (
    DEPARTMENT_WORDS.has(w) ||
    DEPARTMENT_STARTS.some((s) => w.startsWith(s)) ||
    DEPARTMENT_PARTS.some((s) => w.includes(s)) ||
    DEPARTMENT_ENDS.some((s) => w.endsWith(s))
  );
}

const CONTACT = /(@|https?:\/\/|www\.|\d{3,}|^(puh|p|tel|gsm|mob|mobil)\b)/i;

/** A signature line that reads as a person: "Laura", "Laura Mäkinen", "Erik på kundtjänst", "Laura / Elisa". */
function isPerson(line: string): boolean {
  const text = line.replace(/^[–—-]\s*/, '').trim();
  if (CONTACT.test(text)) return false;
  const words = text.split(/[\s,/]+/).filter(Boolean);
  const first = words[0] ?? '';
  if (!/^\p{Lu}\p{Ll}+\.?$|^\p{Lu}\.$/u.test(first) || isDepartmentWord(first)) {
    // A placeholder for the agent's name in a template: {{agent.name}}.
    return /^(\{\{|\{%|\[|%)/.test(first);
  }
  // "Laura Mäkinen" (all name-like) or "Erik på kundtjänst", "Laura / Asiakaspalvelu", "Laura, Elisa".
  const second = words[1];
  if (second === undefined) return true;
  if (/^(på|från|at|i|hos|\/|–|-)$/i.test(second) || /[,/–-]/.test(text.slice(first.length, first.length + 3))) return true;
  // "Juha asiakaspalvelusta": a name and where the person works.
  if (/^\p{Ll}/u.test(second)) return true;
  return words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}\.$/u.test(w) && !isDepartmentWord(w));
}

function isDepartment(line: string): boolean {
  return line
    .split(/[\s,/]+/)
    .some((w) => isDepartmentWord(w.replace(/[.:!]$/, '')));
}

/** Signed by a department only: "Ystävällisin terveisin\nAsiakaspalvelu". */
export const signoffFaceless: Check = (analysis) => {
  const { signOff } = analysis.anatomy;
  if (!signOff || signOff.signature.length === 0) return [];
  // People sign with their name first ("Laura Mäkinen / Asiakaspalvelu / Yritys"); a block that opens
  // with a department ("Asiakaspalvelu / Sointu Energia") is signed by nobody.
  const first = signOff.signature[0]!;
  if (isPerson(first.text) || !isDepartment(first.text)) return [];
  return [{ offset: first.start, length: first.end - first.start }];
};
