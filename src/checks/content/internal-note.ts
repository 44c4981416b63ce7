import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

/** Notes meant for colleagues, not for the customer. */
/** Written as they are: "FYI", "TODO". */
const MARKERS = /(?<![\p{L}])(FYI|fyi|TODO|todo|Todo|Note to self)(?![\p{L}])/gu;
/** Matched against the reply in lower case. */
const NOTES: RegExp[] = [
  /^[ \t]*(sisäinen|sisäinen huomio|sisäinen muistiinpano|sis\.|intern|internt|intern anteckning|intern notering|internal|muistiinpano|anteckning)[ \t]*[:!–-]/gmu,
  /(?<![\p{L}])(ei asiakkaalle|älä lähetä asiakkaalle|poista ennen lähetystä|tarkista (tämä )?ennen lähetystä|inte till kund(en)?|skicka inte till kund(en)?|ta bort innan (du skickar|utskick)|kolla (med|upp) \p{L}+ innan)(?![\p{L}])/gu,
  /^[ \t]*(→|->|>>)?[ \t]*(siirretään|siirrä|välitetään|välitä|eskaloidaan|ohjataan|skickas vidare|skicka vidare|vidarebefordras|eskaleras|flyttas|lyft till)(?![\p{L}])[^\n]*/gmu,
];

/** "@Mikko" at a word start: a mention of a colleague (not an e-mail address). */
const MENTION = /(?<![\p{L}\p{N}._%+-])@\p{Lu}\p{L}+(?![\p{L}\p{N}.-]*@)(?!\.\p{L})/gu;

/** Internal notes or forwarding remarks left in the reply. */
export const internalNote: Check = (analysis) => {
  const text = analysis.text;
  const findings: RawFinding[] = [];
  const searches: [RegExp, string][] = [[MARKERS, text], ...NOTES.map((re): [RegExp, string] => [re, analysis.lower])];
  if (analysis.message.channel !== 'social') searches.push([MENTION, text]);
  for (const [pattern, haystack] of searches) {
    for (const m of haystack.matchAll(pattern)) {
      const trimmed = m[0].replace(/^\s+/, '').trimEnd();
      findings.push({ offset: m.index! + (m[0].length - m[0].trimStart().length), length: trimmed.length });
    }
  }
  findings.sort((a, b) => a.offset - b.offset);
  return findings.filter((f, i) => i === 0 || f.offset >= findings[i - 1]!.offset + findings[i - 1]!.length);
};
