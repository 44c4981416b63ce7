import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Channel, UiLang } from '../types.js';
import type { InputFormat } from '../input/read-inputs.js';
import { GROUP_BY, type GroupBy } from '../report/groups.js';
import { isTimeZone } from '../engine/config.js';
import { helpText, type HelpKey } from './help-text.js';

export interface LintFlags {
  format: string;
  channel?: Channel;
  lang: 'auto' | 'fi' | 'sv';
  customer?: string;
  /** A file, or false for --no-config. */
  config?: string | false;
  uiLang?: UiLang;
  quiet?: boolean;
  maxWarnings?: number;
  maxScore?: number;
  rule?: string[];
  output?: string;
  inputFormat: InputFormat;
  /** Repeatable flags have no default, so --help shows none: absent is none given. */
  agents?: string[];
  columns?: string;
  jobs?: number;
  template?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  groupBy?: GroupBy;
  redact?: boolean;
  /** false for --no-ignore. */
  ignore: boolean;
  ignorePath?: string;
  ignorePattern?: string[];
  exitZero?: boolean;
  /** --color / --no-color; undefined: FORCE_COLOR, NO_COLOR and the terminal decide. */
  color?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  /** false for --no-inline-config. */
  inlineConfig: boolean;
  timeZone?: string;
  /** --report-unused-disable-directives (error, as in ESLint 9) and --report-unused-disable-directives-severity. */
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: 'off' | 'info' | 'warn' | 'warning' | 'error';
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'content';
}

// commander names the option in an InvalidArgumentError's message ("option '--jobs <n>' argument 'x' is invalid. …").
function intArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

function timeZoneArg(value: string): string {
  if (!isTimeZone(value)) throw new InvalidArgumentError('expected an IANA time zone such as Europe/Helsinki, or UTC.');
  return value;
}

function positiveInt(value: string): number {
  const n = intArg(value);
  if (n < 1) throw new InvalidArgumentError('expected at least 1.');
  return n;
}

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html', 'compact', 'checkstyle'];
export const BINGO_FORMATS = ['stylish', 'json', 'html'];

export function addLintOptions(cmd: Command, formats: string[], withFix: boolean, lang: UiLang = 'en'): Command {
  const h = (key: HelpKey, data?: Record<string, string>) => helpText(key, lang, data);
  cmd
    // The lint command also takes formatters from plugins, packages and paths (report/custom-formatter.ts).
    .addOption(
      withFix
        ? new Option('-f, --format <format>', h('formatOrModule', { formats: formats.join(', ') })).default(formats[0])
        : new Option('-f, --format <format>', h('format')).choices(formats).default(formats[0]),
    )
    .addOption(new Option('--channel <channel>', h('channel')).choices(['email', 'sms', 'chat', 'social']))
    .addOption(new Option('--lang <lang>', h('lang')).choices(['auto', 'fi', 'sv']).default('auto'))
    .option('--customer <file>', h('customer'))
    .option('-c, --config <file>', h('config'))
    .option('--no-config', h('noConfig'))
    .option('--print-config <file>', h('printConfig'))
    .option('--ignore-path <file>', h('ignorePath'))
    .option('--ignore-pattern <pattern>', h('ignorePattern'), (v: string, acc?: string[]) => [...(acc ?? []), v])
    .option('--no-ignore', h('noIgnore'))
    .option('--no-inline-config', h('noInlineConfig'))
    .option('--report-unused-disable-directives', h('reportUnused'))
    .addOption(
      new Option('--report-unused-disable-directives-severity <severity>', h('reportUnusedSeverity')).choices(['off', 'info', 'warn', 'warning', 'error']),
    )
    .option('--stdin-filename <path>', h('stdinFilename'))
    .addOption(new Option('--ui-lang <lang>', h('uiLang')).choices(['fi', 'sv', 'en']))
    .option('-q, --quiet', h('quiet'))
    .option('--exit-zero', h('exitZero'))
    .option('--color', h('color'))
    .option('--no-color', h('noColor'))
    .option('--max-warnings <n>', h('maxWarnings'), intArg)
    .option('--max-score <n>', h('maxScore'), intArg)
    .option('--rule <id=severity>', h('rule'), (v: string, acc?: string[]) => [...(acc ?? []), v])
    .option('-o, --output <file>', h('output'))
    .addOption(new Option('--input-format <format>', h('inputFormat')).choices(['text', 'jsonl', 'eml', 'mbox', 'csv']).default('text'))
    .option('--agents <patterns>', h('agents'), (v: string, acc?: string[]) => [...(acc ?? []), ...v.split(',').map((s) => s.trim()).filter(Boolean)])
    .option('--columns <mapping>', h('columns'))
    .option('-j, --jobs <n>', h('jobs'), positiveInt)
    .option('--template', h('template'))
    .option('--time-zone <zone>', h('timeZone'), timeZoneArg)
    .addOption(new Option('--group-by <key>', h('groupBy')).choices([...GROUP_BY]))
    .option('--redact', h('redact'))
    .option('--cache', h('cache'))
    .option('--cache-location <path>', h('cacheLocation'))
    // Content only: hashing a reply costs little beside linting it, and CI checkouts change every file's time.
    .addOption(new Option('--cache-strategy <strategy>', h('cacheStrategy')).choices(['content']).default('content'));
  if (withFix) {
    cmd
      .option('--fix', h('fix'))
      .option('--fix-dry-run', h('fixDryRun'));
  }
  return cmd;
}
