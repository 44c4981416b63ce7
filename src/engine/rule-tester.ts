/**
 * Rule examples as tests, as ESLint's RuleTester: each bad example of a rule
 * must report exactly its `actual` spans, in order, and — where the rule
 * fixes — turn into its `output` after one pass of the fixes; each good
 * example must report nothing. Our catalogue test and a plugin's own tests
 * run the same cases (`testRules`).
 */
import type { Example, RuleMeta } from './catalogue.js';
import type { FileResult, Message } from '../types.js';
import { RuleSet } from './rules.js';
import { lintMessage } from './lint-message.js';
import { applyFixes } from './fix.js';
import { getVoikko } from '../text/voikko.js';
import { getHunspell } from '../text/hunspell.js';
import { loadPlugin, type LoadedPlugin, type PluginCheck } from './plugins.js';

/** Spellers a rule may need; where one is missing its bad examples cannot fire, and are skipped. */
const BACKENDS = { voikko: () => getVoikko() !== null, hunspell: () => getHunspell('sv_SE') !== null };

/** Lints one example with only the given rule in force. */
export function runRule(meta: RuleMeta, example: Example, lang: 'fi' | 'sv' | 'en', checks: Record<string, PluginCheck> = {}): FileResult {
  const ex = typeof example === 'string' ? { text: example } : example;
  const message: Message = { path: 'example.txt', text: ex.text, channel: ex.channel ?? 'email', lang: ex.lang ?? lang };
  if (ex.customer !== undefined) message.customer = ex.customer;
  if (ex.template) message.template = true;
  return lintMessage(message, new RuleSet([meta], {}, {}, checks));
}

export function exampleText(example: Example): string {
  return typeof example === 'string' ? example : example.text;
}

export interface ExampleCase {
  ruleId: string;
  lang: 'fi' | 'sv' | 'en';
  kind: 'bad' | 'good';
  /** "flags fi bad #1: <text>" / "passes sv good #2: <text>" */
  title: string;
  /** Why the case cannot run here (a speller the rule needs is not installed). */
  skip?: string;
  /** Runs the example; returns what is wrong, nothing when it passes. */
  run(): string[];
}

const show = (v: unknown) => JSON.stringify(v);

/** The test cases of one rule's examples. */
export function exampleCases(meta: RuleMeta, checks: Record<string, PluginCheck> = {}): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const examples = meta.examples[lang];
    if (!examples) continue;
    const backend = meta.requires?.[lang];
    const skip = backend !== undefined && !BACKENDS[backend]() ? `${backend} is not installed` : undefined;
    (examples.bad ?? []).forEach((example, i) => {
      cases.push({
        ruleId: meta.id,
        lang,
        kind: 'bad',
        title: `flags ${lang} bad #${i + 1}: ${exampleText(example).slice(0, 50)}`,
        ...(skip ? { skip } : {}),
        run: () => {
          const ex = typeof example === 'string' ? { text: example } : example;
          const own = runRule(meta, example, lang, checks).findings.filter((f) => f.ruleId === meta.id);
          const failures: string[] = [];
          if (own.length === 0) return [`${show(ex.text)}: expected a finding, got none`];
          const actual = ex.actual === undefined ? undefined : Array.isArray(ex.actual) ? ex.actual : [ex.actual];
          const got = own.map((f) => f.actual);
          if (actual && show(got) !== show(actual)) failures.push(`${show(ex.text)}: expected actual ${show(actual)}, got ${show(got)}`);
          const fixed = applyFixes(ex.text, own).output;
          if (ex.output !== undefined && fixed !== ex.output) failures.push(`${show(ex.text)}: expected output ${show(ex.output)}, got ${show(fixed)}`);
          if (ex.output === undefined && fixed !== ex.text) failures.push(`${show(ex.text)}: the rule fixes this example; state its output (${show(fixed)})`);
          return failures;
        },
      });
    });
    (examples.good ?? []).forEach((example, i) => {
      cases.push({
        ruleId: meta.id,
        lang,
        kind: 'good',
        title: `passes ${lang} good #${i + 1}: ${exampleText(example).slice(0, 50)}`,
        run: () => {
          const found = runRule(meta, example, lang, checks).findings.map((f) => `${f.ruleId}: ${f.actual}`);
          return found.length === 0 ? [] : [`${show(exampleText(example))}: expected no finding, got ${show(found)}`];
        },
      });
    });
  }
  return cases;
}

/** The describe/it of a test framework (vitest, Jest, Mocha, node:test). */
export interface TestFramework {
  describe(name: string, fn: () => void): unknown;
  it: ((name: string, fn: () => void) => unknown) & { skip?: (name: string, fn: () => void) => unknown };
}

/**
 * Runs a plugin's rule examples as tests, one per example:
 *
 *   import { describe, it } from 'vitest';
 *   import { testRules } from 'aspalint';
 *   testRules('.', { describe, it });   // the plugin in this folder
 *
 * Every rule must have a bad and a good example in each language it applies to.
 */
export function testRules(plugin: string | LoadedPlugin, t: TestFramework): void {
  const loaded = typeof plugin === 'string' ? loadPlugin(plugin, process.cwd()) : plugin;
  t.describe(loaded.name, () => {
    for (const meta of loaded.metas) {
      t.describe(meta.id, () => {
        t.it('has a bad and a good example in each of its languages', () => {
          const missing = meta.languages
            .filter((l): l is 'fi' | 'sv' => l === 'fi' || l === 'sv')
            .filter((l) => !(meta.examples[l]?.bad?.length && meta.examples[l]?.good?.length));
          if (missing.length > 0) throw new Error(`${meta.id}: no bad or no good example in ${missing.join(', ')}`);
        });
        for (const c of exampleCases(meta, loaded.checks)) {
          const body = () => {
            const failures = c.run();
            if (failures.length > 0) throw new Error(failures.join('\n'));
          };
          if (c.skip && t.it.skip) t.it.skip(`${c.title} (${c.skip})`, body);
          else if (!c.skip) t.it(c.title, body);
        }
      });
    }
  });
}
