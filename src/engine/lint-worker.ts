import { workerData } from 'node:worker_threads';
import type { FileResult } from '../types.js';
import { shareComponents } from '../text/shared-native.js';
import { createLinter, type Linter, type LinterOptions, type LintInput } from './linter.js';

/**
 * A worker thread of the batch pool: one linter per worker, built as the
 * worker starts (from the options the pool was made with), so its start-up
 * overlaps the reading and linting of the thread that started it.
 */
const data = (workerData ?? {}) as { components?: SharedArrayBuffer; options?: LinterOptions };
// The batch's one copy of Voikko and the dictionaries (text/shared-native.ts).
shareComponents(data.components);
let built: string | undefined = data.options ? JSON.stringify(data.options) : undefined;
let linter: Linter | undefined = data.options ? createLinter(data.options) : undefined;

export default function lintChunk(task: { options: LinterOptions; messages: LintInput[] }): FileResult[] {
  const key = JSON.stringify(task.options);
  if (!linter || key !== built) {
    linter = createLinter(task.options);
    built = key;
  }
  return task.messages.map((m) => linter!.lint(m));
}
