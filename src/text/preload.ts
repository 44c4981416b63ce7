import type { Lang } from '../types.js';
import { preloadVoikko } from './voikko.js';
import { preloadHunspell } from './hunspell.js';

/**
 * Loading a speller is native work (Voikko ~15 ms, a Swedish Hunspell
 * dictionary ~70 ms) that can run in a background thread while the main
 * thread loads rules and config. These helpers start it and wait for it.
 */

export type LanguageComponent = 'voikko' | 'hunspell';

const inFlight = new Map<LanguageComponent, Promise<void>>();

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

