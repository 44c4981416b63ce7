/**
 * An mbox archive as replies to lint, streamed: mbox-split.ts splits the file
 * at its envelope lines (and un-escapes ">From " body lines) one message at a
 * time with back-pressure, each message is parsed as an .eml, and the
 * threader (threads.ts) keeps the company's replies, each with the customer
 * message it answers. Nothing but the current message and the bounded thread
 * window is held, so memory stays flat whatever the archive's size.
 *
 * Each reply's path is `archive.mbox#<Message-ID>` (without angle brackets),
 * or `archive.mbox#<n>` (its 1-based place in the file) when it has none.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DEFAULT_MAX_MAIL_BYTES, mailMessage, parseMail, type EmlOptions, type ParseMailResult } from './eml.js';
import type { ArchiveItem } from './mail-text.js';
import { splitMbox, type MboxMember } from './mbox-split.js';
import { tooLarge } from './size-limit.js';
import { Threader, type ThreadOptions, type ThreadStats } from './threads.js';

export interface MboxStats extends ThreadStats {
  /** Messages read from the file. */
  messages: number;
  /** Messages reported as errors (not linted). */
  errors: number;
  /** Bytes of mbox text read so far (uncompressed for .gz). */
  bytes: number;
}

export interface MboxOptions extends ThreadOptions, EmlOptions {
  /** The file is gzip-compressed (Google Takeout's .mbox.gz); default: the path ends in .gz. */
  gz?: boolean;
  /** Called after every message: for a progress bar. */
  onProgress?: (progress: { bytes: number; messages: number }) => void;
  /** Filled in as the archive is read (also the generator's return value). */
  stats?: MboxStats;
  /** Messages parsed at once (default 16; 1 parses one at a time). */
  parallel?: number;
}

const DEFAULT_PARALLEL = 8;
/** Raw bytes of the messages in flight; a big message is parsed alone. */
const MAX_IN_FLIGHT_BYTES = 4 * 1024 * 1024;

/** Counts the bytes and refuses a file that does not start with a "From " line. */
class MboxSniffer extends Transform {
  bytes = 0;
  private head: Buffer | null = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.head) {
      this.head = Buffer.concat([this.head, chunk]);
      const text = this.head.toString('latin1').replace(/^(\ufeff|\xef\xbb\xbf)?[\r\n]*/, '');
      if (text.length < 5) return callback();
      // Everything held back so far goes on with this chunk.
      chunk = this.head;
      this.head = null;
      if (!text.startsWith('From ')) return callback(new NotMboxError());
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    // A file shorter than one "From " line: empty (nothing yielded) or not an mbox.
    if (this.head && this.head.toString('latin1').trim() !== '') return callback(new NotMboxError());
    callback();
  }
}

class NotMboxError extends Error {}

function emptyStats(): MboxStats {
  return { messages: 0, errors: 0, bytes: 0, replies: 0, paired: 0, customers: 0, duplicates: 0, evicted: 0 };
}

/**
 * The replies in an mbox stream, each with its customer message when the
 * archive has it. Broken members are yielded as errors and the rest is still
 * read; nothing is thrown for the file's content. `stream` is closed when the
 * generator finishes or is abandoned.
 */
export async function* readMbox(path: string, stream: Readable | NodeJS.ReadableStream, options: MboxOptions = {}): AsyncGenerator<ArchiveItem, MboxStats> {
  const stats = options.stats ?? emptyStats();
  Object.assign(stats, emptyStats());
  const threader = new Threader(options);
  const source = stream as Readable;
  const sniffer = new MboxSniffer();
  const gz = options.gz ?? /\.gz$/i.test(path);
  const onSourceError = (err: Error) => sniffer.destroy(err);
  source.on('error', onSourceError);
  if (gz) {
    const gunzip = createGunzip();
    gunzip.on('error', onSourceError);
    source.pipe(gunzip).pipe(sniffer);
  } else source.pipe(sniffer);

  // Parsing is pipelined: mailparser spends most of a message's time waiting
  // for its own setImmediate hops, so a few messages in flight (bounded in
  // number and bytes) read ~4× faster than one at a time. Results are still
  // taken in file order, which is what threading needs.
  const members = splitMbox(sniffer, options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES);
  const inFlight: { member: MboxMember; parsed: Promise<ParseMailResult> }[] = [];
  let inFlightBytes = 0;
  let exhausted = false;
  let readError: unknown;
  const maxInFlight = Math.max(1, options.parallel ?? DEFAULT_PARALLEL);
  try {
    for (;;) {
      while (!exhausted && (inFlight.length === 0 || (inFlight.length < maxInFlight && inFlightBytes < MAX_IN_FLIGHT_BYTES))) {
        let next: IteratorResult<MboxMember>;
        try {
          next = await members.next();
        } catch (err) {
          // Finish what is in flight, then report the file's problem.
          readError = err;
          exhausted = true;
          break;
        }
        if (next.done) {
          exhausted = true;
          break;
        }
        const member = next.value;
        inFlightBytes += member.content.length;
        stats.bytes = sniffer.bytes;
        const parsed = parseMail(member.content, options).catch((err: unknown): ParseMailResult => ({ error: { code: 'bad-mime', detail: { reason: String((err as Error)?.message ?? err).slice(0, 120) } } }));
        inFlight.push({ member, parsed });
      }
      const head = inFlight.shift();
      if (!head) break;
      const { member } = head;
      const result = await head.parsed;
      inFlightBytes -= member.content.length;
      const n = ++stats.messages;
      const id = 'mail' in result ? result.mail.messageId : result.messageId;
      const memberPath = `${path}#${id ?? n}`;
      if (member.oversize !== undefined) {
        // Only its start was kept: the parser saw that much, the error gives the real size.
        stats.errors++;
        yield tooLarge(memberPath, member.oversize, options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES);
      } else if (member.truncated) {
        // The file ends inside it, or it is shorter than its Content-Length: not linted as if complete.
        stats.errors++;
        yield { error: { path: memberPath, code: 'truncated', detail: member.truncated } };
      } else if ('error' in result) {
        stats.errors++;
        yield { error: { path: memberPath, ...result.error } };
      } else {
        const mail = result.mail;
        if (!mail.date && member.time instanceof Date && !Number.isNaN(member.time.getTime())) mail.date = member.time.toISOString();
        const decision = threader.accept(mail);
        if (decision.reply) {
          const message = mailMessage(memberPath, mail);
          if (decision.customer !== undefined) message.customer = decision.customer;
          yield { message };
        }
      }
      Object.assign(stats, threader.stats);
      options.onProgress?.({ bytes: stats.bytes, messages: n });
    }
    if (readError !== undefined) throw readError;
  } catch (err) {
    stats.errors++;
    if (err instanceof NotMboxError) yield { error: { path, code: 'not-mbox' } };
    else {
      yield { error: { path, code: 'unreadable', detail: { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message } } };
    }
  } finally {
    source.off('error', onSourceError);
    source.unpipe?.();
    if (typeof source.destroy === 'function') source.destroy();
    sniffer.destroy();
  }
  stats.bytes = Math.max(stats.bytes, sniffer.bytes);
  Object.assign(stats, threader.stats);
  if (stats.messages === 0 && stats.errors === 0) {
    stats.errors++;
    yield { error: { path, code: 'empty' } };
  }
  return stats;
}
