import type { FileResult } from '../types.js';
import { createLinter, type Linter, type LinterOptions, type LintInput } from './linter.js';

/** A worker thread of the batch pool: one linter per worker, built on the first task. */
let linter: Linter | undefined;
let built: string | undefined;

export default function lintChunk(task: { options: LinterOptions; messages: LintInput[] }): FileResult[] {
  const key = JSON.stringify(task.options);
  if (!linter || key !== built) {
    linter = createLinter(task.options);
    built = key;
  }
  return task.messages.map((m) => linter!.lint(m));
}
