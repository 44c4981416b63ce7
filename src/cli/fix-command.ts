import type { FileResult, InputError } from '../types.js';
import type { Linter } from '../engine/linter.js';
import { expand, formatOf, type InputFormat } from '../input/read-inputs.js';
import type { Redactor } from '../engine/redact.js';
import { isMacroCollectionPath, readMacroCollection, type MacroMessage } from '../input/macros.js';
import { fixCollectionFile, fixFile, FixWriteError, unifiedDiff } from './fix-files.js';
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
 *
 * With a redactor (--redact) nothing of the input comes out unmasked: the
 * diff is of the masked texts, and errors, notices and results are masked.
 */
export async function runFixes(
  paths: string[],
  linter: Linter,
  options: { dryRun: boolean; inputFormat?: InputFormat; redactor?: Redactor; customer?: string },
  io: Io,
): Promise<{ errors: InputError[]; notices: InputError[]; changed: number; remaining: FileResult[] }> {
  const redactor = options.redactor;
  const errors: InputError[] = [];
  const notices: InputError[] = [];
  const remaining: FileResult[] = [];
  let changed = 0;
  const fail = (error: InputError) => void errors.push(redactor ? redactor.error(error) : error);
  for (const entry of await expand(paths, linter.isIgnored, undefined, linter.isConfigured)) {
    if (typeof entry !== 'string') {
      fail(entry);
      continue;
    }
    const macros = linter.macroSource(entry) ?? (isMacroCollectionPath(entry) ? {} : undefined);
    const format = formatOf(entry, options.inputFormat);
    if (!macros && format !== 'text') {
      const notice: InputError = { path: entry, code: 'not-fixable', detail: { format } };
      notices.push(redactor ? redactor.error(notice) : notice);
      continue;
    }
    try {
      // The fix loop's last lint is of the text as fixed: a dry run reports it, without linting again.
      const result = macros
        ? fixCollectionFile(entry, (m: MacroMessage) => linter.lint(m), { dryRun: options.dryRun, macros })
        : fixFile(entry, (text) => linter.lint({ path: entry, text }), { dryRun: options.dryRun });
      if (result.changed) changed++;
      if (options.dryRun && result.diff) {
        if (!redactor) io.stdout.write(result.diff);
        else {
          const members = macros ? readMacroCollection(entry, result.before, macros).messages.map((m) => m.text) : [];
          const masked = redactor.fixed(result.before, result.output, { ...(options.customer !== undefined ? { customer: options.customer } : {}), members });
          io.stdout.write(unifiedDiff(redactor.path(entry), masked.before, masked.after));
        }
      }
      if (options.dryRun) {
        const last = 'members' in result.last ? result.last.members : [result.last];
        remaining.push(...(redactor ? last.map((r) => redactor.result(r)) : last));
      }
    } catch (err) {
      if (err instanceof FixWriteError) {
        fail(err.code === 'ECHANGED' ? { path: entry, code: 'changed-since-read' } : { path: entry, code: 'not-written', detail: { reason: err.code } });
      } else fail({ path: entry, code: 'unreadable', detail: { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message } });
    }
  }
  return { errors, notices, changed, remaining };
}
