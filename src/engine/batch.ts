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

export interface BatchOptions {
  /** Threads that lint, this one included (jobs − 1 workers help it); 1 lints in this thread only. Default: all cores. */
  jobs?: number;
  /** Messages of a collection of unknown length linted here before a pool starts (default 300; 0 for a mail archive, long by nature). */
  warmup?: number;
  /** Messages per task sent to a worker. */
  chunk?: number;
  /**
   * How many messages the run holds, when the input could tell (a list of
   * files): a short run never starts a pool, whose start-up (~1 s for two
   * workers loading the rules and spellers) would cost more than it saves.
   */
  expected?: () => number | undefined;
  /** Lists of files shorter than this stay in one thread (default MIN_FOR_POOL). */
  minForPool?: number;
  /** Heap limits of a worker (default WORKER_LIMITS). */
  workerLimits?: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number };
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
  const minForPool = options.minForPool ?? MIN_FOR_POOL;
  // A list of files tells its length: a pool when it is long enough. A collection (JSON
  // Lines, CSV) does not: a pool once `warmup` messages have been linted here.
  const wantPool = () => {
    if (jobs === 1) return false;
    const n = options.expected?.();
    return n !== undefined ? n >= minForPool : linted >= warmup;
  };
  // This thread is one of the `jobs` linting threads: a pool of jobs − 1 workers helps it.
  // The pool starts as soon as the run is known to be long enough (before the first lint
  // here when it can tell), so the workers load while this thread reads and lints.
  let pool: Pool | undefined;
  let next: IteratorResult<BatchItem> | undefined;
  for (;;) {
    next = await iterator.next();
    if (next.done) return;
    if (wantPool()) break;
    const item = next.value;
    if ('error' in item) yield { error: item.error };
    else if ('result' in item) yield { result: item.result };
    else {
      yield { result: linted === 0 ? await lintFirst(linter, item.message as LintInput) : linter.lint(item.message as LintInput) };
      linted++;
    }
  }
  pool = startPool(jobs - 1, linterOptions, components, options.workerLimits ?? WORKER_LIMITS);
  try {
    yield* shareWork(pool, iterator, next.value, linter, linterOptions, chunkSize, linted === 0);
  } finally {
    await pool.piscina.destroy();
  }
}

/** Messages before a run is worth a pool, when it can tell its length (a list of files): measured, see MIN_FOR_POOL. */
export const MIN_FOR_POOL = 500;

/**
 * The first message linted here. A speller may still be loading in the
 * background (cli/early.ts). Voikko's analysis serves most Finnish rules: wait
 * for it. A Swedish dictionary serves spelling only: the other rules run meanwhile.
 */
async function lintFirst(linter: Linter, message: LintInput): Promise<FileResult> {
  await loading('voikko');
  const hunspell = loading('hunspell');
  return hunspell ? linter.lintWhenLoaded(message, 'hunspell', hunspell) : linter.lint(message);
}

interface Pool {
  piscina: import('piscina').Piscina;
  workers: number;
}

function startPool(workers: number, linterOptions: LinterOptions, components: SharedArrayBuffer | undefined, limits: BatchOptions['workerLimits']): Pool {
  // Required, not imported: piscina finds its own worker file beside it, so it stays outside the bundle.
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  const piscina = new Piscina({
    filename: join(packageRoot(), 'dist', 'lint-worker.mjs'),
    maxThreads: workers,
    minThreads: workers,
    // Two tasks a worker: the next one waits in the worker's own queue, so a worker never
    // idles while this thread is busy linting its share.
    concurrentTasksPerWorker: 2,
    resourceLimits: limits,
    // The worker builds its linter from these at start, while this thread reads and lints.
    workerData: { components, options: linterOptions },
  });
  // A worker that dies rejects its tasks (shareWork lints them here); the pool's own report of it is not a crash of the run.
  piscina.on('error', () => {});
  return { piscina, workers };
}

/** Small heaps make the workers collect early: memory stays flat on a year of mail. */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** Messages this thread lints at a time while the workers are busy: few, so it soon hands out work again. */
const LOCAL_CHUNK = 8;

