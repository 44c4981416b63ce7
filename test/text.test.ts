import { describe, expect, it } from 'vitest';
import { analyseAnatomy } from '../src/text/anatomy.js';
import { detectLanguage } from '../src/text/language.js';
import { LineIndex } from '../src/text/lines.js';
import { Analysis } from '../src/text/analysis.js';
import { parse } from '../src/text/parse.js';
import { toString } from 'nlcst-to-string';

describe('language detection', () => {
  const cases: [string, string][] = [
    ['Hei!', 'fi'],
    ['Hej!', 'sv'],
    ['Kiitos!', 'fi'],
    ['Tack!', 'sv'],
    ['Kiitos viestistäsi.', 'fi'],
    ['Tack för ditt mejl.', 'sv'],
    ['Thanks for your message.', 'en'],
    ['Paketti lähtee huomenna.', 'fi'],
    ['Paketet skickas i morgon.', 'sv'],
    ['Hei Anna, laskusi on nyt hyvitetty. Terveisin Laura', 'fi'],
    ['Hej Anna, fakturan är nu krediterad. Hälsningar Sara', 'sv'],
    ['We have refunded the order and you will see it next week.', 'en'],
  ];
  for (const [text, lang] of cases) it(`reads “${text}” as ${lang}`, () => expect(detectLanguage(text)).toBe(lang));
  it('answers unknown for text without words', () => expect(detectLanguage('12345 !!!')).toBe('unknown'));
});

