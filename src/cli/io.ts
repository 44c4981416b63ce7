import { closeSync, openSync, writeSync } from 'node:fs';

/** The process's streams and surroundings, passed in so tests can run the CLI in-process. */
export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A usage, config or input problem: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Where the report goes: stdout, or a file written as the run goes. */
export function openOutput(io: Io, file: string | undefined): { write: (s: string) => void; close: () => void } {
  if (!file) return { write: (s) => void io.stdout.write(s), close: () => {} };
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (err) {
    throw new UsageError(`${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { write: (s) => void writeSync(fd, s), close: () => closeSync(fd) };
}
