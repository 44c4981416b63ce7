/**
 * Rules and formatters from npm packages named in the config
 * (`plugins: [aspalint-plugin-acme]`), as ESLint's plugins. A plugin is a
 * package whose `rules/` folder holds rule files in our catalogue's format
 * (`rules/<name>.yaml`, id `<namespace>/<name>`) and whose module exports the
 * checks of the rules that need code, and formatters by name:
 *
 *   export default { checks: { 'acme/order-number': check }, formatters: { 'acme-csv': format } };
 *
 * The namespace comes from the package name: aspalint-plugin-acme → acme,
 * @acme/aspalint-plugin → acme, @acme/aspalint-plugin-tickets → acme-tickets.
 * Rule files are checked as the build checks ours (rule-file.ts); a problem is
 * a ConfigError naming the plugin's file and line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { RawFinding, Trilingual, UiLang } from '../types.js';
import type { CheckContext, RuleContext } from '../checks/types.js';
import type { RuleMeta } from './catalogue.js';
import { loadCatalogue } from './catalogue.js';
import { ConfigError, type Config } from './config.js';
import { configText } from './config-messages.js';
import { readRuleFile } from './rule-file.js';
import { compilePattern } from './phrases.js';

/** A check: a pure function of the analysed reply and the rule's context. */
export type PluginCheck = (reply: RuleContext, ctx: CheckContext) => RawFinding[];

/** The JSON output contract (`--format json`), as a formatter receives it. */
export interface FormatterInput {
  version: 1;
  files: unknown[];
  summary: { files: number; findings: number; errors: number; warnings: number; score: number };
}

export interface FormatterContext {
  cwd: string;
  uiLang: UiLang;
  /** Every rule in force, the plugins' included. */
  rules: RuleMeta[];
}

/** A custom formatter: the report in, the text to print out. */
export type Formatter = (report: FormatterInput, context: FormatterContext) => string;

/** What a plugin module exports (as its default export, or as module.exports). */
export interface PluginModule {
  checks?: Record<string, PluginCheck>;
  formatters?: Record<string, Formatter>;
}

export interface LoadedPlugin {
  /** The package name as the config gives it. */
  name: string;
  namespace: string;
  /** The package's folder. */
  dir: string;
  metas: RuleMeta[];
  checks: Record<string, PluginCheck>;
  formatters: Record<string, Formatter>;
}

/** The namespace of a plugin's rule ids, from its package name; null when the name does not follow the convention. */
export function pluginNamespace(packageName: string): string | null {
  const plain = /^aspalint-plugin-([a-z0-9][a-z0-9-]*)$/.exec(packageName);
  if (plain) return plain[1]!;
  const scoped = /^@([a-z0-9][a-z0-9-._]*)\/aspalint-plugin(?:-([a-z0-9][a-z0-9-]*))?$/.exec(packageName);
  if (scoped) return scoped[2] ? `${scoped[1]}-${scoped[2]}` : scoped[1]!;
  return null;
}

function packageDirOf(entry: string): string {
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return dirname(entry);
    dir = parent;
  }
  return dir;
}

/**
 * Loads one plugin, resolved from `fromDir` as Node resolves a package (a
 * relative path names a folder, for a plugin kept in the repository).
 * `where` is the config file and line that named it, for the errors.
 */
