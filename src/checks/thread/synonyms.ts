import { stemKey, keysMatch } from '../../text/stem.js';

/**
 * Words of customer service that answer for each other: a customer asks when
 * the "lähetys" arrives, the reply says when the "paketti" is "perillä". Our
 * own curated groups, in base forms; compared by stem key, so inflected forms
 * and Voikko's verb lemmas (tarkistin → tarkistaa) join them.
 */
const GROUPS: Record<'fi' | 'sv', string[]> = {
  fi: [
    'paketti lähetys toimitus tilaus tavara',
    'saapua tulla perillä perille toimittaa kuljettaa tuoda',
    'lasku laskutus',
    'hinta maksaa kustannus maksu veloitus veloittaa lisämaksu',
    'palautus palauttaa palautua',
    'hyvitys hyvittää',
    'vaihto vaihtaa muuttaa muutos',
    'peruutus perua peruuttaa',
    'auki avoinna aukioloaika palvella',
    'huone majoitus',
    'saapumispäivä tulopäivä',
    'käytössä käyttöön vapautua',
    'tarkistaa tarkastaa katsoa selvittää varmistaa',
    'lähettää postittaa',
    'noutaa hakea nouto',
    'kopio kaksoiskappale',
    'kuljetus toimitus kotiinkuljetus',
    'käsittely käsitellä',
  ],
  sv: [
    'paket försändelse leverans order beställning',
    'komma leverera leverans fram anlända',
    'faktura räkning avi',
    'pris kosta avgift kostnad',
    'retur returnera',
    'byta ändra byte ändring',
    'öppet öppettid öppna',
    'rum boende',
    'kolla kontrollera titta undersöka',
    'skicka posta mejla',
    'hämta upphämtning utlämning',
    'kopia dubblett',
    'återbetalning återbetala',
    'handläggning behandla behandling',
  ],
};

const compiled: Partial<Record<'fi' | 'sv', string[][]>> = {};

function groups(lang: 'fi' | 'sv'): string[][] {
  return (compiled[lang] ??= GROUPS[lang].map((g) => g.split(' ').map((w) => stemKey(w, lang))));
}

function inGroup(group: string[], key: string): boolean {
  return group.some((g) => keysMatch(g, key) || keysMatch(key, g));
}

/** Whether two comparison keys name the same thing in customer service ("lähetys" and "paketti"). */
export function synonymous(a: string, b: string, lang: string): boolean {
  if (lang !== 'fi' && lang !== 'sv') return false;
  return groups(lang).some((g) => inGroup(g, a) && inGroup(g, b));
}
