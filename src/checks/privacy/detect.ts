/**
 * Personal data in a text: the one place that knows what a card number, an
 * identity number, an IBAN, a phone number, an address or a password looks
 * like. The privacy rules report from it and `--redact` masks from it, so the
 * two cannot drift apart.
 *
 * Two sensitivities: `report` is what a rule flags (precision first: check
 * digits valid, numbers labelled as something else left alone); `mask` is what
 * redaction hides (it errs on the side of masking: any Luhn-valid digit run,
 * an identity number with a wrong check character). Everything `report` finds,
 * `mask` finds too.
 *
 * Pure functions over the text; offsets are UTF-16 offsets into it.
 */
import { luhnValid } from './luhn.js';
import { lowerSameLength } from '../../text/lower.js';
import { findTemplateSyntax, type Span as TemplateSpan } from '../../text/template.js';

export type PersonalDataKind = 'email' | 'phone' | 'national-id' | 'card' | 'iban' | 'password';
export type Sensitivity = 'report' | 'mask';

export interface Detection {
  offset: number;
  length: number;
  kind: PersonalDataKind;
}

// ---------------------------------------------------------------------------
// Identity numbers

const HETU = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu;
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** Swedish personnummer or samordningsnummer (day + 60): YYMMDD-NNNC or YYYYMMDD-NNNC. */
const PNR = /(?<![\p{L}\p{N}-])((?:19|20)?)(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\p{L}\p{N}])/gu;
const PNR_CONTEXT = /(personnummer|personnr|samordningsnummer|henkilötunnus|hetu|person number)\p{L}*\W{0,3}$/iu;

function validDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Finnish henkilötunnus and Swedish personnummer (checksum-valid to report; date-valid to mask). */
export function findNationalIds(text: string, sensitivity: Sensitivity = 'report'): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(HETU)) {
    if (!validDate(Number(m[1]), Number(m[2]))) continue;
    // The check character is upper case as issued; a lower-case one is masked, not reported.
    const check = HETU_CHECK[Number(`${m[1]}${m[2]}${m[3]}${m[5]}`) % 31] === m[6];
    const upper = m[0] === m[0].toUpperCase();
    if (sensitivity === 'mask' || (check && upper)) out.push({ offset: m.index!, length: m[0].length, kind: 'national-id' });
  }
  for (const m of text.matchAll(PNR)) {
    if (out.some((d) => d.offset === m.index)) continue;
    const day = Number(m[4]) > 60 ? Number(m[4]) - 60 : Number(m[4]);
    if (!validDate(day, Number(m[3]))) continue;
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    const luhn = luhnValid(`${m[2]}${m[3]}${m[4]}${m[6]}`);
    // Ten bare digits are as likely a phone or order number: they need a separator, a century or a label.
    const shaped = m[5] !== '' || m[1] !== '' || PNR_CONTEXT.test(before);
    if (sensitivity === 'report' ? luhn && shaped : luhn || shaped) out.push({ offset: m.index!, length: m[0].length, kind: 'national-id' });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

// ---------------------------------------------------------------------------
// Payment cards

/** 13–19 digits, in groups separated by spaces, hyphens or dots ("4111.1111.1111.1111"). */
const CARD = /(?<![\p{L}\p{N}.])\d(?:[ \u00a0.-]?\d){12,18}(?![\p{N}]|\.\d)/gu;
/** Issuer prefixes of the card networks: Visa, Mastercard, Amex, Diners, Discover, JCB, Maestro. */
const ISSUER = /^(4|5[1-5]|2[2-7]|3[47]|3[068]|35|6|50|5[6-9])/;
/** Labels of numbers that are not cards: reference, account, order and tracking numbers. */
const OTHER_NUMBER =
  /(viite|ocr|referens|iban|tilinumero|tili|kontonummer|konto|bankgiro|plusgiro|tilausnumero|ordernummer|order|asiakasnumero|kundnummer|puh|tel|seurantakoodi|lähetystunnus|sändningsnummer|kollinummer|faktura|lasku)[\p{L}-]*[\s:.#-]{0,4}$/iu;

/** Payment card numbers: Luhn-valid; to report, also an issuer's prefix and no label saying it is another number. */
export function findCardNumbers(text: string, sensitivity: Sensitivity = 'report'): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ \u00a0.-]/g, '');
    if (!luhnValid(digits)) continue;
    if (sensitivity === 'report') {
      if (!ISSUER.test(digits)) continue;
      const before = text.slice(Math.max(0, m.index! - 30), m.index!);
      // An IBAN starts with a country code ("FI21 1234…"), a parcel code with letters ("JJFI 6443 2100…").
      if (/\p{Lu}{2}\s?$/u.test(before) || OTHER_NUMBER.test(before)) continue;
    }
    out.push({ offset: m.index!, length: m[0].length, kind: 'card' });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Bank accounts

