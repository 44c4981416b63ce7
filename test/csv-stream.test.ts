/**
 * Issue 11: CSV exports are streamed a record at a time. Rows come out
 * before the file is read through, memory stays flat in the number of rows,
 * the result does not depend on how the bytes are chunked, and each record
 * is judged on its own (size, NUL bytes, encoding).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferSource, parseColumnMapping, readCsv, readCsvStream, type CsvSource } from '../src/input/csv.js';
import { readInputs } from '../src/input/read-inputs.js';
import type { ArchiveItem } from '../src/input/mail-text.js';

const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'aspalint-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ROW = (i: number) => `${i};"Hei Anna,\n\nlaskusi on nyt korjattu, ja hyvitys näkyy tililläsi perjantaina.\n\nTerveisin\nLaura";Liisa Virtanen;3.11.2026 9.${String(i % 60).padStart(2, '0')}\n`;
const HEADER = 'Ticket;Body;Assignee;Created\n';

/** The same bytes in pieces of `size` (1: a byte at a time). */
function chunked(bytes: Buffer, size: number): CsvSource {
  return {
    async *open(start: number) {
      for (let i = start; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
    },
  };
}

async function collect(items: AsyncIterable<ArchiveItem>): Promise<ArchiveItem[]> {
  const out: ArchiveItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('CSV streaming', () => {
  it('gives out rows before the file is read past its first megabyte', async () => {
    // A 100 MB export that is never there: reading past 1 MB throws.
    const limit = 1024 * 1024;
    const source: CsvSource = {
      async *open(start: number) {
        let at = start;
        yield Buffer.from(HEADER);
        at += HEADER.length;
        for (let i = 1; ; i++) {
          if (at > limit) throw new Error(`read past ${limit} bytes: the reader holds the file`);
          const row = Buffer.from(ROW(i));
          at += row.length;
          yield row;
        }
      },
    };
    const paths: string[] = [];
    for await (const item of readCsvStream('big.csv', source, { mapping: parseColumnMapping('reply=Body,id=Ticket,agent=Assignee,date=Created') })) {
      if ('error' in item) throw new Error(item.error.code);
      paths.push(item.message.path);
      if (paths.length === 1000) break;
    }
    expect(paths.slice(0, 2)).toEqual(['big.csv#1', 'big.csv#2']);
    expect(paths).toHaveLength(1000);
  });

  it('keeps live memory flat while a ~25 MB export is read through readInputs', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      const m = process.memoryUsage();
      return (m.heapUsed + m.arrayBuffers) / 1048576;
    };
    const path = join(tmp, 'export.csv');
    const out = createWriteStream(path);
    out.write(HEADER);
    const rows = 200_000;
    for (let i = 1; i <= rows; i++) out.write(ROW(i));
    await new Promise((resolve) => out.end(resolve));
    const size = readFileSync(path).length;
    expect(size).toBeGreaterThan(24 * 1024 * 1024);

    const base = live();
    const marks: number[] = [];
    let nextMark = 1;
    let replies = 0;
    const onBytes = (read: number, total: number) => {
      if (total > 0 && read >= (total * nextMark) / 6) {
        marks.push(live() - base);
        nextMark++;
      }
    };
    for await (const item of readInputs([path], { onBytes })) {
      if ('error' in item) throw new Error(`${item.error.path}: ${item.error.code}`);
      replies++;
    }
    const after = live() - base;
    expect(replies).toBe(rows);
    expect(marks.length).toBeGreaterThanOrEqual(4);
    // Holding the file (bytes, text, records) is ~100 MB here; the ids seen take 8 bytes a row (2-4 MB).
    const median = [...marks].sort((a, b) => a - b)[Math.floor(marks.length / 2)]!;
    expect(median, `live MB above baseline at each sixth: ${marks.map((m) => m.toFixed(1)).join(' ')}`).toBeLessThan(15);
    expect(after, 'live MB kept after reading').toBeLessThan(10);
  }, 60_000);

  it('reads the same whatever the chunks: one byte at a time, 7 bytes, whole', async () => {
    const inputs: [string, Buffer, string?][] = [
      ['helpdesk-export.csv', readFileSync(join(root, 'fixtures/archive/helpdesk-export.csv')), 'reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created,channel=Channel,subject=Subject'],
      ['crlf.csv', Buffer.from('id;reply\r\n1;"Hei\r\nAnna"\r\n\r\n2;Moi\r\n3;"auki\r\n4;Terve\r\n')],
      ['cr.csv', Buffer.from('id;reply\r1;Hei\r2;"a""b"c\r')],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('sep=\t\r\nid\treply\r\n1\t"Hej då!\r\nrad två"\r\n2\t"öppen\r\n3\tHej\r\n', 'utf16le')])],
    ];
    for (const [name, bytes, columns] of inputs) {
      const mapping = columns ? { mapping: parseColumnMapping(columns) } : {};
      const whole = await collect(readCsvStream(name, bufferSource(bytes), mapping));
      expect(whole.length, name).toBeGreaterThan(1);
      for (const size of [1, 2, 7, 4096]) expect(await collect(readCsvStream(name, chunked(bytes, size), mapping)), `${name} in ${size}-byte chunks`).toEqual(whole);
    }
  });

  it('reports a record over the size limit without holding it, and reads on', async () => {
    const big = 'Hei! '.repeat(300_000); // 1.5 MB
    const bytes = Buffer.from(`id;reply\n1;Moi\n2;"${big}\nrivi"\n3;Terve\n`);
    const result = await readCsv('x.csv', bytes, undefined, { maxRecordBytes: 1024 * 1024 });
    expect(result.messages.map((m) => [m.path, m.text])).toEqual([
      ['x.csv#1', 'Moi'],
      ['x.csv#3', 'Terve'],
    ]);
    expect(result.errors).toEqual([{ path: 'x.csv:3', code: 'too-large', detail: { size: '1.4', limit: 1, row: 3, line: 3 } }]);
  });

  it('judges each record: a NUL makes one row binary, a Windows-1252 row in a UTF-8 file is read as Windows-1252', async () => {
    // Past the first 64 KB the encoding is sniffed from (and the first 8 KB, where a NUL makes the whole file binary).
    const filler = Array.from({ length: 4000 }, (_, i) => `f${i};Hyvää päivää\n`).join('');
    const bytes = Buffer.concat([Buffer.from(`id;reply\n${filler}1;Hei\x00\n2;`), iconv.encode('Kiitos – 5 € hyvitetty', 'windows-1252'), Buffer.from('\n3;Näkemiin\n')]);
    const result = await readCsv('m.csv', bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.messages.slice(4000).map((m) => [m.path, m.text])).toEqual([
      ['m.csv#2', 'Kiitos – 5 € hyvitetty'],
      ['m.csv#3', 'Näkemiin'],
    ]);
    expect(result.errors).toEqual([{ path: 'm.csv:4002', code: 'binary', detail: { row: 4002, line: 4002 } }]);
    const head = await readCsv('n.csv', Buffer.from('id;reply\n1;Hei\x00\n2;Moi\n'));
    expect(head.errors).toEqual([{ path: 'n.csv', code: 'binary' }]);
  });

  it('an unclosed quote after a multi-line cell is one bad row, and the rows after it are read', async () => {
    const result = await readCsv('q.csv', Buffer.from('id;reply;note\n1;"Hei,\nrivi kaksi";"auki\n2;Moi;\n3;Terve;\n'));
    expect(result.messages.map((m) => m.path)).toEqual(['q.csv#2', 'q.csv#3']);
    expect(result.errors).toEqual([{ path: 'q.csv:2', code: 'bad-quote', detail: { row: 2, line: 2 } }]);
  });

  it('reads a file again after an unclosed quote, past the first chunk', async () => {
    const path = join(tmp, 'quote.csv');
    const rows = Array.from({ length: 5000 }, (_, i) => `${i + 10};Moi ${i}\n`).join('');
    writeFileSync(path, `id;reply\n1;Hei\n2;"rikki\n${rows}`);
    const items = [];
    for await (const item of readInputs([path])) items.push(item);
    const errors = items.filter((i) => 'error' in i);
    expect(errors).toEqual([{ error: { path: `${path}:3`, code: 'bad-quote', detail: { row: 3, line: 3 } } }]);
    expect(items.filter((i) => 'message' in i)).toHaveLength(5001);
  });
});
