import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Channel, FileResult, InputError, Lang, Summary, UiLang } from '../types.js';
import { ConfigError, findConfig } from '../engine/config.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { addToSummary, createLinter, type LinterOptions } from '../engine/linter.js';
import { lintStream } from '../engine/batch.js';
import { readInputs } from '../input/read-inputs.js';
import { bingoSink, jsonSink, stylishSink, type Sink } from '../report/sinks.js';
import { parseRuleFlags, ruleMetas } from '../engine/rules.js';
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from '../report/rules-list.js';
import { defaultUiLang, inputErrorMessage, t, UI } from '../report/i18n.js';
import { readVersion } from './version.js';
import { createProgress } from './progress.js';

interface Io {
  stdin: NodeJS.ReadStream;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface LintFlags {
  format: string;
  channel?: Channel;
  lang: 'auto' | 'fi' | 'sv';
  customer?: string;
  config?: string;
  uiLang?: UiLang;
  quiet?: boolean;
  maxWarnings?: number;
  maxScore?: number;
  rule: string[];
  output?: string;
  inputFormat: 'text' | 'jsonl';
  jobs?: number;
}

/** A usage, config or input problem: one line on stderr, exit code 2. */
class UsageError extends Error {}

function intArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`expected a whole number, got "${value}"`);
  return Number(value);
}

function positiveInt(value: string): number {
  const n = intArg(value);
  if (n < 1) throw new UsageError(`expected at least 1, got "${value}"`);
  return n;
}

function addLintOptions(cmd: Command, formats: string[]): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]))
    .addOption(new Option('--channel <channel>', 'channel of the replies (default: email, or the config)').choices(['email', 'sms', 'chat', 'social']))
    .addOption(new Option('--lang <lang>', 'language of the replies').choices(['auto', 'fi', 'sv']).default('auto'))
    .option('--customer <file>', "the customer's message the reply answers")
    .option('-c, --config <file>', 'config file (default: nearest .aspalintrc.yaml upward from the current folder)')
    .addOption(new Option('--ui-lang <lang>', "language of aspalint's messages (default: the reply's)").choices(['fi', 'sv', 'en']))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail when there are more warnings than this', intArg)
    .option('--max-score <n>', 'fail when a reply scores more than this', intArg)
    .option('--rule <id=severity>', 'set a rule to off|info|warning|error (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--input-format <format>', 'how to read stdin (and files whose ending does not say)').choices(['text', 'jsonl']).default('text'))
    .option('-j, --jobs <n>', 'worker threads for large batches (default: all cores)', positiveInt);
}

