import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

const QUANTIFIER = /^(moni|monet|useat|jotkut|kaikki|harva|jokainen|muutama|många|flera|vissa|alla|några|varje)$/;

/** "The customer" as the subject or recipient of an instruction. */
const SUBJECT: Record<string, RegExp> = {
  fi: /^(asiakas|asiakkaan|asiakkaalle|asiakkaalla|asiakkaalta|asiakkaat|asiakkaiden|asiakkaille|asiakkailla|tilaaja|tilaajan|tilaajalle|käyttäjä|käyttäjän|käyttäjälle|hakija|hakijan|hakijalle)$/,
  sv: /^(kunden|kunderna|kundens|kundernas|beställaren|abonnenten|användaren|sökanden)$/,
};

/** What follows when the sentence instructs or informs that customer. */
const PREDICATE: Record<string, RegExp> = {
  fi: /^(voi|voivat|tulee|pitää|täytyy|saa|saavat|ei|eivät|lähetetään|toimitetaan|ilmoitetaan|veloitetaan|palautetaan|pyydetään|kehotetaan|tarvitsee|joutuu|velvollinen|oikeutettu|maksaa|vastaa|huolehtii|hyväksyy)$/,
  sv: /^(ska|skall|kan|måste|bör|får|ombeds|uppmanas|behöver|har|debiteras|faktureras|meddelas|ansvarar|förbinder|godkänner|betalar|erhåller)$/,
};

/** Instructions about "the customer" instead of to the reader: "Asiakas voi…", "Kunden ska…". */
export const thirdPerson: Check = (analysis) => {
  const lang = analysis.language;
  const subject = SUBJECT[lang];
  const predicate = PREDICATE[lang];
  if (!subject || !predicate) return [];
  const words = analysis.words;
  const findings: RawFinding[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!subject.test(words[i]!.core) || analysis.inFrame(words[i]!.start)) continue;
    // "Moni asiakas on kysynyt…", "Många kunder…": other customers, not instructions to this one.
    if (i > 0 && QUANTIFIER.test(words[i - 1]!.core) && words[i - 1]!.sentence === words[i]!.sentence) continue;
    // "Asiakkaalla on oikeus…": the adessive with "on" states the customer's rights or duties in the third person.
    const adessiveHas = /^(asiakkaalla|asiakkailla)$/.test(words[i]!.core) && words[i + 1]?.core === 'on';
    // "Asiakkaan on ilmoitettava…": genitive, "on" and a necessive participle.
    const necessive =
      /^(asiakkaan|asiakkaiden|tilaajan|käyttäjän|hakijan)$/.test(words[i]!.core) &&
      words[i + 1]?.core === 'on' &&
      /(tava|tävä)$/.test(words[i + 2]?.core ?? '');
    // The predicate follows within two words ("Asiakkaan tulee", "Asiakkaan itse tulee").
    for (let j = i + 1; j <= i + 2 && j < words.length && words[j]!.sentence === words[i]!.sentence; j++) {
      if (predicate.test(words[j]!.core) || (adessiveHas && j === i + 1) || (necessive && j === i + 2)) {
        findings.push({ offset: words[i]!.start, length: words[j]!.end - words[i]!.start });
        break;
      }
    }
  }
  return findings;
};
