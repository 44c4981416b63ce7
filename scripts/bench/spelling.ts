/**
 * What the language components cost, measured in this process: the time to
 * load Voikko and each Hunspell dictionary, and the time spelling/typo adds
 * per MB of Finnish and of Swedish replies (the linter with the rule on,
 * against the same linter with it off, both warm; medians of several passes).
 */
import { readFileSync } from 'node:fs';
import { createLinter, type Linter } from '../../src/engine/linter.js';
import { getVoikko, voikkoStatus } from '../../src/text/voikko.js';
import { getHunspell, hunspellStatus } from '../../src/text/hunspell.js';
import { stats } from './timing.js';

const MB = 1e6;

export interface ComponentLoad {
  component: string;
  active: boolean;
  detail: string;
  /** Milliseconds to load it (the first one loaded also pays for koffi). */
  loadMs?: number;
}

export interface SpellingCost {
  lang: 'fi' | 'sv';
  replies: number;
  mb: number;
  /** Median ms for all replies of the language, the rule on and off. */
  withSpellingMs: number;
  withoutSpellingMs: number;
  msPerMB: number;
  /** The share of the whole linter's time that spelling takes. */
  share: number;
}

export interface SpellingMeasure {
  loads: ComponentLoad[];
  costs: SpellingCost[];
  passes: number;
}

export function measureSpelling(files: string[], passes = 5): SpellingMeasure {
  // Loads first, before any linting has loaded them.
  const loads: ComponentLoad[] = [];
  let t = performance.now();
  const voikko = getVoikko();
  loads.push({ component: 'Voikko (fi)', active: voikko !== null, detail: voikkoStatus().detail, ...(voikko ? { loadMs: performance.now() - t } : {}) });
  for (const dictionary of ['sv_SE', 'sv_FI']) {
    t = performance.now();
    const speller = getHunspell(dictionary);
    loads.push({ component: `Hunspell ${dictionary} (sv)`, active: speller !== null, detail: hunspellStatus(dictionary).detail, ...(speller ? { loadMs: performance.now() - t } : {}) });
  }

  const messages = files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const on = createLinter({});
  const off = createLinter({ ruleFlags: { 'spelling/typo': 'off' } });
  const byLang: Record<'fi' | 'sv', typeof messages> = { fi: [], sv: [] };
  for (const m of messages) {
    const lang = on.lint(m).language; // also the warm-up of `on`
    if (lang === 'fi' || lang === 'sv') byLang[lang].push(m);
  }
  for (const m of messages) off.lint(m);

  const time = (linter: Linter, list: typeof messages): number => {
    const start = performance.now();
    for (const m of list) linter.lint(m);
    return performance.now() - start;
  };
  const costs: SpellingCost[] = [];
  for (const lang of ['fi', 'sv'] as const) {
    const list = byLang[lang];
    if (list.length === 0) continue;
    const withSamples: number[] = [];
    const withoutSamples: number[] = [];
    for (let i = 0; i < passes; i++) {
      withSamples.push(time(on, list));
      withoutSamples.push(time(off, list));
    }
    const mb = list.reduce((sum, m) => sum + Buffer.byteLength(m.text), 0) / MB;
    const withMs = stats(withSamples).median;
    const withoutMs = stats(withoutSamples).median;
    costs.push({
      lang,
      replies: list.length,
      mb: Math.round(mb * 100) / 100,
      withSpellingMs: Math.round(withMs),
      withoutSpellingMs: Math.round(withoutMs),
      msPerMB: Math.round((withMs - withoutMs) / mb),
      share: Math.round(((withMs - withoutMs) / withMs) * 1000) / 1000,
    });
  }
  return { loads: loads.map((l) => (l.loadMs === undefined ? l : { ...l, loadMs: Math.round(l.loadMs * 10) / 10 })), costs, passes };
}
