import { afterEach, describe, expect, it } from 'vitest';
import { getVoikko, resetVoikko, codePointOffsets, GRAMMAR_CODES } from '../src/text/voikko.js';
import { getHunspell, resetHunspell, swedishSpeller } from '../src/text/hunspell.js';
import { finnishMorphology } from '../src/text/morphology.js';
import { stemKey } from '../src/text/stem.js';
import { addressMarkers } from '../src/text/address.js';
import { parse } from '../src/text/parse.js';
import { doctorReport, formatDoctor, componentSummary } from '../src/report/doctor.js';
import { withEnv } from './helpers.js';

// Run the suite both ways: as is, and with ASPALINT_NO_VOIKKO=1 ASPALINT_NO_HUNSPELL=1.
const voikkoAvailable = getVoikko() !== null;
const hunspellAvailable = getHunspell('sv_SE') !== null;

/** Runs fn with an environment variable set, then restores it and reloads the backends. */

function address(text: string) {
  const { words, sentences } = parse(text);
  return addressMarkers(words, sentences, 'fi').map((m) => `${m.word.text}:${m.form}${m.group ? ':group' : ''}`);
}

describe('codePointOffsets', () => {
  it('maps code points to UTF-16 units across emoji', () => {
    expect(codePointOffsets('a😀b👍🏽c')).toEqual([0, 1, 3, 4, 6, 8, 9]);
  });
});

describe('backends switched off', () => {
  it('gives null for Voikko with ASPALINT_NO_VOIKKO=1', () => {
    withEnv('ASPALINT_NO_VOIKKO', '1', () => {
      expect(getVoikko()).toBeNull();
      expect(finnishMorphology()).toBeNull();
    });
  });

  it('gives null for Hunspell with ASPALINT_NO_HUNSPELL=1', () => {
    withEnv('ASPALINT_NO_HUNSPELL', '1', () => {
      expect(getHunspell('sv_SE')).toBeNull();
      expect(swedishSpeller()).toBeNull();
    });
  });

  it('keys Finnish words by Snowball stem without Voikko, as before', () => {
    withEnv('ASPALINT_NO_VOIKKO', '1', () => {
      // Snowball splits the verb family; the irregular table still joins "olla".
      expect(new Set(['epäröi', 'epäröikää', 'epäröimättä'].map((w) => stemKey(w, 'fi'))).size).toBeGreaterThan(1);
      expect(stemKey('olette', 'fi')).toBe('#olla');
      expect(stemKey('palautteesta', 'fi')).toBe(stemKey('palautetta', 'fi'));
    });
  });

  it('finds address forms by heuristics without Voikko', () => {
    withEnv('ASPALINT_NO_VOIKKO', '1', () => {
      expect(address('Voitte maksaa laskunne verkkopankissa.')).toEqual(['Voitte:polite', 'laskunne:polite']);
      expect(address('Teidän yrityksenne lasku on maksettu.')).toEqual(['Teidän:polite:group', 'yrityksenne:polite:group']);
    });
  });
});

describe.skipIf(!voikkoAvailable)('Voikko binding', () => {
  const voikko = getVoikko()!;

  it('checks spelling, and is told apart from case for names', () => {
    expect(voikko.spell('viestistäsi')).toBe(true);
    expect(voikko.spell('sähköpostti')).toBe(false);
    expect(voikko.spell('Helsinki')).toBe(true);
    expect(voikko.spell('')).toBe(false);
    expect(voikko.spell('a'.repeat(300))).toBe(false);
  });

  it('suggests corrections', () => {
    expect(voikko.suggest('sähköpostti', 3)).toContain('sähköposti');
    expect(voikko.suggest('sähköpostti', 1)).toHaveLength(1);
  });

  it('analyses words: base form, class, person, number, mood, possessive', () => {
    expect(voikko.analyze('epäröikää')).toEqual([
      expect.objectContaining({ baseform: 'epäröidä', class: 'teonsana', person: '2', number: 'plural', mood: 'imperative' }),
    ]);
    expect(voikko.analyze('tilauksenne')).toEqual([expect.objectContaining({ baseform: 'tilaus', possessive: '2p' })]);
    expect(voikko.analyze('xqzzkv')).toEqual([]);
    // Memoized: the same array comes back.
    expect(voikko.analyze('epäröikää')).toBe(voikko.analyze('epäröikää'));
    // Words without a reading share one empty array: the memo holds up to 100,000 words, most of them unknown.
    expect(voikko.analyze('qxzzvk')).toBe(voikko.analyze('xqzzkv'));
    expect(voikko.analyze('kissa')).toEqual([expect.objectContaining({ baseform: 'kissa', class: 'nimisana' })]);
  });

  it('reports grammar errors with UTF-16 offsets after emoji, paragraph by paragraph', () => {
    const text = 'Hei 😀 on on kiva.\n\nTämä 👍🏽 on on hyvä , ok.';
    const errors = voikko.grammarErrors(text);
    const spans = errors.map((e) => `${e.code}:${text.slice(e.offset, e.offset + e.length)}`);
    expect(spans).toContain(`${GRAMMAR_CODES.repeatingWord}:on on`);
    expect(spans.filter((s) => s === `${GRAMMAR_CODES.repeatingWord}:on on`)).toHaveLength(2);
    expect(spans).toContain(`${GRAMMAR_CODES.spaceBeforePunctuation}: ,`);
    // The blank line between the paragraphs is not an error.
    expect(errors.every((e) => e.code !== GRAMMAR_CODES.extraWhitespace)).toBe(true);
    expect(errors.find((e) => e.code === GRAMMAR_CODES.repeatingWord)!.suggestions).toEqual(['on']);
  });

  it('finds verb forms that do not agree', () => {
    const text = 'En menee tänään toimistolle.';
    expect(voikko.grammarErrors(text).map((e) => [e.code, text.slice(e.offset, e.offset + e.length)])).toContainEqual([
      GRAMMAR_CODES.negativeVerbMismatch,
      'En menee',
    ]);
  });

  it('keys a verb family by its infinitive, and leaves nouns to Snowball', () => {
    for (const w of ['epäröi', 'epäröikää', 'epäröimättä', 'epäröikö']) expect(stemKey(w, 'fi'), w).toBe('epäröidä');
    expect(stemKey('ottakaa', 'fi')).toBe(stemKey('ota', 'fi'));
    expect(stemKey('olette', 'fi')).toBe('#olla');
    // An inflected noun in a pattern ("tiedoksenne") stays specific; an ambiguous word keeps its stem.
    expect(stemKey('tiedoksenne', 'fi')).not.toBe(stemKey('tiedoilla', 'fi'));
    expect(stemKey('palautteesta', 'fi')).toBe(stemKey('palautetta', 'fi'));
    expect(stemKey('kiitti', 'fi')).not.toBe(stemKey('kiitämme', 'fi'));
  });

  it('takes address forms from person, number and possessive suffixes', () => {
    expect(address('Haluatko, että lähetämme sen?')).toEqual(['Haluatko:familiar']);
    expect(address('Pääsette kirjautumaan huomenna.')).toEqual(['Pääsette:polite']);
    expect(address('Muistakaa tallentaa kuitti.')).toEqual(['Muistakaa:polite']);
    expect(address('Ota yhteyttä, jos et saa koodia.')).toEqual(['et:familiar']);
    // Group detection holds: "teidän yrityksenne" is the company, not the reader.
    expect(address('Teidän yrityksenne lasku on maksettu.')).toEqual(['Teidän:polite:group', 'yrityksenne:polite:group']);
    // "Sinä päivänä" is not "you"; "pakkasi" is a past tense.
    expect(address('Sinä päivänä varasto pakkasi tilauksen.')).toEqual([]);
  });
});

