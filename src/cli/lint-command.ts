import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { FileResult, InputError, Lang, Summary, UiLang } from '../types.js';
import { findConfig, loadConfig } from '../engine/config.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { addToSummary, createLinter, type Linter, type LinterOptions } from '../engine/linter.js';
import { messageBingo } from '../engine/bingo.js';
import { scoreOf } from '../engine/lint-message.js';
import { lintOutcomes } from '../engine/pipeline.js';
import { maxJobs } from '../engine/batch.js';
import { parseRuleFlags, ruleMetas } from '../engine/rules.js';
import type { LintCache } from '../engine/cache.js';
import { preloadYaml } from '../input/yaml.js';
import type { AgentInference } from '../input/infer-agents.js';
import { decodeText } from '../input/decode.js';
import { DEFAULT_MAX_BYTES, formatOf, readRegularFile } from '../input/read-inputs.js';
import { isMemberPath } from '../input/member-path.js';
import { bingoSink, collectingSink, jsonSink, piecesSink, slimResult, spoolingSink, stylishSink, worstKeeper, type Sink, type Write } from '../report/sinks.js';
import { defaultUiLang, inputErrorMessage, t, UI } from '../report/i18n.js';
import type { Redactor } from '../engine/redact.js';
import { checkOutputNotInput, openOutput, said, UsageError, type Io } from './io.js';
import { LINT_FORMATS, type LintFlags } from './options.js';
import { createProgress } from './progress.js';
import { readVersion } from './version.js';

export type Mode = 'lint' | 'bingo';

const CUSTOMER_MAX_BYTES = DEFAULT_MAX_BYTES;

/** Worker threads: -j, clamped to maxJobs() with a note (a run on a smaller machine still runs); default all cores. */
function jobsOf(requested: number | undefined, io: Io, uiLang: UiLang): number {
  if (requested === undefined) return availableParallelism();
  const max = maxJobs();
  if (requested <= max) return requested;
  io.stderr.write(`aspalint: ${t(UI.jobsClamped, uiLang, { requested, max, cores: availableParallelism() })}\n`);
  return max;
}

