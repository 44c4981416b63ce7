import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { luhnValid } from './luhn.js';

const CANDIDATE = /(?<![\p{L}\p{N}])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu;
/** Issuer prefixes of the card networks: Visa, Mastercard, Amex, Diners, Discover, JCB, Maestro. */
const ISSUER = /^(4|5[1-5]|2[2-7]|3[47]|3[068]|35|6|50|5[6-9])/;
/** Labels of numbers that are not cards: reference, account, order and tracking numbers. */
const OTHER_NUMBER =
  /(viite|ocr|referens|iban|tilinumero|tili|kontonummer|konto|bankgiro|plusgiro|tilausnumero|ordernummer|order|asiakasnumero|kundnummer|puh|tel|seurantakoodi|lähetystunnus|sändningsnummer|kollinummer|faktura|lasku)[\p{L}-]*[\s:.#-]{0,4}$/iu;

/** A payment card number in clear text: 13–19 digits passing the Luhn check. */
export const cardNumber: Check = (analysis) => {
  const text = analysis.text;
  const findings: RawFinding[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 13 || !ISSUER.test(digits) || !luhnValid(digits)) continue;
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    // An IBAN starts with a country code ("FI21 1234…"), a parcel code with letters ("JJFI 6443 2100…").
    if (/\p{Lu}{2}\s?$/u.test(before) || OTHER_NUMBER.test(before)) continue;
    findings.push({ offset: m.index!, length: m[0].length });
  }
  return findings;
};
