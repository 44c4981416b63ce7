/**
 * Helpdesk exports as CSV: one reply a row, the columns named by a mapping
 * (`--columns reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created`).
 *
 * The file is read as Excel and helpdesk tools write it: UTF-8 with or without
 * a BOM, UTF-16 with a BOM, else Windows-1252 (Excel's "CSV" on Finnish and
 * Swedish Windows); the delimiter sniffed from the header row (`;` `,` tab, or
 * Excel's `sep=;` first line); quoted fields over many lines; a header row,
 * matched case-insensitively. A bad row is reported with its row number (the
 * header is row 1, as in the spreadsheet) and the file line it starts on, and
 * the other rows are still read. Paths: `export.csv#<id>` (`#<id>@<row>` when
 * an id repeats, `#<row>` without an id column) for replies, `export.csv:<line>`
 * for rows too broken to have an id (like JSON Lines errors).
 *
 * The file is streamed a record at a time (csv-records.ts), so memory does not
 * grow with the number of rows (but for 8 bytes a row of seen ids). The
 * encoding is sniffed from the file's first 64 KB and each record is judged
 * on its own, as JSON Lines records are: a record bigger than a reply file may
 * be is reported and skipped, a NUL byte makes that row binary, and a record
 * that is not UTF-8 is read as Windows-1252 (only a NUL in the first 8 KB
 * makes the whole file binary).
 */
import { isUtf8 as isUtf8Buffer } from 'node:buffer';
// iconv-lite comes with mailparser; Windows-1252 as Excel writes it (as mail-text.ts decodes it).
import iconv from 'iconv-lite';
import { CHANNELS, type Channel } from '../types.js';
import { CsvScanner, type CsvEvent } from './csv-records.js';
import { tooLarge } from './size-limit.js';
import { fixC1, htmlToText, looksLikeHtml, misdecoded, normalizeDate, tidyText, type ArchiveError, type ArchiveItem, type ArchiveMessage, type TextEncodingName } from './mail-text.js';

export const CSV_FIELDS = ['reply', 'customer', 'agent', 'id', 'date', 'subject', 'lang', 'channel'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Column name for each field; `reply` is required. */
export type ColumnMapping = Partial<Record<CsvField, string>> & { reply: string };

/** A `--columns` value that cannot be a mapping: a usage error (exit 2). */
export class ColumnMappingError extends Error {}

/**
 * "reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created" →
 * { reply: 'Body', customer: 'Question', … }. Fields: reply (required),
 * customer, agent, id, date, subject, lang, channel. Column names may hold
 * spaces and be quoted ("reply=\"Vastauksen teksti\""). Throws ColumnMappingError.
 */
export function parseColumnMapping(spec: string): ColumnMapping {
  const mapping: Partial<Record<CsvField, string>> = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq === -1) throw new ColumnMappingError(`--columns: "${part.trim()}" is not field=Column (fields: ${CSV_FIELDS.join(', ')})`);
    const field = part.slice(0, eq).trim().toLowerCase();
    const column = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
    if (!(CSV_FIELDS as readonly string[]).includes(field)) throw new ColumnMappingError(`--columns: unknown field "${field}" (fields: ${CSV_FIELDS.join(', ')})`);
    if (column === '') throw new ColumnMappingError(`--columns: no column name for "${field}"`);
    if (mapping[field as CsvField] !== undefined) throw new ColumnMappingError(`--columns: "${field}" given twice`);
    mapping[field as CsvField] = column;
  }
  if (mapping.reply === undefined) throw new ColumnMappingError('--columns: the reply column is missing (reply=Column)');
  return mapping as ColumnMapping;
}

/** Header names tried for each field when no mapping is given (first match wins). */
const DEFAULT_COLUMNS: Record<CsvField, string[]> = {
  reply: ['reply', 'vastaus', 'svar', 'body', 'viesti', 'meddelande', 'message', 'text'],
  customer: ['customer', 'asiakas', 'kund', 'question', 'kysymys', 'fråga', 'customer message'],
  agent: ['agent', 'assignee', 'käsittelijä', 'handläggare', 'author'],
  id: ['id', 'ticket', 'ticket id', 'tiketti', 'ärende'],
  date: ['date', 'created', 'created at', 'päivämäärä', 'pvm', 'datum'],
  subject: ['subject', 'aihe', 'ämne'],
  lang: ['lang', 'language', 'kieli', 'språk'],
  channel: ['channel', 'kanava', 'kanal'],
};

