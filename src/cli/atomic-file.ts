/**
 * A file replaced whole or not at all: written beside its target under a
 * temporary name, flushed, given the target's mode, and renamed over it only
 * when complete. A reader never sees half a file, and a failed or aborted
 * write leaves the target as it was and no temporary file. The one way both
 * `--fix` (fixed replies) and `-o` (the report) write.
 */
import { accessSync, chmodSync, closeSync, constants, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicFile {
  /** The file that is replaced: the path asked for, a symbolic link followed. */
  readonly target: string;
  write(content: string | Uint8Array): void;
  /**
   * Replaces the target with what was written. `beforeRename` may still
   * refuse by throwing (the target is then untouched). Throws the system's
   * error when the rename fails.
   */
  commit(beforeRename?: () => void): void;
  /** Gives up: the target stays as it was. */
  discard(): void;
}

/** An error with the system's code, as node:fs throws them ("EACCES", "EISDIR"). */
export function codeError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A name beside `target` that no other run or file has: ".name.aspalint-PID-RANDOM.tmp". */
function tempPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.aspalint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Opens `path` for replacing. A symbolic link is followed (its target is
 * rewritten, the link stays); a folder is refused (EISDIR). With
 * `respectReadOnly`, a file without write permission is refused (EACCES):
 * renaming over it would bypass the permission, and editors refuse it too.
 */
export function openAtomic(path: string, options: { respectReadOnly?: boolean } = {}): AtomicFile {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A new file: written where it was asked for.
  }
  let mode: number | undefined;
  try {
    const info = statSync(target);
    if (info.isDirectory()) throw codeError('EISDIR');
    mode = info.mode & 0o7777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw err;
  }
  if (mode !== undefined && options.respectReadOnly) {
    // Read-only for everyone (chmod a-w) is refused even for root.
    if ((mode & 0o222) === 0) throw codeError('EACCES');
    accessSync(target, constants.W_OK);
  }
  const temp = tempPathBeside(target);
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  let open = true;
  const close = () => {
    if (!open) return false;
    open = false;
    closeSync(fd);
    return true;
  };
  const remove = () => {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  };
  return {
    target,
    write(content) {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    },
    commit(beforeRename) {
      if (!open) return;
      try {
        try {
          fsyncSync(fd);
        } finally {
          close();
        }
        // openSync's mode is filtered by the umask; the original's mode is kept as it was.
        if (mode !== undefined) chmodSync(temp, mode);
        beforeRename?.();
        renameSync(temp, target);
      } catch (err) {
        remove();
        throw err;
      }
    },
    discard() {
      if (close()) remove();
    },
  };
}
