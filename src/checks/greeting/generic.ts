import type { Check } from '../types.js';

const NAME_SLOT: Record<string, string> = { fi: 'etunimi', sv: 'förnamn', en: 'first name' };

/** A greeting without the customer's name: "Hei!", "Hyvä asiakas", "Bästa kund". */
export const greetingGeneric: Check = (analysis) => {
  const { greeting } = analysis.anatomy;
  if (!greeting || greeting.name) return [];
  const word = greeting.word.charAt(0).toUpperCase() + greeting.word.slice(1).toLowerCase();
  const suggestion = `${word} <${NAME_SLOT[analysis.language] ?? NAME_SLOT.en}>,`;
  return [{ offset: greeting.start, length: greeting.end - greeting.start, suggestions: [suggestion], data: { suggestion } }];
};