export interface CsvResult {
  messages: ArchiveMessage[];
  errors: ArchiveError[];
  /** What was sniffed (for --verbose and the tests). */
  delimiter?: string;
  encoding?: TextEncodingName;
}

/** What was sniffed, the return value of readCsvStream. */
export interface CsvInfo {
  delimiter?: string;
  encoding?: TextEncodingName;
}

const DELIMITERS = [';', ',', '\t'] as const;

/** Occurrences of each candidate outside double quotes on the first line; `;` wins ties (Finnish and Swedish Excel). */
export function sniffDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = ',';
  let max = 0;
  for (const d of DELIMITERS) {
    if (counts.get(d)! > max) {
      best = d;
      max = counts.get(d)!;
    }
  }
  return best;
}

/** Bytes of the file's start that the encoding and the delimiter are sniffed from. */
const HEAD_BYTES = 64 * 1024;

/** How the file's bytes become the UTF-8 or 8-bit bytes the records are split from. */
interface Layout {
  encoding: TextEncodingName;
  /** UTF-16: the records are split from its UTF-8 transcoding. */
  utf16?: 'utf-16le' | 'utf-16be';
  /** Bytes before the data in the file (BOM) or, for UTF-16, in the transcoding (the sep= line). */
  skip: number;
  delimiter: string;
  /** 1 when Excel's sep= line comes first: line numbers count it. */
  lineOffset: number;
}

/** UTF-8, allowing a character cut by the end of the head. */
function utf8Head(bytes: Buffer, complete: boolean): boolean {
  if (isUtf8Buffer(bytes)) return true;
  if (complete) return false;
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) if (isUtf8Buffer(bytes.subarray(0, bytes.length - cut))) return true;
  return false;
}

/** The encoding, the BOM and the sep= line and delimiter, from the file's first bytes (all of them when `complete`). */
function sniffLayout(head: Buffer, complete: boolean): Layout | { error: 'binary' } {
  let encoding: TextEncodingName;
  let utf16: Layout['utf16'];
  let bom = 0;
  let text: string;
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) utf16 = 'utf-16le';
  else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) utf16 = 'utf-16be';
  if (utf16) {
    encoding = utf16;
    text = new TextDecoder(utf16).decode(head);
  } else {
    if (head.subarray(0, 8192).includes(0)) return { error: 'binary' };
    if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      bom = 3;
      encoding = utf8Head(head.subarray(3), complete) ? 'utf-8-bom' : 'windows-1252';
    } else encoding = utf8Head(head, complete) ? 'utf-8' : 'windows-1252';
    // Only ASCII is looked at here: the sep= line and the delimiters.
    text = head.subarray(bom).toString('latin1');
  }
  const sep = /^sep=([\x01-\x7f])\r?\n/i.exec(text);
  if (sep) return { encoding, ...(utf16 ? { utf16 } : {}), skip: bom + sep[0].length, delimiter: sep[1]!, lineOffset: 1 };
  return { encoding, ...(utf16 ? { utf16 } : {}), skip: bom, delimiter: sniffDelimiter(text), lineOffset: 0 };
}

/**
 * A record's fields as text: UTF-8 when every field is UTF-8, else the record
 * is read as Windows-1252 (Finnish and Swedish Excel), each record on its own.
 * null: a NUL byte, a binary record.
 */
function decodeRecord(fields: Buffer[], transcoded: boolean): string[] | null {
  if (fields.some((f) => f.includes(0))) return null;
  if (transcoded || fields.every((f) => isUtf8Buffer(f))) return fields.map((f) => f.toString('utf8'));
  return fields.map((f) => iconv.decode(f, 'windows-1252'));
}

