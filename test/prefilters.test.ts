import { describe, expect, it } from 'vitest';
import { isMachineLine } from '../src/checks/format/all-caps.js';
import { protectedRanges } from '../src/checks/spelling/protect.js';
import { internalNote } from '../src/checks/content/internal-note.js';
import { Analysis } from '../src/text/analysis.js';
import { wordsOf } from '../src/text/language.js';
import { parse } from '../src/text/parse.js';
import { toString } from 'nlcst-to-string';
import type { Nodes } from 'nlcst';
import type { CheckContext } from '../src/checks/types.js';

/**
 * The shortcuts taken for speed (a table instead of a regex, a cheap test
 * before a costly pattern) must answer as the plain way did, on the cases
 * where the two could part: letters outside the Basic Multilingual Plane,
 * title case, case folding, words at the edges of a line.
 */

/** isMachineLine as it was: a regex match per letter. */
function machineLineByRegex(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (const m of text.matchAll(/\p{L}/gu)) {
    letters++;
    if (m[0] !== m[0].toLowerCase()) upper++;
  }
  return letters >= 3 && upper >= 0.8 * letters && /\p{Lu}{2}/u.test(text);
}

describe('format/all-caps: machine lines counted by a table', () => {
  const lines = [
    'CHECK IN: 16MAY CHECK OUT: 18MAY',
    '00250 HELSINKI',
    'Kiitos viestistäsi',
    'GTD ARR 2200 LASKU AREA PL6',
    'ǅǅǅ ǄǄǄ', // title case (Lt) and its capital: the lower case changes both
    'ϒϒϒ AB', // a capital with no lower case: a letter, not counted upper
    '𝐀𝐁𝐂𝐃 EF', // mathematical capitals outside the BMP: letters whose lower case stays
    '𐐀𐐁𐐂 ABC', // Deseret capitals outside the BMP: their lower case changes
    'İSTANBUL ÅÄÖ', // a capital whose lower case is two characters
    '\ud800 ABC', // a lone surrogate
    'AB\ud800',
    'ABCd',
    'ABCDe',
    '',
  ];
  for (const line of lines) {
    it(JSON.stringify(line), () => expect(isMachineLine(line)).toBe(machineLineByRegex(line)));
  }
});

describe('protected ranges: domains looked for only where an ending is', () => {
  const spans = (text: string) => protectedRanges(text).map((r) => text.slice(r.start, r.end));
  it('finds a domain or a file before punctuation and at the end', () => {
    expect(spans('Katso elisa.fi:n ohje.PDF.')).toEqual(['elisa.fi', 'ohje.PDF']);
    expect(spans('Osoite on Kauppa.COM')).toEqual(['Kauppa.COM']);
  });
  it('finds none where the ending runs on into a word or there is none', () => {
    expect(spans('klo.kaksi ja www')).toEqual([]);
    expect(spans('asia.fino ja x.sex')).toEqual([]);
  });
});

describe('content/internal-note: a pattern is run only where its words are', () => {
  const ctx = { rule: {}, options: {}, products: [] } as unknown as CheckContext;
  const found = (text: string) => internalNote(new Analysis({ path: '-', text, channel: 'email' }), ctx).map((f) => text.slice(f.offset, f.offset + f.length));
  it('still finds each kind of note', () => {
    expect(found('Hei,\n\nVoisitko soittaa asiakkaalle huomenna?\n\nTerveisin\nAnna')).toEqual(['Voisitko soittaa asiakkaalle huomenna?']);
    expect(found('Hej,\n\nKan du ringa kunden i morgon?\n\nHälsningar\nAnna')).toEqual(['Kan du ringa kunden i morgon?']);
    expect(found('Hei,\n\nTarkista tämä ennen lähetystä.\n\nTerveisin\nAnna')).toEqual(['Tarkista tämä ennen lähetystä']);
    expect(found('Hei,\n\n-> Eskaloidaan kakkostasolle\n\nTerveisin\nAnna')).toEqual(['-> Eskaloidaan kakkostasolle']);
    expect(found('Hej,\n\nSkickas vidare till ekonomi.\n\nHälsningar\nAnna')).toEqual(['Skickas vidare till ekonomi.']);
  });
  it('finds nothing in a reply without them', () => {
    expect(found('Hei,\n\nKiitos viestistä. Paketti lähtee huomenna.\n\nTerveisin\nAnna')).toEqual([]);
  });
});

describe('language cues: the words of a text found by a table', () => {
  const byRegex = (text: string) => Array.from(text.toLowerCase().matchAll(/\p{L}+/gu), (m) => m[0]);
  const texts = ['Kiitos viestistäsi, HEI!', 'Tack för ditt ärende.', 'a1b2 c-d', 'İstanbul ǅemal', '𝐀𝐁c 𐐀x', '\ud800ab\udc00cd', 'x\u0301y', ''];
  for (const text of texts) it(JSON.stringify(text), () => expect(wordsOf(text)).toEqual(byRegex(text)));
});

describe('parse: a word is its span of the text', () => {
  const texts = [
    'Hei! ❤️ Kiitos www.elisa.fi:stä, X:n ja km/h.',
    'sähkö- ja vesi­maksu (soft hyphen) anna@x.fi 1.10.–30.11.',
    'Emoji 😊 ja 👍🏽 sekä \ud800 yksin, e.g. t.ex. kl. 14.30',
    'Combining a\u0301 ja kiitos.Tilaus',
  ];
  for (const text of texts) {
    it(JSON.stringify(text), () => {
      const { tree, words } = parse(text);
      const nodes: Nodes[] = [];
      for (const p of tree.children) if (p.type === 'ParagraphNode') for (const s of p.children) if (s.type === 'SentenceNode') nodes.push(...s.children.filter((n) => n.type === 'WordNode'));
      expect(words.map((w) => w.text)).toEqual(nodes.map((n) => toString(n)));
    });
  }
});