const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu;
/** Length of an IBAN in the countries our replies meet most (the mod-97 check covers the rest). */
const IBAN_LENGTH: Record<string, number> = { FI: 18, SE: 24, NO: 15, DK: 18, EE: 20, DE: 22, GB: 22, FR: 27, ES: 24, NL: 18 };

function ibanValid(s: string): boolean {
  const iban = s.replace(/[ \u00a0]/g, '');
  const length = IBAN_LENGTH[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return false;
  if (iban.length < 15) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= '0' && ch <= '9' ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** A Finnish or Swedish account number's shape, masked even when its check digits are off. */
const NORDIC_ACCOUNT = /^(FI\d{16}|SE\d{22})$/;

/** IBANs with a valid check (mod 97) and the country's length; to mask, also a Finnish or Swedish one with a wrong check. */
export function findIbans(text: string, sensitivity: Sensitivity = 'report'): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(IBAN)) {
    const valid = ibanValid(m[0]) || (sensitivity === 'mask' && NORDIC_ACCOUNT.test(m[0].replace(/[ \u00a0]/g, '')));
    if (valid) out.push({ offset: m.index!, length: m[0].length, kind: 'iban' });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Contact details (masked, never reported: a reply gives the company's own)

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * International (+358 40 123 4567, 0046 70-123 45 67, +358 (0)40…, and the
 * Nordic codes written without "+": 358 40 1234567, 46 70 123 45 67) and
 * national (040 123 4567, 09-123 4567, (09) 123 4567, 070-123 45 67) numbers.
 */
const PHONE =
  /(?<![\p{L}\p{N}+/,-])(?:(?:\+|00)\d{1,3}[ \u00a0-]?(?:\(0\)[ \u00a0-]?)?\d(?:[ \u00a0-]?\(?\d\)?){5,12}|(?:358|46|47|45)[ \u00a0-](?:\(0\)[ \u00a0-]?)?\d{1,3}(?:[ \u00a0-]?\d){5,9}|\(0\d{1,3}\)[ \u00a0-]?\d(?:[ \u00a0-]?\d){4,9}|0\d(?:[ \u00a0-]?\d){6,10})(?![\p{L}\p{N}])/gu;

export function findEmails(text: string): Detection[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ offset: m.index!, length: m[0].length, kind: 'email' as const }));
}

