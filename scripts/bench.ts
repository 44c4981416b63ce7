/**
 * `npm run bench`: throughput and start-up of the aspalint CLI on a generated
 * corpus, next to textlint + textlint-rule-prh given the same phrase lists.
 *
 *   node dist/scripts/bench.js [--runs 5] [--cold-runs 15] [--baseline-runs 3]
 *                              [--subset 2000] [--replies 20000] [--seed N] [--no-baseline]
 *
 * Every timing is a whole process (spawn to exit, output discarded), reported
 * as the median of several runs. Progress goes to stderr; the Markdown table
 * goes to stdout and, as JSON, to bench/results.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import type { Catalogue } from '../src/engine/catalogue.js';
import { DEFAULT_SEED, ensureCorpus, GENERATOR_VERSION, type Corpus } from './bench/corpus.js';
import { catalogueToPrh } from './bench/prh.js';
import { stats, timeProcess, type Run, type Stats } from './bench/timing.js';
import { BENCH_AGENTS, generateMbox } from './bench/mbox.js';
import { measureSpelling, type SpellingMeasure } from './bench/spelling.js';
import { measureHttp, type HttpMeasure } from './bench/http.js';

const HELP = `Usage: npm run bench -- [options]

  --runs <n>           batch runs over the whole corpus (default 5)
  --cold-runs <n>      single-draft runs, each for node -e 0 and aspalint (default 15)
  --baseline-runs <n>  runs of each tool on the baseline subset (default 3)
  --subset <n>         replies in the baseline subset (default 2000)
  --replies <n>        corpus size (default 20000)
  --seed <n>           corpus seed (default ${DEFAULT_SEED})
  --no-baseline        skip textlint + prh
  --mbox-mb <n>        size of the generated mbox archive in MB (default 200)
  --no-mbox            skip the archive runs
  --http-seconds <n>   seconds of load per concurrency level for aspalint serve (default 10)
  --no-http            skip the HTTP service runs
  -h, --help           this text
`;

const PHRASE_RULES = ['phrase/calque', 'phrase/canned'];
const MB = 1e6;

// ---------------------------------------------------------------- options

interface Options {
  runs: number;
  coldRuns: number;
  baselineRuns: number;
  subset: number;
  replies: number;
  seed: number;
  baseline: boolean;
  mboxMb: number;
  mbox: boolean;
  httpSeconds: number;
  http: boolean;
}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '5' },
      'cold-runs': { type: 'string', default: '15' },
      'baseline-runs': { type: 'string', default: '3' },
      subset: { type: 'string', default: '2000' },
      replies: { type: 'string', default: '20000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'no-baseline': { type: 'boolean', default: false },
      'mbox-mb': { type: 'string', default: '200' },
      'no-mbox': { type: 'boolean', default: false },
      'http-seconds': { type: 'string', default: '10' },
      'no-http': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return undefined;
  }
  const int = (name: string, raw: string | undefined, min: number): number => {
    if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`--${name} needs a whole number ≥ ${min}, got "${raw}"`);
    return Number(raw);
  };
  return {
    runs: int('runs', values.runs, 1),
    coldRuns: int('cold-runs', values['cold-runs'], 1),
    baselineRuns: int('baseline-runs', values['baseline-runs'], 1),
    subset: int('subset', values.subset, 1),
    replies: int('replies', values.replies, 2),
    seed: int('seed', values.seed, 0),
    baseline: !values['no-baseline'],
    mboxMb: int('mbox-mb', values['mbox-mb'], 1),
    mbox: !values['no-mbox'],
    httpSeconds: int('http-seconds', values['http-seconds'], 1),
    http: !values['no-http'],
  };
}

// ---------------------------------------------------------------- helpers

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'aspalint') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: the aspalint package root was not found');
    dir = parent;
  }
}

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtMs = (ms: number): string => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (bytes: number): string => `${(bytes / MB).toFixed(2)} MB`;
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Exit codes 0 (clean) and 1 (findings over the limits) are a normal lint run. */
function check(run: Run, what: string): Run {
  if (run.code !== 0 && run.code !== 1) {
    throw new Error(`${what} exited with ${run.code}:\n${run.stderr.trim().split('\n').slice(0, 10).join('\n')}`);
  }
  return run;
}

