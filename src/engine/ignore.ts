/**
 * Which files a run leaves alone: the config's `ignore:` globs, an
 * `.aspalintignore` file (gitignore syntax) and `--ignore-pattern`s, the way
 * ESLint combines `ignorePatterns`, `.eslintignore` and its flags.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, globMatcher, relativePath } from './config.js';

const IGNORE_FILE = '.aspalintignore';

export interface IgnoreOptions {
  /** --no-ignore: nothing is ignored. */
  noIgnore?: boolean;
  /** --ignore-path: this file instead of the .aspalintignore beside the config. */
  ignorePath?: string;
  /** --ignore-pattern: gitignore-style patterns, relative to the working folder. */
  patterns?: string[];
}

interface Rule {
  negated: boolean;
  match: (rel: string) => boolean;
}

/** One gitignore line as globs: "drafts/" is a folder anywhere, "/x" and "a/b" are anchored, "*.bak" matches at any depth. */
function ruleOf(line: string): Rule | undefined {
  let p = line.replace(/(?<!\\)\s+$/, '');
  if (p === '' || p.startsWith('#')) return undefined;
  const negated = p.startsWith('!');
  if (negated) p = p.slice(1);
  p = p.replace(/^\\([#!])/, '$1');
  const folder = p.endsWith('/');
  if (folder) p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return undefined;
  const base = anchored ? p : `**/${p}`;
  const globs = folder ? [`${base}/**`] : [base, `${base}/**`];
  return { negated, match: globMatcher(globs) };
}

/** Rules of a gitignore-style text; the later line wins, as in git. */
function parseIgnore(text: string): Rule[] {
  return text.split(/\r?\n/).flatMap((l) => ruleOf(l) ?? []);
}

function matches(rules: Rule[], rel: string): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.negated === ignored && rule.match(rel)) ignored = !rule.negated;
  return ignored;
}

/**
 * The run's "is this file ignored?" predicate. `configGlobs` are relative to
 * `configDir`; the ignore file's lines to its own folder; patterns to `cwd`.
 * A path outside a base folder is never matched by that base's rules.
 */
export function ignoreMatcher(configGlobs: string[], configDir: string, options: IgnoreOptions = {}, cwd: string = process.cwd()): (path: string) => boolean {
  if (options.noIgnore) return () => false;
  const sources: { base: string; rules?: Rule[]; globs?: (rel: string) => boolean }[] = [];
  if (configGlobs.length > 0) sources.push({ base: configDir, globs: globMatcher(configGlobs) });
  const file = options.ignorePath ? resolve(cwd, options.ignorePath) : join(configDir, IGNORE_FILE);
  if (options.ignorePath || existsSync(file)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(options.ignorePath ?? file, null, `cannot read ignore file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    sources.push({ base: dirname(file), rules: parseIgnore(text) });
  }
  if (options.patterns?.length) sources.push({ base: cwd, rules: options.patterns.flatMap((p) => ruleOf(p) ?? []) });
  if (sources.length === 0) return () => false;
  return (path) => {
    if (path === '-') return false;
    return sources.some((s) => {
      const rel = relativePath(s.base, path);
      if (rel.startsWith('../') || rel === '..') return false;
      return s.globs ? s.globs(rel) : matches(s.rules!, rel);
    });
  };
}