/**
 * The ids seen so far, for the `#id@row` of a repeated one: 64-bit hashes in
 * an open-addressing table, 8 bytes a row rather than a string each. Two ids
 * sharing a hash (about 1 in 10¹⁰ pairs) would only give the second one the
 * `@row` form of a repeat.
 */
class IdSet {
  private table = new Uint32Array(2 * 1024);
  private size = 0;

  /** Adds the id; true when it was there already. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    // 0/0 marks an empty slot.
    if (h1 === 0 && h2 === 0) h2 = 1;
    if ((this.size + 1) * 2 > this.table.length / 2) this.grow();
    if (this.insert(this.table, h1 >>> 0, h2 >>> 0)) return true;
    this.size++;
    return false;
  }

  private insert(table: Uint32Array, h1: number, h2: number): boolean {
    const slots = table.length / 2;
    for (let slot = h1 % slots; ; slot = (slot + 1) % slots) {
      const a = table[2 * slot]!;
      const b = table[2 * slot + 1]!;
      if (a === 0 && b === 0) {
        table[2 * slot] = h1;
        table[2 * slot + 1] = h2;
        return false;
      }
      if (a === h1 && b === h2) return true;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(this.table, old[i]!, old[i + 1]!);
  }
}

function fieldText(value: string | undefined): string {
  if (value === undefined) return '';
  const text = fixC1(value.replace(/\r\n?/g, '\n'));
  return looksLikeHtml(text) ? htmlToText(text) : tidyText(text);
}

function langOf(value: string): 'fi' | 'sv' | 'en' | undefined {
  const v = value.trim().toLowerCase();
  if (/^(fi|fin|suomi|finnish)([-_]\w+)?$/.test(v)) return 'fi';
  if (/^(sv|swe|svenska|ruotsi|swedish)([-_]\w+)?$/.test(v)) return 'sv';
  if (/^(en|eng|english|englanti)([-_]\w+)?$/.test(v)) return 'en';
  return undefined;
}


/** Largest record read as one reply by default (a reply file's limit). */
export const DEFAULT_MAX_RECORD_BYTES = 5 * 1024 * 1024;

export interface CsvOptions {
  mapping?: ColumnMapping;
  /** Largest record; a bigger one is a `too-large` error for its row and is not held. */
  maxRecordBytes?: number;
  /** Bytes of the file read so far (for a progress bar). */
  onBytes?: (read: number) => void;
}

/**
 * Records to replies and errors, in file order: the header row first (which
 * may end the file with a `bad-column` error), then one item for each row.
 */
class CsvRows {
  private names: string[] | null = null;
  private index: Partial<Record<CsvField, number>> = {};
  private lastMapped = 0;
  private row = 1;
  private readonly seenIds = new IdSet();
  /** Items given out, so that a file with none is reported as empty. */
  items = 0;
  /** A bad-column error ended the file. */
  stopped = false;

  constructor(
    private readonly path: string,
    private readonly layout: Layout,
    private readonly mapping: ColumnMapping | undefined,
    private readonly maxRecordBytes: number,
  ) {}

  get hasHeader(): boolean {
    return this.names !== null;
  }

  /** The item of one event, or null (the header row, a row of empty cells). */
  accept(event: CsvEvent): ArchiveItem | null {
    const item = this.item(event);
    if (item) this.items++;
    return item;
  }

  private item(event: CsvEvent): ArchiveItem | null {
    const { path } = this;
    const line = event.line;
    if (this.names === null && event.kind === 'record') return this.header(event.fields);
    const row = ++this.row;
    if (event.kind === 'unclosed') return { error: { path: `${path}:${line}`, code: 'bad-quote', detail: { row, line } } };
    if (event.kind === 'too-large') {
      const { error } = tooLarge(`${path}:${line}`, event.bytes, this.maxRecordBytes);
      return { error: { ...error, detail: { ...error.detail, row, line } } };
    }
    const fields = decodeRecord(event.fields, this.layout.utf16 !== undefined);
    if (fields === null) return { error: { path: `${path}:${line}`, code: 'binary', detail: { row, line } } };
    return this.reply(fields, row, line);
  }

