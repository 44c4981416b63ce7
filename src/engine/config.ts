import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Document, LineCounter } from 'yaml';
import type { Channel, Severity, Trilingual, UiLang } from '../types.js';
import { configText, schemaReason, yamlReason } from './config-messages.js';
import { loadCatalogue, packageRoot, type PhraseLists } from './catalogue.js';
import { yaml } from '../input/yaml.js';
import { pluginsOf } from './plugins.js';
import { lineOf } from './rule-file.js';
import { unsafePattern } from '../checks/thread/safe-pattern.js';

export type SeverityOrOff = Severity | 'off';

export interface RuleSetting {
  severity?: SeverityOrOff;
  weight?: number;
  options?: Record<string, unknown>;
}

export interface CustomRule {
  title?: string | Partial<Record<UiLang, string>>;
  message?: string | Partial<Record<UiLang, string>>;
  severity?: Severity;
  weight?: number;
  bingo?: string;
  phrases: PhraseLists;
}

export interface Override {
  files: string[];
  channel?: Channel;
  language?: 'auto' | 'fi' | 'sv';
  rules?: Record<string, SeverityOrOff | RuleSetting>;
}

export interface Config {
  language?: 'auto' | 'fi' | 'sv';
  channel?: Channel;
  uiLang?: UiLang;
  /** The zone reports show times in (IANA, "Europe/Helsinki"); default: each mail's own offset. */
  timeZone?: string;
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  phrases?: Record<string, PhraseLists>;
  customRules?: Record<string, CustomRule>;
  products?: string[];
  /** The organisation's own words (names, products, jargon it accepts): spelling leaves them alone. */
  words?: string[];
  ignore?: string[];
  /**
   * Trainers' own playbooks: a situation in the customer's message and the
   * moves a good reply makes in it; each is a rule "playbook/<name>".
   */
  playbooks?: Record<string, PlaybookConfig>;
  /** Reading archives: who the agents are, CSV columns, the threading window. */
  archive?: { agents?: string[]; columns?: string | Record<string, string>; threadWindow?: number };
  /** Files read as templates, besides .hbs, .mustache, .liquid and .njk. */
  templates?: string[];
  /** Macro collections (YAML/JSON files of many canned replies) and where their replies are. */
  macros?: MacroSource[];
  overrides?: Override[];
  /** npm packages (or folders) of rules and formatters: aspalint-plugin-<name> (engine/plugins.ts). */
  plugins?: string[];
  /** An aspalint-disable comment that silences nothing is a finding of this severity (ESLint's setting: true is warn). */
  reportUnusedDisableDirectives?: UnusedDirectivesSetting;
}

export type UnusedDirectivesSetting = SeverityOrOff | 'warn' | boolean;

/** The severity of unused-directive findings a setting asks for; undefined for none. */
export function unusedDirectivesSeverity(setting: UnusedDirectivesSetting | undefined): Severity | undefined {
  if (setting === undefined || setting === false || setting === 'off') return undefined;
  if (setting === true || setting === 'warn') return 'warning';
  return setting;
}

export interface PlaybookConfig {
  title?: string | Partial<Record<UiLang, string>>;
  severity?: Severity;
  weight?: number;
  trigger: Partial<Record<'fi' | 'sv', string[]>>;
  moves: { id: string; title: string | Partial<Record<UiLang, string>>; cues: Partial<Record<'fi' | 'sv', string[]>> }[];
}

export interface MacroSource {
  files: string[];
  list?: string;
  title?: string;
  body?: string;
}

/** A configuration problem: printed as "file:line: message", exit code 2. */
export class ConfigError extends Error {
  /** The message in Finnish, Swedish and English, when it has been translated (`message` is the English). */
  readonly texts?: Trilingual;

  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string | Trilingual,
  ) {
    super(typeof message === 'string' ? message : message.en);
    if (typeof message !== 'string') this.texts = message;
  }

  /** "file:line: message", in the UI language (English by default, and for a message not translated). */
  override toString(lang: UiLang = 'en'): string {
    return `${this.file}${this.line ? `:${this.line}` : ''}: ${this.texts?.[lang] ?? this.message}`;
  }
}

export const CONFIG_NAMES = ['.aspalintrc.yaml', '.aspalintrc.yml'];

/** The nearest config file upward from a folder, or null. */
export function findConfig(from: string): string | null {
  let dir = resolve(from);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

interface Validator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; params: Record<string, unknown>; keyword: string }[] | null;
}

const require = createRequire(import.meta.url);

/**
 * The schema validator, compiled by the build (ajv standalone): compiling the
 * schema at run time would cost ~100 ms of every run that has a config.
 */
function schemaValidator(): Validator {
  return require(join(packageRoot(), 'dist', 'config-validator.cjs')) as Validator;
}

