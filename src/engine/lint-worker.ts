import { workerData } from 'node:worker_threads';
import type { FileResult } from '../types.js';
import { shareComponents } from '../text/shared-native.js';
import { createLinter, type Linter, type LinterOptions, type LintInput } from './linter.js';

/** A worker thread of the batch pool: one linter per worker, built on the first task. */
let linter: Linter | undefined;
// The batch's one copy of Voikko and the dictionaries (text/shared-native.ts).
shareComponents((workerData as { components?: SharedArrayBuffer } | null)?.components);
let built: string | undefined;

export default function lintChunk(task: { options: LinterOptions; messages: LintInput[] }): FileResult[] {
  const key = JSON.stringify(task.options);
  if (!linter || key !== built) {
    linter = createLinter(task.options);
    built = key;
  }
  return task.messages.map((m) => linter!.lint(m));
}
