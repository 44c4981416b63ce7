import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { FileResult, InputError, Lang, Summary, UiLang } from '../types.js';
import { findConfig, loadConfig } from '../engine/config.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { addToSummary, createLinter, type Linter, type LinterOptions } from '../engine/linter.js';
import { lintOutcomes } from '../engine/pipeline.js';
import { parseRuleFlags, ruleMetas } from '../engine/rules.js';
import type { redactReport as RedactReport } from '../engine/redact.js';
import { preloadYaml } from '../input/yaml.js';
import { bingoSink, collectingSink, jsonSink, slimResult, stylishSink, worstKeeper, type Sink, type Write } from '../report/sinks.js';
import { defaultUiLang, inputErrorMessage, t, UI } from '../report/i18n.js';
import { openOutput, UsageError, type Io } from './io.js';
import { LINT_FORMATS, type LintFlags } from './options.js';
import { createProgress } from './progress.js';
import { readVersion } from './version.js';

export type Mode = 'lint' | 'bingo';

function readCustomer(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read'}`);
  }
}

/**
 * The report's writer for the chosen format and mode. The formats a draft
 * never needs (HTML, SARIF, JUnit, groups) are imported only when asked for:
 * the cold path of one draft stays small.
 */
async function chooseSink(mode: Mode, flags: LintFlags, write: Write, io: Io, linter: Linter, color: boolean, uiLang?: UiLang): Promise<Sink & { errors?: InputError[] }> {
  const card = loadCatalogue().bingo;
  const { formatGroupsText, groupResults, groupsJsonValue } = flags.groupBy || flags.format === 'html' ? await import('../report/groups.js') : ({} as typeof import('../report/groups.js'));
  const options = { color, card, ...(uiLang ? { uiLang } : {}) };
  const groups = (results: FileResult[]) => (flags.groupBy ? groupResults(results, flags.groupBy, card) : undefined);
  if (flags.format === 'html') {
    const { renderHtml } = await import('../report/html.js');
    const keeper = worstKeeper(10);
    return collectingSink(
      write,
      (results, summary, errors, lang) => {
        const texts = new Map(results.filter((r) => r.source).map((r) => [r.path, r.source!.text]));
        const g = groups(results);
        return renderHtml({ results, errors, summary }, { uiLang: lang, card, messages: texts, ...(g ? { groups: g, groupBy: flags.groupBy! } : {}), redacted: !!flags.redact });
      },
      { slim: keeper.slim },
    );
  }
  if (flags.groupBy) {
    // Figures per group come after the run's own report; a JSON document gains a "groups" member
    // (an addition to the contract, not a change), so it is assembled at the end.
    const json = flags.format === 'json';
    const buffered: string[] = [];
    const target: Write = json ? (s) => void buffered.push(s) : write;
    const under = mode === 'bingo' ? bingoSink(target, { ...options, json }) : json ? jsonSink(target) : stylishSink(target, options);
    const collected: FileResult[] = [];
    return {
      add(r) {
        collected.push(slimResult(r));
        under.add(r);
      },
      end(summary, lang) {
        under.end(summary, lang);
        const g = groups(collected)!;
        if (!json) return write(`\n${formatGroupsText(g, lang, flags.groupBy)}`);
        const doc = JSON.parse(buffered.join('')) as Record<string, unknown>;
        doc.groups = groupsJsonValue(g, flags.groupBy!).groups;
        write(`${JSON.stringify(doc, null, 2)}\n`);
      },
    };
  }
  if (mode === 'bingo') return bingoSink(write, { ...options, json: flags.format === 'json' });
  if (flags.format === 'json') return jsonSink(write);
  if (flags.format === 'sarif') {
    const { formatSarif } = await import('../report/sarif.js');
    return collectingSink(write, (results, summary, errors, lang) =>
      formatSarif({ results, errors, summary }, { version: readVersion(), rules: ruleMetas(linter.config), builtinRuleIds: loadCatalogue().rules.map((r) => r.id), cwd: io.cwd, uiLang: lang }),
    );
  }
  if (flags.format === 'github') {
    const { formatGithub } = await import('../report/github.js');
    return collectingSink(write, (results, summary, errors, lang) => formatGithub({ results, errors, summary }, { cwd: io.cwd, uiLang: lang }));
  }
  if (flags.format === 'junit') {
    const { formatJunit } = await import('../report/junit.js');
    return collectingSink(write, (results, summary, errors, lang) => formatJunit({ results, errors, summary }, { cwd: io.cwd, uiLang: lang }));
  }
  if (flags.format !== 'stylish') {
    const { findFormatter, runFormatter, FormatterNotFound } = await import('../report/custom-formatter.js');
    const { pluginsOf } = await import('../engine/plugins.js');
    let format;
    try {
      format = findFormatter(flags.format, pluginsOf(linter.config, linter.configDir), io.cwd, LINT_FORMATS);
    } catch (err) {
      throw err instanceof FormatterNotFound ? new UsageError(err.message) : err;
    }
    const rules = ruleMetas(linter.config);
    return collectingSink(write, (results, summary, errors, lang) => runFormatter(format, { results, errors, summary }, { cwd: io.cwd, uiLang: lang, rules }));
  }
  return stylishSink(write, options);
}

