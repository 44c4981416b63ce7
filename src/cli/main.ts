import { writeFileSync, readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Channel, LintReport, UiLang } from '../types.js';
import { ConfigError, findConfig } from '../engine/config.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { lintFiles, summarize } from '../engine/linter.js';
import { parseRuleFlags, ruleMetas } from '../engine/rules.js';
import { formatJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from '../report/rules-list.js';
import { bingoFor, bingoJson, bingoText } from '../report/bingo.js';
import { defaultUiLang, inputErrorMessage, t, UI } from '../report/i18n.js';
import { readVersion } from './version.js';

interface Io {
  stdin: NodeJS.ReadStream;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
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
}

/** A usage, config or input problem: one line on stderr, exit code 2. */
class UsageError extends Error {}

function intArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`expected a whole number, got "${value}"`);
  return Number(value);
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
    .addOption(new Option('--input-format <format>', 'how to read stdin (and files whose ending does not say)').choices(['text', 'jsonl']).default('text'));
}

async function runLint(paths: string[], flags: LintFlags, io: Io, mode: 'lint' | 'bingo'): Promise<number> {
  if (paths.length === 0) {
    if (io.stdin.isTTY) throw new UsageError(t(UI.noInput, flags.uiLang ?? defaultUiLang([], io.env)));
    paths = ['-'];
  }
  const configFile = flags.config ?? findConfig(io.cwd);
  const metas = ruleMetas({});
  const ruleFlags = parseRuleFlags(flags.rule, metas);
  let customer: string | undefined;
  if (flags.customer) {
    try {
      customer = readFileSync(flags.customer, 'utf8');
    } catch (err) {
      throw new UsageError(`${flags.customer}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read'}`);
    }
  }
  const report: LintReport = await lintFiles(paths, {
    configFile,
    ruleFlags,
    lang: flags.lang,
    stdin: io.stdin,
    inputFormat: flags.inputFormat,
    ...(flags.channel ? { channel: flags.channel } : {}),
    ...(flags.uiLang ? { uiLang: flags.uiLang } : {}),
    ...(customer !== undefined ? { customer } : {}),
  });
  const uiLang = flags.uiLang ?? defaultUiLang(report.results.map((r) => r.language), io.env);
  for (const error of report.errors) io.stderr.write(`aspalint: ${inputErrorMessage(error, uiLang)}\n`);

  const color = !flags.output && !!io.stdout.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
  if (flags.quiet) {
    for (const r of report.results) r.findings = r.findings.filter((f) => f.severity === 'error');
    report.summary = summarize(report.results);
  }
  let text: string;
  if (mode === 'bingo') {
    const card = loadCatalogue().bingo;
    const tally = bingoFor(card, report.results);
    text = flags.format === 'json' ? bingoJson(tally) : bingoText(card, tally, uiLang, color);
  } else {
    text = flags.format === 'json' ? formatJson(report) : formatStylish(report, { color, uiLang });
  }
  if (flags.output) {
    try {
      writeFileSync(flags.output, text);
    } catch (err) {
      throw new UsageError(`${flags.output}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  } else io.stdout.write(text);

  if (report.errors.length > 0) return 2;
  if (mode === 'bingo') return 0;
  let failed = report.summary.errors > 0;
  if (flags.maxWarnings !== undefined && report.summary.warnings > flags.maxWarnings) {
    io.stderr.write(`aspalint: ${t(UI.tooManyWarnings, uiLang, { count: report.summary.warnings, max: flags.maxWarnings })}\n`);
    failed = true;
  }
  if (flags.maxScore !== undefined) {
    for (const r of report.results.filter((x) => x.score > flags.maxScore!)) {
      io.stderr.write(`aspalint: ${t(UI.scoreOver, uiLang, { path: r.path, score: r.score, max: flags.maxScore })}\n`);
      failed = true;
    }
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
