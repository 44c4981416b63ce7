import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Channel, UiLang } from '../types.js';
import type { InputFormat } from '../input/read-inputs.js';
import { GROUP_BY, type GroupBy } from '../report/groups.js';
import { isTimeZone } from '../engine/config.js';

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
  rule: string[];
  output?: string;
  inputFormat: InputFormat;
  agents: string[];
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
  ignorePattern: string[];
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

export function addLintOptions(cmd: Command, formats: string[], withFix: boolean): Command {
  cmd
    // The lint command also takes formatters from plugins, packages and paths (report/custom-formatter.ts).
    .addOption(
      withFix
        ? new Option('-f, --format <format>', `output format: ${formats.join(', ')}, or a formatter's name or path`).default(formats[0])
        : new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]),
    )
    .addOption(new Option('--channel <channel>', 'channel of the replies (default: email, or the config)').choices(['email', 'sms', 'chat', 'social']))
    .addOption(new Option('--lang <lang>', 'language of the replies').choices(['auto', 'fi', 'sv']).default('auto'))
    .option('--customer <file>', "the customer's message the reply answers")
    .option('-c, --config <file>', 'config file (default: nearest .aspalintrc.yaml upward from the current folder)')
    .option('--no-config', 'use no config file, only the defaults and the flags')
    .option('--print-config <file>', 'print the settings that apply to a file, as JSON, and exit')
    .option('--ignore-path <file>', 'ignore file to use instead of the .aspalintignore beside the config')
    .option('--ignore-pattern <pattern>', 'leave out files matching this gitignore-style pattern (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--no-ignore', 'lint every file given, whatever ignore:, .aspalintignore and --ignore-pattern say')
    .option('--no-inline-config', 'aspalint-disable comments silence nothing')
    .option('--report-unused-disable-directives', 'an aspalint-disable comment that silences nothing is an error')
    .addOption(
      new Option('--report-unused-disable-directives-severity <severity>', 'the same, with this severity').choices(['off', 'info', 'warn', 'warning', 'error']),
    )
    .option('--stdin-filename <path>', 'the path stdin is linted as: overrides, templates and the report use it')
    .addOption(new Option('--ui-lang <lang>', "language of aspalint's messages (default: the reply's)").choices(['fi', 'sv', 'en']))
    .option('-q, --quiet', 'report errors only')
    .option('--exit-zero', 'exit 0 even when there are lint failures (input and usage errors still exit 2)')
    .option('--color', 'colour the output even when it does not go to a terminal')
    .option('--no-color', 'never colour the output')
    .option('--max-warnings <n>', 'fail when there are more warnings than this', intArg)
    .option('--max-score <n>', 'fail when a reply scores more than this', intArg)
    .option('--rule <id=severity>', 'set a rule to off|info|warning|error (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--input-format <format>', 'how to read stdin (and files whose ending does not say)').choices(['text', 'jsonl', 'eml', 'mbox', 'csv']).default('text'))
    .option('--agents <patterns>', "who answers for the company in an archive: '@yritys.fi', 'tuki@yritys.fi' (repeatable, comma-separated)", (v: string, acc: string[]) => [...acc, ...v.split(',').map((s) => s.trim()).filter(Boolean)], [])
    .option('--columns <mapping>', 'columns of a CSV export: reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created')
    .option('-j, --jobs <n>', 'worker threads for large batches (default: all cores, at most 4 × cores)', positiveInt)
    .option('--template', 'read every input as a template: placeholders understood, control tags ignored')
    .option('--time-zone <zone>', "zone of the times in the HTML report and of --group-by month, e.g. Europe/Helsinki (default: each mail's own)", timeZoneArg)
    .addOption(new Option('--group-by <key>', 'figures per agent, month, channel or language').choices([...GROUP_BY]))
    .option('--redact', 'mask personal data (addresses, phone and id numbers, cards, customer names) in the output')
    .option('--cache', 'reuse the results of unchanged replies from the last run (.aspalintcache)')
    .option('--cache-location <path>', 'the cache file, or a folder for it (default: .aspalintcache in the current folder)')
    // Content only: hashing a reply costs little beside linting it, and CI checkouts change every file's time.
    .addOption(new Option('--cache-strategy <strategy>', 'what tells a file unchanged: its content').choices(['content']).default('content'));
  if (withFix) {
    cmd
      .option('--fix', 'apply safe fixes to the files, atomically, then report what is left')
      .option('--fix-dry-run', 'print the safe fixes as a unified diff; change nothing');
  }
  return cmd;
}