describe.skipIf(!hunspellAvailable)('Hunspell binding (Swedish)', () => {
  const hunspell = getHunspell('sv_SE')!;

  it('checks spelling with real compounds, unlike nspell', () => {
    expect(hunspell.spell('leveransdatum')).toBe(true);
    expect(hunspell.spell('kontakta')).toBe(true);
    expect(hunspell.spell('kontackta')).toBe(false);
    expect(hunspell.spell('xqzzkv')).toBe(false);
  });

  it('suggests corrections and frees its lists', () => {
    expect(hunspell.suggest('kontackta', 3)).toContain('kontakta');
    expect(hunspell.suggest('tyvär', 3)).toContain('tyvärr');
  });

  it('loads sv_FI only when sv_SE rejects a word', () => {
    const speller = swedishSpeller(['sv_SE', 'sv_FI'])!;
    expect(speller.spell('kontakta')).toBe(true);
    expect(speller.spell('kontackta')).toBe(false);
  });
});

describe('aspalint doctor', () => {
  afterEach(() => {
    resetVoikko();
    resetHunspell();
  });

  it('lists every component, with an install hint for what is missing', () => {
    const report = doctorReport();
    expect(report.components.map((c) => c.name)).toEqual([
      'koffi (native bridge)',
      'Voikko (Finnish)',
      'Hunspell sv_SE (Swedish)',
      'Hunspell sv_FI (Swedish)',
    ]);
    expect(report.components[1]!.active).toBe(voikkoAvailable);
    for (const c of report.components) if (!c.active && !c.detail.startsWith('disabled')) expect(c.install).toMatch(/apt-get install/);
    const text = formatDoctor(report);
    expect(text).toContain('Voikko (Finnish)');
    if (report.components.some((c) => !c.active)) expect(text).toContain('apt-get install libvoikko1 voikko-fi hunspell-sv');
    expect(componentSummary(report)).toMatch(voikkoAvailable ? /^Voikko \d+\.\d+(\.\d+)? \(fi\), Hunspell / : /^Voikko missing \(fi\), /);
  });

  it('says why Voikko is off when it is switched off', () => {
    withEnv('ASPALINT_NO_VOIKKO', '1', () => {
      const voikko = doctorReport().components[1]!;
      expect(voikko.active).toBe(false);
      expect(voikko.detail).toContain('ASPALINT_NO_VOIKKO');
    });
  });
});

describe('address forms memoised per word for the whole process', () => {
  it('decides the one case that depends on the next word afresh each time ("sinä päivänä" is no address)', () => {
    expect(address('Sinä voit tulla huomenna.')).toEqual(['Sinä:familiar', 'voit:familiar']);
    expect(address('Sinä päivänä olin kotona.')).toEqual([]);
    expect(address('Sinä voit tulla huomenna.')).toEqual(['Sinä:familiar', 'voit:familiar']);
    expect(address('Sinä päivänä olin kotona.')).toEqual([]);
  });

  it('gives a repeated word the same form as the first time', () => {
    const first = address('Voitte tilata paketin. Tilauksesi on matkalla.');
    expect(address('Voitte tilata paketin. Tilauksesi on matkalla.')).toEqual(first);
    expect(first).toEqual(['Voitte:polite', 'Tilauksesi:familiar']);
  });
});
