import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseWordList, WORDS_FILE } from '../checks/spelling/words.js';
import type { Channel, FileResult, LintReport, Message, Summary, UiLang } from '../types.js';
import { loadConfig, settingsFor, matchesGlobs, unusedDirectivesSeverity, type Config, type RuleSetting, type SeverityOrOff, type UnusedDirectivesSetting } from './config.js';
import type { MacroOptions } from '../input/macros.js';
import { lintMessage, lintMessageWhenLoaded, type LintOptions } from './lint-message.js';
import { RuleSet, ruleMetas } from './rules.js';
import { isTemplatePath } from '../text/template.js';
import { pluginsOf, type PluginCheck } from './plugins.js';
import { ignoreMatcher, type IgnoreOptions } from './ignore.js';
import { fileOfPath } from '../input/member-path.js';

export interface LinterOptions {
  /** Path of the config file (already located); none means defaults. */
  configFile?: string | null;
  /** An already-loaded config (the API); wins over configFile. */
  config?: Config;
  /** Severity overrides from the command line; they win over the config. */
  ruleFlags?: Record<string, SeverityOrOff>;
  channel?: Channel;
  lang?: 'auto' | 'fi' | 'sv';
  uiLang?: UiLang;
  customer?: string;
  /** Read every input as a template (--template). */
  template?: boolean;
  /** Keep each message's text on its result (for reports that show replies in context). */
  keepText?: boolean;
  /** --no-inline-config: aspalint-disable comments silence nothing. */
  noInlineConfig?: boolean;
  /** --report-unused-disable-directives: wins over the config's reportUnusedDisableDirectives. */
  reportUnusedDisableDirectives?: UnusedDirectivesSetting;
  /** .aspalintignore, --ignore-path, --ignore-pattern, --no-ignore (besides the config's `ignore:`). */
  ignore?: IgnoreOptions;
}

/** A message as the input layer gives it: the channel and language only when the source said. */
export type LintInput = Omit<Message, 'channel'> & { channel?: Channel };

export interface Linter {
  lint(message: LintInput): FileResult;
  /** lint() while a speller is loading: the rules that need it wait for `loaded` (see lintMessageWhenLoaded). */
  lintWhenLoaded(message: LintInput, component: 'voikko' | 'hunspell', loaded: Promise<void>): Promise<FileResult>;
  /** How to read a file that the config names as a macro collection; undefined for other files. */
  macroSource(path: string): MacroOptions | undefined;
  /** What applies to a file: its channel, language, whether it is a template, and every rule's setting (--print-config). */
  settingsFor(path: string): { channel: Channel; language: 'auto' | 'fi' | 'sv' | 'en'; template: boolean; rules: Record<string, SeverityOrOff | RuleSetting> };
  config: Config;
  configDir: string;
  isIgnored(path: string): boolean;
  /** Whether the config names the file as a macro collection or a template (a folder yields it whatever its ending). */
  isConfigured(path: string): boolean;
}

const CHANNELS: readonly Channel[] = ['email', 'sms', 'chat', 'social'];
const LANGS = ['auto', 'fi', 'sv'];
const UI_LANGS: readonly UiLang[] = ['fi', 'sv', 'en'];
const UNUSED_SETTINGS = ['off', 'info', 'warn', 'warning', 'error'];