/** `aspalint [paths]` and `aspalint bingo [paths]`: lint, report, and the exit code. */
export async function runLint(paths: string[], flags: LintFlags, io: Io, mode: Mode): Promise<number> {
  if (paths.length === 0) {
    if (io.stdin.isTTY) throw new UsageError(t(UI.noInput, flags.uiLang ?? defaultUiLang([], io.env)));
    paths = ['-'];
  }
  if ((flags.fix || flags.fixDryRun) && paths.includes('-')) throw new UsageError('--fix and --fix-dry-run work on files, not on stdin');
  const customer = readCustomer(flags.customer);
  const configFile = flags.config ?? findConfig(io.cwd);
  if (configFile) await preloadYaml();
  const linterOptions: LinterOptions = {
    configFile,
    // Rule ids of plugins, playbooks and custom rules are in the config: read it only when there are flags to check.
    ruleFlags: flags.rule.length > 0 ? parseRuleFlags(flags.rule, ruleMetas(configFile ? loadConfig(configFile) : {})) : {},
    lang: flags.lang,
    ...(flags.channel ? { channel: flags.channel } : {}),
    ...(flags.uiLang ? { uiLang: flags.uiLang } : {}),
    ...(customer !== undefined ? { customer } : {}),
    ...(flags.template ? { template: true } : {}),
    ...(flags.format === 'html' || flags.redact ? { keepText: true } : {}),
  };
  const linter = createLinter(linterOptions);
  const uiLangFixed = flags.uiLang ?? linter.config.uiLang;

  if (flags.fix || flags.fixDryRun) {
    const { runFixes } = await import('./fix-command.js');
    const fixed = await runFixes(paths, linter, { dryRun: !!flags.fixDryRun }, io);
    if (flags.fixDryRun) {
      const lang = uiLangFixed ?? defaultUiLang([], io.env);
      for (const error of fixed.errors) io.stderr.write(`aspalint: ${inputErrorMessage(error, lang)}\n`);
      return fixed.errors.length > 0 ? 2 : 0;
    }
  }

  const output = openOutput(io, flags.output);
  const color = !flags.output && !!io.stdout.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
  const sink = await chooseSink(mode, flags, output.write, io, linter, color, uiLangFixed);
  const redactReport = flags.redact ? (await import('../engine/redact.js')).redactReport : undefined;
  const summary: Summary = { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 };
  const languages: Lang[] = [];
  const errors: InputError[] = [];
  const overScore: FileResult[] = [];
  const progress = createProgress(io.stderr as NodeJS.WriteStream, !flags.quiet, uiLangFixed ?? defaultUiLang([], io.env));
  const outcomes = lintOutcomes(
    paths,
    {
      ...linterOptions,
      stdin: io.stdin,
      inputFormat: flags.inputFormat,
      ...(flags.agents.length > 0 ? { agents: flags.agents } : {}),
      ...(flags.columns !== undefined ? { columns: flags.columns } : {}),
      ...(flags.jobs ? { jobs: flags.jobs } : { jobs: availableParallelism() }),
      onBytes: (read, total) => progress.bytes(read, total),
      // One file is one reply, except in collections: then the count is not the total.
      onFiles: (n) => {
        if (paths.some((p) => /\.(jsonl|ya?ml|json|mbox|csv|tsv)$/i.test(p)) || flags.inputFormat !== 'text') return;
        if (n > 1) progress.setTotal(n);
      },
    },
    linter,
  );
  // V8 lets a busy heap grow to several times what it holds before it collects: linting a
  // year of mail reached 370 MB with ~55 MB live. Growing by 20 % at a time keeps a long run
  // near its live size for ~3 % more time. The flag is process-wide (the workers follow it)
  // and is put back after the batch: V8's code cache is only valid under the flags it was
  // made with (cli/code-cache.ts).
  setFlagsFromString('--heap-growing-percent=20');
  try {
    for await (const outcome of outcomes) {
      if ('error' in outcome) {
        errors.push(outcome.error);
        continue;
      }
      let result = outcome.result;
      if (flags.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
      if (redactReport) result = redactOne(result, redactReport);
      addToSummary(summary, result);
      if (languages.length < 1000) languages.push(result.language);
      if (flags.maxScore !== undefined && result.score > flags.maxScore) overScore.push(result);
      sink.add(result);
      progress.tick();
    }
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
  progress.stop();
  const uiLang = uiLangFixed ?? defaultUiLang(languages, io.env);
  if (sink.errors) sink.errors.push(...errors);
  sink.end(summary, uiLang);
  output.close();
  for (const error of errors) io.stderr.write(`aspalint: ${inputErrorMessage(error, uiLang)}\n`);
  // For the benchmark: peak memory of the whole process, worker threads included.
  if (io.env.ASPALINT_STATS) io.stderr.write(`aspalint-stats ${JSON.stringify({ messages: summary.files, maxRssKB: process.resourceUsage().maxRSS })}\n`);

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

/** Masks personal data in one result and its text (the same-length masks keep every position valid). */
function redactOne(result: FileResult, redactReport: typeof RedactReport): FileResult {
  const texts = result.source ? new Map([[result.path, result.source]]) : undefined;
  const summary: Summary = { files: 1, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 };
  const { report, texts: out } = redactReport({ results: [result], errors: [], summary }, texts);
  const redacted = report.results[0]!;
  const text = out.get(redacted.path);
  if (text !== undefined) redacted.source = { text };
  return redacted;
}
