/**
 * npm run eval — how aspalint judges real messages that nobody on the team
 * wrote, against labels written before the tool was run on them.
 *
 * Each eval/messages/*.yaml holds one message (its text, or anchors into the
 * authors' blog, which is read from ../shared only here and only when present),
 * the findings a trainer would insist on (`labels`) and the ones a trainer
 * would let pass either way (`acceptable`). Only warnings and errors count:
 * info findings are advice, not verdicts.
 *
 *   node dist/scripts/eval.js [--split dev|holdout] [--json] [--min-precision 0.9] [--min-recall R] [--verbose]
 *
 * Exit 0 when the thresholds hold, 1 when they do not, 2 when a message file is broken.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createLinter } from '../src/engine/linter.js';
import { CHANNELS, type Channel, type Finding } from '../src/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MESSAGES = process.env['ASPALINT_EVAL_DIR'] ?? join(ROOT, 'eval', 'messages');
const SEED = process.env['ASPALINT_SEED'] ?? findSeed(ROOT);

/** The blog beside the checkout: ../shared of the repository, or of a folder above it (a worktree). */
function findSeed(from: string): string {
  const name = join('shared', 'seeds', '003_f28ed78c22e1cb0b.txt');
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return join(dirname(from), name);
  }
}

interface Anchor { start: string; end: string }
interface Label { rule: string; span?: string; note?: string }
interface EvalMessage {
  file: string;
  id: string;
  split: 'dev' | 'holdout';
  source: string;
  fromSeed: boolean;
  channel: Channel;
  template: boolean;
  verdict: string;
  text: string;
  customer?: string;
  labels: Label[];
  acceptable: Label[];
}

interface Outcome {
  message: EvalMessage;
  /** Warnings and errors the tool reported. */
  findings: Finding[];
  matched: boolean[];
  /** Per finding: 'tp' (a label), 'ok' (acceptable), 'fa' (false alarm). */
  kinds: ('tp' | 'ok' | 'fa')[];
  /** Labels only an info finding matched. */
  infoOnly: boolean[];
}

class BrokenFile extends Error {}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8') : null;
  const broken: string[] = [];
  const skipped: string[] = [];
  const messages: EvalMessage[] = [];
  for (const name of (existsSync(MESSAGES) ? readdirSync(MESSAGES) : []).filter((n) => n.endsWith('.yaml')).sort()) {
    try {
      const message = readMessage(join(MESSAGES, name), seed);
      if (!message) skipped.push(name);
      else if (!args.split || message.split === args.split) messages.push(message);
    } catch (error) {
      if (!(error instanceof BrokenFile)) throw error;
      broken.push(`${name}: ${error.message}`);
    }
  }
  const ids = new Map<string, string>();
  for (const m of messages) {
    const other = ids.get(m.id);
    if (other) broken.push(`${m.file}: id "${m.id}" is also used by ${other}`);
    ids.set(m.id, m.file);
  }

  const linter = createLinter({ config: {} });
  const outcomes = messages.map((m) => judge(m, linter.lint({
    path: m.id, text: m.text, customer: m.customer, channel: m.channel, template: m.template,
  }).findings));

  const report = summarise(outcomes);
  if (args.json) process.stdout.write(JSON.stringify({ ...report, skipped, broken }, null, 2) + '\n');
  else print(report, outcomes, skipped, args.verbose);
  for (const line of broken) process.stderr.write(`eval: ${line}\n`);
  if (broken.length) process.exitCode = 2;
  else if (report.all.precision < args.minPrecision || report.all.recall < args.minRecall) {
    process.stderr.write(`eval: precision ${fmt(report.all.precision)} (min ${args.minPrecision}), recall ${fmt(report.all.recall)} (min ${args.minRecall})\n`);
    process.exitCode = 1;
  }
}

function parseArgs(argv: string[]): { split?: 'dev' | 'holdout'; json: boolean; verbose: boolean; minPrecision: number; minRecall: number } {
  const out = { split: undefined as 'dev' | 'holdout' | undefined, json: false, verbose: false, minPrecision: 0.9, minRecall: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') out.json = true;
    else if (arg === '--verbose' || arg === '-v') out.verbose = true;
    else if (arg === '--split') {
      const v = value();
      if (v !== 'dev' && v !== 'holdout') fail('--split is dev or holdout');
      out.split = v;
    } else if (arg === '--min-precision' || arg === '--min-recall') {
      const n = Number(value());
      if (!(n >= 0 && n <= 1)) fail(`${arg} is a number from 0 to 1`);
      if (arg === '--min-precision') out.minPrecision = n; else out.minRecall = n;
    } else fail(`unknown option ${arg}`);
  }
  return out;
}

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

