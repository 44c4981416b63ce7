import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/linter.js';
import { Analysis } from '../src/text/analysis.js';
import { letterCounts, PLACEHOLDER, resolveLanguages, wordsOf } from '../src/text/segments.js';
import { cueScores, detectLanguage } from '../src/text/language.js';
import { getVoikko } from '../src/text/voikko.js';
import { getHunspell } from '../src/text/hunspell.js';

const hasVoikko = getVoikko() !== null;
const hasHunspell = getHunspell('sv_SE') !== null;

const analyse = (text: string) => new Analysis({ path: 'x.txt', text, channel: 'email' });
const ids = (text: string, options: Parameters<typeof lintText>[1] = {}) => lintText(text, options).findings.map((f) => `${f.ruleId}: ${f.actual}`);

/** A travel agency's confirmation as such agencies send it: a line of Finnish, then the booking system's record. */
const BOOKING = `Hei

Ohessa varausvahvistuksesi ja laksu lähtee sovittuun osoitteeseen.

NORDIC TRAVEL OY DATE 02FEB26
ASEMAKATU 4 BOOKING REF 7XK2QP
TELEPHONE: +358 9 123 4567

HOTEL - ORIGINAL SOKOS HOTEL VAAKUNA
CHECK IN: 16FEB CHECK OUT: 18FEB
1 GUEST - DOUBLE ROOM
CANCELLATION POLICY: CANCEL BY 6PM 15-FEB
REQUEST/COMMENTS: LATE ARR 2300 HILJAINEN HUONE

terveisin Mari Lahtinen`;

const BILINGUAL = `Hei,

kiitos viestistänne! Olen lomalla 3.7.–24.7. ja luen sähköpostiani vasta palattuani. Kiireellisissä asioissa voitte ottaa yhteyttä kollegaani Pekka Mäkiseen, pekka.makinen@esimerkki.fi.

Hej,

tack för ditt meddelande! Jag är på semester 3.7–24.7 och läser min e-post först när jag är tillbaka. Tveka inte att kontakta min kollega Pekka Mäkinen, pekka.makinen@esimerkki.fi, i brådskande ärenden.

Ystävällisin terveisin / Med vänliga hälsningar
Anna Lindholm`;

