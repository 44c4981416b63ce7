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
 */
import { parse } from 'csv-parse/sync';
import { CHANNELS, type Channel } from '../types.js';
import { decodeSniffed, fixC1, htmlToText, looksLikeHtml, misdecoded, normalizeDate, tidyText, type ArchiveError, type ArchiveMessage, type TextEncodingName } from './mail-text.js';

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

interface RawRecord {
  fields: string[];
  /** Byte offset (UTF-8) of the record's first character. */
  start: number;
}

type RawResult = { records: RawRecord[]; broken: { start: number }[] };

/** Skips blank lines: the byte offset where the next record starts. */
function skipBlank(data: Buffer, offset: number): number {
  while (offset < data.length && (data[offset] === 0x0a || data[offset] === 0x0d)) offset++;
  return offset;
}

/**
 * All records with their start offsets (csv-parse counts in UTF-8 bytes, so
 * the text is given to it as a buffer). An unclosed quote swallows the rest
 * of the file: that record is reported and parsing resumes on its next line.
 */
function parseRecords(data: Buffer, delimiter: string): RawResult {
  const records: RawRecord[] = [];
  const broken: RawResult['broken'] = [];
  let base = 0;
  while (base < data.length) {
    const chunk = data.subarray(base);
    // End of the last record parsed in this chunk.
    let end = 0;
    let unclosed = false;
    parse(chunk, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: string[], context) => {
        records.push({ fields: record, start: base + skipBlank(chunk, end) });
        end = context.bytes;
        return null;
      },
      on_skip: (err) => {
        if (!err) return;
        if (/QUOTE_NOT_CLOSED/.test(err.code)) unclosed = true;
        else broken.push({ start: base + skipBlank(chunk, end) });
      },
    });
    if (!unclosed) break;
    const start = base + skipBlank(chunk, end);
    broken.push({ start });
    const nextLine = data.indexOf(0x0a, start);
    if (nextLine === -1) break;
    base = nextLine + 1;
  }
  return { records, broken };
}

/** Line numbers (1-based) of ascending byte offsets. */
function lineNumbers(data: Buffer, offsets: number[]): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let line = 1;
  let pos = 0;
  for (const offset of sorted) {
    for (; pos < offset; pos++) if (data[pos] === 0x0a) line++;
    out.set(offset, line);
  }
  return out;
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

/**
 * The replies in a CSV export. `mapping` names the columns (parseColumnMapping);
 * without one, usual header names are tried (reply/vastaus/svar/body…). A
 * mapped column missing from the header is one `bad-column` error for the
 * file, naming it and listing the columns there are.
 */
export function readCsv(path: string, bytes: Uint8Array, mapping?: ColumnMapping): CsvResult {
  const decoded = decodeSniffed(bytes);
  if ('error' in decoded) return { messages: [], errors: [{ path, code: 'binary' }] };
  let text = decoded.text.replace(/^\ufeff/, '');
  const { encoding } = decoded;
  let delimiter: string;
  let lineOffset = 0;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
    lineOffset = 1;
  } else delimiter = sniffDelimiter(text);
  if (text.trim() === '') return { messages: [], errors: [{ path, code: 'empty' }], delimiter, encoding };

  const data = Buffer.from(text, 'utf8');
  const { records, broken } = parseRecords(data, delimiter);
  const lines = lineNumbers(data, [...records.map((r) => r.start), ...broken.map((b) => b.start)]);
  const lineOf = (offset: number) => lines.get(offset)! + lineOffset;
  const header = records.shift();
  if (!header) return { messages: [], errors: [{ path, code: 'empty' }], delimiter, encoding };
  const names = header.fields.map((h) => h.trim().replace(/^\ufeff/, '').toLowerCase());

  // Column index of each mapped field.
  const index: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    if (mapping) {
      const column = mapping[field];
      if (column === undefined) continue;
      const i = names.indexOf(column.trim().toLowerCase());
      if (i === -1) {
        return {
          messages: [],
          errors: [{ path, code: 'bad-column', detail: { column, field, columns: header.fields.map((h) => h.trim()).join(', ') } }],
          delimiter,
          encoding,
        };
      }
      index[field] = i;
    } else {
      const i = DEFAULT_COLUMNS[field].map((c) => names.indexOf(c)).find((x) => x !== -1);
      if (i !== undefined) index[field] = i;
      else if (field === 'reply') {
        return {
          messages: [],
          errors: [{ path, code: 'bad-column', detail: { column: DEFAULT_COLUMNS.reply.join('|'), field, columns: header.fields.map((h) => h.trim()).join(', ') } }],
          delimiter,
          encoding,
        };
      }
    }
  }
  const lastMapped = Math.max(...Object.values(index));

  // Rows in file order, broken ones among them.
  type Entry = { kind: 'record'; record: RawRecord } | { kind: 'broken'; start: number };
  const entries: Entry[] = [...records.map((record): Entry => ({ kind: 'record', record })), ...broken.map((b): Entry => ({ kind: 'broken', ...b }))];
  entries.sort((a, b) => (a.kind === 'record' ? a.record.start : a.start) - (b.kind === 'record' ? b.record.start : b.start));

  const messages: ArchiveMessage[] = [];
  const errors: ArchiveError[] = [];
  const seenIds = new Set<string>();
  let row = 1;
  for (const entry of entries) {
    row++;
    if (entry.kind === 'broken') {
      const line = lineOf(entry.start);
      errors.push({ path: `${path}:${line}`, code: 'bad-quote', detail: { row, line } });
      continue;
    }
    const { fields, start } = entry.record;
    const line = lineOf(start);
    if (fields.every((f) => f.trim() === '')) continue;
    const extra = fields.slice(names.length);
    if ((fields.length < names.length && fields.length <= lastMapped) || extra.some((f) => f.trim() !== '')) {
      errors.push({ path: `${path}:${line}`, code: 'bad-row', detail: { row, line, fields: fields.length, expected: names.length } });
      continue;
    }
    const get = (field: CsvField): string | undefined => (index[field] === undefined ? undefined : fields[index[field]!]);
    const id = get('id')?.trim() || undefined;
    let memberPath = `${path}#${id ?? row}`;
    if (id !== undefined) {
      if (seenIds.has(id)) memberPath = `${path}#${id}@${row}`;
      seenIds.add(id);
    }
    const reply = fieldText(get('reply'));
    if (reply === '') {
      errors.push({ path: memberPath, code: 'empty', detail: { row, line } });
      continue;
    }
    const customer = fieldText(get('customer'));
    const wrong = misdecoded(reply) ?? (customer ? misdecoded(customer) : null);
    if (wrong) {
      errors.push({ path: memberPath, code: 'bad-charset', detail: { charset: encoding, reason: wrong, row, line } });
      continue;
    }
    const channel = get('channel')?.trim().toLowerCase();
    if (channel && !CHANNELS.includes(channel as Channel)) {
      errors.push({ path: memberPath, code: 'bad-record', detail: { field: 'channel', row, line } });
      continue;
    }
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
    messages.push(message);
  }
  if (messages.length === 0 && errors.length === 0) errors.push({ path, code: 'empty' });
  return { messages, errors, delimiter, encoding };
}
