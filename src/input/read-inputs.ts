import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputError, InputErrorCode, Message } from '../types.js';
import { decodeText } from './decode.js';
import { readJsonlStream } from './jsonl.js';
import { readWithin, tooLarge } from './size-limit.js';
import { isMacroCollectionPath, readMacroCollection, type MacroOptions } from './macros.js';
import type { ColumnMapping } from './csv.js';
import type { Threader } from './threads.js';

export interface InputOptions {
  /** Read stdin for "-" (the CLI passes process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Largest file read as one reply; a bigger one is an error, not a reply. */
  maxFileBytes?: number;
  isIgnored?: (path: string) => boolean;
  /** Files the config names (macro collections, templates): a folder yields them whatever their ending. */
  isConfigured?: (path: string) => boolean;
  /** Told of a file named on the command line that an ignore pattern leaves out (ESLint warns of it). */
  onIgnored?: (path: string) => void;
  /** Where a file is a macro collection (config `macros:`), how to read it. */
  macroSource?: (path: string) => MacroOptions | undefined;
  /** Told how many files the paths expanded to, before they are read (for a progress bar). */
  onFiles?: (count: number) => void;
  /** How to read stdin and files whose ending does not say (default: plain text). */
  inputFormat?: InputFormat;
  /** Who answers for the company in an archive (domains "@yritys.fi", addresses): their mails are the replies. */
  agents?: string[];
  /** Column mapping of a CSV export (reply=Body,customer=Question,…). */
  columns?: ColumnMapping;
  /** Customer messages an mbox keeps for pairing replies with (memory bound). */
  threadWindow?: number;
  /** Bytes read of a streamed archive, for a progress bar. */
  onBytes?: (read: number, total: number) => void;
}

export type InputFormat = 'text' | 'jsonl' | 'eml' | 'mbox' | 'csv';

/** The format of a file: its ending says, else the --input-format flag. */
export function formatOf(path: string, fallback: InputFormat = 'text'): InputFormat {
  if (/\.eml$/i.test(path)) return 'eml';
  if (/\.mbox(\.gz)?$/i.test(path)) return 'mbox';
  if (/\.(csv|tsv)$/i.test(path)) return 'csv';
  if (/\.jsonl$/i.test(path)) return 'jsonl';
  return fallback;
}

const EML_MAX_BYTES = 25 * 1024 * 1024;

export type InputItem = { message: Omit<Message, 'channel'> & Partial<Pick<Message, 'channel'>> } | { error: InputError };

/** File endings read from directories and globs (explicit files are read whatever their ending). */
export const TEXT_EXTENSIONS = ['txt', 'md', 'text', 'hbs', 'mustache', 'liquid', 'njk', 'jsonl', 'eml', 'mbox'];
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** A file of many replies read whole (a macro collection, a CSV export on stdin, JSON Lines in UTF-16) may be larger. */
const COLLECTION_MAX_BYTES = 512 * 1024 * 1024;

/** Glob syntax in a path; fast-glob is loaded only when one is given (it costs ~30–100 ms to import). */
function isGlob(pattern: string): boolean {
  return /[*?[\]{}()!]/.test(pattern);
}

async function glob(pattern: string): Promise<string[]> {
  const { default: fg } = await import('fast-glob');
  return fg(pattern, { dot: false, onlyFiles: true, followSymbolicLinks: false });
}

/**
 * Reply files below a folder, skipping hidden files and folders and
 * node_modules: files of the reply endings, and the files the config names
 * (`macros:` collections, `templates:`), whatever their ending, as ESLint
 * lints the files its config's patterns name.
 */
async function filesIn(dir: string, configured?: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const wanted = new RegExp(`\\.(${TEXT_EXTENSIONS.join('|')})$`, 'i');
  return entries
    .filter((e) => e.isFile())
    .map((e) => ({ name: e.name, path: join(e.parentPath ?? (e as unknown as { path: string }).path, e.name) }))
    .filter((e) => wanted.test(e.name) || configured?.(e.path))
    .map((e) => e.path)
    .filter((p) => !p.slice(dir.length).split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'));
}

/**
 * Expands the command line's paths into files (deterministic order) and
 * errors. `configured`: the files the config names, which a folder yields
 * whatever their ending.
 */
export async function expand(
  patterns: string[],
  isIgnored: (p: string) => boolean,
  onIgnored?: (path: string) => void,
  configured?: (path: string) => boolean,
): Promise<(string | InputError)[]> {
  const out: (string | InputError)[] = [];
  const seen = new Set<string>();
  const add = (path: string, named = false) => {
    if (seen.has(path)) return;
    if (isIgnored(path)) {
      // A file named outright is not skipped in silence: a hook that passes it would pass anything.
      if (named) onIgnored?.(path);
      return;
    }
    seen.add(path);
    out.push(path);
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      out.push('-');
      continue;
    }
    // An existing path is always a path: "vastaus (1).txt" is a file, not a pattern.
    let info;
    try {
      info = await stat(pattern);
    } catch (err) {
      if (isGlob(pattern) && fsError(err).code === 'not-found') {
        const files = (await glob(pattern)).sort();
        if (files.length === 0) out.push({ path: pattern, code: 'no-match' });
        files.forEach((f) => add(f));
      } else out.push({ path: pattern, ...fsError(err) });
      continue;
    }
    if (!info.isDirectory() && !info.isFile()) {
      out.push({ path: pattern, code: 'not-a-file' });
      continue;
    }
    if (info.isDirectory()) {
      const base = pattern.replace(/[\\/]+$/, '');
      const files = (await filesIn(base, configured)).sort();
      const kept = files.filter((f) => !isIgnored(f));
      if (kept.length === 0) out.push({ path: pattern, code: 'no-files', detail: { extensions: TEXT_EXTENSIONS.map((e) => `.${e}`).join(' ') } });
      kept.forEach((f) => add(f));
    } else add(pattern, true);
  }
  return out;
}

