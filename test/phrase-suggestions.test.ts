import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/linter.js';

function calque(text: string) {
  const f = lintText(text, { config: {} }).findings.find((x) => x.ruleId === 'phrase/calque');
  if (!f) throw new Error(`no phrase/calque finding in ${JSON.stringify(text)}`);
  return f;
}

/** The sentence with the finding's span replaced by its first suggestion. */
function rewritten(text: string) {
  const f = calque(text);
  return text.slice(0, f.offset) + f.suggestions[0] + text.slice(f.offset + f.length);
}

describe('phrase suggestions follow the reply', () => {
  it('a te-form reply gets "Huomaattehan, että" for "Pyydämme kuitenkin huomauttamaan, että" (the book\'s Ilmarinen mail)', () => {
    const text = 'Tiedot voitte myös lähettää alla olevaan sähköpostiosoitteeseen. Pyydämme kuitenkin huomauttamaan, että yhteys ei ole suojattu.';
    const f = calque(text);
    expect(f.actual).toBe('Pyydämme kuitenkin huomauttamaan, että');
    expect(f.suggestions).toEqual(['Huomaattehan, että', 'Ottakaa huomioon, että']);
    expect(f.message).toContain('”Huomaattehan, että”');
    // Taken as it is, the suggestion reads as a sentence of its own and keeps the reply's te.
    expect(rewritten(text)).toBe('Tiedot voitte myös lähettää alla olevaan sähköpostiosoitteeseen. Huomaattehan, että yhteys ei ole suojattu.');
  });

  it('a sinä-form reply gets "huomaathan, että", in lower case mid-sentence', () => {
    const text = 'Voit lähettää tiedot myös sähköpostitse, mutta pyydämme huomauttamaan, että yhteys ei ole suojattu.';
    expect(calque(text).suggestions).toEqual(['huomaathan, että', 'otathan huomioon, että']);
    expect(rewritten(text)).toBe('Voit lähettää tiedot myös sähköpostitse, mutta huomaathan, että yhteys ei ole suojattu.');
  });

  it('a reply that never addresses its reader is offered both forms', () => {
    expect(calque('Pyydämme huomauttamaan, että yhteys ei ole suojattu.').suggestions).toEqual([
      'Huomaathan, että', 'Otathan huomioon, että', 'Huomaattehan, että',
    ]);
  });

  it('"pyydämme huomauttamaan" in its own sense (point out errors) is not a calque', () => {
    const r = lintText('Pyydämme huomauttamaan mahdollisista laskun virheistä 14 päivän kuluessa.', { config: {} });
    expect(r.findings.filter((f) => f.ruleId === 'phrase/calque')).toEqual([]);
  });

  it('"Olkaa hyvä ja" in a te-form reply is a warning with te-form suggestions', () => {
    const f = calque('Olkaa hyvä ja toimittakaa tiedot meille perjantaihin mennessä.');
    expect(f.severity).toBe('warning');
    expect(f.suggestions[0]).toBe('Täytättehän lomakkeen');
  });
});