/** Whether a folder or one above it holds an aspalint config (`.aspalintrc*`). */
function configAbove(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (readdirSync(d).some((f) => f.startsWith('.aspalintrc'))) return true;
    } catch {
      // unreadable: assume none
    }
    if (dirname(d) === d) return false;
  }
}

function git(root: string, args: string[]): string | undefined {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

interface AspalintJson {
  files: { path: string; findings: { ruleId: string }[] }[];
  summary: { files: number; findings: number };
}

interface TextlintJson {
  filePath: string;
  messages: unknown[];
}

function throughput(s: Stats, replies: number, bytes: number): { repliesPerSec: number; mbPerSec: number } {
  return { repliesPerSec: round(replies / (s.median / 1000), 0), mbPerSec: round(bytes / MB / (s.median / 1000), 2) };
}

// ---------------------------------------------------------------- the bench

interface Timed extends Stats {
  label: string;
}

interface BaselineResult {
  skipped?: string;
  textlint?: { version: string; prhRuleVersion: string; prhVersion: string };
  prhRules?: number;
  prhRulesByList?: Record<string, number>;
  prhSkipped?: { ruleId: string; lang: string; match: string; reason: string }[];
  subset?: { replies: number; bytes: number };
  aspalint?: Timed & { repliesPerSec: number; mbPerSec: number };
  textlintRun?: Timed & { repliesPerSec: number; mbPerSec: number };
  speedup?: number;
  textlintCold?: Timed;
  findings?: { aspalintPhraseRules: number; aspalintAllRules: number; textlintPrh: number };
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  if (!opts) return 0;
  const began = performance.now();
  const root = packageRoot();
  const node = process.execPath;
  const bin = join(root, 'bin', 'aspalint.js');
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js')) || !existsSync(join(root, 'dist', 'catalogue.json'))) {
    throw new Error('bench: dist/ is missing; run `npm run build` (or `npm run bench`, which builds first)');
  }
  const manifest = readJson<{ version: string }>(join(root, 'package.json'));
  const catalogue = readJson<Catalogue>(join(root, 'dist', 'catalogue.json'));

  // 1. Corpus -------------------------------------------------------------
  const benchDir = join(root, 'bench');
  const t0 = performance.now();
  const corpus: Corpus = ensureCorpus(join(benchDir, '.corpus'), opts.replies, opts.seed);
  const { stamp } = corpus;
  log(`corpus: ${corpus.reused ? 'reused' : 'generated'} ${fmtInt(stamp.replies)} replies, ${fmtMB(stamp.bytes)} in ${relative(root, corpus.repliesDir)} (${fmtMs(performance.now() - t0)})`);
  const repliesArg = relative(root, corpus.repliesDir);
  const subsetCount = Math.min(opts.subset, stamp.replies);
  const subsetFiles = corpus.files.slice(0, subsetCount).map((f) => join(corpus.repliesDir, f));
  const subsetBytes = subsetFiles.reduce((sum, f) => sum + statSync(f).size, 0);
  const aspalintArgs = (paths: string[]): string[] => [bin, ...paths, '--format', 'json'];

  // 2. Sanity + warm-up: aspalint on the subset, output kept and checked --
  log(`sanity: aspalint on the first ${fmtInt(subsetCount)} replies …`);
  const sanity = check(timeProcess(node, aspalintArgs(subsetFiles.map((f) => relative(root, f))), { cwd: root, captureStdout: true }), 'aspalint (subset)');
  const sanityReport = JSON.parse(sanity.stdout) as AspalintJson;
  if (sanityReport.summary.files !== subsetCount) throw new Error(`aspalint reported ${sanityReport.summary.files} files, expected ${subsetCount}`);
  const aspalintPhraseFindings = sanityReport.files.reduce((n, f) => n + f.findings.filter((x) => PHRASE_RULES.includes(x.ruleId)).length, 0);
  const filesWithPhraseFindings = sanityReport.files.filter((f) => f.findings.some((x) => PHRASE_RULES.includes(x.ruleId))).length;
  log(`  ${fmtMs(sanity.ms)}; ${fmtInt(sanityReport.summary.findings)} findings, ${fmtInt(aspalintPhraseFindings)} from ${PHRASE_RULES.join(' + ')} in ${fmtInt(filesWithPhraseFindings)} replies`);

  // 3. Batch over the whole corpus -----------------------------------------
  const batchSamples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const run = check(timeProcess(node, aspalintArgs([repliesArg]), { cwd: root }), 'aspalint (batch)');
    batchSamples.push(run.ms);
    const eta = i + 1 < opts.runs ? `, about ${fmtMs(run.ms * (opts.runs - i - 1))} to go` : '';
    log(`batch ${i + 1}/${opts.runs}: ${fmtMs(run.ms)} (${fmtInt(stamp.replies / (run.ms / 1000))} replies/s${eta})`);
  }
  const batch = { label: `aspalint ${repliesArg} --format json`, ...stats(batchSamples) };
  const batchRate = throughput(batch, stamp.replies, stamp.bytes);

  // 4. Cold single draft through stdin, next to bare node -------------------
  const drafts = { fi: readFileSync(join(corpus.repliesDir, stamp.drafts.fi), 'utf8'), sv: readFileSync(join(corpus.repliesDir, stamp.drafts.sv), 'utf8') };
  for (const lang of ['fi', 'sv'] as const) {
    const r = check(timeProcess(node, aspalintArgs(['-']), { cwd: root, input: drafts[lang], captureStdout: true }), `aspalint - (${lang} draft)`);
    const report = JSON.parse(r.stdout) as AspalintJson;
    if (report.summary.files !== 1) throw new Error(`aspalint - reported ${report.summary.files} files for one draft`);
  }
  // From the package root aspalint finds the repo's own .aspalintrc.yaml (as a user's
  // project config would be found); the extra fi row runs outside any config.
  const outside = mkdtempSync(join(os.tmpdir(), 'aspalint-bench-'));
  const outsideHasConfig = configAbove(outside);
  const rootHasConfig = configAbove(root);
  log(`cold: ${opts.coldRuns} runs each of node -e 0 and aspalint - (fi ${Buffer.byteLength(drafts.fi)} B, sv ${Buffer.byteLength(drafts.sv)} B) …`);
  for (let i = 0; i < 2; i++) timeProcess(node, ['-e', '0'], { cwd: root }); // warm-up
  const cold = { bare: [] as number[], fi: [] as number[], sv: [] as number[], fiNoConfig: [] as number[] };
  try {
    for (let i = 0; i < opts.coldRuns; i++) {
      cold.bare.push(timeProcess(node, ['-e', '0'], { cwd: root }).ms);
      cold.fi.push(check(timeProcess(node, aspalintArgs(['-']), { cwd: root, input: drafts.fi }), 'aspalint - (fi)').ms);
      cold.sv.push(check(timeProcess(node, aspalintArgs(['-']), { cwd: root, input: drafts.sv }), 'aspalint - (sv)').ms);
      cold.fiNoConfig.push(check(timeProcess(node, aspalintArgs(['-']), { cwd: outside, input: drafts.fi }), 'aspalint - (fi, outside)').ms);
    }
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
  const bare = { label: 'node -e 0', ...stats(cold.bare) };
  const coldFi = { label: `aspalint - --format json < ${stamp.drafts.fi} (fi)`, config: rootHasConfig, ...stats(cold.fi) };
  const coldSv = { label: `aspalint - --format json < ${stamp.drafts.sv} (sv)`, config: rootHasConfig, ...stats(cold.sv) };
  const coldFiNoConfig = { label: `aspalint - --format json < ${stamp.drafts.fi} (fi), cwd outside the repo`, config: outsideHasConfig, ...stats(cold.fiNoConfig) };
  log(`  node -e 0 ${fmtMs(bare.median)}, aspalint fi ${fmtMs(coldFi.median)}, sv ${fmtMs(coldSv.median)}, fi outside the repo ${fmtMs(coldFiNoConfig.median)}`);

  // 4b. Language components: load times and the cost of spelling, in this process --
  log(`language components: loads, and spelling/typo on and off over the first ${fmtInt(subsetCount)} replies …`);
  const spelling = measureSpelling(subsetFiles);
  for (const l of spelling.loads) log(`  ${l.component}: ${l.active ? `${fmtMs(l.loadMs!)} to load` : `not active (${l.detail})`}`);
  for (const c of spelling.costs) log(`  spelling ${c.lang}: ${fmtInt(c.msPerMB)} ms/MB, ${(c.share * 100).toFixed(0)} % of the linter's time`);

  // 5. Baseline: textlint + prh on the subset -------------------------------
  const baseline: BaselineResult = {};
  if (!opts.baseline) baseline.skipped = '--no-baseline';
  else {
    try {
      await runBaseline(root, benchDir, catalogue, subsetFiles, subsetBytes, opts, drafts.fi, baseline, { all: sanityReport.summary.findings, phrase: aspalintPhraseFindings });
    } catch (err) {
      baseline.skipped = `failed: ${(err as Error).message}`;
      log(`baseline ${baseline.skipped}`);
    }
  }

  // 6. Archive: a generated mbox, one worker and all cores, peak memory -------
  const archive = opts.mbox ? runArchive(root, benchDir, bin, opts.mboxMb) : { skipped: '--no-mbox' };

  // 6b. The HTTP service: one-draft requests at 1, 8 and 64 concurrent clients, loopback only --
  let http: HttpMeasure | { skipped: string } = { skipped: '--no-http' };
  if (opts.http) {
    log(`http: aspalint serve, POST /v1/lint with one fi draft (${Buffer.byteLength(drafts.fi)} B), ${opts.httpSeconds} s per level …`);
    try {
      http = await measureHttp(root, bin, drafts.fi, opts.httpSeconds);
      for (const l of http.loads) log(`  ${l.connections} clients: ${fmtInt(l.requestsPerSec)} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms${l.non2xx + l.errors > 0 ? `, ${l.non2xx} non-2xx, ${l.errors} errors` : ''}`);
    } catch (err) {
      http = { skipped: `failed: ${(err as Error).message}` };
      log(`http ${http.skipped}`);
    }
  }

  // 7. Report ----------------------------------------------------------------
  const cpus = os.cpus();
  const head = git(root, ['rev-parse', '--short', 'HEAD']);
  const dirty = git(root, ['status', '--porcelain', '--', 'src', 'rules', 'scripts', 'bin', 'package.json']);
  const results = {
    date: new Date().toISOString(),
    machine: {
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      memoryGB: round(os.totalmem() / 1024 ** 3, 1),
      node: process.version,
    },
    aspalint: { version: manifest.version, git: head ? `${head}${dirty ? ' (uncommitted changes)' : ''}` : 'unknown' },
    options: opts,
    corpus: {
      dir: repliesArg,
      generator: GENERATOR_VERSION,
      seed: stamp.seed,
      reused: corpus.reused,
      replies: stamp.replies,
      bytes: stamp.bytes,
      mb: round(stamp.bytes / MB, 2),
      languages: stamp.languages,
      withBadSentence: stamp.withBadSentence,
    },
    batch: { ...batch, ...batchRate },
    cold: {
      bare,
      fi: { ...coldFi, bytes: Buffer.byteLength(drafts.fi), ratioToBare: round(coldFi.median / bare.median, 2) },
      sv: { ...coldSv, bytes: Buffer.byteLength(drafts.sv), ratioToBare: round(coldSv.median / bare.median, 2) },
      fiOutsideRepo: { ...coldFiNoConfig, bytes: Buffer.byteLength(drafts.fi), ratioToBare: round(coldFiNoConfig.median / bare.median, 2) },
      target: '≤ 3× bare node',
    },
    spelling,
    baseline,
    archive,
    http,
    benchSeconds: 0,
  };
  results.benchSeconds = round((performance.now() - began) / 1000, 1);
  mkdirSync(benchDir, { recursive: true });
  writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(markdown(results));
  log(`wrote ${relative(root, join(benchDir, 'results.json'))} (bench took ${fmtMs(performance.now() - began)})`);
  return 0;
}