/** A chunk's outcomes, in input order; `outcomes` is set once they are there. */
interface Slot {
  outcomes?: Outcome[];
  ready?: Promise<void>;
}

/**
 * The pool's workers and this thread share the messages: a chunk goes to a
 * worker while one has room (a task running and one waiting); otherwise this
 * thread lints a few itself. Outcomes come out in input order; at most a few
 * chunks per worker are held, so memory stays bounded.
 */
async function* shareWork(
  pool: Pool,
  iterator: AsyncIterator<BatchItem>,
  first: BatchItem,
  linter: Linter,
  linterOptions: LinterOptions,
  chunkSize: number,
  firstHere: boolean,
): AsyncGenerator<Outcome> {
  const queue: Slot[] = [];
  let remote = 0;
  const maxRemote = pool.workers * 2;
  const maxQueued = maxRemote + 8;
  let needsFirst = firstHere;
  let broken = false;
  // Members of macro collections carry a position function, which cannot cross to a worker:
  // they are linted here (template repositories are small).
  const here = (chunk: BatchItem[]): Promise<Outcome[]> | Outcome[] => {
    if (needsFirst) {
      // The first message linted here waits for a speller still loading (lintFirst).
      needsFirst = false;
      const [head, ...rest] = chunk;
      if (head && 'message' in head) {
        return lintFirst(linter, head.message as LintInput).then((result) => [{ result }, ...(rest.map(lintHere) as Outcome[])]);
      }
    }
    return chunk.map(lintHere);
  };
  const lintHere = (i: BatchItem): Outcome => ('error' in i ? { error: i.error } : 'result' in i ? { result: i.result } : { result: linter.lint(i.message as LintInput) });
  const remoteOk = (i: BatchItem): boolean => 'message' in i && !(i.message as LintInput).locate;
  const dispatch = (chunk: BatchItem[]): Promise<Outcome[]> => {
    const messages = chunk.filter(remoteOk).map((i) => (i as Extract<InputItem, { message: unknown }>).message as LintInput);
    const run = messages.length > 0 ? (pool.piscina.run({ options: linterOptions, messages }) as Promise<FileResult[]>) : Promise.resolve([]);
    return run.then(
      (results) => {
        let r = 0;
        return chunk.map((i): Outcome => (remoteOk(i) ? { result: results[r++]! } : lintHere(i)));
      },
      // A worker that died (out of its small heap on a huge message): the chunk, and the rest
      // of the run, are linted here, where the heap is the process's.
      () => {
        broken = true;
        return chunk.map(lintHere);
      },
    );
  };
  const push = (work: Promise<Outcome[]> | Outcome[], isRemote: boolean) => {
    const slot: Slot = {};
    if (Array.isArray(work)) slot.outcomes = work;
    else {
      if (isRemote) remote++;
      slot.ready = work.then((o) => {
        slot.outcomes = o;
        if (isRemote) remote--;
      });
    }
    queue.push(slot);
  };
  let chunk: BatchItem[] = [first];
  let done = false;
  while (!done || chunk.length > 0 || queue.length > 0) {
    if (!done && chunk.length < chunkSize) {
      const next = await iterator.next();
      if (next.done) done = true;
      else chunk.push(next.value);
    }
    if (chunk.length >= chunkSize || (done && chunk.length > 0)) {
      // A worker's answer is a message of the event loop: let it in before deciding.
      if (remote >= maxRemote) await new Promise(setImmediate);
      if (remote < maxRemote && !broken) {
        push(dispatch(chunk), true);
        chunk = [];
      } else {
        // The workers have their fill: this thread lints a few of the chunk itself.
        push(here(chunk.splice(0, LOCAL_CHUNK)), false);
      }
    }
    // Outcomes ready at the head go out now; a full queue (or the end) waits for its head.
    while (queue.length > 0 && (queue[0]!.outcomes || queue.length >= maxQueued || (done && chunk.length === 0))) {
      const head = queue[0]!;
      if (!head.outcomes) await head.ready;
      queue.shift();
      for (const outcome of head.outcomes!) yield outcome;
    }
  }
}