  private header(raw: Buffer[]): ArchiveItem | null {
    const { path, mapping } = this;
    const fields = decodeRecord(raw, this.layout.utf16 !== undefined);
    if (fields === null) {
      this.stopped = true;
      return { error: { path, code: 'binary' } };
    }
    const names = fields.map((h) => h.trim().replace(/^\ufeff/, '').toLowerCase());
    const columns = () => fields.map((h) => h.trim()).join(', ');
    // Column index of each mapped field.
    for (const field of CSV_FIELDS) {
      if (mapping) {
        const column = mapping[field];
        if (column === undefined) continue;
        const i = names.indexOf(column.trim().toLowerCase());
        if (i === -1) {
          this.stopped = true;
          return { error: { path, code: 'bad-column', detail: { column, field, columns: columns() } } };
        }
        this.index[field] = i;
      } else {
        const i = DEFAULT_COLUMNS[field].map((c) => names.indexOf(c)).find((x) => x !== -1);
        if (i !== undefined) this.index[field] = i;
        else if (field === 'reply') {
          this.stopped = true;
          return { error: { path, code: 'bad-column', detail: { column: DEFAULT_COLUMNS.reply.join('|'), field, columns: columns() } } };
        }
      }
    }
    this.names = names;
    this.lastMapped = Math.max(...Object.values(this.index));
    return null;
  }

