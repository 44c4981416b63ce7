import type { Finding } from '../src/types.js';
import { resetVoikko } from '../src/text/voikko.js';
import { resetHunspell } from '../src/text/hunspell.js';
import { resetMorphology } from '../src/text/morphology.js';
import { resetStemMemo } from '../src/text/stem.js';

function resetLanguageComponents(): void {
  resetVoikko();
  resetHunspell();
  resetMorphology();
  resetStemMemo();
}

/**
 * Runs fn with an environment variable set (undefined: unset), the spellers and
 * memos reloaded before and after. When fn returns a promise, the variable stays
 * set until it settles.
 */
export function withEnv<T>(name: string, value: string | undefined, fn: () => T): T {
  const before = process.env[name];
  const set = (v: string | undefined) => {
    if (v === undefined) delete process.env[name];
    else process.env[name] = v;
    resetLanguageComponents();
  };
  const restore = () => set(before);
  set(value);
  let result: T;
  try {
    result = fn();
  } catch (err) {
    restore();
    throw err;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/** A phrase/calque finding for formatter tests, with the fields given overridden. */
export function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'phrase/calque',
    severity: 'warning',
    weight: 1,
    message: '”Älä epäröi” on suora käännös englannista. Luontevammin: ”ota rohkeasti yhteyttä”.',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 15,
    offset: 20,
    length: 10,
    actual: 'Älä epäröi',
    suggestions: ['ota rohkeasti yhteyttä'],
    ...over,
  };
}

/** Debian's Chromium, for the browser tests (skipped where it is not installed). */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium with the flags this machine's closed network needs (no background connections). */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
