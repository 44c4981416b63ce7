/**
 * Expressions that tell what kind of information a text gives: a time, an
 * amount, a place, a decision, a reason. Shared by the checks that ask
 * "does the reply say when?" and "does the reply answer the question?".
 */
const W = '(?<![\\p{L}\\p{N}])';

/** A time the customer can hold the company to. "Pian"/"snart"/"as soon as possible" is not one. */
export const DEADLINE = new RegExp(
  [
    '\\d{1,2}\\.\\d{1,2}\\.', // 26.9.
    `${W}\\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?`,
    `${W}(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu\\p{L}*`,
    `${W}(klo|kello|kl)\\.? ?\\d`,
    `${W}\\d{1,2}[.:]\\d{2}${W}`,
    `${W}\\d+ ?([–-] ?\\d+ ?)?(arki)?(päivä|päivän|päivää|viikon|viikkoa|tunnin|tuntia|tunnissa|minuutin|minuuttia|vuorokauden|kuukauden|kuukautta|arbetsdag|dag|dagar|dagars|vecka|veckor|veckors|timm|timmar|minuter|månad|månader)`,
    `${W}(kahden|kolmen|neljän|viiden|parin|muutaman|yhden|viikon|kuukauden) (arki)?(päivän|viikon|tunnin|vuorokauden|kuukauden)?`,
    `${W}(två|tre|fyra|fem|ett par|några) (arbets)?(dagar|dygn|veckor|timmar|månader)`,
    `${W}(tänään|huomenna|ylihuomenna|huomisen|tämän päivän|tällä viikolla|ensi viikolla|ensi viikon|viikolla \\d+|viikon \\d+|tämän viikon|kuun loppuun|vuoden loppuun)(?![\\p{L}])`,
    `${W}(maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)\\p{L}*`,
    `${W}(i dag|idag|i morgon|imorgon|i övermorgon|i eftermiddag|i kväll|under dagen|i veckan|denna vecka|nästa vecka|vecka \\d+|senast|inom \\S+|före \\p{L}+)(?![\\p{L}])`,
    `${W}(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\\p{L}*`,
    '(viimeistään|mennessä|kuluessa|sisällä|alkaen|asti)(?![\\p{L}])',
  ].join('|'),
  'iu',
);

/** An answer to "when?": a deadline, or "now"/"right away". */
export const TIME = new RegExp(`${DEADLINE.source}|${W}(heti|nyt|juuri nyt|jo|välittömästi|direkt|nu|redan|omedelbart|genast)(?![\\p{L}])`, 'iu');

/** A sum of money or a price. */
export const AMOUNT = new RegExp(
  [
    `\\d[\\d  ]*(,\\d{1,2})? ?(€|e|eur|euroa?|snt|senttiä|kr|kronor|kronor|sek|öre|:-)(?![\\p{L}])`,
    `${W}(ilmai\\p{L}*|maksuto\\p{L}*|veloituksetta|ei maksa|gratis|kostnadsfri\\p{L}*|utan kostnad|kostar inget)`,
    `${W}(hinta|hinnan|hintaan|maksaa|maksavat|kustannu\\p{L}*|pris\\p{L}*|kostar|avgift\\p{L}*|summa\\p{L}*|belopp\\p{L}*) [^.!?\\n]{0,30}\\d`,
  ].join('|'),
  'iu',
);

/** A place: an address, a shop or pick-up point, a web page, a direction. */
export const PLACE = new RegExp(
  [
    `${W}(osoittee\\p{L}*|osoite|noutopistee\\p{L}*|noutopiste|myymälä\\p{L}*|toimipistee\\p{L}*|toimipiste|pakettiautomaat\\p{L}*|postiin|postista|kaupa\\p{L}*|verkkosivu\\p{L}*|sivulla|sivuilta|sovellukse\\p{L}*|katu|kadulla|tie\\p{L}* \\d|[\\p{L}]+(katu|tie|kuja|polku) \\d)`,
    `${W}(adress\\p{L}*|utlämningsställe\\p{L}*|ombud\\p{L}*|paketautomat\\p{L}*|butik\\p{L}*|kontor\\p{L}*|hemsida\\p{L}*|webbplats\\p{L}*|appen|mina sidor|[\\p{L}]+(gatan|vägen|gränd|torget) \\d)`,
    '(https?:\\/\\/|www\\.)\\S+|\\b[\\p{L}\\d-]+\\.(fi|se|com|net|org|eu|ax|nu)\\b',
    `${W}(täällä|siellä|tuolla|här|där)(?![\\p{L}])`,
  ].join('|'),
  'iu',
);

/** A decision: yes, no, can, cannot. */
export const DECISION = new RegExp(
  `${W}(kyllä|ei|emme|en|et|ette|eivät|voit|voitte|voi|saat|saatte|onnistuu|ei onnistu|valitettavasti|totta kai|tietysti|toki|ilman muuta|on|ovat|ja|nej|tyvärr|absolut|självklart|givetvis|det går|går det|kan|får|är|finns|inte)(?![\\p{L}])`,
  'iu',
);

