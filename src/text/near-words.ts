/**
 * The known words one edit from a word: a letter dropped, two swapped, one
 * replaced or one added, or a space put between two known words. Most slips
 * of the keys are one edit, and asking a speller of each edit costs 10–40 ms
 * a word of up to 16 letters where Hunspell's own suggest, which also scans
 * its dictionary for similar words, costs 60–160 ms (the Swedish dictionaries).
 *
 * `letters` are the ones tried for replacing and adding, most frequent first:
 * a dictionary's TRY line.
 */
export function oneEditAway(word: string, letters: readonly string[], isKnown: (word: string) => boolean): string[] {
  const verdicts = new Map<string, boolean>();
  // The splits ask of parts that are edits too ("saa" of "saab").
  const known = (w: string) => {
    let verdict = verdicts.get(w);
    if (verdict === undefined) verdicts.set(w, (verdict = isKnown(w)));
    return verdict;
  };
  const first = word.charAt(0);
  const capital = first !== first.toLowerCase();
  // The edits are made in lower case and the capital put back, so a capital is never moved or dropped.
  const chars = Array.from(capital ? first.toLowerCase() + word.slice(1) : word);
  const cased = (w: string) => (capital ? w.charAt(0).toUpperCase() + w.slice(1) : w);
  const found = new Set<string>();
  const tryWord = (lower: string) => {
    const candidate = cased(lower);
    if (candidate !== word && known(candidate)) found.add(candidate);
  };
  const n = chars.length;
  const edit = (from: number, middle: string, to: number) => chars.slice(0, from).join('') + middle + chars.slice(to).join('');
  for (let i = 0; i < n; i++) tryWord(edit(i, '', i + 1));
  for (let i = 0; i + 1 < n; i++) if (chars[i] !== chars[i + 1]) tryWord(edit(i, chars[i + 1]! + chars[i]!, i + 2));
  for (let i = 0; i < n; i++) for (const letter of letters) tryWord(edit(i, letter, i + 1));
  for (let i = 0; i <= n; i++) for (const letter of letters) tryWord(edit(i, letter, i));
  // A name written in lower case, which the speller knows only with its capital ("helsinki").
  if (!capital && n > 0) tryWord(chars[0]!.toUpperCase() + chars.slice(1).join(''));
  for (let i = 1; i < n; i++) {
    const head = cased(chars.slice(0, i).join(''));
    const tail = chars.slice(i).join('');
    if (known(head) && known(tail)) found.add(`${head} ${tail}`);
  }
  return [...found];
}
