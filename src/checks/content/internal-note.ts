import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

/** Notes meant for colleagues, not for the customer. */
const NOTES: RegExp[] = [
  /(?<![\p{L}])(FYI|fyi|TODO|todo|Todo|NB!? sisäinen|Note to self)(?![\p{L}])/gu,
  /^[ \t]*(sisäinen|sisäinen huomio|sisäinen muistiinpano|sis\.|intern|internt|intern anteckning|intern notering|internal|muistiinpano|anteckning)[ \t]*[:!–-]/gimu,
  /(?<![\p{L}])(ei asiakkaalle|älä lähetä asiakkaalle|poista ennen lähetystä|tarkista (tämä )?ennen lähetystä|inte till kund(en)?|skicka inte till kund(en)?|ta bort innan (du skickar|utskick)|kolla (med|upp) \p{L}+ innan)(?![\p{L}])/giu,
  /^[ \t]*(→|->|>>)?[ \t]*(siirretään|siirrä|välitetään|välitä|eskaloidaan|ohjataan|skickas vidare|skicka vidare|vidarebefordras|eskaleras|flyttas|lyft till)(?![\p{L}])[^\n]*/gimu,
];

/** "@Mikko" at a word start: a mention of a colleague (not an e-mail address). */
const MENTION = /(?<![\p{L}\p{N}._%+-])@\p{Lu}\p{L}+(?![\p{L}\p{N}.-]*@)(?!\.\p{L})/gu;

/** Internal notes or forwarding remarks left in the reply. */
export const internalNote: Check = (analysis) => {
  const text = analysis.text;
  const findings: RawFinding[] = [];
  const patterns = analysis.message.channel === 'social' ? NOTES : [...NOTES, MENTION];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const trimmed = m[0].replace(/^\s+/, '').trimEnd();
      findings.push({ offset: m.index! + (m[0].length - m[0].trimStart().length), length: trimmed.length });
    }
  }
  findings.sort((a, b) => a.offset - b.offset);
  return findings.filter((f, i) => i === 0 || f.offset >= findings[i - 1]!.offset + findings[i - 1]!.length);
};