/** The customer's message of --customer: a regular file, within the size limit of a reply. */
function readCustomer(file: string | undefined, uiLang: UiLang, redactor: Redactor | undefined): string | undefined {
  if (!file) return undefined;
  // The file's name may be the customer's (anna.virtanen@gmail.com.txt), or the message itself: masked under --redact.
  const fail = (error: InputError) => new UsageError(`--customer ${inputErrorMessage(redactor ? redactor.customerError(error) : error, uiLang)}`);
  const read = readRegularFile(file, CUSTOMER_MAX_BYTES);
  if ('error' in read) throw fail(read.error);
  const decoded = decodeText(read.bytes);
  if ('error' in decoded) throw fail({ path: file, code: decoded.error });
  return decoded.text;
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
  const timeZone = flags.timeZone ?? linter.config.timeZone;
  const groups = (results: FileResult[]) => (flags.groupBy ? groupResults(results, flags.groupBy, card, timeZone) : undefined);
  if (flags.format === 'html') {
    const { renderHtml } = await import('../report/html.js');
    const keeper = worstKeeper(10);
    // The config's own rules (custom, plugins', playbooks) have titles too, not only the catalogue's.
    const ruleTitles = Object.fromEntries(ruleMetas(linter.config).map((m) => [m.id, m.title]));
    return collectingSink(
      write,
      (results, summary, errors, lang) => {
        const texts = new Map(results.filter((r) => r.source).map((r) => [r.path, r.source!.text]));
        const g = groups(results);
        return renderHtml({ results, errors, summary }, { uiLang: lang, card, messages: texts, ruleTitles, ...(timeZone ? { timeZone } : {}), ...(g ? { groups: g, groupBy: flags.groupBy! } : {}), redacted: !!flags.redact });
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
    const underErrors = (under as Sink & { errors?: InputError[] }).errors;
    return {
      ...(underErrors ? { errors: underErrors } : {}),
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
    const { sarifChunks } = await import('../report/sarif.js');
    return spoolingSink(write, (results, _summary, errors, lang) =>
      sarifChunks({ results, errors }, { version: readVersion(), rules: ruleMetas(linter.config), builtinRuleIds: loadCatalogue().rules.map((r) => r.id), cwd: io.cwd, uiLang: lang }),
    );
  }
  if (flags.format === 'github') {
    const { githubFile, githubSummary } = await import('../report/github.js');
    let unit: 'reply' | 'file' = 'file';
    return piecesSink(write, {
      head: () => '',
      file: (r) => {
        if (isMemberPath(r.path)) unit = 'reply';
        return githubFile(r, { cwd: io.cwd });
      },
      tail: (_errors, summary, lang) => githubSummary(summary, unit, { cwd: io.cwd, uiLang: lang }),
    });
  }
  if (flags.format === 'junit') {
    const { junitChunks } = await import('../report/junit.js');
    return spoolingSink(write, (results, _summary, errors, lang) => junitChunks({ results, errors }, { cwd: io.cwd, uiLang: lang }));
  }
  if (flags.format === 'compact' || flags.format === 'checkstyle') {
    const { compactPieces, checkstylePieces } = await import('../report/compact.js');
    const pieces = flags.format === 'compact' ? compactPieces : checkstylePieces;
    return piecesSink(write, {
      head: () => pieces.head(),
      file: (r) => pieces.file(r, { cwd: io.cwd }),
      tail: (errors, summary, lang) => pieces.tail(errors, summary, { cwd: io.cwd, uiLang: lang }),
    });
  }
  if (flags.format !== 'stylish') {
    const { findFormatter, runFormatter, FormatterNotFound } = await import('../report/custom-formatter.js');
    const { pluginsOf } = await import('../engine/plugins.js');
    let format;
    try {
      format = findFormatter(flags.format, pluginsOf(linter.config, linter.configDir), io.cwd, LINT_FORMATS);
    } catch (err) {
      throw err instanceof FormatterNotFound ? new UsageError(err.texts ?? err.message) : err;
    }
    const rules = ruleMetas(linter.config);
    return collectingSink(write, (results, summary, errors, lang) => runFormatter(format, { results, errors, summary }, { cwd: io.cwd, uiLang: lang, rules }));
  }
  return stylishSink(write, options);
}

/** Whether to colour: --color/--no-color, then FORCE_COLOR, NO_COLOR and TERM=dumb, then a terminal on stdout. */
function useColor(flag: boolean | undefined, io: Io, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force === 'false');
  return !toFile && !!io.stdout.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
}

/** The settings that apply to one file, as --print-config shows them. */
function printConfig(file: string, linter: Linter, configFile: string | null, io: Io): void {
  const settings = linter.settingsFor(file);
  const doc = {
    configFile,
    file,
    ignored: linter.isIgnored(file),
    ...settings,
  };
  io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

/** The exit code of a run from what it reported (ESLint's: errors fail, then --max-warnings, then --max-score). */
function exitCode(mode: Mode, summary: Summary, warnings: number, overScore: FileResult[], inputErrors: number, flags: LintFlags, uiLang: UiLang, io: Io): number {
  if (inputErrors > 0) return 2;
  if (mode === 'bingo') return 0;
  let failed = summary.errors > 0;
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
    io.stderr.write(`aspalint: ${t(UI.tooManyWarnings, uiLang, { count: warnings, max: flags.maxWarnings })}\n`);
    failed = true;
  }
  for (const r of overScore) {
    io.stderr.write(`aspalint: ${t(UI.scoreOver, uiLang, { path: r.path, score: r.score, max: flags.maxScore! })}\n`);
    failed = true;
  }
  return failed && !flags.exitZero ? 1 : 0;
}

/** `aspalint [paths]` and `aspalint bingo [paths]`: lint, report, and the exit code. */
export async function runLint(paths: string[], flags: LintFlags, io: Io, mode: Mode): Promise<number> {
  // Before the config is read: --ui-lang, else the environment's locale.
  const earlyUiLang = flags.uiLang ?? defaultUiLang([], io.env);
  if (paths.length === 0 && !flags.printConfig) {
    if (io.stdin.isTTY) throw new UsageError(t(UI.noInput, earlyUiLang));
    paths = ['-'];
  }
  if ((flags.fix || flags.fixDryRun) && paths.includes('-')) throw new UsageError(said('fixOnStdin'));
  // --redact masks results, input errors, paths and diffs alike: every format, stdout and stderr show the same.
  const redactor = flags.redact ? (await import('../engine/redact.js')).createRedactor() : undefined;
  const maskPath = (path: string) => (redactor ? redactor.path(path) : path);
  checkOutputNotInput(io, flags.output, flags.customer ? [...paths, flags.customer] : paths, maskPath);
  const customer = readCustomer(flags.customer, earlyUiLang, redactor);
  if (flags.reportUnusedDisableDirectives && flags.reportUnusedDisableDirectivesSeverity) {
    // As ESLint: one of the two says it.
    throw new UsageError(said('unusedDirectiveFlags'));
  }
  const unusedDirectives = flags.reportUnusedDisableDirectives ? 'error' : flags.reportUnusedDisableDirectivesSeverity;
  const configFile = flags.config === false ? null : (flags.config ?? findConfig(io.cwd));
  if (configFile) await preloadYaml();
  const ignore = {
    ...(flags.ignore === false ? { noIgnore: true } : {}),
    ...(flags.ignorePath ? { ignorePath: flags.ignorePath } : {}),
    ...(flags.ignorePattern ? { patterns: flags.ignorePattern } : {}),
  };
  const linterOptions: LinterOptions = {
    configFile,
    // Rule ids of plugins, playbooks and custom rules are in the config: read it only when there are flags to check.
    ruleFlags: flags.rule ? parseRuleFlags(flags.rule, ruleMetas(configFile ? loadConfig(configFile) : {})) : {},
    lang: flags.lang,
    ...(flags.channel ? { channel: flags.channel } : {}),
    ...(flags.uiLang ? { uiLang: flags.uiLang } : {}),
    ...(customer !== undefined ? { customer } : {}),
    ...(flags.template ? { template: true } : {}),
    ...(flags.format === 'html' || flags.redact ? { keepText: true } : {}),
    ...(Object.keys(ignore).length > 0 ? { ignore } : {}),
    ...(flags.inlineConfig === false ? { noInlineConfig: true } : {}),
    ...(unusedDirectives ? { reportUnusedDisableDirectives: unusedDirectives } : {}),
  };
  const linter = createLinter(linterOptions);
  if (flags.printConfig) {
    printConfig(flags.printConfig, linter, configFile, io);
    return 0;
  }
  // Fixed by flag or config; undefined lets reports follow each reply's language.
  const uiLangFixed = flags.uiLang ?? linter.config.uiLang;
  const runUiLang = uiLangFixed ?? defaultUiLang([], io.env);
  const ignored: string[] = [];
  const inferred = flags.fix || flags.fixDryRun ? [] : await companySide(paths, flags, linter, runUiLang, maskPath);
  const agents = inferred.length > 0 ? [...new Set(inferred.flatMap((i) => i.agents))] : flags.agents ?? [];

  // Files --fix could not write: said at once, and the run exits 2 after its report.
  let fixFailed = false;
  if (flags.fix || flags.fixDryRun) {
    const { runFixes } = await import('./fix-command.js');
    const fixed = await runFixes(
      paths,
      linter,
      { dryRun: !!flags.fixDryRun, inputFormat: flags.inputFormat, ...(redactor ? { redactor } : {}), ...(customer !== undefined ? { customer } : {}) },
      io,
    );
    for (const notice of fixed.notices) io.stderr.write(`aspalint: ${inputErrorMessage(notice, runUiLang)}\n`);
    if (flags.fixDryRun) {
      // Nothing was written: the exit code is that of a plain run on the texts as fixed in memory.
      const summary: Summary = { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 };
      const shown = fixed.remaining.map((r) => (flags.quiet ? errorsOnly(r) : r));
      for (const r of shown) addToSummary(summary, r);
      const warnings = fixed.remaining.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
      const lang = uiLangFixed ?? defaultUiLang(fixed.remaining.map((r) => r.language), io.env);
      for (const error of fixed.errors) io.stderr.write(`aspalint: ${inputErrorMessage(error, lang)}\n`);
      const overScore = flags.maxScore === undefined ? [] : shown.filter((r) => r.score > flags.maxScore!);
      return exitCode(mode, summary, warnings, overScore, fixed.errors.length, flags, lang, io);
    }
    // Read errors come again from the lint run; write errors only from here.
    for (const error of fixed.errors) {
      if (error.code !== 'not-written' && error.code !== 'changed-since-read') continue;
      io.stderr.write(`aspalint: ${inputErrorMessage(error, runUiLang)}\n`);
      fixFailed = true;
    }
  }

  // After --fix has written (the run then lints the fixed files, and stores those); a dry run never gets here.
  const cache = flags.cache ? await openCache(flags, linter, linterOptions, io, runUiLang) : undefined;
  const output = openOutput(io, flags.output);
  const color = useColor(flags.color, io, !!flags.output);
  const sink = await chooseSink(mode, flags, output.write, io, linter, color, uiLangFixed);
  const summary: Summary = { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 };
  // Warnings --quiet hides still count for --max-warnings, as in ESLint.
  let warnings = 0;
  const languages: Lang[] = [];
  const errors: InputError[] = [];
  const overScore: FileResult[] = [];
  const progress = createProgress(io.stderr as NodeJS.WriteStream, !flags.quiet, runUiLang);
  const outcomes = lintOutcomes(
    paths,
    {
      ...linterOptions,
      stdin: io.stdin,
      inputFormat: flags.inputFormat,
      ...(agents.length > 0 ? { agents } : {}),
      ...(flags.columns !== undefined ? { columns: flags.columns } : {}),
      jobs: jobsOf(flags.jobs, io, runUiLang),
      ...(flags.stdinFilename ? { stdinFilename: flags.stdinFilename } : {}),
      ...(cache ? { cache } : {}),
      onBytes: (read, total) => progress.bytes(read, total),
      onIgnored: (path) => ignored.push(path),
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
        errors.push(redactor ? redactor.error(outcome.error) : outcome.error);
        continue;
      }
      let result = outcome.result;
      for (const f of result.findings) if (f.severity === 'warning') warnings++;
      if (flags.quiet) result = errorsOnly(result);
      if (redactor) result = redactor.result(result);
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
  for (const i of inferred) {
    const reason = i.answered === 0 ? t(UI.agentsMost, uiLang) : i.answered === 1 ? t(UI.agentsAnswerOne, uiLang) : t(UI.agentsAnswer, uiLang, { n: i.answered });
    // The agents are staff, kept as --redact keeps them in the report.
    io.stderr.write(`aspalint: ${t(UI.agentsInferred, uiLang, { path: maskPath(i.path), agents: i.agents.join(', '), reason })}\n`);
  }
  for (const path of ignored) io.stderr.write(`aspalint: ${maskPath(path)}: ${t(UI.fileIgnored, uiLang)}\n`);
  for (const error of errors) io.stderr.write(`aspalint: ${inputErrorMessage(error, uiLang)}\n`);
  // For the benchmark: peak memory of the whole process, worker threads included.
  if (io.env.ASPALINT_STATS) io.stderr.write(`aspalint-stats ${JSON.stringify({ messages: summary.files, maxRssKB: process.resourceUsage().maxRSS })}\n`);
  // An ignored file named outright is a warning, as in ESLint: --max-warnings 0 fails on it.
  return exitCode(mode, summary, warnings + ignored.length, overScore, errors.length + (fixFailed ? 1 : 0), flags, uiLang, io);
}

/** --cache: the cache of --cache-location for this run's fingerprint; its problems are one line each on stderr. */
async function openCache(flags: LintFlags, linter: Linter, linterOptions: LinterOptions, io: Io, lang: UiLang): Promise<LintCache> {
  const { cacheFileOf, DEFAULT_CACHE_LOCATION, LintCache } = await import('../engine/cache.js');
  const { runFingerprint } = await import('../engine/cache-key.js');
  const file = cacheFileOf(resolve(io.cwd, flags.cacheLocation ?? DEFAULT_CACHE_LOCATION));
  return LintCache.open(file, runFingerprint(linter, linterOptions), (problem) => {
    const path = relative(io.cwd, problem.path) || problem.path;
    io.stderr.write(`aspalint: ${t(problem.kind === 'unreadable' ? UI.cacheUnreadable : UI.cacheNotWritten, lang, { ...problem, path })}\n`);
  });
}

/**
 * An mbox with no --agents and no archive.agents would have every customer's
 * mail linted as a reply: the company side is inferred from its headers (and
 * said on stderr at the end), or the run stops with a hint. Stdin cannot be
 * read twice, so an mbox there needs --agents.
 */
async function companySide(paths: string[], flags: LintFlags, linter: Linter, lang: UiLang, shown: (path: string) => string): Promise<(AgentInference & { path: string })[]> {
  if ((flags.agents?.length ?? 0) > 0 || (linter.config.archive?.agents?.length ?? 0) > 0) return [];
  const mboxes = paths.filter((p) => formatOf(p === '-' ? '' : p, flags.inputFormat) === 'mbox');
  if (mboxes.length === 0) return [];
  const { inferAgents } = await import('../input/infer-agents.js');
  const found: (AgentInference & { path: string })[] = [];
  for (const path of mboxes) {
    // A file that is not there is the reader's to report.
    if (path !== '-' && !existsSync(path)) continue;
    const inference = path === '-' ? undefined : await inferAgents(path);
    if (!inference) throw new UsageError(t(UI.noAgents, lang, { path: shown(path) }));
    found.push({ ...inference, path });
  }
  return found;
}

/**
 * --quiet: only the error-severity findings, and the score and bingo squares
 * of those alone, so the report never counts what it does not show.
 */
function errorsOnly(result: FileResult): FileResult {
  if (result.findings.every((f) => f.severity === 'error')) return result;
  const findings = result.findings.filter((f) => f.severity === 'error');
  return { ...result, findings, score: scoreOf(findings), bingo: messageBingo(loadCatalogue().bingo, findings) };
}
