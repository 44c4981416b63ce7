/**
 * What a run's results depend on besides each message: the tool (its version
 * and build), the effective config, the command line's settings and the
 * language components installed. Any change gives another fingerprint, and
 * the lint cache (engine/cache.ts) then reuses nothing. Only cheap facts are
 * read: no speller is loaded, so a run that finds every result cached does
 * not pay for Voikko or the Swedish dictionaries.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { WORDS_FILE } from '../checks/spelling/words.js';
import { voikkoLibraryVersion } from '../text/voikko.js';
import { hunspellFiles } from '../text/hunspell.js';
import { packageRoot } from './catalogue.js';
import { pluginsOf } from './plugins.js';
import type { Linter, LinterOptions } from './linter.js';

/** Size and modification time of a file, or that it is absent (package managers keep a file's time, so CI's fresh checkouts agree). */
function fileStamp(path: string): string {
  try {
    const s = statSync(path);
    return `${path}:${s.size}:${Math.round(s.mtimeMs)}`;
  } catch {
    return `${path}:absent`;
  }
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** The build: the package's version, the bundle's build id (new on every build) and the rule catalogue. */
function toolPart(): string {
  const root = packageRoot();
  const version = (JSON.parse(readOr(join(root, 'package.json'), '{}')) as { version?: string }).version ?? '?';
  const buildLine = readOr(join(root, 'dist', 'aspalint.cjs'), '').slice(0, 64).split('\n')[0];
  const catalogue = createHash('sha256').update(readOr(join(root, 'dist', 'catalogue.json'), '')).digest('hex');
  // Word segmentation and case folding come from the runtime's ICU.
  return JSON.stringify([version, buildLine, catalogue, process.versions.node, process.versions.icu ?? '']);
}

/** Where libvoikko looks for dictionaries (its own search order), as stamps of the files found. */
function voikkoDictionaryStamps(): string[] {
  const dirs = [
    ...(process.env.VOIKKO_DICTIONARY_PATH ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean),
    join(homedir(), '.voikko'),
    '/etc/voikko',
    '/usr/lib/voikko',
    '/usr/lib64/voikko',
    '/usr/share/voikko',
    '/usr/local/lib/voikko',
    '/usr/local/share/voikko',
    '/opt/homebrew/lib/voikko',
  ];
  const stamps: string[] = [];
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) if (e.isFile()) stamps.push(fileStamp(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)));
  }
  return stamps.sort();
}

/** Voikko and the Swedish dictionaries: present or not (and why), library versions, dictionary files. */
function componentsPart(): string {
  const swedish = ['sv_SE', 'sv_FI'].map((d) => {
    const files = hunspellFiles(d);
    return 'detail' in files ? files.detail : [files.library, fileStamp(files.aff), fileStamp(files.dic)];
  });
  return JSON.stringify([voikkoLibraryVersion(), voikkoDictionaryStamps(), swedish]);
}

/** The config as loaded, the folder its globs are relative to, the user's word list and the plugins' rules. */
function configPart(linter: Linter): string {
  const plugins = pluginsOf(linter.config, linter.configDir).map((p) => [p.name, p.dir, readOr(join(p.dir, 'package.json'), ''), p.metas]);
  return JSON.stringify([linter.config, linter.configDir, readOr(join(linter.configDir, WORDS_FILE), ''), plugins]);
}

/** The command line's settings that change results (not which files are read: that is the ignore options'). */
function optionsPart(options: LinterOptions): string {
  const { config: _config, ignore: _ignore, ...rest } = options;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

/** The fingerprint of a run: equal fingerprints, equal messages, equal results. */
export function runFingerprint(linter: Linter, options: LinterOptions): string {
  const hash = createHash('sha256');
  for (const part of [toolPart(), configPart(linter), optionsPart(options), componentsPart()]) hash.update(part).update('\0');
  return hash.digest('hex');
}