/** A library caller's mistake is a clear TypeError or RangeError, not a stack trace from deep inside a check. */
function checkOne(name: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new RangeError(`aspalint: unknown ${name} ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
  }
}

function checkOptions(options: LinterOptions | undefined): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') throw new TypeError('aspalint: options must be an object');
  checkOne('channel', options.channel, CHANNELS);
  checkOne('lang', options.lang, LANGS);
  checkOne('uiLang', options.uiLang, UI_LANGS);
  if (typeof options.reportUnusedDisableDirectives !== 'boolean') checkOne('reportUnusedDisableDirectives', options.reportUnusedDisableDirectives, UNUSED_SETTINGS);
  if (options.customer !== undefined && typeof options.customer !== 'string') throw new TypeError('aspalint: customer must be a string (the customer\'s message)');
}

function checkMessage(message: LintInput): void {
  if (message === null || typeof message !== 'object') throw new TypeError('aspalint: lint() takes a message object { path, text }');
  if (typeof message.text !== 'string') throw new TypeError(`aspalint: the text to lint must be a string, got ${message.text === null ? 'null' : typeof message.text}`);
  checkOne('channel', message.channel, CHANNELS);
  if (message.customer !== undefined && typeof message.customer !== 'string') throw new TypeError('aspalint: customer must be a string (the customer\'s message)');
}

/** Builds a linter: the config resolved, rule sets compiled once per distinct file settings. */
export function createLinter(options: LinterOptions = {}): Linter {
  checkOptions(options);
  const config = options.config ?? (options.configFile ? loadConfig(options.configFile) : {});
  const configDir = options.configFile ? dirname(options.configFile) : process.cwd();
  const pluginChecks = Object.assign({}, ...pluginsOf(config, configDir).map((p) => p.checks)) as Record<string, PluginCheck>;
  const metas = ruleMetas(config);
  const words = userWords(config, configDir);
  const ruleSets = new Map<string, RuleSet>();
  const uiLang = options.uiLang ?? config.uiLang;
  const products = config.products ?? [];
  const isIgnored = ignoreMatcher(config.ignore ?? [], configDir, options.ignore);
  // With --no-inline-config a directive does nothing, so it is not reported either.
  const unusedSeverity = options.noInlineConfig ? undefined : unusedDirectivesSeverity(options.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives);
  const lintOptions: LintOptions = {
    ...(uiLang ? { uiLang } : {}),
    products,
    ...(options.noInlineConfig ? { noInlineConfig: true } : {}),
    ...(unusedSeverity ? { reportUnusedDisableDirectives: unusedSeverity } : {}),
  };
  return {
    config,
    configDir,
    isIgnored,
    isConfigured: (path) =>
      (config.macros ?? []).some((m) => matchesGlobs(m.files, configDir, path)) || ((config.templates ?? []).length > 0 && isTemplatePath(path, config.templates, configDir)),
    macroSource: (path) => {
      const source = (config.macros ?? []).find((m) => matchesGlobs(m.files, configDir, path));
      if (!source) return undefined;
      const { files: _files, ...keys } = source;
      return keys;
    },
    settingsFor(path) {
      const { resolved, rules: given } = prepare({ path, text: '' });
      const rules: Record<string, SeverityOrOff | RuleSetting> = {};
      for (const meta of metas) rules[meta.id] = given[meta.id] ?? meta.severity;
      return { channel: resolved.channel, language: resolved.lang ?? 'auto', template: resolved.template === true, rules };
    },
    lint(message) {
      checkMessage(message);
      const { resolved, ruleSet, lintOptions } = prepare(message);
      return withSource(lintMessage(resolved, ruleSet, lintOptions), resolved);
    },
    async lintWhenLoaded(message, component, loaded) {
      checkMessage(message);
      const { resolved, ruleSet, lintOptions } = prepare(message);
      return withSource(await lintMessageWhenLoaded(resolved, ruleSet, lintOptions, component, loaded), resolved);
    },
  };

  /** The message with its channel, language and template mode resolved, and the rule set of its settings. */
  function prepare(message: LintInput): { resolved: Message; rules: Record<string, SeverityOrOff | RuleSetting>; ruleSet: RuleSet; lintOptions: LintOptions } {
    const settings = settingsFor(config, configDir, message.path === '-' ? null : fileOfPath(message.path));
    const rules = withWords({ ...settings.rules, ...(options.ruleFlags ?? {}) }, words);
    const key = JSON.stringify(rules);
    let ruleSet = ruleSets.get(key);
    if (!ruleSet) {
      ruleSet = new RuleSet(metas, rules, config.phrases ?? {}, pluginChecks);
      ruleSets.set(key, ruleSet);
    }
    // Command-line flags beat what the record itself says, which beats the config for its path.
    const channel = options.channel ?? message.channel ?? settings.channel ?? 'email';
    const flagLang = options.lang && options.lang !== 'auto' ? options.lang : undefined;
    const configLang = settings.language && settings.language !== 'auto' ? settings.language : undefined;
    const lang = flagLang ?? message.lang ?? configLang;
    const resolved: Message = { ...message, channel, ...(lang ? { lang } : {}) };
    const path = fileOfPath(message.path);
    if (resolved.template === undefined && (options.template || (path !== '-' && isTemplatePath(path, config.templates ?? [], configDir)))) {
      resolved.template = true;
    }
    if (options.customer !== undefined && resolved.customer === undefined) resolved.customer = options.customer;
    return { resolved, rules, ruleSet, lintOptions };
  }

  function withSource(result: FileResult, resolved: Message): FileResult {
    if (options.keepText) result.source = { text: resolved.text, ...(resolved.customer !== undefined ? { customer: resolved.customer } : {}) };
    return result;
  }
}

/** The user's dictionary: `words:` in the config and .aspalint-words.txt beside it. */
function userWords(config: Config, configDir: string): string[] {
  const words = [...(config.words ?? [])];
  const file = join(configDir, WORDS_FILE);
  if (existsSync(file)) words.push(...parseWordList(readFileSync(file, 'utf8')));
  return words;
}

/** The spelling rule's options with the user's words added (options merge shallowly: its defaults stay). */
function withWords(rules: Record<string, SeverityOrOff | RuleSetting>, words: string[]): Record<string, SeverityOrOff | RuleSetting> {
  if (words.length === 0) return rules;
  const current = rules['spelling/typo'];
  const setting: RuleSetting = typeof current === 'string' ? { severity: current } : (current ?? {});
  return { ...rules, 'spelling/typo': { ...setting, options: { ...(setting.options ?? {}), words } } };
}

export function addToSummary(summary: Summary, r: FileResult): void {
  summary.files++;
  summary.findings += r.findings.length;
  summary.suppressed += r.suppressed;
  summary.score += r.score;
  for (const f of r.findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
}

export function summarize(results: FileResult[]): Summary {
  const summary: Summary = { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 };
  for (const r of results) addToSummary(summary, r);
  return summary;
}

/** Lints messages that are already in memory. */
export function lintMessages(messages: Message[], options: LinterOptions = {}): LintReport {
  const linter = createLinter(options);
  const results = messages.map((m) => linter.lint(m));
  return { results, errors: [], summary: summarize(results) };
}

/** Lints one text (the API for agents): `lintText(draft, { channel: 'email' })`. */
export function lintText(text: string, options: LinterOptions & { path?: string } = {}): FileResult {
  if (typeof text !== 'string') throw new TypeError(`aspalint: lintText() needs the reply's text as a string, got ${text === null ? 'null' : typeof text}`);
  const linter = createLinter(options);
  return linter.lint({ path: options.path ?? '-', text });
}

// Files are linted by the run pipeline (engine/pipeline.ts), which the CLI uses too.
export { lintFiles } from './pipeline.js';