describe('language per segment', () => {
  it('reads a Finnish reply around an English booking record as Finnish, and the record as one English machine block', () => {
    const a = analyse(BOOKING);
    expect(a.language).toBe('fi');
    expect(a.segments.map((s) => [s.lang, s.machine])).toEqual([
      ['fi', false],
      ['en', true],
      ['fi', false],
    ]);
    const block = a.segments[1]!;
    expect(BOOKING.slice(block.start, block.end)).toMatch(/^NORDIC TRAVEL[\s\S]*HILJAINEN HUONE$/);
  });

  it('does not go silent on the booking confirmation: the English block is reported and the Finnish prose is checked', () => {
    const result = lintText(BOOKING);
    expect(result.language).toBe('fi');
    const found = result.findings.map((f) => f.ruleId);
    expect(found).toContain('format/foreign-block');
    expect(found).toContain('greeting/generic');
    expect(found).toContain('format/all-caps');
    const foreign = result.findings.find((f) => f.ruleId === 'format/foreign-block')!;
    expect(foreign.actual.startsWith('NORDIC TRAVEL OY')).toBe(true);
    expect(foreign.actual.endsWith('HILJAINEN HUONE')).toBe(true);
    expect(foreign.message).toBe('Vastauksessa on kappale englanniksi. Kirjoita olennainen suomeksi.');
  });

  it.skipIf(!hasVoikko)('spells the Finnish prose of the booking confirmation with Voikko, and not the English record', () => {
    const typos = lintText(BOOKING).findings.filter((f) => f.ruleId === 'spelling/typo').map((f) => f.actual);
    expect(typos).toEqual(['laksu']);
  });

  it('checks each part of a FI+SV auto-reply in its own language', () => {
    const a = analyse(BILINGUAL);
    expect(a.language).toBe('fi');
    expect(a.languages).toEqual(['fi', 'sv']);
    const found = ids(BILINGUAL);
    // The Swedish calque is found with the Swedish phrase list…
    expect(found).toContain('phrase/calque: Tveka inte att kontakta');
    // …and a Swedish date is not judged by the Finnish convention ("24.7." in Finnish, "24.7" in Swedish).
    expect(found.filter((f) => f.startsWith('format/number'))).toEqual([]);
    // A bilingual reply is not a foreign block.
    expect(found.filter((f) => f.startsWith('format/foreign-block'))).toEqual([]);
  });

  it('judges the address form of each part by its own language', () => {
    const text = `Hei Sari,

voitte noutaa tilauksenne myymälästämme perjantaista alkaen. Ottakaa mukaan henkilöllisyystodistus.

Hej Sari,

du kan hämta beställningen i butiken från och med fredag. Ta med er legitimation när ni kommer.

Terveisin / Hälsningar
Jonna`;
    const found = ids(text);
    // Te throughout the Finnish part; du and ni mixed in the Swedish one.
    expect(found.filter((f) => f.startsWith('address/mixed'))).toHaveLength(1);
    const mixed = lintText(text).findings.find((f) => f.ruleId === 'address/mixed')!;
    expect(mixed.offset).toBeGreaterThan(text.indexOf('Hej Sari'));
  });

  it.skipIf(!hasVoikko)('never spells a Swedish word with the Finnish dictionary in a bilingual reply', () => {
    const typos = lintText(BILINGUAL).findings.filter((f) => f.ruleId === 'spelling/typo').map((f) => f.actual);
    expect(typos).toEqual([]);
  });

  it.skipIf(!hasVoikko || !hasHunspell)('finds a typo in each part with its own dictionary', () => {
    const text = BILINGUAL.replace('sähköpostiani', 'sähköpostiaini').replace('meddelande', 'meddelnade');
    const typos = lintText(text).findings.filter((f) => f.ruleId === 'spelling/typo').map((f) => f.actual);
    expect(typos).toEqual(['sähköpostiaini', 'meddelnade']);
  });

  it('splits a paragraph whose lines alternate languages', () => {
    const text = `Olen lomalla 1.–15.8. ja vastaan viestiisi, kun palaan töihin.
Jag har semester 1–15.8 och svarar när jag är tillbaka på jobbet.
Pirkko`;
    const { lang, segments } = resolveLanguages(text, undefined, (t) => detectLanguage(t));
    expect(lang).toBe('fi');
    expect(segments.map((s) => s.lang)).toEqual(['fi', 'sv']);
    // The name line has no language of its own: it stays with the line before.
    expect(text.slice(segments[1]!.start, segments[1]!.end).endsWith('Pirkko')).toBe(true);
  });

  it('keeps a one-language reply in one segment language, as before', () => {
    const text = 'Hei Matti,\n\ntilauksesi lähti tänään, ja se on perillä torstaina.\n\nTerveisin\nLaura';
    const a = analyse(text);
    expect(a.language).toBe('fi');
    expect(a.languages).toEqual(['fi']);
    expect(a.view('fi')).toBe(a);
  });

  it('finds the English block when the language is forced', () => {
    const found = ids(BOOKING, { lang: 'fi' });
    expect(found.some((f) => f.startsWith('format/foreign-block'))).toBe(true);
  });

  it('reads no language from a placeholder: a Finnish template with %{ticket.number} stays Finnish', () => {
    const text = `Hyvä %{recipient.name.first},

asiakaspalvelumme on luonut puolestanne tukipyynnön #%{ticket.number} seuraavin tiedoin:

Otsikko: %{ticket.topic.name}
Aihe: %{ticket.subject}

%{message}

Terveisin
%{signature}`;
    const { lang, segments } = resolveLanguages(text, undefined, (t) => detectLanguage(t));
    expect(lang).toBe('fi');
    expect(segments.map((s) => s.lang)).toEqual(['fi']);
  });

  it('reports the English lines a half-translated template left, and not a parallel English version', () => {
    const half = `Hej Lena,

vi har tagit emot ditt ärende och en handläggare återkommer till dig inom två arbetsdagar. Du kan följa ärendet på Mina sidor.

Your Support Team,
Kundtjänst`;
    const foreign = lintText(half).findings.filter((f) => f.ruleId === 'format/foreign-block').map((f) => f.actual);
    expect(foreign).toEqual(['Your Support Team,\nKundtjänst']);
    const parallel = `${half.split('\n\nYour')[0]}

Hello Lena,

we have received your request and a case officer will get back to you within two working days. You can follow it on My pages.

Kundtjänst`;
    expect(lintText(parallel).findings.map((f) => f.ruleId)).not.toContain('format/foreign-block');
  });

  it('reports an English reply to a Finnish customer as a language mismatch', () => {
    const reply = 'Hi Matti,\n\nthank you for your message. Your order 12345 has been shipped today and should arrive within three working days.\n\nBest regards,\nTeam Verkkokauppa';
    const result = lintText(reply, { customer: 'Hei, missä tilaukseni 12345 on? Tilasin sen viime viikolla enkä ole saanut mitään tietoa.' });
    expect(result.language).toBe('en');
    expect(result.findings.map((f) => f.ruleId)).toContain('thread/language-mismatch');
  });

  it('does not report a bilingual reply to a Swedish customer as a language mismatch', () => {
    const result = lintText(BILINGUAL, { customer: 'Hej, jag skulle behöva ett intyg över min anställning till banken. Kan du skicka det?' });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('thread/language-mismatch');
  });
});

