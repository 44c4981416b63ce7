import type { Channel, InputError, Message } from '../types.js';
import { CHANNELS } from '../types.js';
import { decodeText } from './decode.js';
import { readWithin, tooLarge } from './size-limit.js';

/**
 * JSON Lines export: one message per line,
 * {"id", "reply", "customer"?, "channel"?, "agent"?, "lang"?, "date"?}.
 * A broken line is reported with its number; the other lines are still read.
 *
 * The file is streamed a line at a time, so memory does not grow with it.
 * Each record is judged on its own: it has the size limit of a reply file
 * (a bigger one is reported and skipped, never held whole), and a NUL byte
 * or bad UTF-8 makes that record unreadable, not the file. Only when the
 * first records are all unreadable is the file taken for binary or for
 * another encoding and reported once.
 */
export type JsonlItem = { message: Omit<Message, 'channel'> & { channel?: Channel } } | { error: InputError };

/** Records read in a row that cannot be decoded, before any could, that make the whole file unreadable. */
const UNREADABLE_FILE_AFTER = 3;

/** The JSON Lines records of a decoded text (stdin or a UTF-16 file, read whole). */
function* readJsonl(path: string, text: string): Generator<JsonlItem> {
  const lines = text.split(/\r?\n/);
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const item = jsonlRecord(path, i + 1, lines[i]!);
    if (!item) continue;
    any = true;
    yield item;
  }
  if (!any) yield { error: { path, code: 'empty' } };
}

/**
 * The records of a JSON Lines byte stream, a line at a time. A line longer
 * than `maxRecordBytes` is skipped as it streams by (its bytes are not kept).
 */
export async function* readJsonlStream(path: string, source: AsyncIterable<Buffer | string>, maxRecordBytes: number, maxFileBytes: number): AsyncGenerator<JsonlItem> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) {
    yield { error: { path, code: 'empty' } };
    return;
  }
  const head = typeof first.value === 'string' ? Buffer.from(first.value) : first.value;
  const chunks: AsyncIterable<Buffer | string> = {
    async *[Symbol.asyncIterator]() {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
  // UTF-16 (with its byte order mark) cannot be split into lines as bytes: it is read whole, within the file limit.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const read = await readWithin(chunks, path, maxFileBytes);
    if ('error' in read) {
      yield read;
      return;
    }
    const decoded = decodeText(read.bytes);
    if ('error' in decoded) yield { error: { path, code: decoded.error } };
    else yield* readJsonl(path, decoded.text);
    return;
  }
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** Bytes of the current line, counted on even when they are no longer kept. */
  let lineBytes = 0;
  let lineNo = 0;
  let any = false;
  let decodedOne = false;
  let unreadable: InputError[] = [];

  // One finished line: a record, an error, or nothing (blank). Returns false when the file is given up.
  const finish = function* (bytes: Buffer | null): Generator<JsonlItem, boolean> {
    lineNo++;
    if (bytes === null) {
      any = true;
      yield tooLarge(`${path}:${lineNo}`, lineBytes, maxRecordBytes);
      return true;
    }
    let line = bytes;
    if (lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    if (line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
    if (isBlank(line)) return true;
    any = true;
    const decoded = line.includes(0) ? ({ error: 'binary' } as const) : decodeText(line);
    if ('error' in decoded) {
      const error: InputError = { path: `${path}:${lineNo}`, code: decoded.error };
      if (decodedOne) {
        yield { error };
        return true;
      }
      // Held back until a record decodes: a file whose first records all fail is one error, not thousands.
      unreadable.push(error);
      if (unreadable.length < UNREADABLE_FILE_AFTER) return true;
      yield { error: { path, code: fileVerdict(unreadable) } };
      return false;
    }
    if (!decodedOne) {
      decodedOne = true;
      for (const error of unreadable) yield { error };
      unreadable = [];
    }
    yield jsonlRecord(path, lineNo, decoded.text)!;
    return true;
  };

  for await (const chunk of chunks) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const nl = data.indexOf(0x0a, start);
      const end = nl === -1 ? data.length : nl;
      const part = data.subarray(start, end);
      lineBytes += part.length;
      if (lineBytes <= maxRecordBytes) {
        if (part.length > 0) pending.push(part);
        pendingBytes += part.length;
      } else if (pending.length > 0) {
        pending = [];
        pendingBytes = 0;
      }
      if (nl === -1) break;
      const line = lineBytes <= maxRecordBytes ? (pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes)) : null;
      pending = [];
      pendingBytes = 0;
      const goOn = yield* finish(line);
      lineBytes = 0;
      if (!goOn) return;
      start = nl + 1;
    }
  }
  if (lineBytes > 0) {
    const line = lineBytes <= maxRecordBytes ? Buffer.concat(pending, pendingBytes) : null;
    if (!(yield* finish(line))) return;
  }
  // Fewer unreadable records than it takes to give the file up, and none readable: still the file's verdict.
  if (!decodedOne && unreadable.length > 0) {
    yield { error: { path, code: fileVerdict(unreadable) } };
    return;
  }
  if (!any) yield { error: { path, code: 'empty' } };
}

/** A NUL anywhere makes the file binary; else the first record's encoding verdict stands. */
function fileVerdict(errors: InputError[]): InputError['code'] {
  return errors.some((e) => e.code === 'binary') ? 'binary' : errors[0]!.code;
}

function isBlank(line: Buffer): boolean {
  for (const byte of line) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

/** One line as a message or an error; null for a blank line. */
function jsonlRecord(path: string, lineNo: number, raw: string): JsonlItem | null {
  const line = raw.trim();
  if (line === '') return null;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    return { error: { path: `${path}:${lineNo}`, code: 'bad-json', detail: { reason: (err as Error).message.replace(/ in JSON at position \d+.*$/, '') } } };
  }
  const r = record as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || Array.isArray(r) || typeof r.reply !== 'string') {
    return { error: { path: `${path}:${lineNo}`, code: 'bad-record', detail: { field: 'reply' } } };
  }
  if (r.channel !== undefined && !CHANNELS.includes(r.channel as Channel)) {
    return { error: { path: `${path}:${lineNo}`, code: 'bad-record', detail: { field: 'channel' } } };
  }
  if (r.reply.trim() === '') return { error: { path: `${path}:${lineNo}`, code: 'empty' } };
  const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : String(lineNo);
  const message: Omit<Message, 'channel'> & { channel?: Channel } = { path: `${path}#${id}`, text: r.reply };
  if (typeof r.customer === 'string' && r.customer.trim() !== '') message.customer = r.customer;
  if (r.channel) message.channel = r.channel as Channel;
  if (r.lang === 'fi' || r.lang === 'sv' || r.lang === 'en') message.lang = r.lang;
  const meta: NonNullable<Message['meta']> = { id };
  if (typeof r.agent === 'string') meta.agent = r.agent;
  if (typeof r.date === 'string') meta.date = r.date;
  message.meta = meta;
  return { message };
}
