/**
 * Writing fixed files for `--fix`, and the unified diff for `--fix-dry-run`.
 * A file is written only when its content changes, atomically (a temporary
 * file in the same folder, renamed over the original, so a reader never sees
 * half a file and a crash never leaves one), keeping its mode and its encoding
 * (UTF-8, UTF-8 with a byte order mark, UTF-16 with a byte order mark).
 */
import { readFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import type { Finding } from '../types.js';
import { decodeText } from '../input/decode.js';
import { fixUntilStable, type FixLoopResult } from '../engine/fix.js';
import { readMacroCollection, toSourceFix, type MacroMessage, type MacroOptions } from '../input/macros.js';
import { codeError, openAtomic } from './atomic-file.js';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** The encoding of a text file's bytes, as the input layer decodes them (see input/decode.ts). */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8-bom';
  return 'utf8';
}

/** Text to bytes in the given encoding, with the byte order mark it had. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) {
        const b = le[i]!;
        le[i] = le[i + 1]!;
        le[i + 1] = b;
      }
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

/**
 * Writes `content` to `path` atomically (see atomic-file.ts): a symbolic link
 * is followed, the original's mode is kept, and on failure the original is
 * untouched.
 *
 * A file without write permission is not replaced (renaming over it would
 * bypass the permission): EACCES. With `expected`, the bytes the caller read,
 * the file is compared again just before the rename, and an edit made in
 * between is kept: ECHANGED, nothing written.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: { expected?: Uint8Array } = {}): void {
  const file = openAtomic(path, { respectReadOnly: true });
  try {
    file.write(content);
  } catch (err) {
    file.discard();
    throw err;
  }
  file.commit(() => {
    if (options.expected && !sameBytes(file.target, options.expected)) throw codeError('ECHANGED');
  });
}

function sameBytes(path: string, expected: Uint8Array): boolean {
  try {
    return Buffer.from(expected).equals(readFileSync(path));
  } catch {
    return false;
  }
}

/**
 * Writes the fixed text of a file when it differs from what was read, in the
 * encoding the file had. Returns whether the file was written. With `read`,
 * the bytes the text was decoded from, an edit made to the file since is kept
 * (ECHANGED).
 */
export function writeIfChanged(path: string, before: string, after: string, encoding?: TextEncoding, read?: Uint8Array): boolean {
  if (before === after) return false;
  const enc = encoding ?? detectEncoding(readFileSync(path).subarray(0, 3));
  writeFileAtomic(path, encodeText(after, enc), read ? { expected: read } : {});
  return true;
}

/** A fixed file that could not be written (permission, immutable, full disk, changed since it was read). */
export class FixWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`${path}: ${code}`);
  }
}

/**
 * A unified diff of a file's text before and after fixing, as `git diff`
 * shows it (`--- a/path`, `+++ b/path`, three lines of context); empty when
 * nothing changes. Paths are shown with forward slashes.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const name = path.split('\\').join('/').replace(/^\.\//, '');
  const sep = name.startsWith('/') ? '' : '/';
  const patch = createTwoFilesPatch(`a${sep}${name}`, `b${sep}${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
  });
  return patch.endsWith('\n') ? patch : `${patch}\n`;
}

export interface FixFileResult<T> extends FixLoopResult<T> {
  path: string;
  /** The text as read (decoded; a byte order mark is not part of it). */
  before: string;
  /** Whether the fixed text differs from the file's. */
  changed: boolean;
  /** Whether the file was written (changed, and not a dry run). */
  written: boolean;
  /** The unified diff, for a dry run that changes something; '' otherwise. */
  diff: string;
}

/**
 * `--fix` / `--fix-dry-run` for one plain-text or template file: reads it,
 * lints and fixes until stable, and writes it back (atomically, same mode and
 * encoding) when the text changed and this is not a dry run. `lint` lints a
 * text as this file (the CLI passes `text => linter.lint({ path, text, template })`).
 * Throws on a file that cannot be read or decoded: the caller has already
 * linted it, so that is a race, reported like an input error.
 */
export function fixFile<T extends { findings: readonly Finding[] }>(
  path: string,
  lint: (text: string) => T,
  options: { dryRun?: boolean; maxPasses?: number } = {},
): FixFileResult<T> {
  const bytes = readFileSync(path);
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw Object.assign(new Error(`${path}: ${decoded.error}`), { code: decoded.error });
  const before = decoded.text;
  const result = fixUntilStable(before, lint, options.maxPasses !== undefined ? { maxPasses: options.maxPasses } : {});
  const changed = result.output !== before;
  let written = false;
  if (changed && !options.dryRun) {
    try {
      written = writeIfChanged(path, before, result.output, detectEncoding(bytes), bytes);
    } catch (err) {
      throw new FixWriteError(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
    }
  }
  return { ...result, path, before, changed, written, diff: changed && options.dryRun ? unifiedDiff(path, before, result.output) : '' };
}

/**
 * `--fix` / `--fix-dry-run` for a macro collection (YAML or JSON): each member
 * is linted as its own reply, its fixes are carried back into the file
 * (escaped for the scalar's style; HTML bodies and approximately mapped ones
 * are not fixed), and the file is fixed until stable like any other. `path` is
 * the path the members are named after ("macros/makrot.yaml#Title").
 * `last.findings` holds only the fixes still proposed, in file offsets;
 * `last.members` the members' own lint results of the text as fixed (what a
 * dry run reports, without linting them again).
 */
export function fixCollectionFile<R extends { findings: readonly Finding[] }>(
  path: string,
  lintMember: (message: MacroMessage) => R,
  options: { dryRun?: boolean; maxPasses?: number; macros?: MacroOptions } = {},
): FixFileResult<{ findings: Finding[]; members: R[] }> {
  const lint = (source: string) => {
    const { messages } = readMacroCollection(path, source, options.macros ?? {});
    const findings: Finding[] = [];
    const members: R[] = [];
    for (const message of messages) {
      const result = lintMember(message);
      members.push(result);
      for (const f of result.findings) {
        const fix = f.fix && toSourceFix(message, f.fix);
        if (fix) findings.push({ ...f, offset: fix.offset, length: fix.length, fix });
      }
    }
    return { findings, members };
  };
  return fixFile(path, lint, options);
}