export function findPhones(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').length;
    // "03-04-2025" is a date, not a number to call.
    if (/^\d{1,2}-\d{1,2}-\d{4}$/.test(m[0])) continue;
    if (digits >= 7 && digits <= 15) out.push({ offset: m.index!, length: m[0].length, kind: 'phone' });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Passwords

/** A password label followed by the password itself. */
const PASSWORD =
  /(?<![\p{L}])(salasana\p{L}*|tilapäi\p{L}* salasana\p{L}*|kertakäyttöi\p{L}* salasana\p{L}*|pin-koodi\p{L}*|tunnusluku\p{L}*|lösenord\p{L}*|tillfälligt lösenord\p{L}*|pin-kod\p{L}*|password)(?:[^\S\n]+(?:on|oli|nyt|är|blir|is|=))*([^\S\n]*[:=]?[^\S\n]+|:[^\S\n]*\n[^\S\n]*)["'“”‘’]?([^\s"'“”‘’]{2,})/gu;

/** Only a field label that starts its line may have its value on the next line ("Salasana:\n  hk7Lp2"); "…vaihda salasanasi:" ends a sentence. */
const LINE_START_BEFORE = /(?:^|\n)[^\S\n]*(?:[-*•–][^\S\n]*)?$/;

/** Values that follow the label but are words, not passwords ("on vaihdettu", "är återställt"). */
function looksLikeSecret(value: string): boolean {
  if (value.length < 4) return false;
  if (/^https?:|@|^www\./.test(value)) return false;
  const hasDigit = /\d/.test(value);
  const hasSymbol = /[^\p{L}\p{N}]/u.test(value);
  const innerCapital = /^.+\p{Lu}/u.test(value);
  return hasDigit || hasSymbol || innerCapital;
}

/** Passwords and PINs after their label ("Salasanasi on Kesä2024", "Lösenord: Hk7Lp2x9"). `lower` saves lower-casing again. */
export function findPasswords(text: string, lower: string = lowerSameLength(text)): Detection[] {
  const out: Detection[] = [];
  // Template slots matter only where a password is spoken of; the scan for them is skipped elsewhere.
  const slots = SECRET_WORD.test(lower) ? findTemplateSyntax(text).placeholders : [];
  PASSWORD.lastIndex = 0;
  for (let m = PASSWORD.exec(lower); m; m = PASSWORD.exec(lower)) {
    if (m[2]!.includes('\n') && !LINE_START_BEFORE.test(text.slice(Math.max(0, m.index - 200), m.index))) {
      // The value line may hold a label of its own ("…vaihda salasanasi:\nSalasana: hk7Lp2"): search on from after this label.
      PASSWORD.lastIndex = m.index + m[1]!.length;
      continue;
    }
    // The label is matched in lower case; the password is read from the text as written.
    const end = m.index + m[0].length;
    const start = end - m[3]!.length;
    const value = text.slice(start, end).replace(/[.,:;!?)]+$/, '');
    const slot = slots.find((p) => p.start >= start && p.end <= start + value.length);
    // A template's slot after the label holds the password ("Uusi salasanasi on: %s"), unless it names a link ("<%%url%%>").
    if (slot ? LINK_NAME.test(slot.name) : !looksLikeSecret(value)) continue;
    out.push({ offset: start, length: value.length, kind: 'password' });
  }
  // A template that writes a password variable into the mail, whatever words stand before it:
  // "ert nya tillfälliga lösenord till Bokning: {$TemporaryPassword}".
  for (const slot of slots) {
    if (!namesSecret(slot) || out.some((d) => slot.start >= d.offset && slot.end <= d.offset + d.length)) continue;
    out.push({ offset: slot.start, length: slot.end - slot.start, kind: 'password' });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Words that speak of a secret, in lower case. */
const SECRET_WORD = /pass|salasan|lösen|losen|pin/;
/** A slot's name that says it holds a password or a PIN, in a developer's English or in Finnish or Swedish. */
const SECRET_NAME = /pass(?:word|wd)?(?![a-z])|salasana|lösenord|losenord|(?:^|[._>-])pin(?:code|koodi|kod)?$/i;
/** A slot's name that says it holds a link or a name, not the secret ("password_reset_url", "url"). */
const LINK_NAME = /url|link|href|uri|reset|site|name|hint|policy|length|expir/i;

function namesSecret(slot: TemplateSpan): boolean {
  return (SECRET_NAME.test(slot.name) || /[a-z]Pin(?:Code)?$/.test(slot.name)) && !LINK_NAME.test(slot.name);
}

/** Everything redaction masks, by pattern (names are found from the text's anatomy, in engine/redact.ts). */
export function findPersonalData(text: string): Detection[] {
  return [
    ...findEmails(text),
    ...findIbans(text, 'mask'),
    ...findNationalIds(text, 'mask'),
    ...findCardNumbers(text, 'mask'),
    ...findPhones(text),
    ...findPasswords(text),
  ];
}