interface ArchiveRun {
  jobs: number;
  ms: number;
  mbPerSec: number;
  repliesPerSec: number;
  replies: number;
  peakRssMB: number;
}

/**
 * The trainer's case: a year of mail in one mbox. Peak RSS comes from the CLI
 * itself (ASPALINT_STATS=1: process.resourceUsage().maxRSS, worker threads
 * included).
 */
function runArchive(root: string, benchDir: string, bin: string, mb: number) {
  const path = join(benchDir, '.corpus', 'archive.mbox');
  const t0 = performance.now();
  const stamp = generateMbox(path, mb * MB);
  log(`archive: ${stamp.reused ? 'reused' : 'generated'} ${fmtMB(stamp.bytes)} mbox in ${fmtMs(performance.now() - t0)}`);
  const runs: ArchiveRun[] = [];
  for (const jobs of [1, os.availableParallelism()]) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, relative(root, path), '--agents', BENCH_AGENTS.join(','), '--format', 'json', '-j', String(jobs)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', ASPALINT_STATS: '1' },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('aspalint-stats '));
    if (!line) throw new Error(`aspalint on the archive printed no stats (exit ${r.status}): ${(r.stderr ?? '').slice(-300)}`);
    const s = JSON.parse(line.slice('aspalint-stats '.length)) as { messages: number; maxRssKB: number };
    const run = { jobs, ms, mbPerSec: round(stamp.bytes / MB / (ms / 1000), 2), repliesPerSec: Math.round(s.messages / (ms / 1000)), replies: s.messages, peakRssMB: Math.round((s.maxRssKB * 1024) / MB) };
    log(`  -j ${jobs}: ${fmtMs(ms)}, ${run.mbPerSec} MB/s, ${fmtInt(run.repliesPerSec)} replies/s, peak RSS ${run.peakRssMB} MB`);
    runs.push(run);
  }
  const [one, all] = runs as [ArchiveRun, ArchiveRun];
  return { mbox: relative(root, path), mb: round(stamp.bytes / MB, 1), messages: stamp.messages, runs, scaling: round(one.ms / all.ms, 2), rssTargetMB: 200 };
}

