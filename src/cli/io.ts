import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { openAtomic, type AtomicFile } from './atomic-file.js';
import type { Trilingual, UiLang } from '../types.js';
import { t, UI } from '../report/i18n.js';

/** The process's streams and surroundings, passed in so tests can run the CLI in-process. */
export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A usage, config or input problem: one line on stderr, exit code 2. */
export class UsageError extends Error {
  /** The message in the three languages, when it is made before the UI language is known (`message` is the English). */
  readonly texts?: Trilingual;

  constructor(message: string | Trilingual) {
    super(typeof message === 'string' ? message : message.en);
    if (typeof message !== 'string') this.texts = message;
  }

  text(lang: UiLang): string {
    return this.texts?.[lang] ?? this.message;
  }
}

/** A message of the UI table in all three languages, for a UsageError made before the UI language is known. */
export function said(key: keyof typeof UI, data: Record<string, string | number> = {}): Trilingual {
  return { fi: t(UI[key], 'fi', data), sv: t(UI[key], 'sv', data), en: t(UI[key], 'en', data) };
}

export interface Output {
  write: (s: string) => void;
  /** The report is complete: it replaces the file. */
  close: () => void;
  /** The run failed: the file is left as it was. */
  abort: () => void;
}

/** The file a path names, its links followed; the path itself when it does not exist yet. */
function realFile(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuses an output file that is also an input: the report would replace the
 * reply it is about. Inputs named on the command line are compared by the file
 * they name (links followed); "-" and globs are not files.
 */
export function checkOutputNotInput(io: Io, file: string | undefined, inputs: string[], shown: (path: string) => string = (p) => p): void {
  if (!file) return;
  const out = realFile(resolve(io.cwd, file));
  for (const input of inputs) {
    if (input === '-') continue;
    // An archive member ("archive.mbox#id") names its archive.
    const path = resolve(io.cwd, input);
    if (realFile(path) === out || realFile(path.replace(/#[^\\/]*$/, '')) === out) {
      // The file named is an input: under --redact its name is masked like an input's (`shown`).
      throw new UsageError(said('outputIsInput', { file: shown(file) }));
    }
  }
}

/**
 * Where the report goes: stdout, or a file. A file is written beside its
 * target under a temporary name and renamed over it only when the report is
 * complete, so a failed run, or an input read after the report began, never
 * finds it truncated.
 */
export function openOutput(io: Io, file: string | undefined): Output {
  if (!file) return { write: (s) => void io.stdout.write(s), close: () => {}, abort: () => {} };
  const cannot = (err: unknown) => new UsageError(said('cannotWrite', { file, code: (err as NodeJS.ErrnoException).code ?? 'error' }));
  let out: AtomicFile;
  try {
    out = openAtomic(resolve(io.cwd, file));
  } catch (err) {
    throw cannot(err);
  }
  let open = true;
  // A run that ends in an exception leaves the file as it was, and no temporary file.
  const onExit = () => {
    if (open) out.discard();
  };
  process.once('exit', onExit);
  const finish = () => {
    if (!open) return false;
    open = false;
    process.removeListener('exit', onExit);
    return true;
  };
  return {
    write: (s) => out.write(s),
    close: () => {
      if (!finish()) return;
      try {
        out.commit();
      } catch (err) {
        throw cannot(err);
      }
    },
    abort: () => {
      if (finish()) out.discard();
    },
  };
}