describe('segment scans (table look-ups in place of Unicode regexes)', () => {
  // Letters of several scripts and planes, placeholders, digits, marks and a lone surrogate.
  const SAMPLE = 'Hei ÄITI, tilauksesi %{ticket.number} on matkalla! Jag är här {{user.firstName}} ÅÅ 𝐀𝐁c 𝒶 ǅ ß İ Σσ ﬁ 12ab_3 \ud800x [NIMI] $documentsUrl Straße ŉ';
  const regexWords = (text: string) => Array.from(text.replace(PLACEHOLDER, ' ').toLowerCase().matchAll(/\p{L}+/gu), (m) => m[0]);
  const regexCounts = (text: string) => {
    let letters = 0;
    let upper = 0;
    for (const m of text.replace(PLACEHOLDER, ' ').matchAll(/\p{L}/gu)) {
      letters++;
      if (/\p{Lu}/u.test(m[0])) upper++;
    }
    return { letters, upper };
  };

  it('finds the words the /\\p{L}+/gu regex finds', () => {
    expect(wordsOf(SAMPLE)).toEqual(regexWords(SAMPLE));
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf('𝐀')).toEqual(regexWords('𝐀'));
  });

  it('counts letters and capitals as /\\p{L}/gu and /\\p{Lu}/u do, a letter outside the BMP as one', () => {
    expect(letterCounts(SAMPLE)).toEqual(regexCounts(SAMPLE));
    expect(letterCounts('𝐀𝐁c')).toEqual({ letters: 3, upper: 2 });
  });

  it('scores Finnish endings as the list of endings does', () => {
    const endings = ['ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'aa', 'ää', 'yy', 'uu', 'ii'];
    const words = ['talossa', 'kylässä', 'talosta', 'kadulla', 'pöydällä', 'kadulta', 'maa', 'saa', 'tilaa', 'syy', 'puu', 'kiitokset', 'hotellia', 'viesti', 'sasa', 'lsa', 'stta', 'ltaa', 'åka', 'ii', 'kuu', 'tyyppi', 'isaa', 'laa'];
    for (const w of words) {
      const expected = w.includes('å') ? { fi: 0, sv: 0.5, en: 0 } : w.length > 3 && endings.some((e) => w.endsWith(e)) ? { fi: 0.5, sv: 0, en: 0 } : { fi: 0, sv: 0, en: 0 };
      expect(cueScores([w]), w).toEqual(expected);
    }
  });
});

