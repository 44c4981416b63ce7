import { afterEach, describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/linter.js';
import { swedishSpeller } from '../src/text/hunspell.js';

const speller = swedishSpeller();
const original = speller?.suggest;

describe('spelling/typo asks for suggestions only of words it may report', () => {
  afterEach(() => {
    if (speller && original) speller.suggest = original;
  });

  it.skipIf(!speller)('never for a short capitalised word opening a sentence (a name), once per word for the whole process', () => {
    const asked: string[] = [];
    speller!.suggest = (word, max) => (asked.push(word), original!.call(speller, word, max));
    const reply = 'Hej Anna,\n\nTack för ditt meddelande. Blörk har skickat paketet. Vi har skickat diskussionet till dig.\n\nVänliga hälsningar\nEva\n';
    const first = lintText(reply, { lang: 'sv' }).findings.filter((f) => f.ruleId === 'spelling/typo');
    const second = lintText(reply.replace('Anna', 'Lisa'), { lang: 'sv' }).findings.filter((f) => f.ruleId === 'spelling/typo');
    expect(first.map((f) => f.actual)).toEqual(['diskussionet']);
    expect(second.map((f) => [f.actual, f.suggestions])).toEqual(first.map((f) => [f.actual, f.suggestions]));
    expect(first[0]!.suggestions.length).toBeGreaterThan(0);
    // "Blörk" (five letters, capitalised, first in its sentence) is taken for a name without asking.
    expect(asked).not.toContain('Blörk');
    // The second reply's "diskussionet" is answered from the memo of verdicts.
    expect(asked.filter((w) => w === 'diskussionet').length).toBeLessThanOrEqual(1);
  });
});
