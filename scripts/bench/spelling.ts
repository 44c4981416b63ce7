/**
 * What the language components cost to load, measured in this process: Voikko
 * and each Swedish Hunspell dictionary (the first one loaded also pays for
 * koffi). What spelling costs in a run is measured by the bench itself: the
 * same batch with ASPALINT_NO_VOIKKO=1 ASPALINT_NO_HUNSPELL=1.
 */
import { getVoikko, voikkoStatus } from '../../src/text/voikko.js';
import { getHunspell, hunspellStatus } from '../../src/text/hunspell.js';

export interface ComponentLoad {
  component: string;
  active: boolean;
  detail: string;
  /** Milliseconds to load it. */
  loadMs?: number;
}

export function measureLoads(): ComponentLoad[] {
  const loads: ComponentLoad[] = [];
  let t = performance.now();
  const voikko = getVoikko();
  loads.push({ component: 'Voikko (fi)', active: voikko !== null, detail: voikkoStatus().detail, ...(voikko ? { loadMs: performance.now() - t } : {}) });
  for (const dictionary of ['sv_SE', 'sv_FI']) {
    t = performance.now();
    const speller = getHunspell(dictionary);
    loads.push({ component: `Hunspell ${dictionary} (sv)`, active: speller !== null, detail: hunspellStatus(dictionary).detail, ...(speller ? { loadMs: performance.now() - t } : {}) });
  }
  return loads.map((l) => (l.loadMs === undefined ? l : { ...l, loadMs: Math.round(l.loadMs * 10) / 10 }));
}