describe('foreign blocks in a Finnish or Swedish reply (issue 10)', () => {
  const resolve = (text: string) => resolveLanguages(text, undefined, (t) => detectLanguage(t));
  const parts = (text: string) => resolve(text).segments.map((s) => [s.lang, text.slice(s.start, s.end), s.inline] as const);
  const foreign = (text: string) => lintText(text).findings.filter((f) => f.ruleId === 'format/foreign-block').map((f) => f.actual);

  it('cuts a line at its sentences where they change language, and marks the cut-out sentences inline', () => {
    const text = 'Hei Tiina,\n\nkiitos tilauksestasi! We will ship your order within two working days. You will receive a tracking code by email.\n\nYstävällisin terveisin\nVerkkokaupan asiakaspalvelu';
    expect(parts(text)).toEqual([
      ['fi', 'Hei Tiina,\n\nkiitos tilauksestasi!', false],
      ['en', 'We will ship your order within two working days. You will receive a tracking code by email.', true],
      ['fi', 'Ystävällisin terveisin\nVerkkokaupan asiakaspalvelu', false],
    ]);
    expect(foreign(text)).toEqual(['We will ship your order within two working days. You will receive a tracking code by email.']);
  });

  it('does not cut inside quotation marks, nor report one short English sentence inside a Finnish line', () => {
    const quoted = 'Hei Anna,\n\nkirjoitit viestissäsi: "The package never arrived. I want my money back." Pahoittelen tätä kovasti. Selvitimme asian Postin kanssa, ja palautamme rahat tilillesi huomenna.\n\nTerveisin\nTuomas';
    expect(resolve(quoted).segments.map((s) => s.lang)).toEqual(['fi']);
    const thanks = 'Hei Liisa,\n\nkiitos palautteestasi! Thank you. Korjasimme virheen, ja laskusi on nyt oikein.\n\nTerveisin\nMari';
    expect(resolve(thanks).segments.map((s) => s.lang)).toEqual(['fi', 'en', 'fi']);
    expect(foreign(thanks)).toEqual([]);
  });

  it('reads no English from a web address or a link target', () => {
    const text = 'Hei,\n\nseuraa tilaustasi osoitteessa https://www.example.com/you-can-track-your-order-here?utm_source=email&utm_medium=reply ja [tästä](https://example.com/the-order-history).\n\nTerveisin\nSanna';
    expect(resolve(text).segments.map((s) => s.lang)).toEqual(['fi']);
  });

  it('reads a reply that opens in Swedish as Swedish though its English left-over is longer, and reports that paragraph', () => {
    const text = `Hej %{recipient.name.first},

Ett nytt ärende har registrerats och tilldelats ärendenummer #%{ticket.number} med följande autosvar

%{response}

We hope this response has sufficiently answered your questions. If you wish to provide additional comments or information, please reply to this email or login to your account for a complete archive of your support requests.`;
    expect(resolve(text).lang).toBe('sv');
    expect(lintText(text, { template: true }).findings.filter((f) => f.ruleId === 'format/foreign-block').map((f) => f.actual)).toEqual([text.slice(text.indexOf('We hope'))]);
  });

  it('reads a template translated only as far as its headings as Finnish, and reports its English sentences, not its fields or links', () => {
    const text = `Hi {firstname},

Thank you for shopping on {shop_name}!

Tilauksen tiedot

Order: {order_name} Placed on {date}

Toimitus

Carrier: {carrier}

Toimitusosoite

{delivery_block_txt}

Follow your order and download your invoice on our shop, go to the [Order history and details]({history_url}) section of your customer account.

Toteutus: [PrestaShop](https://www.prestashop.com/?utm_source=marchandprestashop&utm_medium=e-mail)`;
    const { lang, segments } = resolve(text);
    expect(lang).toBe('fi');
    for (const heading of ['Tilauksen tiedot', 'Toimitus\n', 'Toimitusosoite']) {
      const at = text.indexOf(heading);
      expect(segments.find((s) => s.start <= at && at < s.end)?.lang, heading).toBe('fi');
    }
    expect(segments.some((s) => s.heading)).toBe(true);
    expect(lintText(text, { template: true }).findings.filter((f) => f.ruleId === 'format/foreign-block').map((f) => f.actual)).toEqual([
      'Thank you for shopping on {shop_name}!',
      'Follow your order and download your invoice on our shop, go to the [Order history and details]({history_url}) section of your customer account.',
    ]);
  });

  it('keeps an English reply with a Finnish sign-off English, and English headings out of it', () => {
    const text = 'Hi Matti,\n\nthank you for your message. Your order 12345 has been shipped today and should arrive within three working days.\n\nOrder summary\n\nDelivery address\n\nYstävällisin terveisin\nLaura';
    expect(resolve(text).lang).toBe('en');
  });

  it('does not report a header of fields, a signature title or a slogan', () => {
    expect(foreign('Hej Karin,\n\ntack för ditt meddelande. Vi har tagit emot ditt ärende och återkommer inom två arbetsdagar.\n\nSubject: Your order has been shipped\nReference: 4711\n\nMed vänliga hälsningar\nEmma')).toEqual([]);
    expect(foreign('Hei Pekka,\n\nlaturi on nyt vaihdettu uuteen, ja saat sen noudettua myymälästä huomenna klo 10 alkaen.\n\nYstävällisin terveisin\nLaura Virtanen\nAsiakaspalvelu\nVerkkokauppa Oy – The best deals in town, every day.')).toEqual([]);
    // A sentence after "Note:" is prose, not a field.
    expect(foreign('Hej Karin,\n\ntack för ditt meddelande. Vi har tagit emot ditt ärende om fakturan för mars, och en handläggare går igenom den i dag. Om beloppet är fel skickar vi en ny faktura redan i morgon.\n\nNote: Your order will be shipped from our warehouse once the payment has been received.\n\nMed vänliga hälsningar\nEmma')).toEqual(['Note: Your order will be shipped from our warehouse once the payment has been received.']);
  });
});