describe('positions', () => {
  it('counts columns in UTF-16 code units, as editors do (emoji are two)', () => {
    const text = 'Hei 😀 Anna,\nÄlä epäröi.';
    const index = new LineIndex(text);
    expect(index.position(text.indexOf('Anna'))).toEqual({ line: 1, column: 8 });
    expect(index.position(text.indexOf('epäröi'))).toEqual({ line: 2, column: 5 });
  });

  it('keeps exact offsets for words after ä, ö, å and emoji, and the tree round-trips', () => {
    const text = 'Hyvä Åsa 👍🏽,\r\nkiitos viestistä!\n\nTervetuloa.';
    const parsed = parse(text);
    expect(toString(parsed.tree)).toBe(text);
    for (const w of parsed.words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(parsed.words.map((w) => w.text)).toEqual(['Hyvä', 'Åsa', 'kiitos', 'viestistä', 'Tervetuloa']);
  });
});

describe('anatomy', () => {
  it('finds greeting with name, body, closing wish and signature', () => {
    const a = analyseAnatomy('Hei Anna,\n\nlasku on korjattu.\n\nYstävällisin terveisin\nLaura Mäkinen\nAsiakaspalvelu');
    expect(a.greeting?.text).toBe('Hei Anna,');
    expect(a.greeting?.name).toBe('Anna');
    expect(a.signOff?.closing?.text).toBe('Ystävällisin terveisin');
    expect(a.signOff?.signature.map((s) => s.text)).toEqual(['Laura Mäkinen', 'Asiakaspalvelu']);
    expect(a.body.text.trim()).toBe('lasku on korjattu.');
  });

  it('reads a greeting on the same line as the first sentence', () => {
    const a = analyseAnatomy('Hej Karin, tack för ditt mejl. Vi skickar paketet i dag.\n\nHälsningar\nSara');
    expect(a.greeting?.text).toBe('Hej Karin,');
    expect(a.greeting?.name).toBe('Karin');
  });

  it('tells nameless greetings and body sentences that start like one', () => {
    expect(analyseAnatomy('Hyvä asiakas,\n\nlasku on korjattu.').greeting?.name).toBeNull();
    expect(analyseAnatomy('Bästa kund!\n\nFakturan är rättad.').greeting?.name).toBeNull();
    expect(analyseAnatomy('Hyvä kysymys! Tarkistin asian.\n\nTerveisin\nLaura').greeting).toBeNull();
    expect(analyseAnatomy('Hei, Matti!\n\nPaketti lähti.').greeting?.name).toBe('Matti');
  });

  it('reads a placeholder in any template syntax as the name', () => {
    for (const ph of ['{{user.firstName}}', '{{ $name }}', '%{name}', '{$customer_firstname}', '${name}', '{firstname} {lastname}', '[NIMI]', '%s', '%1$s', '<etunimi>', '*|FNAME|*', '%NAME%']) {
      const a = analyseAnatomy(`Hei ${ph},\n\nkiitos viestistäsi.\n\nTerveisin\nLaura`);
      expect(a.greeting?.name, ph).toBe(ph);
    }
  });

  it('finds the greeting below a heading, a subject line or a customer number', () => {
    expect(analyseAnatomy('# Hei {{user.firstName}},\n\nsalasana vaihdettu.').greeting).toMatchObject({ text: 'Hei {{user.firstName}},', name: '{{user.firstName}}' });
    expect(analyseAnatomy('# Hej,\n\nen ny kommentar.').greeting).toMatchObject({ text: 'Hej,', name: null });
    expect(analyseAnatomy('Aihe: Laskusi\n\nHei Anna,\n\nlasku on korjattu.\n\nTerveisin\nLaura').greeting?.name).toBe('Anna');
    expect(analyseAnatomy('Asiakasnumero: 481 220\nHei Pekka!\n\nSopimus jatkuu.').greeting?.name).toBe('Pekka');
    expect(analyseAnatomy('{shop_url}\n\nHi {firstname} {lastname},\n\nThank you.').greeting?.name).toBe('{firstname} {lastname}');
    // A reply that opens with business is not read past, and a farewell on the last line is no greeting.
    expect(analyseAnatomy('Tilauksesi on lähtenyt.\n\nHei Anna,\n\nterveisin').greeting).toBeNull();
    expect(analyseAnatomy('Kiitos tiedosta, korjaan sen\nHei hei!').greeting).toBeNull();
  });

  it('takes a greeting to a role for a nameless one', () => {
    for (const line of ['Hyvä(t) huoltaja(t),', 'Hyvät huoltajat', 'Bästa vårdnadshavare,', 'Hyvä asiakkaamme', 'Hyvä Lupapisteen käyttäjä,', 'Kära medlemmar!', 'Arvoisa asiakas,']) {
      const a = analyseAnatomy(`${line}\n\nhakemus on vastaanotettu.`);
      expect(a.greeting?.text, line).toBe(line);
      expect(a.greeting?.name, line).toBeNull();
    }
    expect(analyseAnatomy('Hyvä kysymys!\n\nTarkistin asian.\n\nTerveisin\nLaura').greeting).toBeNull();
  });

  it('tells a closing a name should follow from a wish complete in itself', () => {
    expect(analyseAnatomy('Hei Anna,\n\nkorjattu.\n\nYstävällisin terveisin').signOff).toMatchObject({ regards: true, signature: [] });
    expect(analyseAnatomy('Hej Karin,\n\nrättat.\n\nMed vänliga hälsningar 😊').signOff).toMatchObject({ regards: true, signature: [] });
    expect(analyseAnatomy('Hei Anna,\n\nkorjattu.\n\nMukavaa viikonloppua!').signOff).toMatchObject({ regards: false, signature: [] });
    expect(analyseAnatomy('Hei!\n\nIlmoitus on julkaistu.\n\nTalvisin terveisin\n\nAlli Asiakaspalvelija').signOff?.signature.map((s) => s.text)).toEqual(['Alli Asiakaspalvelija']);
  });

  it('finds the closing at the end of a one-line message', () => {
    const sms = 'Hei! Vaihdamme mittarisi keskiviikkona. Terveisin Ville, Sointu Energia';
    const a = analyseAnatomy(sms);
    expect(a.signOff?.closing?.text).toBe('Terveisin');
    expect(a.signOff?.signature.map((s) => s.text)).toEqual(['Ville, Sointu Energia']);
    expect(analyseAnatomy('Heippa! vastata ao. asiakkaalle, Terkut Anna / Myke').signOff?.signature.map((s) => s.text)).toEqual(['Anna / Myke']);
    expect(analyseAnatomy('Hei! Paketti lähti tänään, terveisin tuli myös.').signOff).toBeNull();
  });

  it('cuts a reply into the parts between rule lines, each framed on its own', () => {
    const text = 'Hei!\n\nHakemus on vastaanotettu.\n\nYstävällisesti,\nPalveluohjaus\n\n-----\n\nHej!\n\nAnsökan har tagits emot.\n\nMed vänliga hälsningar,\nServicehandledningen';
    const { sections } = analyseAnatomy(text);
    expect(sections.map((s) => s.greeting?.text)).toEqual(['Hei!', 'Hej!']);
    expect(sections.map((s) => s.signOff?.signature.map((l) => l.text))).toEqual([['Palveluohjaus'], ['Servicehandledningen']]);
    expect(analyseAnatomy('Hei Anna,\n\nkorjattu.').sections).toHaveLength(1);
  });

  it('finds a sign-off far above the end of a notification, and ends the block at its signature', () => {
    const footer = Array.from({ length: 10 }, (_, i) => `Hakemuksen tieto ${i + 1}: {{ field_${i} }}`).join('\n\n');
    const text = `Hei!\n\nHakemuksestasi puuttuu tietoja.\n\nYstävällisin terveisin,\n\nHelsinki-lisän tiimi\n\n${footer}\n\n© Helsingin kaupunki`;
    const { signOff } = analyseAnatomy(text);
    expect(signOff?.closing?.text).toBe('Ystävällisin terveisin,');
    expect(signOff?.signature.map((s) => s.text)).toEqual(['Helsinki-lisän tiimi']);
    expect(text.slice(signOff!.end - 'tiimi'.length, signOff!.end)).toBe('tiimi');
    const inline = `Kesäsetelisi\n\nTässä Kesäsetelisi. Tutustu nettisivuihin. Ystävällisin terveisin, Kesäseteli-tiimi\n\n${footer}`;
    expect(analyseAnatomy(inline).signOff?.signature.map((s) => s.text)).toEqual(['Kesäseteli-tiimi']);
    // "Kiitos" and "t." close more than letters: far from the end they are body text.
    expect(analyseAnatomy(`Hei!\n\nKiitos!\n\n${footer}`).signOff?.closing ?? null).toBeNull();
  });

  it('cuts an auto-reply signed in each language, with no rule lines, after each signature', () => {
    const text =
      'Hakemuksesi on käsitelty. Lataa päätös palvelusta.\n\nYstävällisin terveisin,\nHelsingin kaupunki\nJohtotietopalvelu\n\n' +
      'Din ansökan har behandlats. Ladda ned beslutet från tjänsten.\n\nMed vänlig hälsning,\nHelsingfors stad\nLedningstjänsten';
    const { sections } = analyseAnatomy(text);
    expect(sections.map((s) => s.signOff?.signature[0]?.text)).toEqual(['Helsingin kaupunki', 'Helsingfors stad']);
    // A postscript below the signature is a section of its own only until the languages join it again.
    const ps = 'Hei Anna,\n\nlasku on korjattu.\n\nTerveisin\nLaura\n\nPs. Muistathan myös kevään kampanjan.\nSe päättyy perjantaina.';
    const a = new Analysis({ path: 't', text: ps, channel: 'email', lang: 'fi' });
    expect(a.parts).toHaveLength(1);
    expect(a.parts[0]!.signOff?.signature[0]?.text).toBe('Laura');
    // Nor is a disclaimer in English below the only signature a part that should greet and sign.
    const disclaimer =
      'Hei Anna,\n\nlasku on korjattu, ja uusi lasku on OmaTilillä huomenna.\n\nTerveisin\nLaura Mäkinen\nKotikauppa Oy\n\n' +
      'This e-mail and any attachments are confidential and intended solely for the addressee.\nIf you have received it in error, please notify the sender and delete it.';
    expect(analyseAnatomy(disclaimer).sections).toHaveLength(1);
  });

  it('splits off quoted history from Outlook, Gmail and ">" quoting in three languages', () => {
    const reply = 'Hei Anna,\n\nkorjattu.\n\nTerveisin\nLaura\n\n';
    const headers = [
      'Lähettäjä: Anna Virtanen <anna@example.fi>\nLähetetty: maanantai 3. maaliskuuta 2025 10.12\nAihe: Lasku\n\nHei, laskussa on virhe?',
      'Från: Anna <anna@example.se>\nSkickat: den 3 mars 2025 10:12\nÄmne: Faktura\n\nHej, fel på fakturan?',
      'From: Anna <anna@example.com>\nSent: Monday, March 3, 2025 10:12 AM\nSubject: Invoice\n\nHi, is the invoice wrong?',
      'ma 3.3.2025 klo 10.12 Anna Virtanen <anna@example.fi> kirjoitti:\n> Laskussa on virhe?',
      'Den 3 mars 2025 kl. 10:12 skrev Anna <anna@example.se>:\n> Fel på fakturan?',
      'On Mon, 3 Mar 2025 at 10:12, Anna <anna@example.com> wrote:\n> Is the invoice wrong?',
      '-----Alkuperäinen viesti-----\nLaskussa on virhe?',
      '> Laskussa on virhe?',
    ];
    for (const quoted of headers) {
      const a = analyseAnatomy(reply + quoted);
      expect(a.replyEnd, quoted).toBe(reply.length);
      expect(a.signOff?.signature.map((s) => s.text)).toEqual(['Laura']);
    }
  });
});

describe('address forms', () => {
  const forms = (text: string, lang: 'fi' | 'sv') => new Analysis({ path: 't', text, channel: 'email', lang }).address.filter((m) => !m.group).map((m) => `${m.form}:${m.word.core}`);
  it('sees sinä and te forms in pronouns, verbs and possessive suffixes', () => {
    expect(forms('Voit tarkistaa tilauksesi. Saatte laskunne huomenna.', 'fi')).toEqual(['familiar:voit', 'familiar:tilauksesi', 'polite:saatte', 'polite:laskunne']);
  });
  it('does not mistake conditionals, past tense, numbers or adverbs for address', () => {
    expect(forms('Paketti olisi pitänyt toimittaa. Varasto pakkasi sen eilen. Uusi lasku tulee sinne viiden päivän päästä.', 'fi')).toEqual([]);
  });
  it('treats te about a group as the group, not the reader', () => {
    const a = new Analysis({ path: 't', text: 'Voit tilata lisää. Teidän yrityksenne sopimus jatkuu.', channel: 'email', lang: 'fi' });
    expect(a.address.filter((m) => m.form === 'polite').every((m) => m.group)).toBe(true);
  });
  it('reads du and ni in Swedish, but not inside words', () => {
    expect(forms('Du kan byta. Ni får en ny nivå. Anni duschar.', 'sv')).toEqual(['familiar:du', 'polite:ni']);
  });
});
