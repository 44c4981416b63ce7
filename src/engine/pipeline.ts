/**
 * One run over files: paths expanded and read (archives, exports and macro
 * collections as the config says), linted in order (worker threads for long
 * runs), each outcome a result or an input error. The CLI and the library's
 * `lintFiles` are this one pipeline, so both honour the same config: macro
 * key paths, the archive's agents, CSV columns and threading window.
 */
import type { InputError, LintReport } from '../types.js';
import { ConfigError } from './config.js';
import { createLinter, summarize, type Linter, type LinterOptions, type LintInput } from './linter.js';
import { lintStream, type BatchItem, type BatchOptions, type Outcome } from './batch.js';
import { messageKey, type LintCache } from './cache.js';
import { formatOf, readInputs, type InputFormat, type InputItem, type InputOptions } from '../input/read-inputs.js';
import type { ColumnMapping } from '../input/csv.js';
import type { FileResult } from '../types.js';

export type { Outcome } from './batch.js';

export interface RunOptions extends LinterOptions {
  /** Read stdin for "-". */
  stdin?: NodeJS.ReadableStream;
  /** How to read stdin and files whose ending does not say (default: plain text). */
  inputFormat?: InputFormat;
  /** Who answers for the company in an archive; default: the config's `archive.agents`. */
  agents?: string[];
  /** CSV columns ("reply=Body,customer=Question" or { reply: "Body", … }); default: the config's `archive.columns`. */
  columns?: string | Record<string, string>;
  /** Customer messages an mbox keeps for pairing; default: the config's `archive.threadWindow`. */
  threadWindow?: number;
  /** Largest plain file read as one reply. */
  maxFileBytes?: number;
  /** Worker threads for long runs. Default: 1 for the library (no threads unless asked), the CLI passes all cores. */
  jobs?: number;
  /** Told how many files the paths expanded to, before they are read. */
  onFiles?: (count: number) => void;
  /** Bytes read of a streamed archive. */
  onBytes?: (read: number, total: number) => void;
  /** Told of a file named outright that an ignore pattern leaves out. */
  onIgnored?: (path: string) => void;
  /** The path stdin is linted as (--stdin-filename): overrides, templates and the report go by it. */
  stdinFilename?: string;
  /** Results of unchanged messages from the last run (--cache); saved when the run has gone through. */
  cache?: LintCache;
}

/** Endings of files that hold many replies: a count of files is then not a count of replies. */
const COLLECTION = /\.(jsonl|ya?ml|json|mbox|csv|tsv)$/i;

/** The CSV column mapping of the run; a bad one is a config error naming where it came from. */
async function columnMapping(spec: string | Record<string, string> | undefined, from: string, setting: string): Promise<ColumnMapping | undefined> {
  if (spec === undefined) return undefined;
  const { parseColumnMapping } = await import('../input/csv.js');
  // A mapping given as an object is checked like the flag's text: one set of rules.
  const text = typeof spec === 'string' ? spec : Object.entries(spec).map(([k, v]) => `${k}=${v}`).join(',');
  try {
    return parseColumnMapping(text);
  } catch (err) {
    throw new ConfigError(from, null, `${setting}${(err as Error).message.replace(/^--columns: /, '')}`);
  }
}

/**
 * The input layer's options for a run: what the caller says wins over the
 * config's archive settings; macro collections come from the config.
 */
export async function inputOptionsFor(linter: Linter, options: RunOptions): Promise<InputOptions> {
  const archive = linter.config.archive ?? {};
  const agents = options.agents && options.agents.length > 0 ? options.agents : (archive.agents ?? []);
  const columns =
    options.columns !== undefined
      ? await columnMapping(options.columns, '--columns', '')
      : await columnMapping(archive.columns, options.configFile ?? 'config', 'archive.columns: ');
  const threadWindow = options.threadWindow ?? archive.threadWindow;
  const macros = linter.config.macros ?? [];
  return {
    ...(options.stdin ? { stdin: options.stdin } : {}),
    inputFormat: options.inputFormat ?? 'text',
    agents,
    ...(columns ? { columns } : {}),
    ...(threadWindow ? { threadWindow } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.onBytes ? { onBytes: options.onBytes } : {}),
    ...(options.onIgnored ? { onIgnored: options.onIgnored } : {}),
    isIgnored: linter.isIgnored,
    isConfigured: linter.isConfigured,
    ...(macros.length > 0 ? { macroSource: (p: string) => linter.macroSource(p) } : {}),
  };
}

