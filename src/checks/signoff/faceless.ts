import type { Check } from '../types.js';
import type { RawFinding, Trilingual } from '../../types.js';
import { framedParts } from '../parts.js';

/** Words that name a department, a team or a company form, not a person. */
const DEPARTMENT_WORDS = new Set(
  ('tuki palvelukeskus kundcenter växeln helpdesk customer oy oyj ab abp ltd inc ry rf group koncern koncernen yhtiö osasto').split(' '),
);
/** Beginnings of department words ("asiakaspalvelusta", "kundtjänsten"). */
const DEPARTMENT_STARTS = [
  'asiakaspalvelu', 'asiakastuki', 'asiakkuus', 'tukipalvelu', 'tiimi', 'palvelu', 'laskutu', 'myynti', 'neuvonta', 'ylläpito',
  'kundtjänst', 'kundservice', 'kundsupport', 'support', 'team', 'service', 'fakturering', 'försäljning', 'redaktion', 'avdelning',
];
/** Endings of compound department words ("Elisan asiakaspalvelu", "Tekniikkatiimi", "Kundtjänst"). */
const DEPARTMENT_PARTS = ['asiakaspalvelu', 'kundtjänst', 'kundservice', 'palvelu'];
const DEPARTMENT_ENDS = [
  'tiimi', 'tjänst', 'ryhmä', 'keskus', 'yksikkö', 'toimisto', 'valvonta', 'kirjaamo', 'ohjaus',
  'tjänster', 'tjänsten', 'tjänsterna', 'teamet', 'gruppen', 'handledning', 'handledningen', 'enheten', 'kansliet', 'kontoret', 'tillsyn', 'tillsynen',
  // A system signs as no one: "Ärendehanteringssystemet", "Tiketöintijärjestelmä".
  'järjestelmä', 'systemet',
  // Nor does an agency or a register: "Opetushallitus", "Kansaneläkelaitos", "Oikeustulkkirekisteri", "Utbildningsstyrelsen".
  'hallitus', 'virasto', 'laitos', 'rekisteri', 'lautakunta', 'toimiala', 'styrelsen', 'verket', 'myndigheten', 'nämnden', 'registret', 'sektorn', 'förvaltningen',
];

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
    // A placeholder for the agent's name in a template: {{agent.name}}; not one for the site or the company
    // ("%{site_name} Ylläpito" is the site's staff).
    return /^(\{\{|\{%|\[|%)/.test(first) && !/site|shop|store|company|organi[sz]ation|brand|service|yritys|företag/i.test(first);
  }
  // "Laura Mäkinen" (all name-like) or "Erik på kundtjänst", "Laura / Asiakaspalvelu", "Laura, Elisa".
  const second = words[1];
  if (second === undefined) return true;
  if (/^(på|från|at|i|hos|\/|–|-)$/i.test(second) || /[,/–-]/.test(text.slice(first.length, first.length + 3))) return true;
  // "Juha asiakaspalvelusta": a name and where the person works; but "Varhaiskasvatuksen palveluohjaus",
  // "Kotikaupan asiakaspalvelu" name the unit itself.
  // A lower-case word after a name says where the person works ("asiakaspalvelusta", "myynnistä") or joins
  // another name ("Laura ja Mikko"); any other ("Merellinen ulkoilu", "Helsingin kaupunki") makes the line a unit's name.
  if (/^\p{Ll}/u.test(second)) return /^(ja|och|and|&)$/.test(second) || /(sta|stä|lta|ltä|ssa|ssä)$/.test(second);
  return words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}\.$/u.test(w) && !isDepartmentWord(w));
}

function isDepartment(line: string): boolean {
  const words = line.split(/[\s,/]+/).filter(Boolean);
  if (words.some((w) => isDepartmentWord(w.replace(/[.:!]$/, '')))) return true;
  // A unit's name in Finnish or Swedish: a capitalised word and common nouns after it
  // ("Helsingin kaupunki", "Merellinen ulkoilu", "Helsingfors stads stadsmiljösektor").
  return words.length >= 2 && words.length <= 6 && /^\p{Lu}\p{Ll}+$/u.test(words[0]!) && words.slice(1).every((w) => /^\p{Ll}{3,}$/u.test(w));
}

const NAMELESS: Trilingual = {
  fi: 'Lopputervehdyksen ”{actual}” perässä ei ole kenenkään nimeä. Lisää siihen oma nimesi.',
  sv: 'Efter hälsningen ”{actual}” står inget namn. Lägg till ditt namn.',
  en: 'No one signs after “{actual}”. Add your own name.',
};

/**
 * Signed by a department only ("Ystävällisin terveisin\nAsiakaspalvelu"), or
 * by nobody: a closing formula that a name should follow, with nothing, an
 * emoji or only contact details after it ("Med vänliga hälsningar 😊").
 */
export const signoffFaceless: Check = (analysis, ctx) => {
  const findings: RawFinding[] = [];
  for (const { signOff } of framedParts(analysis, ctx)) {
    if (!signOff) continue;
    const first = signOff.signature[0];
    if (!first || signOff.signature.every((line) => CONTACT.test(line.text.replace(/^[–—-]\s*/, '')))) {
      // A wish ("Hyvää päivänjatkoa!") is complete without a name; "Terveisin" is not.
      if (signOff.closing && signOff.regards) findings.push({ offset: signOff.closing.start, length: signOff.closing.end - signOff.closing.start, message: NAMELESS });
      continue;
    }
    // People sign with their name first ("Laura Mäkinen / Asiakaspalvelu / Yritys"); a block that opens
    // with a department ("Asiakaspalvelu / Sointu Energia") is signed by nobody.
    if (isPerson(first.text) || !isDepartment(first.text)) continue;
    findings.push({ offset: first.start, length: first.end - first.start });
  }
  return findings;
};
