/**
 * What aspalint's own suggestions (text/near-words.ts) take from a Hunspell
 * dictionary's files, so they follow the dictionary as Hunspell's suggest
 * does: the letters its TRY line lists, and the words its NOSUGGEST flag
 * marks — in the Swedish dictionaries names nobody mistypes for and the
 * vulgar and offensive words, which a reply must never be offered.
 */

export interface SuggestHints {
  /** The TRY line's letters, most frequent first. */
  letters: string[];
  /** The NOSUGGEST words, lower-cased. */
  noSuggest: Set<string>;
}

/**
 * Letters tried for each edit of a word, at most: a TRY line lists them most
 * frequent first, and past the 30th come those of foreign names (sv_SE:
 * "âàáèóćńłšőř" after "…yqxzwé"). Each letter tried costs every word 2n + 1
 * more spell calls, for a suggestion almost never right.
 */
export const MAX_TRY_LETTERS = 30;

/**
 * The first MAX_TRY_LETTERS letters of an .aff file's TRY line, in its order;
 * empty when there is none. Not its punctuation: the Swedish dictionaries
 * accept a hyphen almost anywhere in a compound ("diskussion-et" for "diskussionet").
 */
export function tryLetters(aff: string): string[] {
  const line = /^TRY[ \t]+(\S+)/m.exec(aff);
  if (!line) return [];
  return [...new Set(Array.from(line[1]!).filter((c) => /\p{L}/u.test(c)))].slice(0, MAX_TRY_LETTERS);
}

/** The words of a .dic file that carry the .aff's NOSUGGEST flag, lower-cased. */
export function noSuggestWords(aff: string, dic: string): Set<string> {
  const words = new Set<string>();
  const flag = /^NOSUGGEST[ \t]+(\S+)/m.exec(aff)?.[1];
  if (!flag) return words;
  const type = /^FLAG[ \t]+(\S+)/m.exec(aff)?.[1]?.toLowerCase();
  const flagsOf = (flags: string): string[] => (type === 'long' ? flags.match(/../gsu) ?? [] : type === 'num' ? flags.split(',') : Array.from(flags));
  // The first line is the word count; a word's flags follow its first unescaped slash.
  for (const line of dic.split('\n').slice(1)) {
    if (!line.includes(flag)) continue;
    const entry = /^((?:[^/\t\s\\]|\\.)+)\/(\S+)/u.exec(line);
    if (entry && flagsOf(entry[2]!).includes(flag)) words.add(entry[1]!.replace(/\\(.)/g, '$1').toLowerCase());
  }
  return words;
}