async function runBaseline(
  root: string,
  benchDir: string,
  catalogue: Catalogue,
  subsetFiles: string[],
  subsetBytes: number,
  opts: Options,
  draft: string,
  out: BaselineResult,
  aspalintFindings: { all: number; phrase: number },
): Promise<void> {
  const node = process.execPath;
  const baselineDir = join(benchDir, 'baseline');
  const textlintBin = join(baselineDir, 'node_modules', 'textlint', 'bin', 'textlint.js');
  if (!existsSync(textlintBin)) {
    log('baseline: installing textlint + textlint-rule-prh (npm ci --prefix bench/baseline) …');
    const r = spawnSync('npm', ['ci', '--prefix', baselineDir, '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (r.status !== 0 || !existsSync(textlintBin)) throw new Error(`npm ci --prefix bench/baseline failed (${r.error?.message ?? `exit ${r.status}`})`);
  }
  const version = (pkg: string): string => readJson<{ version: string }>(join(baselineDir, 'node_modules', pkg, 'package.json')).version;
  out.textlint = { version: version('textlint'), prhRuleVersion: version('textlint-rule-prh'), prhVersion: version('prh') };

  // The same calque and canned lists as prh rules.
  const prh = catalogueToPrh(catalogue, PHRASE_RULES);
  const genDir = join(benchDir, '.corpus', 'baseline');
  mkdirSync(genDir, { recursive: true });
  const prhFile = join(genDir, 'prh.yml');
  const rcFile = join(genDir, 'textlintrc.json');
  writeFileSync(prhFile, prh.yaml);
  writeFileSync(rcFile, `${JSON.stringify({ rules: { prh: { rulePaths: [prhFile] } } }, null, 2)}\n`);
  out.prhRules = prh.rules.length;
  out.prhRulesByList = prh.counts;
  out.prhSkipped = prh.skipped;
  out.subset = { replies: subsetFiles.length, bytes: subsetBytes };
  log(`baseline: textlint ${out.textlint.version} + textlint-rule-prh ${out.textlint.prhRuleVersion} (prh ${out.textlint.prhVersion}), ${prh.rules.length} prh rules${prh.skipped.length ? `, ${prh.skipped.length} skipped` : ''}`);

  const textlintArgs = (files: string[]): string[] => [textlintBin, '--config', rcFile, '--format', 'json', '--no-color', ...files];
  // Sanity + warm-up: findings from textlint.
  const sanity = check(timeProcess(node, textlintArgs(subsetFiles), { cwd: baselineDir, captureStdout: true }), 'textlint (subset)');
  const report = JSON.parse(sanity.stdout) as TextlintJson[];
  if (report.length !== subsetFiles.length) throw new Error(`textlint reported ${report.length} files, expected ${subsetFiles.length}`);
  const textlintFindings = report.reduce((n, f) => n + f.messages.length, 0);
  out.findings = { aspalintPhraseRules: aspalintFindings.phrase, aspalintAllRules: aspalintFindings.all, textlintPrh: textlintFindings };
  log(`  sanity ${fmtMs(sanity.ms)}; ${fmtInt(textlintFindings)} prh findings (aspalint ${PHRASE_RULES.join(' + ')}: ${fmtInt(aspalintFindings.phrase)})`);

  const rel = subsetFiles.map((f) => relative(root, f));
  const a: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < opts.baselineRuns; i++) {
    a.push(check(timeProcess(node, [join(root, 'bin', 'aspalint.js'), ...rel, '--format', 'json'], { cwd: root }), 'aspalint (subset)').ms);
    t.push(check(timeProcess(node, textlintArgs(subsetFiles), { cwd: baselineDir }), 'textlint (subset)').ms);
    log(`  run ${i + 1}/${opts.baselineRuns}: aspalint ${fmtMs(a[i]!)}, textlint ${fmtMs(t[i]!)}`);
  }
  const aStats = { label: `aspalint <${subsetFiles.length} files> --format json`, ...stats(a) };
  const tStats = { label: `textlint --format json <${subsetFiles.length} files>`, ...stats(t) };
  out.aspalint = { ...aStats, ...throughput(aStats, subsetFiles.length, subsetBytes) };
  out.textlintRun = { ...tStats, ...throughput(tStats, subsetFiles.length, subsetBytes) };
  out.speedup = round(tStats.median / aStats.median, 2);

  // textlint's own start-up on one draft, for the cold table.
  const coldArgs = [textlintBin, '--config', rcFile, '--format', 'json', '--stdin', '--stdin-filename', 'draft.txt'];
  check(timeProcess(node, coldArgs, { cwd: baselineDir, input: draft }), 'textlint --stdin');
  const c: number[] = [];
  for (let i = 0; i < opts.coldRuns; i++) c.push(check(timeProcess(node, coldArgs, { cwd: baselineDir, input: draft }), 'textlint --stdin').ms);
  out.textlintCold = { label: 'textlint --stdin < fi draft', ...stats(c) };
}

// ---------------------------------------------------------------- Markdown

type Results = {
  date: string;
  machine: { platform: string; cpus: number; cpuModel: string; memoryGB: number; node: string };
  aspalint: { version: string; git: string };
  corpus: { dir: string; generator: number; seed: number; reused: boolean; replies: number; bytes: number; languages: Record<string, number>; withBadSentence: number };
  batch: Timed & { repliesPerSec: number; mbPerSec: number };
  cold: { bare: Timed } & Record<'fi' | 'sv' | 'fiOutsideRepo', Timed & { bytes: number; ratioToBare: number; config: boolean }>;
  spelling: SpellingMeasure;
  baseline: BaselineResult;
  archive: ReturnType<typeof runArchive> | { skipped: string };
  http: HttpMeasure | { skipped: string };
  benchSeconds: number;
};

function markdown(r: Results): string {
  const row = (what: string, s: Stats, note: string): string => `| ${what} | ${s.runs} | ${fmtMs(s.median)} | ${fmtMs(s.min)} | ${fmtMs(s.max)} | ${note} |`;
  const c = r.corpus;
  const lines = [
    '',
    `## aspalint bench, ${r.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- Machine: ${r.machine.cpus} CPUs (\`os.cpus().length\`), ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, ${r.machine.platform}`,
    `- Node ${r.machine.node}; aspalint ${r.aspalint.version} at ${r.aspalint.git}`,
    `- Corpus: ${fmtInt(c.replies)} replies (fi ${fmtInt(c.languages.fi ?? 0)}, sv ${fmtInt(c.languages.sv ?? 0)}), ${fmtMB(c.bytes)} (1 MB = 10^6 B), avg ${fmtInt(c.bytes / c.replies)} B/reply, ${fmtInt(c.withBadSentence)} with a canned/calque sentence; generator v${c.generator}, seed ${c.seed}${c.reused ? ', reused' : ', generated'}`,
    '- Times are whole processes (spawn to exit, stdout to /dev/null); median, min and max of the runs.',
    '',
    '| Measurement | Runs | Median | Min | Max | Result (from the median) |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    row(`Batch: aspalint on ${c.dir} (${fmtInt(c.replies)} replies, ${fmtMB(c.bytes)})`, r.batch, `**${fmtInt(r.batch.repliesPerSec)} replies/s, ${r.batch.mbPerSec.toFixed(2)} MB/s**`),
    row('Cold: `node -e 0`', r.cold.bare, 'bare node'),
    ...(['fi', 'sv', 'fiOutsideRepo'] as const).map((k) => {
      const x = r.cold[k];
      const where = k === 'fiOutsideRepo' ? `fi draft ${x.bytes} B, cwd outside the repo, ${x.config ? 'a config found above it' : 'no config'}` : `${k} draft ${x.bytes} B${x.config ? ', repo .aspalintrc.yaml loaded' : ''}`;
      return row(`Cold: aspalint - (stdin, ${where})`, x, `**${x.ratioToBare.toFixed(2)}× bare node** (target ≤ 3×)`);
    }),
  ];
  const b = r.baseline;
  if (b.aspalint && b.textlintRun && b.subset && b.textlint) {
    const n = fmtInt(b.subset.replies);
    lines.push(
      row(`Subset: aspalint (first ${n} replies, ${fmtMB(b.subset.bytes)})`, b.aspalint, `${fmtInt(b.aspalint.repliesPerSec)} replies/s, ${b.aspalint.mbPerSec.toFixed(2)} MB/s`),
      row(`Subset: textlint ${b.textlint.version} + prh (${b.prhRules} rules), same ${n} replies`, b.textlintRun, `${fmtInt(b.textlintRun.repliesPerSec)} replies/s, ${b.textlintRun.mbPerSec.toFixed(2)} MB/s`),
    );
    if (b.textlintCold) lines.push(row('Cold: textlint --stdin (fi draft)', b.textlintCold, `${(b.textlintCold.median / r.cold.bare.median).toFixed(2)}× bare node`));
    lines.push(
      '',
      `**aspalint vs textlint + prh on the subset: ${b.speedup!.toFixed(2)}× ${b.speedup! >= 1 ? 'faster' : 'slower (speedup < 1)'}** (median time ratio).`,
    );
    if (b.findings) {
      lines.push(
        `Findings on the subset: textlint + prh ${fmtInt(b.findings.textlintPrh)}; aspalint ${fmtInt(b.findings.aspalintPhraseRules)} from ${PHRASE_RULES.join(' + ')} (${fmtInt(b.findings.aspalintAllRules)} from all rules). prh matches literal forms only, aspalint matches inflections, so the counts differ by design.`,
      );
    }
    if (b.prhSkipped && b.prhSkipped.length > 0) lines.push(`prh: ${b.prhSkipped.length} catalogue entries could not be converted (see bench/results.json).`);
  } else {
    lines.push('', `Baseline (textlint + prh): skipped (${b.skipped ?? 'unknown'}).`);
  }
  const sp = r.spelling;
  lines.push('', '### Language components (in-process; spelling: the linter with spelling/typo on against off, warm, median of ' + sp.passes + ' passes)', '', '| Component | Load | Spelling cost |', '| --- | ---: | --- |');
  for (const l of sp.loads) {
    const cost = sp.costs.find((c) => l.component.includes(`(${c.lang})`) && (c.lang === 'fi' || l.component.includes('sv_SE')));
    const costText = cost ? `${fmtInt(cost.msPerMB)} ms/MB of ${cost.lang} replies (${(cost.share * 100).toFixed(0)} % of the linter's time; ${fmtInt(cost.replies)} replies, ${cost.mb} MB)` : l.component.includes('sv_FI') ? 'loaded only when sv_SE rejects a word' : '';
    lines.push(`| ${l.component} | ${l.active ? fmtMs(l.loadMs!) : `not active: ${l.detail}`} | ${costText} |`);
  }
  lines.push('', 'The first component loaded also pays for loading koffi. A cold run loads only what its language needs, in a background thread (see the cold rows).');
  const a = r.archive;
  if ('runs' in a) {
    lines.push('', `### Archive: ${a.mb} MB mbox (${fmtInt(a.messages)} messages), \`aspalint ${a.mbox} --agents … --format json\``, '', '| Workers | Time | MB/s | Replies/s | Peak RSS |', '| ---: | ---: | ---: | ---: | ---: |');
    for (const run of a.runs) lines.push(`| ${run.jobs} | ${fmtMs(run.ms)} | ${run.mbPerSec} | ${fmtInt(run.repliesPerSec)} | ${run.peakRssMB} MB${run.peakRssMB > a.rssTargetMB ? ` (over the ${a.rssTargetMB} MB target)` : ''} |`);
    lines.push('', `Scaling from one worker to ${a.runs[1]!.jobs}: **${a.scaling}×** (target ≥ 1.7×).`);
  } else lines.push('', `Archive: skipped (${a.skipped}).`);
  const h = r.http;
  if ('loads' in h) {
    lines.push(
      '',
      `### HTTP: \`aspalint serve\`, POST /v1/lint with one draft (${h.draftBytes} B), autocannon on loopback, one server process`,
      '',
      '| Concurrent clients | Requests | Req/s | p50 latency | p99 latency | Non-2xx / errors |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const l of h.loads) lines.push(`| ${l.connections} | ${fmtInt(l.requests)} in ${l.seconds} s | ${fmtInt(l.requestsPerSec)} | ${l.p50Ms} ms | ${l.p99Ms} ms | ${l.non2xx} / ${l.errors} |`);
    lines.push('', `The server was listening ${fmtMs(h.startMs)} after its spawn (rules and both spellers loaded). One process lints one draft at a time: more clients queue, they do not add throughput; run replicas for that.`);
  } else lines.push('', `HTTP: skipped (${h.skipped}).`);
  lines.push('', `Bench wall time: ${fmtMs(r.benchSeconds * 1000)}.`, '');
  return lines.join('\n');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    log(`bench: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
