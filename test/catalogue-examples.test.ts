import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { CHECKS } from '../src/checks/index.js';
import { exampleCases } from '../src/engine/rule-tester.js';

const catalogue = loadCatalogue();

describe('rule catalogue', () => {
  it('has a check or phrases for every rule, and examples in Finnish and Swedish', () => {
    for (const rule of catalogue.rules) {
      expect(CHECKS[rule.id] !== undefined || rule.phrases !== undefined, rule.id).toBe(true);
      for (const lang of rule.languages.filter((l): l is 'fi' | 'sv' => l === 'fi' || l === 'sv')) {
        expect(rule.examples[lang]?.bad?.length ?? 0, `${rule.id} ${lang} bad`).toBeGreaterThan(0);
        expect(rule.examples[lang]?.good?.length ?? 0, `${rule.id} ${lang} good`).toBeGreaterThan(0);
      }
    }
  });

  // The cases plugins run too (testRules): a bad example reports exactly its actual spans and fixes to its output.
  for (const rule of catalogue.rules) {
    describe(rule.id, () => {
      for (const c of exampleCases(rule)) it.skipIf(c.skip !== undefined)(c.title, () => expect(c.run()).toEqual([]));
    });
  }
});
