import { createRequire } from 'node:module';
import { voikkoStatus, getVoikko } from '../text/voikko.js';
import { getHunspell, hunspellStatus } from '../text/hunspell.js';

/**
 * `aspalint doctor`: which optional native components are installed, what
 * they enable, and how to install what is missing. Spelling and grammar
 * rules quietly find nothing in a language whose component is missing; this
 * is where a user finds out why.
 */
export interface DoctorComponent {
  name: string;
  active: boolean;
  /** Version and files when active; the reason when not. */
  detail: string;
  /** The rules (and languages) that need it. */
  affects: string[];
  /** How to install it, when it is missing. */
  install?: string;
}

export interface DoctorReport {
  components: DoctorComponent[];
}

/** The one line that installs every optional component on Debian and Ubuntu. */
export const INSTALL_ALL = 'apt-get install libvoikko1 voikko-fi hunspell-sv';

/** Loads every optional component (a diagnostic: it pays the start-up cost a lint run avoids). */
export function doctorReport(): DoctorReport {
  const components: DoctorComponent[] = [];

  let koffi: { version?: string } | null = null;
  let koffiError = '';
  try {
    koffi = createRequire(import.meta.url)('koffi') as { version?: string };
  } catch (err) {
    koffiError = String(err instanceof Error ? err.message : err).split('\n')[0]!;
  }
  components.push({
    name: 'koffi (native bridge)',
    active: koffi !== null,
    detail: koffi ? `koffi ${koffi.version ?? ''}`.trim() : `not loadable: ${koffiError}`,
    affects: ['Voikko', 'Hunspell'],
    ...(koffi ? {} : { install: 'npm ci (koffi is a dependency; its binary comes in the optional package @koromix/koffi-<platform>)' }),
  });

  const voikko = voikkoStatus();
  const initMs = getVoikko()?.initMs;
  components.push({
    name: 'Voikko (Finnish)',
    active: voikko.active,
    detail: voikko.active && initMs !== undefined ? `${voikko.detail} (loaded in ${Math.round(initMs)} ms)` : voikko.detail,
    affects: ['spelling/typo (fi)', 'grammar/verb-form', 'Finnish base forms and address forms (heuristics without it)'],
    ...(voikko.active || disabled(voikko.detail) ? {} : { install: 'apt-get install libvoikko1 voikko-fi' }),
  });

  for (const dictionary of ['sv_SE', 'sv_FI'] as const) {
    const status = hunspellStatus(dictionary);
    const speller = getHunspell(dictionary);
    components.push({
      name: `Hunspell ${dictionary} (Swedish)`,
      active: status.active,
      detail: status.active && speller ? `${status.detail} (loaded in ${Math.round(speller.initMs)} ms)` : status.detail,
      affects: [dictionary === 'sv_SE' ? 'spelling/typo (sv)' : 'spelling/typo (sv): Finland-Swedish words'],
      ...(status.active || disabled(status.detail) ? {} : { install: 'apt-get install libhunspell-1.7-0 hunspell-sv' }),
    });
  }
  return { components };
}

function disabled(detail: string): boolean {
  return detail.startsWith('disabled by');
}

/** The report as text, one component a line, with install hints for what is missing. */
export function formatDoctor(report: DoctorReport): string {
  const width = Math.max(...report.components.map((c) => c.name.length));
  const lines = ['aspalint doctor: optional components', ''];
  for (const c of report.components) {
    lines.push(`  ${c.active ? 'ok     ' : 'MISSING'}  ${c.name.padEnd(width)}  ${c.detail}`);
    lines.push(`  ${' '.repeat(7)}  ${' '.repeat(width)}  for: ${c.affects.join(', ')}`);
    if (c.install) lines.push(`  ${' '.repeat(7)}  ${' '.repeat(width)}  install: ${c.install}`);
  }
  const missing = report.components.filter((c) => !c.active);
  lines.push('');
  if (missing.length === 0) {
    lines.push('Everything is installed: spelling and grammar checks run in Finnish and Swedish.');
  } else {
    lines.push('Rules whose component is missing find nothing in that language; the other rules are unaffected.');
    lines.push(`On Debian and Ubuntu: ${INSTALL_ALL}  (and libhunspell-1.7-0 if Hunspell's library is missing)`);
    lines.push('ASPALINT_NO_VOIKKO=1 and ASPALINT_NO_HUNSPELL=1 switch a component off on purpose.');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One line for `aspalint --version`: the optional components in use, e.g.
 * "Voikko 4.3.1 (fi), Hunspell sv_SE, sv_FI (sv)". Loads them (~80 ms).
 */
export function componentSummary(report: DoctorReport = doctorReport()): string {
  const [, voikko, ...hunspell] = report.components;
  const parts: string[] = [];
  const version = /libvoikko ([^\s,]+)/.exec(voikko?.detail ?? '')?.[1];
  parts.push(voikko?.active ? `Voikko ${version ?? ''} (fi)`.replace('  ', ' ') : 'Voikko missing (fi)');
  const dictionaries = hunspell.filter((c) => c.active).map((c) => c.name.split(' ')[1]);
  parts.push(dictionaries.length > 0 ? `Hunspell ${dictionaries.join(', ')} (sv)` : 'Hunspell missing (sv)');
  return parts.join(', ');
}