/** Where the report goes: stdout, or a file written as the run goes. */
function openOutput(io: Io, file: string | undefined): { write: (s: string) => void; close: () => void } {
  if (!file) return { write: (s) => void io.stdout.write(s), close: () => {} };
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (err) {
    throw new UsageError(`${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { write: (s) => void writeSync(fd, s), close: () => closeSync(fd) };
}

async function runLint(paths: string[], flags: LintFlags, io: Io, mode: 'lint' | 'bingo'): Promise<number> {
  if (paths.length === 0) {
    if (io.stdin.isTTY) throw new UsageError(t(UI.noInput, flags.uiLang ?? defaultUiLang([], io.env)));
    paths = ['-'];
  }
  const configFile = flags.config ?? findConfig(io.cwd);
  const ruleFlags = parseRuleFlags(flags.rule, ruleMetas({}));
  let customer: string | undefined;
  if (flags.customer) {
    try {
      customer = readFileSync(flags.customer, 'utf8');
    } catch (err) {
      throw new UsageError(`${flags.customer}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read'}`);
    }
  }
  const linterOptions: LinterOptions = {
    configFile,
    ruleFlags,
    lang: flags.lang,
    ...(flags.channel ? { channel: flags.channel } : {}),
    ...(flags.uiLang ? { uiLang: flags.uiLang } : {}),
    ...(customer !== undefined ? { customer } : {}),
  };
  const linter = createLinter(linterOptions);
  const uiLangFixed = flags.uiLang ?? linter.config.uiLang;
  const output = openOutput(io, flags.output);
  const color = !flags.output && !!io.stdout.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
  const sinkOptions = { color, card: loadCatalogue().bingo, ...(uiLangFixed ? { uiLang: uiLangFixed } : {}) };
  const sink: Sink =
    mode === 'bingo'
      ? bingoSink(output.write, { ...sinkOptions, json: flags.format === 'json' })
      : flags.format === 'json'
        ? jsonSink(output.write)
        : stylishSink(output.write, sinkOptions);

  const summary: Summary = { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 };
  const languages: Lang[] = [];
  const errors: InputError[] = [];
  const overScore: FileResult[] = [];
  const progress = createProgress(io.stderr as NodeJS.WriteStream, !flags.quiet && !flags.output?.startsWith('/dev/'), uiLangFixed ?? defaultUiLang([], io.env));
  const items = readInputs(paths, {
    stdin: io.stdin,
    inputFormat: flags.inputFormat,
    isIgnored: linter.isIgnored,
    // One file is one reply, except in archives and JSON Lines: then the count is only a floor.
    onFiles: (n) => (n > 1 && !paths.some((p) => /\.jsonl$/i.test(p)) ? progress.setTotal(n) : undefined),
  });
  for await (const outcome of lintStream(items, linter, linterOptions, { ...(flags.jobs ? { jobs: flags.jobs } : {}) })) {
    if ('error' in outcome) {
      errors.push(outcome.error);
      continue;
    }
    const result = outcome.result;
    if (flags.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
    addToSummary(summary, result);
    if (languages.length < 1000) languages.push(result.language);
    if (flags.maxScore !== undefined && result.score > flags.maxScore) overScore.push(result);
    sink.add(result);
    progress.tick();
  }
  progress.stop();
  const uiLang = uiLangFixed ?? defaultUiLang(languages, io.env);
  sink.end(summary, uiLang);
  output.close();
  for (const error of errors) io.stderr.write(`aspalint: ${inputErrorMessage(error, uiLang)}\n`);

  if (errors.length > 0) return 2;
  if (mode === 'bingo') return 0;
  let failed = summary.errors > 0;
  if (flags.maxWarnings !== undefined && summary.warnings > flags.maxWarnings) {
    io.stderr.write(`aspalint: ${t(UI.tooManyWarnings, uiLang, { count: summary.warnings, max: flags.maxWarnings })}\n`);
    failed = true;
  }
  for (const r of overScore) {
    io.stderr.write(`aspalint: ${t(UI.scoreOver, uiLang, { path: r.path, score: r.score, max: flags.maxScore! })}\n`);
    failed = true;
  }
  return failed ? 1 : 0;
}

export async function main(argv: string[], io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }): Promise<number> {
  let code = 0;
  const program = new Command('aspalint')
    .description('Reply-quality linter for Finnish and Swedish customer-service messages')
    .version(readVersion(), '-v, --version')
    .argument('[paths...]', 'reply files, folders or globs; - reads stdin')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .showSuggestionAfterError(true)
    .enablePositionalOptions();
  addLintOptions(program, ['stylish', 'json']).action(async (paths: string[], flags: LintFlags) => {
    code = await runLint(paths, flags, io, 'lint');
  });

  program
    .command('rules')
    .description('list the rule catalogue')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'markdown']).default('stylish'))
    .addOption(new Option('--ui-lang <lang>', 'language of the titles').choices(['fi', 'sv', 'en']))
    .action((flags: { format: string; uiLang?: UiLang }) => {
      const rules = ruleMetas({});
      const lang = flags.uiLang ?? defaultUiLang([], io.env);
      io.stdout.write(flags.format === 'json' ? formatRulesJson(rules) : flags.format === 'markdown' ? formatRulesMarkdown(rules) : formatRulesText(rules, lang));
    });

  addLintOptions(
    program.command('bingo').description('the automaattivastausbingo card over a set of replies').argument('[paths...]', 'reply files, folders or globs'),
    ['stylish', 'json'],
  ).action(async (paths: string[], flags: LintFlags) => {
    code = await runLint(paths, flags, io, 'bingo');
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      io.stderr.write(`aspalint: ${err.message.replace(/^error: /, '')}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`aspalint: ${err.toString()}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`aspalint: ${err.message}\n`);
      return 2;
    }
    // A bug of ours: still one line, with a way to see the rest.
    io.stderr.write(`aspalint: internal error: ${(err as Error).message} (set ASPALINT_DEBUG=1 for details)\n`);
    if (io.env.ASPALINT_DEBUG) io.stderr.write(`${(err as Error).stack}\n`);
    return 2;
  }
}
