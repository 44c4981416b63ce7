import type { Example, RuleMeta } from '../src/engine/catalogue.js';
import { RuleSet, ruleMetas } from '../src/engine/rules.js';
import { lintMessage } from '../src/engine/lint-message.js';
import type { FileResult, Message } from '../src/types.js';
import { resetVoikko } from '../src/text/voikko.js';
import { resetHunspell } from '../src/text/hunspell.js';
import { resetMorphology } from '../src/text/morphology.js';
import { resetStemMemo } from '../src/text/stem.js';

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

/** Runs fn with an environment variable set (undefined: unset), the spellers and memos reloaded before and after. */
function resetLanguageComponents(): void {
  resetVoikko();
  resetHunspell();
  resetMorphology();
  resetStemMemo();
}

export function withEnv<T>(name: string, value: string | undefined, fn: () => T): T {
  const before = process.env[name];
  const reset = resetLanguageComponents;
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  reset();
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
    reset();
  }
}

/** withEnv for an async fn: the variable stays set until its promise settles. */
export async function withEnvAsync<T>(name: string, value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env[name];
  const reset = resetLanguageComponents;
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  reset();
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
    reset();
  }
}