/**
 * Every input of the paths as an outcome, in input order. `linter` is built
 * from the options when not given; `linterOptions` is what a worker thread
 * builds its own linter from (plain data, no functions).
 */
export async function* lintOutcomes(patterns: string[], options: RunOptions = {}, linter: Linter = createLinter(options)): AsyncGenerator<Outcome> {
  const inputOptions = await inputOptionsFor(linter, options);
  const inputFormat = inputOptions.inputFormat ?? 'text';
  // The number of files, when the paths expanded to plain replies (one each): the batch decides on a pool by it.
  let expected: number | undefined;
  const read = readInputs(patterns, {
    ...inputOptions,
    onFiles: (n) => {
      if (!patterns.some((p) => COLLECTION.test(p)) && inputFormat === 'text') expected = n;
      options.onFiles?.(n);
    },
  });
  const pending: (string | null)[] = [];
  const cached = options.cache ? fromCache(read, options.cache, pending) : read;
  const items: AsyncIterable<BatchItem> = options.stdinFilename ? renameStdin(cached, options.stdinFilename) : cached;
  // A mail archive is long by nature: its messages go to the workers from the first one, so
  // this thread (busy reading mail) never loads the rules and spellers a worker has anyway.
  const mailArchive = patterns.some((p) => formatOf(p === '-' ? '' : p, inputFormat) === 'mbox');
  const batch: BatchOptions = { jobs: options.jobs ?? 1, ...(mailArchive ? { warmup: 0 } : {}), expected: () => expected };
  const outcomes = lintStream(items, linter, workerOptions(options), batch);
  if (!options.cache) return yield* outcomes;
  // One outcome per item, in item order: each new result is stored under its message's key.
  for await (const outcome of outcomes) {
    const key = pending.shift();
    if (key && 'result' in outcome) options.cache.set(outcome.result.path, key, outcome.result);
    yield outcome;
  }
  options.cache.save();
}

/**
 * The items with the messages the cache has a result for replaced by that
 * result. `pending` gets, item by item, the key under which the outcome is to
 * be stored (null: an error, a cached result, stdin).
 */
async function* fromCache(items: AsyncIterable<InputItem>, cache: LintCache, pending: (string | null)[]): AsyncGenerator<BatchItem> {
  for await (const item of items) {
    const key = 'message' in item ? messageKey(item.message as LintInput) : null;
    const result = key && 'message' in item ? cache.get(item.message.path, key) : undefined;
    pending.push(result ? null : key);
    yield result ? { result } : item;
  }
}

/** Stdin's messages and errors under the name --stdin-filename gives ("-#3" of a JSON Lines stream becomes "name#3"). */
async function* renameStdin(items: AsyncIterable<BatchItem>, name: string): AsyncGenerator<BatchItem> {
  const rename = (path: string) => (path === '-' ? name : path.startsWith('-#') ? `${name}${path.slice(1)}` : path);
  for await (const item of items) {
    if ('error' in item) yield { error: { ...item.error, path: rename(item.error.path) } };
    else if ('message' in item) yield { message: { ...item.message, path: rename(item.message.path) } };
    else yield item;
  }
}

/** The linter's part of the options, as plain data a worker can receive. */
export function workerOptions(options: RunOptions): LinterOptions {
  const { stdin: _s, inputFormat: _f, agents: _a, columns: _c, threadWindow: _t, maxFileBytes: _m, jobs: _j, onFiles: _o, onBytes: _b, onIgnored: _i, stdinFilename: _n, cache: _cache, ...linterOptions } = options;
  return linterOptions;
}

/** Lints files, directories, globs and archives; bad inputs become errors and never stop the rest. */
export async function lintFiles(patterns: string[], options: RunOptions = {}): Promise<LintReport> {
  const results: FileResult[] = [];
  const errors: InputError[] = [];
  for await (const outcome of lintOutcomes(patterns, options)) {
    if ('error' in outcome) errors.push(outcome.error);
    else results.push(outcome.result);
  }
  return { results, errors, summary: summarize(results) };
}