export function loadPlugin(name: string, fromDir: string, where: { file: string; line: number | null } = { file: join(fromDir, '(config)'), line: null }): LoadedPlugin {
  const fail = (message: Trilingual, file = where.file, line = where.line): never => {
    throw new ConfigError(file, line, message);
  };
  const local = name.startsWith('.') || isAbsolute(name);
  const require = createRequire(join(fromDir, 'noop.js'));
  let entry: string;
  try {
    entry = require.resolve(local ? resolve(fromDir, name) : name);
  } catch {
    return fail(configText('pluginNotFound', { name, dir: fromDir, hint: local ? '' : configText('pluginInstallHint', { name }) }));
  }
  const dir = packageDirOf(entry);
  let packageName = name;
  if (local) {
    try {
      packageName = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name ?? '';
    } catch {
      packageName = '';
    }
  }
  const namespace = pluginNamespace(packageName) ?? fail(configText('pluginBadName', { name, packageName }));
  const builtIn = new Set(loadCatalogue().rules.map((r) => r.id.split('/')[0]!));
  builtIn.add('playbook');
  if (builtIn.has(namespace)) fail(configText('pluginBuiltinNamespace', { name, namespace }));

  let loaded: unknown;
  try {
    loaded = require(entry);
  } catch (err) {
    return fail(configText('pluginLoadFailed', { name, reason: (err as Error).message.split('\n')[0]! }));
  }
  const mod = ((loaded as { default?: unknown })?.default ?? loaded) as PluginModule | undefined;
  if (!mod || typeof mod !== 'object') return fail(configText('pluginNoObject', { name }));
  const checks = mod.checks ?? {};
  const formatters = mod.formatters ?? {};
  for (const [what, table] of [['checks', checks], ['formatters', formatters]] as const) {
    if (typeof table !== 'object' || table === null) fail(configText('pluginNotTable', { name, what }));
    for (const [key, fn] of Object.entries(table)) if (typeof fn !== 'function') fail(configText('pluginNotFunction', { name, what, key }));
  }

  const metas: RuleMeta[] = [];
  const rulesDir = join(dir, 'rules');
  const files = existsSync(rulesDir) ? readdirSync(rulesDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  for (const file of files) {
    const path = join(rulesDir, file);
    const id = `${namespace}/${file.replace(/\.ya?ml$/, '')}`;
    const { meta, problems } = readRuleFile(readFileSync(path, 'utf8'), id);
    if (problems.length > 0) fail(configText('pluginRuleFile', { name, reason: problems[0]!.message }), path, problems[0]!.line);
    for (const lang of ['fi', 'sv'] as const) {
      (meta!.phrases?.[lang] ?? []).forEach((entry, i) => {
        if (typeof entry?.match !== 'string' || entry.match.trim() === '') fail(configText('pluginPhraseNoMatch', { name, id, lang, n: i + 1 }), path, null);
        compilePattern(entry.match, lang);
      });
    }
    if (!meta!.phrases && !Object.hasOwn(checks, id)) fail(configText('pluginRuleWithoutCheck', { name, id }), path, 1);
    metas.push(meta!);
  }
  const ids = new Set(metas.map((m) => m.id));
  for (const id of Object.keys(checks)) {
    if (!ids.has(id)) fail(configText('pluginCheckWithoutRule', { name, id, file: relative(fromDir, join(rulesDir, `${id.split('/').slice(1).join('/')}.yaml`)) }));
  }
  return { name, namespace, dir, metas, checks, formatters };
}

const loadedFor = new WeakMap<Config, LoadedPlugin[]>();

/**
 * The plugins a config names, loaded once per config object. loadConfig loads
 * them with the config file's lines for the errors; a config built in code is
 * resolved from `fromDir`.
 */
export function pluginsOf(config: Config, fromDir: string = process.cwd(), lineOf?: (index: number) => number | null, file?: string): LoadedPlugin[] {
  let plugins = loadedFor.get(config);
  if (!plugins) {
    const seen = new Set<string>();
    plugins = (config.plugins ?? []).map((name, i) => {
      const plugin = loadPlugin(name, fromDir, { file: file ?? join(fromDir, '(config)'), line: lineOf?.(i) ?? null });
      if (seen.has(plugin.namespace)) throw new ConfigError(file ?? fromDir, lineOf?.(i) ?? null, configText('pluginSharedNamespace', { namespace: plugin.namespace }));
      seen.add(plugin.namespace);
      return plugin;
    });
    loadedFor.set(config, plugins);
  }
  return plugins;
}