export function fsError(err: unknown): { code: InputErrorCode; detail?: Record<string, string> } {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'not-found' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'permission' };
  return { code: 'unreadable', detail: { reason: code ?? (err as Error).message } };
}

/** Stdin, read up to the limit: past it the rest is not kept (`aspalint - < /dev/zero` ends). */
async function readStdin(stream: NodeJS.ReadableStream, limit: number): Promise<{ bytes: Buffer } | { error: InputError }> {
  const read = await readWithin(stream as AsyncIterable<Buffer | string>, '-', limit);
  if ('error' in read) (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  return read;
}

/** Opens a path for reading if it is a regular file: a FIFO or a device would block or never end. */
function openRegular(path: string): { fd: number; size: number } | { error: InputError } {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns at once (it is then refused).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { error: { path, ...fsError(err) } };
  }
  try {
    const info = fstatSync(fd);
    if (info.isFile()) return { fd, size: info.size };
    closeSync(fd);
    return { error: { path, code: 'not-a-file' } };
  } catch (err) {
    closeSync(fd);
    return { error: { path, ...fsError(err) } };
  }
}

/** Stdin, or a regular file opened as a stream (with its size, for progress); anything else is an input error. */
function openStream(path: string, options: InputOptions): { stream: NodeJS.ReadableStream; total: number } | { error: InputError } {
  if (path === '-') return { stream: options.stdin!, total: 0 };
  const opened = openRegular(path);
  if ('error' in opened) return opened;
  return { stream: createReadStream(path, { fd: opened.fd, highWaterMark: 256 * 1024 }), total: opened.size };
}

/**
 * A regular file's bytes, at most `limit` of them: a bigger file is a
 * `too-large` error. Only regular files are read, and the limit holds for
 * what is read, not only for the size the file claims (it may grow).
 */
export function readRegularFile(path: string, limit: number): { bytes: Buffer } | { error: InputError } {
  const opened = openRegular(path);
  if ('error' in opened) return opened;
  const { fd, size } = opened;
  try {
    if (size > limit) return tooLarge(path, size, limit);
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, size + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) return tooLarge(path, total, limit, true);
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2 + 65536));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    return { bytes: buffer.subarray(0, total) };
  } catch (err) {
    return { error: { path, ...fsError(err) } };
  } finally {
    closeSync(fd);
  }
}

export type FileKind = 'text' | { macros: MacroOptions };

function* toMessages(path: string, bytes: Uint8Array, maxBytes: number, kind: FileKind): Generator<InputItem> {
  if (bytes.length > maxBytes) {
    yield tooLarge(path, bytes.length, maxBytes);
    return;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) yield { error: { path, code: decoded.error } };
  else if (typeof kind === 'object') {
    const collection = readMacroCollection(path, decoded.text, kind.macros);
    for (const error of collection.errors) yield { error };
    for (const message of collection.messages) yield { message };
  }
  else if (decoded.text.trim() === '') yield { error: { path, code: 'empty' } };
  else yield { message: { path, text: decoded.text } };
}

/**
 * An mbox is streamed (memory does not grow with it); the mail readers are
 * imported only when an archive is read (mailparser costs ~0.5 s to load).
 */
async function* readArchive(path: string, format: 'eml' | 'mbox' | 'csv', options: InputOptions, bytes: Buffer | null, threader?: Threader): AsyncGenerator<InputItem> {
  if (format === 'mbox') {
    const { readMbox } = await import('./mbox.js');
    const opened = openStream(path, options);
    if ('error' in opened) {
      yield opened;
      return;
    }
    const { stream, total } = opened;
    yield* readMbox(path, stream, {
      agents: options.agents ?? [],
      ...(options.threadWindow ? { maxCustomers: options.threadWindow } : {}),
      ...(options.onBytes ? { onProgress: (p: { bytes: number }) => options.onBytes!(p.bytes, total) } : {}),
    }) as AsyncGenerator<InputItem>;
    return;
  }
  if (format === 'eml') {
    const { parseEml } = await import('./eml.js');
    const r = await parseEml(path, bytes!, threader ? { threader } : {});
    if (r.message) yield { message: r.message };
    else if (r.error) yield { error: r.error };
    return;
  }
  yield* streamCsv(path, options, bytes);
}

