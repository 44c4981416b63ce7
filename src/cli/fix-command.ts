import type { FileResult, InputError } from '../types.js';
import type { Linter } from '../engine/linter.js';
import { expand, formatOf, type InputFormat } from '../input/read-inputs.js';
import { isMacroCollectionPath, type MacroMessage } from '../input/macros.js';
import { fixCollectionFile, fixFile, FixWriteError } from './fix-files.js';
import type { Io } from './io.js';

/**
 * `--fix` and `--fix-dry-run`: each file is fixed until no safe fix is left,
 * then written atomically (only when it changed), or its diff printed. The
 * lint run that follows reports what is left; a dry run has nothing on disk to
 * lint again, so it returns what is left of each text as fixed in memory.
 *
 * Only files whose text is the reply itself are fixed: plain text and
 * templates, and macro collections where a fix maps back exactly (see
 * fixCollectionFile). An archive or export (JSON Lines, CSV, e-mail, mbox)
 * holds headers, syntax and the customer's own words around the replies: it
 * is linted, never rewritten (`notices`).
 */
export async function runFixes(
  paths: string[],
  linter: Linter,
  options: { dryRun: boolean; inputFormat?: InputFormat },
  io: Io,
): Promise<{ errors: InputError[]; notices: InputError[]; changed: number; remaining: FileResult[] }> {
  const errors: InputError[] = [];
  const notices: InputError[] = [];
  const remaining: FileResult[] = [];
  let changed = 0;
  for (const entry of await expand(paths, linter.isIgnored)) {
    if (typeof entry !== 'string') {
      errors.push(entry);
      continue;
    }
    const macros = linter.macroSource(entry) ?? (isMacroCollectionPath(entry) ? {} : undefined);
    const format = formatOf(entry, options.inputFormat);
    if (!macros && format !== 'text') {
      notices.push({ path: entry, code: 'not-fixable', detail: { format } });
      continue;
    }
    try {
      // The fix loop's last lint is of the text as fixed: a dry run reports it, without linting again.
      const result = macros
        ? fixCollectionFile(entry, (m: MacroMessage) => linter.lint(m), { dryRun: options.dryRun, macros })
        : fixFile(entry, (text) => linter.lint({ path: entry, text }), { dryRun: options.dryRun });
      if (result.changed) changed++;
      if (options.dryRun && result.diff) io.stdout.write(result.diff);
      if (options.dryRun) remaining.push(...('members' in result.last ? result.last.members : [result.last]));
    } catch (err) {
      if (err instanceof FixWriteError) {
        errors.push(err.code === 'ECHANGED' ? { path: entry, code: 'changed-since-read' } : { path: entry, code: 'not-written', detail: { reason: err.code } });
      } else errors.push({ path: entry, code: 'unreadable', detail: { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message } });
    }
  }
  return { errors, notices, changed, remaining };
}
