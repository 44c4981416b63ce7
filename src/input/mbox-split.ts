/**
 * An mbox byte stream split into its messages, one at a time: the splitter
 * under the mbox reader (mbox.ts).
 *
 * Bodies written by careless tools (mboxo, or no escaping at all) hold
 * unescaped "From " lines ("From my point of view…"), so not every "From "
 * line starts a message. One does when it is the file's first, or when it
 * looks like an envelope line, "From <sender> <date>": after a blank line (as
 * mutt, Thunderbird and Python's mailbox write them) the date may be any of
 * the usual forms; right after a text line only the asctime date every mbox
 * writer uses ("Mon Nov  2 08:15:12 2026", Gmail's "Mon Nov 02 08:15:12 +0000
 * 2026") counts. A Content-Length header is honoured: that many body bytes
 * belong to the message whatever lines they hold, when the next message does
 * start there (else the header is taken for wrong and the body is split as
 * usual).
 *
 * A member is marked truncated when the file ends inside its headers, or
 * when its body is shorter than its Content-Length (lines counted with or
 * without CRs, since tools convert line ends and keep the header). A MIME
 * part cut off is found by the mail parser (eml.ts, no closing boundary).
 *
 * Memory: the current message, and no more of it than `maxMessageBytes` (a
 * bigger one comes with its first bytes and its size, for a too-large error);
 * a body held under a Content-Length that runs past that is taken for wrong.
 *
 * The content of a member is what mbox-reader gave: lines joined with LF
 * (a CR before an LF dropped), one ">" taken off ">From " lines (mboxrd), the
 * blank line before the next envelope left out.
 */

import { DEFAULT_MAX_MAIL_BYTES } from './eml.js';

export type Truncation = { cut: 'headers' } | { cut: 'content-length'; length: number; got: number };

export interface MboxMember {
  /** The envelope's sender ("From <sender> <date>"). */
  returnPath?: string;
  /** The envelope's time, or false. */
  time: Date | false;
  content: Buffer;
  truncated?: Truncation;
  /** The message was bigger than the limit: `content` is its start, this its size. */
  oversize?: number;
}

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const DAYS = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const ZONE = '(?:[A-Z]{1,5}|[+-]\\d{4}|[+-]\\d\\d:\\d\\d)';
/** asctime with its weekday, a zone before or after the year, anything after ("remote from …"). */
const ASCTIME = `(?:${DAYS}) +(?:${MONTHS}) +\\d{1,2} +\\d{1,2}:\\d\\d(?::\\d\\d)?(?: +${ZONE})? +\\d{4}(?: +${ZONE})?`;
const STRICT = new RegExp(`^From +\\S+ +${ASCTIME}(?:\\s.*)?$`);
/** After a blank line: asctime without its weekday, or an RFC 2822 date. */
const LOOSE = new RegExp(
  `^From +\\S+ +(?:${ASCTIME}|(?:${MONTHS}) +\\d{1,2} +\\d{1,2}:\\d\\d(?::\\d\\d)? +\\d{4}|(?:(?:${DAYS}), +)?\\d{1,2} +(?:${MONTHS}) +\\d{4} +\\d{1,2}:\\d\\d(?::\\d\\d)?(?: +${ZONE})?)(?:\\s.*)?$`,
);

/** "From " at the start of a line. */
function startsWithFrom(line: Buffer): boolean {
  return line.length >= 5 && line[0] === 0x46 && line[1] === 0x72 && line[2] === 0x6f && line[3] === 0x6d && line[4] === 0x20;
}

/** Whether a "From " line starts a message, given what came before it. */
export function isEnvelope(line: string, afterBlank: boolean): boolean {
  return (afterBlank ? LOOSE : STRICT).test(line);
}

/** The envelope's sender and time, read as mbox-reader read them (a time without a zone is UTC). */
function envelope(line: string): { returnPath?: string; time: Date | false } {
  const words = line.split(/\s+/);
  words.shift();
  const returnPath = words.shift();
  let timeText = words.join(' ');
  if (!/[+-]\d\d:?\d\d|Z|UTC|GMT/i.test(timeText)) timeText += ' +00:00';
  let time: Date | false = new Date(timeText);
  if (Number.isNaN(time.getTime())) {
    time = new Date(words.join(' '));
    if (Number.isNaN(time.getTime())) time = false;
  }
  return { ...(returnPath ? { returnPath } : {}), time };
}

const LF = 0x0a;
const CR = 0x0d;

interface Line {
  /** Without its line end. */
  text: Buffer;
  /** Bytes in the file, line end included. */
  raw: number;
}

/** One message being read. */
class Message {
  lines: Buffer[] = [];
  /** Bytes of content so far (kept or not). */
  size = 0;
  /** Past the limit: lines are counted, not kept. */
  dropping = false;
  lastEmpty = false;
  inHeaders = true;
  /** Some header line was read (a member with none is not "cut in its headers"). */
  anyHeader = false;
  contentLength: number | undefined;
  /** Raw bytes and lines of the body so far. */
  bodyBytes = 0;
  bodyLines = 0;
  /** Body lines read under the Content-Length, kept raw to be split again if it proves wrong. */
  held: Line[] | null = null;
  /** The Content-Length was found wrong: the body is split as usual. */
  lengthIgnored = false;

  constructor(
    readonly head: { returnPath?: string; time: Date | false },
    private readonly maxBytes: number,
  ) {}

  get protectedBody(): boolean {
    return !this.inHeaders && !this.lengthIgnored && !this.dropping && this.contentLength !== undefined && this.bodyBytes < this.contentLength;
  }