/** One message file, or null when it quotes the seed and the seed is not here. */
function readMessage(path: string, seed: string | null): EvalMessage | null {
  const file = path.slice(path.lastIndexOf('/') + 1);
  let data: Record<string, unknown>;
  try {
    data = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new BrokenFile(`not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!data || typeof data !== 'object') throw new BrokenFile('not a mapping');
  const str = (key: string, required = true): string | undefined => {
    const v = data[key];
    if (v === undefined || v === null) {
      if (required) throw new BrokenFile(`missing ${key}`);
      return undefined;
    }
    if (typeof v !== 'string') throw new BrokenFile(`${key} is not text`);
    return v;
  };
  const split = str('split');
  if (split !== 'dev' && split !== 'holdout') throw new BrokenFile('split is dev or holdout');
  const channel = (str('channel', false) ?? 'email') as Channel;
  if (!CHANNELS.includes(channel)) throw new BrokenFile(`unknown channel ${channel}`);

  const fromSeed = data['seed'] !== undefined;
  let text: string;
  let customer: string | undefined;
  if (fromSeed) {
    if (seed === null) return null;
    text = cut(seed, data['seed'], 'seed');
  } else text = str('text')!;
  if (data['customerSeed'] !== undefined) {
    if (seed === null) return null;
    customer = cut(seed, data['customerSeed'], 'customerSeed');
  } else customer = str('customer', false);

  const labels = labelList(data['labels'] ?? [], 'labels', text);
  const acceptable = labelList(data['acceptable'] ?? [], 'acceptable', text);
  return {
    file, id: str('id')!, split, source: str('source')!, fromSeed, channel,
    template: data['template'] === true, verdict: str('verdict', false) ?? '',
    text, customer, labels, acceptable,
  };
}

/** The seed's text from the start anchor to the end of the end anchor. */
function cut(seed: string, anchor: unknown, key: string): string {
  const a = anchor as Partial<Anchor> | null;
  if (!a || typeof a.start !== 'string' || typeof a.end !== 'string') throw new BrokenFile(`${key} needs start and end`);
  const from = seed.indexOf(a.start);
  if (from < 0) throw new BrokenFile(`${key}.start not found in the seed`);
  const to = seed.indexOf(a.end, from);
  if (to < 0) throw new BrokenFile(`${key}.end not found after its start`);
  return seed.slice(from, to + a.end.length);
}

function labelList(value: unknown, key: string, text: string): Label[] {
  if (!Array.isArray(value)) throw new BrokenFile(`${key} is not a list`);
  return value.map((item, i) => {
    const label = item as Partial<Label> | null;
    if (!label || typeof label.rule !== 'string' || !/^[a-z]+\/[a-z-]+$/.test(label.rule)) throw new BrokenFile(`${key}[${i}] needs a rule id`);
    if (label.span !== undefined && (typeof label.span !== 'string' || !text.includes(label.span))) {
      throw new BrokenFile(`${key}[${i}] span is not in the text: ${JSON.stringify(label.span)}`);
    }
    return { rule: label.rule, span: label.span, note: label.note };
  });
}

/** Whether a finding lands on a label: same rule, and on one occurrence of its span when it has one. */
function hits(finding: Finding, label: Label, text: string): boolean {
  if (finding.ruleId !== label.rule) return false;
  if (label.span === undefined) return true;
  const from = finding.offset;
  const to = finding.offset + Math.max(finding.length, 1);
  for (let at = text.indexOf(label.span); at >= 0; at = text.indexOf(label.span, at + 1)) {
    if (from < at + label.span.length && at < to) return true;
  }
  return false;
}

function judge(message: EvalMessage, all: Finding[]): Outcome {
  const findings = all.filter((f) => f.severity !== 'info');
  const info = all.filter((f) => f.severity === 'info');
  const matched = message.labels.map((l) => findings.some((f) => hits(f, l, message.text)));
  const infoOnly = message.labels.map((l, i) => !matched[i] && info.some((f) => hits(f, l, message.text)));
  const kinds = findings.map((f) => {
    if (message.labels.some((l) => hits(f, l, message.text))) return 'tp' as const;
    if (message.acceptable.some((l) => hits(f, l, message.text))) return 'ok' as const;
    return 'fa' as const;
  });
  return { message, findings, matched, kinds, infoOnly };
}

interface Figures { labels: number; found: number; recall: number; findings: number; correct: number; falseAlarms: number; precision: number }
interface Report {
  messages: number;
  clean: { messages: number; flagged: string[] };
  all: Figures;
  bySplit: Record<string, Figures>;
  bySource: { seed: Figures; public: Figures };
  byRule: Record<string, Figures>;
  falseAlarms: { id: string; rule: string; actual: string; line: number }[];
  misses: { id: string; rule: string; span?: string; note?: string; infoOnly: boolean }[];
}

function figures(outcomes: Outcome[], rule?: string): Figures {
  let labels = 0, found = 0, findings = 0, correct = 0, falseAlarms = 0;
  for (const o of outcomes) {
    o.message.labels.forEach((l, i) => {
      if (rule && l.rule !== rule) return;
      labels++;
      if (o.matched[i]) found++;
    });
    o.findings.forEach((f, i) => {
      if (rule && f.ruleId !== rule) return;
      const kind = o.kinds[i]!;
      if (kind === 'ok') return;
      findings++;
      if (kind === 'tp') correct++; else falseAlarms++;
    });
  }
  return {
    labels, found, recall: labels ? found / labels : 1,
    findings, correct, falseAlarms, precision: findings ? correct / findings : 1,
  };
}

function summarise(outcomes: Outcome[]): Report {
  const rules = new Set<string>();
  for (const o of outcomes) {
    for (const l of o.message.labels) rules.add(l.rule);
    for (const f of o.findings) rules.add(f.ruleId);
  }
  const cleanOnes = outcomes.filter((o) => o.message.labels.length === 0);
  return {
    messages: outcomes.length,
    clean: {
      messages: cleanOnes.length,
      flagged: cleanOnes.filter((o) => o.kinds.includes('fa')).map((o) => o.message.id),
    },
    all: figures(outcomes),
    bySplit: Object.fromEntries(['dev', 'holdout'].map((s) => [s, figures(outcomes.filter((o) => o.message.split === s))])),
    bySource: {
      seed: figures(outcomes.filter((o) => o.message.fromSeed)),
      public: figures(outcomes.filter((o) => !o.message.fromSeed)),
    },
    byRule: Object.fromEntries([...rules].sort().map((r) => [r, figures(outcomes, r)])),
    falseAlarms: outcomes.flatMap((o) => o.findings.flatMap((f, i) => o.kinds[i] === 'fa'
      ? [{ id: o.message.id, rule: f.ruleId, actual: f.actual.slice(0, 80), line: f.line }] : [])),
    misses: outcomes.flatMap((o) => o.message.labels.flatMap((l, i) => o.matched[i]
      ? [] : [{ id: o.message.id, rule: l.rule, span: l.span, note: l.note, infoOnly: o.infoOnly[i]! }])),
  };
}

const fmt = (n: number): string => n.toFixed(2);

function print(report: Report, outcomes: Outcome[], skipped: string[], verbose: boolean): void {
  const out: string[] = [];
  const row = (name: string, f: Figures): string =>
    `${name.padEnd(30)} ${String(f.found).padStart(3)}/${String(f.labels).padEnd(3)} ${fmt(f.recall).padStart(6)}   ${String(f.correct).padStart(3)}/${String(f.findings).padEnd(3)} ${fmt(f.precision).padStart(6)}  ${f.falseAlarms ? `${f.falseAlarms} false` : ''}`;
  out.push(`${report.messages} messages (${skipped.length} skipped: the seed is not here)`.replace(' (0 skipped: the seed is not here)', ''));
  out.push('');
  out.push(`${'rule'.padEnd(30)} found/labels recall  right/reported precision`);
  for (const [rule, f] of Object.entries(report.byRule)) out.push(row(rule, f));
  out.push('');
  out.push(row('all', report.all));
  for (const [split, f] of Object.entries(report.bySplit)) out.push(row(`  ${split}`, f));
  out.push(row('  the book\'s messages', report.bySource.seed));
  out.push(row('  public templates', report.bySource.public));
  out.push(`clean messages: ${report.clean.messages - report.clean.flagged.length}/${report.clean.messages} clean${report.clean.flagged.length ? ` (flagged: ${report.clean.flagged.join(', ')})` : ''}`);
  out.push('');
  out.push(`false alarms (${report.falseAlarms.length}):`);
  for (const f of report.falseAlarms) out.push(`  ${f.id}:${f.line}  ${f.rule}  "${f.actual}"`);
  out.push('');
  out.push(`misses (${report.misses.length}):`);
  for (const m of report.misses) out.push(`  ${m.id}  ${m.rule}${m.span ? `  "${m.span.slice(0, 60)}"` : ''}${m.infoOnly ? '  (info only)' : ''}`);
  if (verbose) {
    out.push('');
    for (const o of outcomes) {
      out.push(`${o.message.id}:`);
      o.findings.forEach((f, i) => out.push(`  ${o.kinds[i]} ${f.ruleId} ${f.line}:${f.column} "${f.actual.slice(0, 60)}"`));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