  private reply(fields: string[], row: number, line: number): ArchiveItem | null {
    const { path } = this;
    const names = this.names!;
    if (fields.every((f) => f.trim() === '')) return null;
    const extra = fields.slice(names.length);
    if ((fields.length < names.length && fields.length <= this.lastMapped) || extra.some((f) => f.trim() !== '')) {
      return { error: { path: `${path}:${line}`, code: 'bad-row', detail: { row, line, fields: fields.length, expected: names.length } } };
    }
    const get = (field: CsvField): string | undefined => (this.index[field] === undefined ? undefined : fields[this.index[field]!]);
    const id = get('id')?.trim() || undefined;
    let memberPath = `${path}#${id ?? row}`;
    if (id !== undefined && this.seenIds.add(id)) memberPath = `${path}#${id}@${row}`;
    const reply = fieldText(get('reply'));
    if (reply === '') return { error: { path: memberPath, code: 'empty', detail: { row, line } } };
    const customer = fieldText(get('customer'));
    const wrong = misdecoded(reply) ?? (customer ? misdecoded(customer) : null);
    if (wrong) return { error: { path: memberPath, code: 'bad-charset', detail: { charset: this.layout.encoding, reason: wrong, row, line } } };
    const channel = get('channel')?.trim().toLowerCase();
    if (channel && !CHANNELS.includes(channel as Channel)) return { error: { path: memberPath, code: 'bad-record', detail: { field: 'channel', row, line } } };
    const message: ArchiveMessage = { path: memberPath, text: reply, meta: { row } };
    const meta = message.meta!;
    if (customer !== '') message.customer = customer;
    if (channel) message.channel = channel as Channel;
    const lang = langOf(get('lang') ?? '');
    if (lang) message.lang = lang;
    if (id !== undefined) meta.id = id;
    const agent = get('agent')?.trim();
    if (agent) meta.agent = agent;
    const date = get('date')?.trim();
    if (date) meta.date = normalizeDate(date);
    const subject = get('subject')?.trim();
    if (subject) meta.subject = subject;
    return { message };
  }
}

/** The file's bytes from an offset: a regular file is opened again there, bytes in memory are sliced. */
export interface CsvSource {
  open(start: number): AsyncIterable<Buffer | string>;
}

async function* asBuffers(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** UTF-16 bytes as UTF-8 bytes, a chunk at a time (the BOM dropped). */
async function* utf16ToUtf8(chunks: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest !== '') yield Buffer.from(rest, 'utf8');
}

async function* dropBytes(chunks: AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/**
 * The replies of a CSV export, streamed, in file order. `mapping` names the
 * columns (parseColumnMapping); without one, usual header names are tried
 * (reply/vastaus/svar/body…). A mapped column missing from the header is one
 * `bad-column` error for the file, naming it and listing the columns there
 * are. Nothing is thrown for the file's content; a read error is thrown.
 */
export async function* readCsvStream(path: string, source: CsvSource, options: CsvOptions = {}): AsyncGenerator<ArchiveItem, CsvInfo> {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const first = asBuffers(source.open(0))[Symbol.asyncIterator]();
  let read: number;
  const headChunks: Buffer[] = [];
  let headBytes = 0;
  let complete = false;
  while (headBytes < HEAD_BYTES) {
    const next = await first.next();
    if (next.done) {
      complete = true;
      break;
    }
    headChunks.push(next.value);
    headBytes += next.value.length;
  }
  read = headBytes;
  options.onBytes?.(read);
  const head = Buffer.concat(headChunks, headBytes);
  const layout = sniffLayout(head, complete);
  if ('error' in layout) {
    yield { error: { path, code: layout.error } };
    return {};
  }
  const info: CsvInfo = { delimiter: layout.delimiter, encoding: layout.encoding };
  const rows = new CsvRows(path, layout, options.mapping, maxRecordBytes);

  /**
   * The records' bytes from `offset` on (after the BOM and the sep= line):
   * the first pass goes on from the head already read; a second one opens
   * the file again there (UTF-16 is transcoded from its start again).
   */
  const data = (offset: number, firstPass?: AsyncIterable<Buffer>): AsyncIterable<Buffer> => {
    if (layout.utf16) return dropBytes(utf16ToUtf8(firstPass ?? asBuffers(source.open(0)), layout.utf16), layout.skip + offset);
    return firstPass ? dropBytes(firstPass, layout.skip + offset) : asBuffers(source.open(layout.skip + offset));
  };
  const firstPass: AsyncIterable<Buffer> = {
    async *[Symbol.asyncIterator]() {
      yield head;
      for (let next = await first.next(); !next.done; next = await first.next()) {
        read += next.value.length;
        options.onBytes?.(read);
        yield next.value;
      }
    },
  };

  let scanner = new CsvScanner(layout.delimiter.charCodeAt(0), maxRecordBytes, 0, 1 + layout.lineOffset);
  let chunks = data(0, firstPass);
  const events: CsvEvent[] = [];
  for (;;) {
    let restart: { resume: number; line: number } | null = null;
    for await (const chunk of chunks) {
      scanner.write(chunk, events);
      for (const event of events) {
        const item = rows.accept(event);
        if (item) yield item;
        if (rows.stopped) return info;
      }
      events.length = 0;
    }
    scanner.end(events);
    for (const event of events) {
      const item = rows.accept(event);
      if (item) yield item;
      if (rows.stopped) return info;
      if (event.kind === 'unclosed' && event.resume !== null) restart = { resume: event.resume, line: event.resumeLine };
    }
    events.length = 0;
    if (!restart) break;
    // The unclosed quote swallowed the rest of the file: it is read again from the line after the quote's.
    scanner = new CsvScanner(layout.delimiter.charCodeAt(0), maxRecordBytes, restart.resume, restart.line, scanner.recordDelimiter);
    chunks = data(restart.resume);
  }
  if (!rows.hasHeader || rows.items === 0) yield { error: { path, code: 'empty' } };
  return info;
}

/** Bytes in memory as a CSV source, in chunks (so that rows are given out as they are split, not all at once). */
export function bufferSource(bytes: Uint8Array): CsvSource {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    async *open(start: number) {
      for (let i = start; i < buffer.length; i += HEAD_BYTES) yield buffer.subarray(i, i + HEAD_BYTES);
    },
  };
}

/** The replies and errors of a CSV export in memory (stdin, the tests), with what was sniffed. */
export async function readCsv(path: string, bytes: Uint8Array, mapping?: ColumnMapping, options: Omit<CsvOptions, 'mapping'> = {}): Promise<CsvResult> {
  const messages: ArchiveMessage[] = [];
  const errors: ArchiveError[] = [];
  const items = readCsvStream(path, bufferSource(bytes), { ...options, ...(mapping ? { mapping } : {}) });
  for (let next = await items.next(); ; next = await items.next()) {
    if (next.done) return { messages, errors, ...next.value };
    if ('error' in next.value) errors.push(next.value.error);
    else messages.push(next.value.message);
  }
}
