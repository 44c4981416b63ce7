import { describe, expect, it } from 'vitest';
import { oneEditAway } from '../src/text/near-words.js';
import { MAX_TRY_LETTERS, noSuggestWords, tryLetters } from '../src/text/hunspell-files.js';

const LETTERS = Array.from('aerndtislogmkpbhfjuväcöåyqxzwé');
const dictionary = (...words: string[]) => {
  const known = new Set(words);
  const asked: string[] = [];
  return { asked, known: (w: string) => (asked.push(w), known.has(w) || (/^\p{Lu}/u.test(w) && known.has(w.toLowerCase()))) };
};

describe('oneEditAway', () => {
  it('finds a dropped, a swapped, a wrong and an extra letter', () => {
    const d = dictionary('kontakta', 'återaktivera', 'diskussionen', 'leverans');
    expect(oneEditAway('kontaka', LETTERS, d.known)).toEqual(['kontakta']);
    expect(oneEditAway('åtreaktivera', LETTERS, d.known)).toEqual(['återaktivera']);
    expect(oneEditAway('diskussionet', LETTERS, d.known)).toEqual(['diskussionen']);
    expect(oneEditAway('leveranss', LETTERS, d.known)).toEqual(['leverans']);
  });

  it('finds nothing two edits away, and never offers the word itself', () => {
    const d = dictionary('leverans', 'kontakt');
    expect(oneEditAway('leevrnas', LETTERS, d.known)).toEqual([]);
    expect(oneEditAway('kontakt', LETTERS, d.known)).not.toContain('kontakt');
  });

  it('keeps the capital of a capitalised word and moves no capital', () => {
    const d = dictionary('tandkortet', 'stockholm');
    expect(oneEditAway('Tamdkortet', LETTERS, d.known)).toEqual(['Tandkortet']);
    // The capital is not dropped into the word: "aTndkortet" is never asked.
    expect(d.asked.some((w) => /^\p{Ll}/u.test(w) && /\p{Lu}/u.test(w))).toBe(false);
    expect(oneEditAway('Stokholm', LETTERS, dictionary('Stockholm').known)).toEqual(['Stockholm']);
  });

  it('offers the capital a lower-case name needs', () => {
    expect(oneEditAway('helsinki', LETTERS, dictionary('Helsinki').known)).toEqual(['Helsinki']);
  });

  it('splits two known words run together', () => {
    const d = dictionary('supportärende', 'här');
    expect(oneEditAway('supportärendehär', LETTERS, d.known)).toEqual(['supportärende här']);
  });

  it('asks each candidate once', () => {
    const d = dictionary();
    oneEditAway('saab', LETTERS, d.known);
    expect(new Set(d.asked).size).toBe(d.asked.length);
  });
});

describe("a Hunspell dictionary's suggestion hints", () => {
  it("reads the .aff's TRY line in its order, letters only", () => {
    expect(tryLetters('SET UTF-8\nTRY aerndtäö:-.\nREP 1\n')).toEqual(Array.from('aerndtäö'));
    expect(tryLetters('SET UTF-8\n')).toEqual([]);
    // sv_SE's own line: the letters of foreign names after the 30th are not tried.
    const sv = tryLetters('TRY aerndtislogmkpbhfjuväcöåyqxzvwéâàáèóćńłšőř:-.\n');
    expect(sv).toHaveLength(MAX_TRY_LETTERS);
    expect(sv.at(-1)).toBe('é');
    expect(sv).not.toContain('ł');
  });

  it('lists the words flagged NOSUGGEST, in single-character, long and numeric flags', () => {
    const dic = '5\nanalys/ADH\nanalsex/!DH\nAcer/!A\nt.h.\t\nhej\n';
    expect([...noSuggestWords('SET UTF-8\nNOSUGGEST !\n', dic)]).toEqual(['analsex', 'acer']);
    expect([...noSuggestWords('FLAG long\nNOSUGGEST !!\n', '2\nfoo/AB!!\nbar/!AB\n')]).toEqual(['foo']);
    expect([...noSuggestWords('FLAG num\nNOSUGGEST 7\n', '2\nfoo/1,7\nbar/17\n')]).toEqual(['foo']);
    expect(noSuggestWords('SET UTF-8\n', dic).size).toBe(0);
  });
});
