import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { FileResult, InputError } from '../types.js';
import type { InputItem } from '../input/read-inputs.js';
import { packageRoot } from './catalogue.js';
import { loading } from '../text/preload.js';
import { createSharedComponents, shareComponents, sharedComponents } from '../text/shared-native.js';
import type { Linter, LinterOptions, LintInput } from './linter.js';

export type Outcome = { result: FileResult } | { error: InputError };
/** What the batch is given: inputs to lint, and results already known (the lint cache's), passed through in order. */
export type BatchItem = InputItem | { result: FileResult };

/**
 * Most worker threads a run starts: 4 per core. Each worker loads its own
 * rules and spellers (~60 MB), so a thousand of them exhaust memory, and past
 * the cores they only take turns.
 */
export function maxJobs(): number {
  return 4 * availableParallelism();
}

/**
 * Heap limits of a worker. The old generation is bounded so that memory
 * stays flat on a year of mail. The young one is not cut below 16 MB: a
 * message's tokens, readings and findings live through the whole of its
 * lint, and with 8 MB (or 4) they outlive the scavenges, are promoted and
 * then collected by full collections. Measured on a 10 MB bench mbox, -j 2,
 * idle 2-core machine: young 8 MB took 18.2 s of CPU (9.5 s wall) against
 * 15.2 s (7.9 s) with 16 MB, for 5 MB more peak RSS (292 → 297 MB); -j 1
 * took 13.5 s (10.9 s).
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } as const;

export interface BatchOptions {
  /** Worker threads; 1 lints in this thread. Default: all cores. */
  jobs?: number;
  /** Messages linted here before a pool is worth starting (a worker costs ~100 ms to start). */
  warmup?: number;
  /** Messages per task sent to a worker. */
  chunk?: number;
  /**
   * How many messages the run holds, when the input could tell (a list of
   * files): a short run never starts a pool, whose start-up (~1 s for two
   * workers loading the rules and spellers) would cost more than it saves.
   */
  expected?: () => number | undefined;
  /** Runs shorter than this stay in one thread (default 4,000). */
  minForPool?: number;
}

/**
 * Lints a stream of inputs, in input order whatever the number of workers:
 * results come out in the order the messages came in, so the output is the
 * same byte for byte on one core or many. Memory stays bounded: at most a
 * few chunks per worker are in flight.
 */
export async function* lintStream(
  items: AsyncIterable<BatchItem>,
  linter: Linter,
  linterOptions: LinterOptions,
  options: BatchOptions = {},
): AsyncGenerator<Outcome> {
  const jobs = Math.min(maxJobs(), Math.max(1, options.jobs ?? availableParallelism()));
  // This thread and the workers share one copy of Voikko and the Swedish dictionaries
  // (text/shared-native.ts): whoever needs one first loads it, the others use its handle.
  // The buffer lives as long as the run: a handle is used only by threads alive with it.
  const own = jobs > 1 && !sharedComponents();
  if (own) shareComponents(createSharedComponents());
  try {
    yield* run(items, linter, linterOptions, options, jobs, sharedComponents());
  } finally {
    if (own) shareComponents(undefined);
  }
}

async function* run(
  items: AsyncIterable<BatchItem>,
  linter: Linter,
  linterOptions: LinterOptions,
  options: BatchOptions,
  jobs: number,
  components: SharedArrayBuffer | undefined,
): AsyncGenerator<Outcome> {
  const warmup = options.warmup ?? 300;
  const chunkSize = options.chunk ?? 64;
  const iterator = items[Symbol.asyncIterator]();
  let linted = 0;
  const minForPool = options.minForPool ?? 4000;
  const short = () => {
    const n = options.expected?.();
    return n !== undefined && n < minForPool;
  };
  // Lint in this thread until the run proves long enough for a pool.
  while (jobs === 1 || linted < warmup || short()) {
    const next = await iterator.next();
    if (next.done) return;
    const item = next.value;
    if ('error' in item) yield { error: item.error };
    else if ('result' in item) yield { result: item.result };
    else if (linted === 0) {
      // A speller may still be loading in the background (cli/early.ts). Voikko's
      // analysis serves most Finnish rules: wait for it. A Swedish dictionary
      // serves spelling only: the other rules run meanwhile.
      await loading('voikko');
      const hunspell = loading('hunspell');
      const message = item.message as LintInput;
      yield { result: hunspell ? await linter.lintWhenLoaded(message, 'hunspell', hunspell) : linter.lint(message) };
      linted++;
    } else {
      yield { result: linter.lint(item.message as LintInput) };
      linted++;
    }
  }
  // Required, not imported: piscina finds its own worker file beside it, so it stays outside the bundle.
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  const pool = new Piscina({
    filename: join(packageRoot(), 'dist', 'lint-worker.mjs'),
    maxThreads: jobs,
    minThreads: jobs,
    resourceLimits: WORKER_LIMITS,
    workerData: { components },
  });
  const inFlight: Promise<Outcome[]>[] = [];
  const maxInFlight = jobs * 3;
  // Members of macro collections carry a position function, which cannot cross to a worker:
  // they are linted here (template repositories are small).
  const remote = (i: BatchItem): i is Extract<InputItem, { message: unknown }> => 'message' in i && !(i.message as LintInput).locate;
  const dispatch = (chunk: BatchItem[]): Promise<Outcome[]> => {
    const messages = chunk.filter(remote).map((i) => i.message as LintInput);
    const run = messages.length > 0 ? (pool.run({ options: linterOptions, messages }) as Promise<FileResult[]>) : Promise.resolve([]);
    return run.then((results) => {
      let r = 0;
      return chunk.map((i): Outcome => {
        if ('error' in i) return { error: i.error };
        if ('result' in i) return { result: i.result };
        const message = i.message as LintInput;
        return message.locate ? { result: linter.lint(message) } : { result: results[r++]! };
      });
    });
  };
  try {
    let chunk: BatchItem[] = [];
    for (;;) {
      const next = await iterator.next();
      if (!next.done) chunk.push(next.value);
      if (chunk.length >= chunkSize || (next.done && chunk.length > 0)) {
        inFlight.push(dispatch(chunk));
        chunk = [];
      }
      while (inFlight.length >= maxInFlight || (next.done && inFlight.length > 0)) {
        for (const outcome of await inFlight.shift()!) yield outcome;
      }
      if (next.done) break;
    }
  } finally {
    await pool.destroy();
  }
}
