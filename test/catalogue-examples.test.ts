import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { CHECKS } from '../src/checks/index.js';
import { exampleText, runRule } from './helpers.js';
import { applyFixes } from '../src/engine/fix.js';
import { getVoikko } from '../src/text/voikko.js';
import { getHunspell } from '../src/text/hunspell.js';

/** Spellers a rule may need; where one is missing its bad examples cannot fire, and are skipped. */
const BACKENDS = { voikko: () => getVoikko() !== null, hunspell: () => getHunspell('sv_SE') !== null };

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

  for (const rule of catalogue.rules) {
    describe(rule.id, () => {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const examples = rule.examples[lang];
        if (!examples) continue;
        const backend = rule.requires?.[lang];
        const missing = backend !== undefined && !BACKENDS[backend]();
        (examples.bad ?? []).forEach((example, i) => {
          it.skipIf(missing)(`flags ${lang} bad #${i + 1}: ${exampleText(example).slice(0, 50)}`, () => {
            const result = runRule(rule, example, lang);
            const own = result.findings.filter((f) => f.ruleId === rule.id);
            const ex = typeof example === 'string' ? { text: example } : example;
            // As ESLint's RuleTester: the spans reported, and the text after the fixes, are part of the example.
            const actual = ex.actual === undefined ? undefined : Array.isArray(ex.actual) ? ex.actual : [ex.actual];
            expect(own.length, ex.text).toBeGreaterThan(0);
            if (actual) expect(own.map((f) => f.actual), ex.text).toEqual(actual);
            const fixed = applyFixes(ex.text, own).output;
            if (ex.output !== undefined) expect(fixed, ex.text).toBe(ex.output);
            else expect(fixed, `${ex.text}: the rule fixes this example; state its output`).toBe(ex.text);
          });
        });
        (examples.good ?? []).forEach((example, i) => {
          it(`passes ${lang} good #${i + 1}: ${exampleText(example).slice(0, 50)}`, () => {
            const result = runRule(rule, example, lang);
            expect(result.findings.map((f) => `${f.ruleId}: ${f.actual}`), exampleText(example)).toEqual([]);
          });
        });
      }
    });
  }
});