  add(line: Line): void {
    let text = line.text;
    // mboxrd: one ">" off ">From " (and ">>From " …) lines.
    if (text[0] === 0x3e) {
      let i = 0;
      while (text[i] === 0x3e) i++;
      if (startsWithFrom(text.subarray(i))) text = text.subarray(1);
    }
    // The line that crosses the limit is kept: the parser then sees a message over it (and its Message-ID).
    if (!this.dropping) this.lines.push(text);
    this.lastEmpty = text.length === 0;
    this.size += text.length + 1;
    if (this.size > this.maxBytes + 1) this.dropping = true;
    if (this.inHeaders) {
      if (line.text.length === 0) this.inHeaders = false;
      else {
        this.anyHeader = true;
        const m = /^content-length:[ \t]*(\d{1,12})[ \t]*$/i.exec(line.text.toString('latin1'));
        if (m) this.contentLength = Number(m[1]);
      }
    } else {
      this.bodyBytes += line.raw;
      this.bodyLines++;
    }
  }

  /** The member, when the message ends (at the next envelope, or at the end of the file when `atEnd`). */
  finish(atEnd: boolean): MboxMember {
    const lines = this.lines;
    // The blank line before the next envelope is not the message's (counted even when it was not kept).
    if (this.lastEmpty) {
      if (!this.dropping) lines.pop();
      this.size--;
    }
    let size = 0;
    for (const l of lines) size += l.length;
    size += Math.max(0, lines.length - 1);
    const content = Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) content[at++] = LF;
      at += lines[i]!.copy(content, at);
    }
    const member: MboxMember = { ...this.head, content };
    if (this.dropping) member.oversize = Math.max(0, this.size - 1);
    if (atEnd && this.inHeaders && this.anyHeader) member.truncated = { cut: 'headers' };
    else if (this.contentLength !== undefined && !this.inHeaders) {
      // Counted with CRs by the writer, read after a tool made the line ends LF: not cut.
      const got = this.bodyBytes;
      if (got < this.contentLength && got + this.bodyLines < this.contentLength) member.truncated = { cut: 'content-length', length: this.contentLength, got };
    }
    return member;
  }
}

/**
 * The messages of an mbox stream, in order. Lines before the first "From "
 * line (a BOM, blank lines) are skipped; the caller has checked that the file
 * starts with one.
 */
export async function* splitMbox(chunks: AsyncIterable<Buffer>, maxMessageBytes = DEFAULT_MAX_MAIL_BYTES): AsyncGenerator<MboxMember> {
  let current: Message | null = null;
  let prevBlank = true;
  const out: MboxMember[] = [];

  const feed = (line: Line): void => {
    const msg = current;
    // A body held under its Content-Length past the message limit: the header is wrong (or the message too large anyway).
    if (msg && msg.protectedBody && msg.size + line.text.length + 1 > maxMessageBytes) {
      refeed(msg, line);
      return;
    }
    if (msg && msg.protectedBody) {
      (msg.held ??= []).push(line);
      msg.add(line);
      return;
    }
    if (msg && msg.held && !msg.lengthIgnored) {
      // The Content-Length has been read: the next message must start here (blank lines may come first).
      if (line.text.length === 0) {
        msg.held.push(line);
        msg.add(line);
        return;
      }
      const text = line.text.toString('latin1');
      if (startsWithFrom(line.text) && isEnvelope(text, true)) {
        out.push(msg.finish(false));
        current = new Message(envelope(text), maxMessageBytes);
        prevBlank = false;
      } else refeed(msg, line);
      return;
    }
    if (startsWithFrom(line.text)) {
      const text = line.text.toString('latin1');
      if (!msg || isEnvelope(text, prevBlank)) {
        if (msg) out.push(msg.finish(false));
        current = new Message(envelope(text), maxMessageBytes);
        prevBlank = false;
        return;
      }
    }
    prevBlank = line.text.length === 0;
    msg?.add(line);
  };

  /** The Content-Length was wrong: the body read under it is split again as usual, then `line`. */
  const refeed = (msg: Message, line?: Line): void => {
    const held = msg.held!;
    msg.held = null;
    msg.lengthIgnored = true;
    msg.lines.length -= held.length;
    msg.size = msg.lines.reduce((sum, l) => sum + l.length + 1, 0);
    msg.bodyBytes = 0;
    msg.bodyLines = 0;
    prevBlank = msg.lines.length > 0 && msg.lines[msg.lines.length - 1]!.length === 0;
    msg.lastEmpty = prevBlank;
    for (const h of held) feed(h);
    if (line) feed(line);
  };

  let partial: Buffer[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(LF, start); nl !== -1; nl = chunk.indexOf(LF, start)) {
      let bytes = chunk.subarray(start, nl);
      if (partial.length > 0) {
        partial.push(bytes);
        bytes = Buffer.concat(partial);
        partial = [];
      }
      const text = bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
      // Before the first envelope (a BOM, blank lines): nothing.
      if (current || startsWithFrom(text)) feed({ text, raw: bytes.length + 1 });
      start = nl + 1;
      if (out.length > 0) {
        yield* out;
        out.length = 0;
      }
    }
    if (start < chunk.length) partial.push(chunk.subarray(start));
  }
  if (partial.length > 0) {
    const bytes = Buffer.concat(partial);
    if (current || startsWithFrom(bytes)) feed({ text: bytes, raw: bytes.length });
  }
  const last = current as Message | null;
  if (last) {
    const held = last.held;
    // The file ended inside a Content-Length: what it swallowed is split as usual (it may hold the next messages).
    if (held && last.protectedBody && held.some((l) => startsWithFrom(l.text))) refeed(last);
    yield* out;
    out.length = 0;
    yield (current as Message | null)!.finish(true);
  }
}
