/**
 * Formatters from outside, by name, as ESLint finds them: a plugin's
 * `formatters`, an npm package aspalint-formatter-<name>, or a path to a
 * module. A formatter gets the JSON output contract and returns the text to
 * print.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import type { LintReport, Trilingual } from '../types.js';
import { t, UI } from './i18n.js';
import type { Formatter, FormatterContext, LoadedPlugin } from '../engine/plugins.js';
import { fileObject, summaryObject } from './json.js';

export class FormatterNotFound extends Error {
  /** For "unknown format": the message in the three languages. */
  readonly texts?: Trilingual;

  constructor(message: string | Trilingual) {
    super(typeof message === 'string' ? message : message.en);
    if (typeof message !== 'string') this.texts = message;
  }
}

function packageNameOf(name: string): string {
  if (name.startsWith('@')) return name.includes('/aspalint-formatter') ? name : `${name}/aspalint-formatter`;
  return name.startsWith('aspalint-formatter-') ? name : `aspalint-formatter-${name}`;
}

/** The formatter called `name`; FormatterNotFound with the choices when there is none. */
export function findFormatter(name: string, plugins: LoadedPlugin[], cwd: string, builtIn: readonly string[]): Formatter {
  for (const plugin of plugins) if (Object.hasOwn(plugin.formatters, name)) return plugin.formatters[name]!;
  const require = createRequire(join(cwd, 'noop.js'));
  const path = name.startsWith('.') || isAbsolute(name) ? resolve(cwd, name) : packageNameOf(name);
  let loaded: unknown;
  try {
    loaded = require(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !(err as Error).message.includes(path)) {
      throw new FormatterNotFound(`formatter "${name}" failed to load: ${(err as Error).message.split('\n')[0]}`);
    }
    const fromPlugins = plugins.flatMap((p) => Object.keys(p.formatters));
    const data = { name, choices: [...builtIn, ...fromPlugins].join(', '), package: packageNameOf(name) };
    throw new FormatterNotFound({ fi: t(UI.unknownFormat, 'fi', data), sv: t(UI.unknownFormat, 'sv', data), en: t(UI.unknownFormat, 'en', data) });
  }
  const fn = (loaded as { default?: unknown })?.default ?? loaded;
  if (typeof fn !== 'function') throw new FormatterNotFound(`formatter "${name}" (${path}) exports no function`);
  return fn as Formatter;
}

/** Runs a formatter on a report; it gets the document `--format json` prints. */
export function runFormatter(format: Formatter, report: LintReport, context: FormatterContext): string {
  const out = format({ version: 1, files: report.results.map(fileObject), summary: summaryObject(report.summary) }, context);
  if (typeof out !== 'string') throw new FormatterNotFound('the formatter returned no text');
  return out.endsWith('\n') || out === '' ? out : `${out}\n`;
}
