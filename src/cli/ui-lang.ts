import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { UiLang } from '../types.js';
import { findConfig } from '../engine/config.js';
import { defaultUiLang } from '../report/i18n.js';

/** The value of an option in raw argv ("--ui-lang fi", "--ui-lang=fi"), before "--"; the last one wins, as commander's does. */
function argValue(argv: readonly string[], names: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    for (const name of names) {
      if (a === name && i + 1 < argv.length) value = argv[i + 1];
      else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
    }
  }
  return value;
}

/**
 * A top-level setting read off the config's text line by line ("uiLang: fi"): the
 * config may be the very thing that is broken, so it is not parsed as YAML here.
 */
function configSetting(file: string, key: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return new RegExp(`^${key}:[ \\t]*["']?(\\w+)["']?[ \\t]*(?:#.*)?$`, 'm').exec(text)?.[1];
}

const UI_LANGS = new Set(['fi', 'sv', 'en']);

/**
 * The language of a usage or config error, said before any reply is read: --ui-lang,
 * the config's uiLang, then the replies' language if it is forced (--lang, the config's
 * language), then the locale (LC_ALL, LC_MESSAGES, LANG). The config is the one the run
 * would read (-c, else the nearest one upward), or `configFile` when the error is in it.
 */
export function errorUiLang(argv: readonly string[], io: { env: NodeJS.ProcessEnv; cwd: string }, configFile?: string): UiLang {
  const flag = argValue(argv, ['--ui-lang']);
  if (flag && UI_LANGS.has(flag)) return flag as UiLang;
  // The file the error is in (a config, a plugin's rule file), then the config the run reads.
  const files: string[] = [];
  if (configFile && configFile !== '--rule') files.push(resolve(io.cwd, configFile));
  if (!argv.includes('--no-config')) {
    const named = argValue(argv, ['-c', '--config']);
    const found = named ? resolve(io.cwd, named) : findConfig(io.cwd);
    if (found) files.push(found);
  }
  for (const file of files) {
    const uiLang = configSetting(file, 'uiLang');
    if (uiLang && UI_LANGS.has(uiLang)) return uiLang as UiLang;
  }
  const forced = argValue(argv, ['--lang']) ?? files.map((f) => configSetting(f, 'language')).find((l) => l !== undefined);
  if (forced === 'fi' || forced === 'sv') return forced;
  return defaultUiLang([], io.env);
}
