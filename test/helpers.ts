import type { Example, RuleMeta } from '../src/engine/catalogue.js';
import { RuleSet, ruleMetas } from '../src/engine/rules.js';
import { lintMessage } from '../src/engine/lint-message.js';
import type { FileResult, Message } from '../src/types.js';

/** Lints one example with only the given rule switched on (as ESLint's RuleTester does). */
export function runRule(meta: RuleMeta, example: Example, lang: 'fi' | 'sv' | 'en'): FileResult {
  const ex = typeof example === 'string' ? { text: example } : example;
  const settings: Record<string, 'off'> = {};
  for (const m of ruleMetas({})) if (m.id !== meta.id) settings[m.id] = 'off';
  const ruleSet = new RuleSet([meta], {});
  const message: Message = { path: 'example.txt', text: ex.text, channel: ex.channel ?? 'email', lang: ex.lang ?? (lang === 'en' ? 'en' : lang) };
  if (ex.customer !== undefined) message.customer = ex.customer;
  return lintMessage(message, ruleSet);
}

export function exampleText(example: Example): string {
  return typeof example === 'string' ? example : example.text;
}
