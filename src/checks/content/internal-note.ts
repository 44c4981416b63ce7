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

/**
 * A hand-over between colleagues: a task about "the customer" in the third
 * person, put as a bare infinitive ("vastata ao. asiakkaalle") or a question
 * to a colleague ("voisitko soittaa asiakkaalle?", "kan du svara kunden?").
 * A reply speaks to the customer as "you", so this is a forwarding note
 * left in the thread; the finding is its whole line. The plain imperative
 * ("Vastaa asiakkaalle 24 tunnin kuluessa") is left alone: a marketplace
 * rightly writes so to a seller.
 */
const HANDOVER =
  /^[^\n]*?((^|[.!?:,–-] +)(vastata|soittaa|hoitaa|laittaa viestiä|lähettää)|(?<![\p{L}])((voisitko|voitko|voisiko|voiko) (joku )?(vastata|soittaa|hoitaa|laittaa viestiä|lähettää|ottaa yhteyttä)|vastaisitko|vastaatko|soittaisitko|soitatko|hoitaisitko|hoidatko))( ao\.| asianomaiselle| tälle| kyseiselle)? (asiakkaalle|asiakkaaseen)(?![\p{L}])[^\n]*|^[^\n]*?(?<![\p{L}])((kan du|kunde du|kan någon) (svara|ringa|kontakta|återkomma till|maila) (på )?(kunden|den här kunden|denna kund)|(svara|ring|kontakta) (den här kunden|denna kund))(?![\p{L}])[^\n]*/gmu;

/** "@Mikko" at a word start: a mention of a colleague (not an e-mail address). */
const MENTION = /(?<![\p{L}\p{N}._%+-])@\p{Lu}\p{L}+(?![\p{L}\p{N}.-]*@)(?!\.\p{L})/gu;

/**
 * Words a lower-case pattern cannot match without (NOTES[1], NOTES[2] and
 * HANDOVER each need one of its list): most replies have none, and looking
 * for them costs a fraction of running the pattern, which HANDOVER tries
 * from every line start across the whole line.
 */
const NEEDS = new Map<RegExp, readonly string[]>([
  [NOTES[1]!, ['asiakkaalle', 'lähetystä', 'kund', 'innan']],
  [NOTES[2]!, ['siirr', 'välit', 'eskal', 'ohjataan', 'vidare', 'flyttas', 'lyft till']],
  [HANDOVER, ['asiakka', 'kund']],
]);

function possible(pattern: RegExp, haystack: string): boolean {
  const needs = NEEDS.get(pattern);
  return !needs || needs.some((word) => haystack.includes(word));
}

/** Internal notes or forwarding remarks left in the reply. */
export const internalNote: Check = (analysis) => {
  const text = analysis.text;
  const findings: RawFinding[] = [];
  const searches: [RegExp, string][] = [[MARKERS, text], ...NOTES.map((re): [RegExp, string] => [re, analysis.lower]), [HANDOVER, analysis.lower]];
  if (analysis.message.channel !== 'social') searches.push([MENTION, text]);
  for (const [pattern, haystack] of searches) {
    if (!possible(pattern, haystack)) continue;
    for (const m of haystack.matchAll(pattern)) {
      const trimmed = m[0].replace(/^\s+/, '').trimEnd();
      findings.push({ offset: m.index! + (m[0].length - m[0].trimStart().length), length: trimmed.length });
    }
  }
  findings.sort((a, b) => a.offset - b.offset);
  return findings.filter((f, i) => i === 0 || f.offset >= findings[i - 1]!.offset + findings[i - 1]!.length);
};