/**
 * A CSV export, streamed a record at a time: each record has the size limit
 * of a reply file, the file has none. A regular file is read again from an
 * offset after an unclosed quote (csv.ts); stdin comes read (`bytes`).
 */
async function* streamCsv(path: string, options: InputOptions, bytes: Buffer | null): AsyncGenerator<InputItem> {
  const { bufferSource, readCsvStream } = await import('./csv.js');
  let fd: number | undefined;
  let source;
  let total = 0;
  if (bytes) {
    source = bufferSource(bytes);
    total = bytes.length;
  } else {
    const opened = openRegular(path);
    if ('error' in opened) {
      yield opened;
      return;
    }
    ({ fd, size: total } = opened);
    const file = fd;
    source = { open: (start: number) => createReadStream(path, { fd: file, start, autoClose: false, highWaterMark: 256 * 1024 }) };
  }
  try {
    yield* readCsvStream(path, source, {
      maxRecordBytes: options.maxFileBytes ?? DEFAULT_MAX_BYTES,
      ...(options.columns ? { mapping: options.columns } : {}),
      ...(options.onBytes ? { onBytes: (read: number) => options.onBytes!(read, total) } : {}),
    });
  } catch (err) {
    yield { error: { path, ...fsError(err) } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}


/** A JSON Lines file or stdin, streamed: each record has the size limit of a reply file; the file has none. */
async function* streamJsonl(path: string, options: InputOptions, maxBytes: number): AsyncGenerator<InputItem> {
  const opened = openStream(path, options);
  if ('error' in opened) {
    yield opened;
    return;
  }
  const { stream } = opened;
  try {
    yield* readJsonlStream(path, stream as AsyncIterable<Buffer>, maxBytes, COLLECTION_MAX_BYTES);
  } catch (err) {
    yield { error: { path, ...fsError(err) } };
  } finally {
    if (path !== '-') (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
}

/** Every input as a message or an error, in command-line order. */
export async function* readInputs(patterns: string[], options: InputOptions = {}): AsyncGenerator<InputItem> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const entries = await expand(patterns, options.isIgnored ?? (() => false), options.onIgnored, options.isConfigured);
  options.onFiles?.(entries.filter((e) => typeof e === 'string').length);
  // A folder of .eml files with agents given is threaded like an mbox, in file order.
  let threader: Threader | undefined;
  if (options.agents?.length && entries.some((e) => typeof e === 'string' && formatOf(e) === 'eml')) {
    const { Threader: ThreaderClass } = await import('./threads.js');
    threader = new ThreaderClass({ agents: options.agents, ...(options.threadWindow ? { maxCustomers: options.threadWindow } : {}) });
  }
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      yield { error: entry };
      continue;
    }
    const format = formatOf(entry === '-' ? '' : entry, options.inputFormat);
    if (entry === '-' && !options.stdin) {
      yield { error: { path: '-', code: 'no-stdin' } };
      continue;
    }
    if (format === 'mbox') {
      yield* readArchive(entry, 'mbox', options, null);
      continue;
    }
    if (format === 'csv' && entry !== '-') {
      yield* streamCsv(entry, options, null);
      continue;
    }
    if (format === 'jsonl' && !options.macroSource?.(entry)) {
      yield* streamJsonl(entry, options, maxBytes);
      continue;
    }
    if (entry === '-') {
      const stdinLimit = format === 'eml' ? EML_MAX_BYTES : format === 'text' ? maxBytes : Math.max(maxBytes, COLLECTION_MAX_BYTES);
      const read = await readStdin(options.stdin!, stdinLimit);
      if ('error' in read) yield read;
      else if (format === 'eml' || format === 'csv') yield* readArchive('-', format, options, read.bytes, threader);
      else yield* toMessages('-', read.bytes, stdinLimit, 'text');
      continue;
    }
    const macros = options.macroSource?.(entry) ?? (isMacroCollectionPath(entry) ? {} : undefined);
    const kind: FileKind = macros ? { macros } : 'text';
    const limit = format === 'eml' ? EML_MAX_BYTES : kind === 'text' && format === 'text' ? maxBytes : Math.max(maxBytes, COLLECTION_MAX_BYTES);
    // Synchronous on purpose: linting is CPU-bound and sequential, and a
    // promise per small file costs more than the read itself.
    const read = readRegularFile(entry, limit);
    if ('error' in read) {
      yield read;
      continue;
    }
    const bytes = read.bytes;
    if (format === 'eml') yield* readArchive(entry, format, options, bytes, threader);
    else yield* toMessages(entry, bytes, limit, kind);
  }
}
