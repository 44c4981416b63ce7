/**
 * The user's own dictionary: `.aspalint-words.txt` next to the config, one
 * word a line. Blank lines and lines starting with "#" are skipped; a word
 * also covers its inflected forms ("Zendesk" covers "Zendeskissä",
 * "Zendesken"). The linter merges the words with the config's `words:` and
 * hands them to spelling/typo as its option `words`.
 */
export function parseWordList(text: string): string[] {
  const words = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    words.add(line);
  }
  return [...words];
}

/** The file name of the user's dictionary, looked for next to the config file (or in the current folder). */
export const WORDS_FILE = '.aspalint-words.txt';