/** Reads and validates a config file; every problem names the file and the line. */
export function loadConfig(file: string): Config {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, null, configText('cannotRead', { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    throw new ConfigError(file, counter.linePos(err.pos[0]).line, configText('invalidYaml', { reason: yamlReason(err.code, err.message.split('\n')[0]!) }));
  }
  let data: unknown;
  try {
    // An alias bomb ("a: &a [*b, *b, …]" nested) is refused by the YAML reader's alias limit.
    data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  } catch (err) {
    throw new ConfigError(file, null, configText('invalidYaml', { reason: (err as Error).message.split('\n')[0]! }));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(file, 1, configText('notMapping'));
  }
  const validate = schemaValidator();
  if (!validate(data)) {
    const error = validate.errors![0]!;
    const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = error.params.additionalProperty as string | undefined;
    let message = configText('badValue', { path: path.join('.') || 'config', reason: schemaReason(error) });
    if (extra) {
      path.push(extra);
      message = configText('unknownSetting', { path: path.join('.') });
    }
    throw new ConfigError(file, lineOf(doc, counter, path), message);
  }
  const config = data as Config;
  if (config.timeZone !== undefined && !isTimeZone(config.timeZone)) {
    throw new ConfigError(file, lineOf(doc, counter, ['timeZone']), configText('unknownTimeZone', { zone: config.timeZone }));
  }
  pluginsOf(config, dirname(file), (i) => lineOf(doc, counter, ['plugins', i]), file);
  checkRuleIds(config, file, doc, counter);
  checkRuleOptions(config, file, doc, counter);
  checkPlaybooks(config, file, doc, counter);
  return config;
}

/**
 * Each built-in rule declares the options it takes and their schema
 * (optionsSchema in its YAML): an option it does not take, or a value of the
 * wrong kind ("allow: 5", "smsMaxSegments: many"), is a config error at its
 * line instead of a crash or a NaN in the report. Plugins' rules check their own.
 */
function checkRuleOptions(config: Config, file: string, doc: Document, counter: LineCounter): void {
  const settings: [string, RuleSetting, (string | number)[]][] = [];
  for (const [id, s] of Object.entries(config.rules ?? {})) if (typeof s === 'object' && s.options) settings.push([id, s, ['rules', id]]);
  (config.overrides ?? []).forEach((o, i) => {
    for (const [id, s] of Object.entries(o.rules ?? {})) if (typeof s === 'object' && s.options) settings.push([id, s, ['overrides', i, 'rules', id]]);
  });
  if (settings.length === 0) return;
  const rules = new Map(loadCatalogue().rules.map((r) => [r.id, r]));
  let ajv: import('ajv').default | undefined;
  for (const [id, setting, path] of settings) {
    const rule = rules.get(id);
    if (!rule) continue;
    const schema = rule.optionsSchema ?? {};
    const known = Object.keys(schema);
    for (const [key, value] of Object.entries(setting.options!)) {
      const at = lineOf(doc, counter, [...path, 'options', key]);
      if (!Object.hasOwn(schema, key)) {
        throw new ConfigError(file, at, configText('noSuchOption', { id, key, known: known.length > 0 ? configText('optionsAre', { list: known.join(', ') }) : configText('noOptions') }));
      }
      if (!ajv) {
        const Ajv = require('ajv') as typeof import('ajv');
        ajv = new (Ajv.default ?? (Ajv as unknown as typeof import('ajv').default))({ allErrors: false, strict: false });
      }
      const validate = ajv.compile(schema[key]!);
      if (!validate(value)) {
        const error = validate.errors![0]!;
        const where = error.instancePath ? `${key}${error.instancePath.replace(/\//g, '.')}` : key;
        throw new ConfigError(file, at, configText('badOption', { id, key: where, reason: schemaReason(error) }));
      }
    }
  }
}

type PatternLists = Partial<Record<'fi' | 'sv', string[]>>;

/**
 * Playbook cues are regular expressions: a broken or exponential one is a
 * config error at its line. Both the config's own playbooks and a rule's
 * `playbook` option (thread/cancellation-steps, its trigger, except and cues).
 */
function checkPlaybooks(config: Config, file: string, doc: Document, counter: LineCounter): void {
  const playbooks: [string, (string | number)[], { trigger?: PatternLists; except?: PatternLists; moves?: { cues?: PatternLists }[] }][] = [];
  for (const [name, playbook] of Object.entries(config.playbooks ?? {})) playbooks.push([name, ['playbooks', name], playbook]);
  const fromRules = (rules: Config['rules'], path: (string | number)[]) => {
    for (const [id, s] of Object.entries(rules ?? {})) {
      const option = typeof s === 'object' ? (s.options?.playbook as (typeof playbooks)[number][2] | undefined) : undefined;
      if (option && typeof option === 'object') playbooks.push([id, [...path, id, 'options', 'playbook'], option]);
    }
  };
  fromRules(config.rules, ['rules']);
  (config.overrides ?? []).forEach((o, i) => fromRules(o.rules, ['overrides', i, 'rules']));
  for (const [name, at, playbook] of playbooks) {
    const lists: [(string | number)[], string[] | undefined][] = [];
    for (const l of ['fi', 'sv'] as const) {
      lists.push([[...at, 'trigger', l], playbook.trigger?.[l]]);
      lists.push([[...at, 'except', l], playbook.except?.[l]]);
      (playbook.moves ?? []).forEach((m, i) => lists.push([[...at, 'moves', i, 'cues', l], m.cues?.[l]]));
    }
    for (const [path, patterns] of lists) {
      if (!Array.isArray(patterns)) continue;
      patterns.forEach((pattern, i) => {
        if (typeof pattern !== 'string') return;
        try {
          new RegExp(pattern, 'iu');
        } catch (err) {
          throw new ConfigError(file, lineOf(doc, counter, [...path, i]), configText('badPattern', { name, reason: (err as Error).message }));
        }
        // Cues run on customers' text: one that backtracks exponentially would hang the run.
        const unsafe = unsafePattern(pattern);
        if (unsafe) {
          throw new ConfigError(file, lineOf(doc, counter, [...path, i]), configText('slowPattern', { name, reason: unsafe }));
        }
      });
    }
  }
}

function checkRuleIds(config: Config, file: string, doc: Document, counter: LineCounter): void {
  const known = new Set(loadCatalogue().rules.map((r) => r.id));
  for (const name of Object.keys(config.playbooks ?? {})) known.add(`playbook/${name}`);
  const pluginMetas = pluginsOf(config, dirname(file)).flatMap((p) => p.metas);
  for (const meta of pluginMetas) known.add(meta.id);
  for (const id of Object.keys(config.customRules ?? {})) {
    if (known.has(id)) throw new ConfigError(file, lineOf(doc, counter, ['customRules', id]), configText('customIsBuiltin', { id }));
    known.add(id);
  }
  const phraseRules = new Set(loadCatalogue().rules.filter((r) => r.phrases).map((r) => r.id));
  for (const id of Object.keys(config.customRules ?? {})) phraseRules.add(id);
  for (const meta of pluginMetas) if (meta.phrases) phraseRules.add(meta.id);
  const seen: [string, (string | number)[]][] = [];
  for (const id of Object.keys(config.rules ?? {})) seen.push([id, ['rules', id]]);
  (config.overrides ?? []).forEach((o, i) => {
    for (const id of Object.keys(o.rules ?? {})) seen.push([id, ['overrides', i, 'rules', id]]);
  });
  for (const [id, path] of seen) {
    if (!known.has(id)) throw new ConfigError(file, lineOf(doc, counter, path), unknownRuleMessage(id, known));
  }
  for (const id of Object.keys(config.phrases ?? {})) {
    if (!phraseRules.has(id)) {
      throw new ConfigError(file, lineOf(doc, counter, ['phrases', id]), configText('phrasesNotPhraseRule', { id }));
    }
  }
}

/** Whether the runtime knows a time zone name (IANA: "Europe/Helsinki", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "unknown rule id "x" (did you mean y?)", in the three languages. */
export function unknownRuleMessage(id: string, known: Iterable<string>): Trilingual {
  const ids = [...known];
  const close = ids.find((k) => editDistance(k, id) <= 2);
  const text = configText('unknownRule', { id });
  if (!close) return text;
  const hint = configText('didYouMean', { id: close });
  return { fi: text.fi + hint.fi, sv: text.sv + hint.sv, en: text.en + hint.en };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The settings that apply to one file: the config with its matching overrides applied. */
export interface FileSettings {
  channel?: Channel;
  language?: 'auto' | 'fi' | 'sv';
  rules: Record<string, SeverityOrOff | RuleSetting>;
}

/** Compiled glob matchers, once per list: compiling one per file was a third of a batch run. */
const matchers = new WeakMap<string[], (path: string) => boolean>();

/** The matcher of a list of globs, relative paths with forward slashes, dotfiles included (config globs and ignore rules alike). */
export function globMatcher(globs: string[]): (path: string) => boolean {
  let match = matchers.get(globs);
  if (!match) matchers.set(globs, (match = picomatch(globs, { dot: true })));
  return match;
}

/** Settings for a file (null: stdin, which no override names). */
export function settingsFor(config: Config, configDir: string, path: string | null): FileSettings {
  const settings: FileSettings = { rules: { ...(config.rules ?? {}) } };
  if (config.channel) settings.channel = config.channel;
  if (config.language) settings.language = config.language;
  // Most configs have no overrides: the path is not worked out for nothing, once per file of a batch.
  if (path === null || !config.overrides?.length) return settings;
  const rel = relativePath(configDir, path);
  for (const override of config.overrides ?? []) {
    if (!globMatcher(override.files)(rel)) continue;
    if (override.channel) settings.channel = override.channel;
    if (override.language) settings.language = override.language;
    Object.assign(settings.rules, override.rules ?? {});
  }
  return settings;
}

/** Whether a path, taken relative to the config's folder, matches any of the globs. */
export function matchesGlobs(globs: string[], configDir: string, path: string): boolean {
  return globMatcher(globs)(relativePath(configDir, path));
}

/** A path relative to a folder, with forward slashes, as globs are written ("../x" when outside it). */
export function relativePath(base: string, path: string): string {
  return relative(base, resolve(path)).split(sep).join('/');
}