/** A reason. */
export const REASON = new RegExp(
  `${W}(koska|sillä|johtuu|johtui|syy|syynä|syystä|vuoksi|takia|siksi|eftersom|därför|beror|berodde|orsak\\p{L}*|på grund av|p\\.g\\.a\\.)(?![\\p{L}])`,
  'iu',
);

/** Steps or a way to do something. */
export const METHOD = new RegExp(
  `${W}(näin|toimi|valitse|klikkaa|paina|avaa|kirjaudu|täytä|lähetä|voit|voitte|pääset|onnistuu|ohje\\p{L}*|tarvit\\p{L}*|pitää|täytyy|tehdään|teet|så här|gör så|välj|klicka|tryck|öppna|logga in|fyll i|skicka|du kan|ni kan|går till|instruktion\\p{L}*|behöver|måste|krävs|gör du|görs)(?![\\p{L}])`,
  'iu',
);

export type AnswerType = 'time' | 'amount' | 'place' | 'decision' | 'reason' | 'method' | 'open';

export const ANSWER_CUES: Record<Exclude<AnswerType, 'open'>, RegExp> = {
  time: TIME,
  amount: AMOUNT,
  place: PLACE,
  decision: DECISION,
  reason: REASON,
  // "How do I change it?" is answered as often by where ("in the app, under Settings") as by steps.
  method: new RegExp(`${METHOD.source}|${PLACE.source}`, 'iu'),
};

/** Words and signs of a complaint, each with a weight: two points make a complaint. */
export const COMPLAINT: [RegExp, number][] = [
  [/(?<![\p{L}])(reklama\p{L}*|reklamoi\p{L}*|reklamer\p{L}*|valitu\p{L}*|valitan|valittaa|klagomål\p{L}*|klaga\p{L}*)(?![\p{L}])/iu, 2],
  [/(?<![\p{L}])(pettyny\p{L}*|pettymy\p{L}*|petyin|tyytymätön|en ole tyytyväinen|harmittaa|ärsyttää|suututtaa|vihainen|besviken|besvikna|missnöjd|inte nöjd|irriterad|arg|upprörd|förbannad)(?![\p{L}])/iu, 2],
  [/(?<![\p{L}])(ei toimi|eivät toimi|ei toiminut|lakkasi toimimasta|rikki|hajosi|viallinen|vikaa|virheellinen|väärä (tuote|koko|summa|väri)|fungerar inte|funkar inte|fungerade inte|slutat fungera|trasig|trasigt|gick sönder|gått sönder|defekt|skadad|skadat|fel (storlek|färg|vara|belopp))(?![\p{L}])/iu, 2],
  [/(?<![\p{L}])(ei ole (vielä )?(tullut|saapunut|kuulunut)|ei tullut|ei ole saatu|myöhässä|kadonnut|kadonneen|har inte (kommit|fått|levererats)|försenad|försenat|försvunnit|levererades inte)(?![\p{L}])/iu, 2],
  [/(?<![\p{L}])(veloitettiin kahdesti|veloitettu kahdesti|kahteen kertaan|tuplaveloitus|väärin laskutettu|perusteeton|en ole tilannut|dubbeldebiterad|dragits två gånger|felaktig faktura|har inte beställt)(?![\p{L}])/iu, 2],
  [/(?<![\p{L}])(huono\p{L}*|surkea\p{L}*|törkeä\p{L}*|kohtuuton\p{L}*|käsittämätön\p{L}*|ala-arvoi\p{L}*|skandaali\p{L}*|dålig\p{L}*|oacceptabel\p{L}*|under all kritik|skandal\p{L}*|sämsta|bedrövlig\p{L}*)(?![\p{L}])/iu, 2],
  [/(?<![\p{L}])(taas kerran|jo (toista|kolmatta|neljättä) kertaa|vieläkään|kukaan ei vastaa|en ole saanut vastausta|odotan yhä|för (andra|tredje|fjärde) gången|ännu inte|fortfarande inte|ingen svarar|har inte fått svar|väntat i veckor)(?![\p{L}])/iu, 2],
  [/(?<![\p{L}])(taas|edelleen|igen|fortfarande|vaadin|kräver|hyvitys\p{L}*|korvau\p{L}*|ersättning|återbetalning|pengarna tillbaka|rahat takaisin)(?![\p{L}])/iu, 1],
  [/!{2,}|\?{2,}|[?!]{3,}/u, 1],
];

export function complaintScore(text: string): number {
  let score = 0;
  for (const [cue, weight] of COMPLAINT) if (cue.test(text)) score += weight;
  return score;
}

/** An apology or a word of empathy. "Valitettavasti"/"tyvärr" alone only report bad news. */
export const APOLOGY =
  /(?<![\p{L}])(pahoittel\p{L}*|pahoillani|pahoillamme|anteeksi|ikävä (kuulla|kyllä|että)|ikävää (että|kuulla)|kurjaa|harmillista|harmi (että|kuulla)|onpa harmi|ymmärrän|ymmärrämme|sori|förlåt|ursäkt\p{L}*|ber om ursäkt|beklaga\p{L}*|tråkigt|synd att|så synd|jag förstår|vi förstår|ledsen|ledsna)(?![\p{L}])/iu;
