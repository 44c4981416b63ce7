import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { framedParts } from '../parts.js';
import { FORMAL_GREETING } from '../../text/anatomy.js';

const NAME_SLOT: Record<string, string> = { fi: 'etunimi', sv: 'förnamn', en: 'first name' };

/** A greeting without the customer's name: "Hei!", "Hyvä asiakas", "Bästa kund", "Hyvät huoltajat". */
export const greetingGeneric: Check = (analysis, ctx) => {
  const findings: RawFinding[] = [];
  for (const part of framedParts(analysis, ctx)) {
    const { greeting } = part;
    if (!greeting || greeting.name) continue;
    const written = greeting.word.replace(/\(.*$/, '');
    // A mass SMS may open with a bare "Hei!"; "Hyvä asiakas." / "Kära kund." is a form letter's greeting in any channel.
    if (analysis.message.channel === 'sms' && !FORMAL_GREETING.test(written)) continue;
    // "Hyvä(t) huoltaja(t)" → "Hyvä <etunimi>,"; "Hej!" → "Hej <förnamn>,".
    const first = written.replace(/^(hyvä|arvoisa)t$/i, '$1');
    const word = first.charAt(0).toUpperCase() + first.slice(1).toLowerCase();
    const suggestion = `${word} <${NAME_SLOT[part.lang] ?? NAME_SLOT[analysis.language] ?? NAME_SLOT.en}>,`;
    findings.push({ offset: greeting.start, length: greeting.end - greeting.start, suggestions: [suggestion], data: { suggestion } });
  }
  return findings;
};
