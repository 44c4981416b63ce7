import type { Lang } from '../types.js';
import { cueScores } from './language.js';
import { preloadVoikko } from './voikko.js';
import { preloadHunspell } from './hunspell.js';

/**
 * Loading a speller is native work (Voikko ~15 ms, a Swedish Hunspell
 * dictionary ~70 ms) that can run in a background thread while the main
 * thread loads rules and config. These helpers start it and wait for it.
 */

export type LanguageComponent = 'voikko' | 'hunspell';

const inFlight = new Map<LanguageComponent, Promise<void>>();

/** The language of a text by its function words alone, when they decide it clearly; a hint for what to load. */
export function languageHint(text: string): Lang | undefined {
  const words = Array.from(text.slice(0, 4000).toLowerCase().matchAll(/\p{L}+/gu), (m) => m[0]);
  const { fi, sv } = cueScores(words);
  if (fi >= 3 && fi >= 2 * sv) return 'fi';
  if (sv >= 3 && sv >= 2 * fi) return 'sv';
  return undefined;
}

/** Starts loading, in a background thread, the speller a reply in this language will use. */
export function preloadLanguage(lang: Lang): void {
  if (lang !== 'fi' && lang !== 'sv') return;
  const component: LanguageComponent = lang === 'fi' ? 'voikko' : 'hunspell';
  if (inFlight.has(component)) return;
  const load = component === 'voikko' ? preloadVoikko() : preloadHunspell('sv_SE');
  inFlight.set(component, load);
  void load.then(() => inFlight.delete(component));
}

/** The load of a component that preloadLanguage started and that is still under way. */
export function loading(component: LanguageComponent): Promise<void> | undefined {
  return inFlight.get(component);
}

