import type { Check } from '../types.js';

/** Words that name a department, a team or a company form, not a person. */
const DEPARTMENT =
  /^(asiakaspalvelu\p{L}*|asiakastuki\p{L}*|asiakaspalvelutiimi\p{L}*|asiakkuus\p{L}*|tuki|tukipalvelu\p{L}*|tiimi\p{L}*|palvelu\p{L}*|laskutu\p{L}*|myynti\p{L}*|neuvonta\p{L}*|palvelukeskus|kundtjänst\p{L}*|kundservice\p{L}*|kundsupport\p{L}*|kundcenter|support\p{L}*|team\p{L}*|service\p{L}*|fakturering\p{L}*|försäljning\p{L}*|växeln|redaktion\p{L}*|helpdesk|customer|oy|oyj|ab|abp|ltd|inc|ry|rf|group|koncernen?|yhtiö|avdelning\p{L}*|osasto|\p{L}*asiakaspalvelu\p{L}*|\p{L}*kundtjänst\p{L}*|\p{L}*kundservice\p{L}*|\p{L}*tiimi|\p{L}*tjänst)$/iu;

const CONTACT = /(@|https?:\/\/|www\.|\d{3,}|^(puh|p|tel|gsm|mob|mobil)\b)/i;

/** A signature line that reads as a person: "Laura", "Laura Mäkinen", "Erik på kundtjänst", "Laura / Elisa". */
function isPerson(line: string): boolean {
  const text = line.replace(/^[–—-]\s*/, '').trim();
  if (CONTACT.test(text)) return false;
  const words = text.split(/[\s,/]+/).filter(Boolean);
  const first = words[0] ?? '';
  if (!/^\p{Lu}\p{Ll}+\.?$|^\p{Lu}\.$/u.test(first) || DEPARTMENT.test(first)) {
    // A placeholder for the agent's name in a template: {{agent.name}}.
    return /^(\{\{|\{%|\[|%)/.test(first);
  }
  // "Laura Mäkinen" (all name-like) or "Erik på kundtjänst", "Laura / Asiakaspalvelu", "Laura, Elisa".
  const second = words[1];
  if (second === undefined) return true;
  if (/^(på|från|at|i|hos|\/|–|-)$/i.test(second) || /[,/–-]/.test(text.slice(first.length, first.length + 3))) return true;
  // "Juha asiakaspalvelusta": a name and where the person works.
  if (/^\p{Ll}/u.test(second)) return true;
  return words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}\.$/u.test(w) && !DEPARTMENT.test(w));
}

function isDepartment(line: string): boolean {
  return line
    .split(/[\s,/]+/)
    .some((w) => DEPARTMENT.test(w.replace(/[.:!]$/, '')));
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
