/**
 * Issue 11: bad and hostile input. Nothing hangs, nothing grows without
 * bound, and a path is read as what it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputs, type InputItem } from '../src/input/read-inputs.js';
import { splitMemberPath } from '../src/input/member-path.js';
import { readJsonlStream } from '../src/input/jsonl.js';
import { lintFiles } from '../src/engine/pipeline.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');
const tmp = mkdtempSync(join(tmpdir(), 'aspalint-hostile-'));

function run(args: string[], options: { input?: string | Buffer; stdin?: 'inherit' | 'pipe' } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function collect(items: AsyncIterable<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const GOOD_FI = 'Hei Anna,\n\nlaskusi on nyt korjattu, ja hyvitys 12,50 € näkyy tililläsi perjantaina.\n\nTerveisin\nLaura\n';
const good = file('good.txt', GOOD_FI);
const canFifo = process.platform !== 'win32' && spawnSync('mkfifo', [join(tmp, 'pipe')]).status === 0;
const fifo = join(tmp, 'pipe');

describe('only regular files are read', () => {
  it.runIf(canFifo)('a FIFO as input: one line, exit 2, the other file linted (it used to hang)', () => {
    const { code, stdout, stderr, signal } = run([fifo, good, '--format', 'json', '--ui-lang', 'en']);
    expect(signal).toBeNull();
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([`aspalint: ${fifo}: not a regular file (a pipe or device), not read`]);
    expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path)).toEqual([good]);
  });

  it.runIf(process.platform !== 'win32')('/dev/zero as input: refused at once (it used to grow to 11 GB)', () => {
    const { code, stdout, stderr, signal } = run(['/dev/zero', good, '--format', 'json', '--ui-lang', 'en']);
    expect(signal).toBeNull();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^aspalint: \/dev\/zero: not a regular file/);
    expect(JSON.parse(stdout).files).toHaveLength(1);
  });

  it.runIf(canFifo)('a FIFO or a device as --customer: a usage error, exit 2', () => {
    for (const customer of [fifo, '/dev/zero']) {
      const { code, stderr, signal } = run([good, '--customer', customer, '--ui-lang', 'en']);
      expect(signal).toBeNull();
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(`aspalint: --customer ${customer}: not a regular file (a pipe or device), not read`);
    }
  });

  it('a FIFO inside a folder or matched by a glob is not read', async () => {
    if (!canFifo) return;
    const items = await collect(readInputs([tmp, join(tmp, 'pip*')]));
    expect(items.some((i) => 'message' in i && i.message.path === good)).toBe(true);
    expect(items.every((i) => !('message' in i) || i.message.path !== fifo)).toBe(true);
  });

  it('stdin is read only up to the size limit (an endless stream ends)', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536, 0x61));
      },
    });
    const items = await collect(readInputs(['-'], { stdin: endless, maxFileBytes: 1024 * 1024 }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ error: { path: '-', code: 'too-large' } });
    expect(produced).toBeLessThan(4 * 1024 * 1024);
  });

  it('a file is read only up to the size limit', async () => {
    const big = file('big.txt', 'a'.repeat(2 * 1024 * 1024));
    const items = await collect(readInputs([big, good], { maxFileBytes: 1024 * 1024 }));
    expect(items[0]).toMatchObject({ error: { path: big, code: 'too-large', detail: { limit: 1 } } });
    expect(items[1]).toMatchObject({ message: { path: good } });
  });
});

describe('-j has an upper bound', () => {
  it('-j 1000 is clamped to 4 × cores with a note; the run goes on', () => {
    const { code, stdout, stderr } = run(['-j', '1000', good, '--format', 'json', '--ui-lang', 'en']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^aspalint: -j 1000 is too many: using \d+ threads \(\d+ cores × 4\)\n$/);
    expect(JSON.parse(stdout).files).toHaveLength(1);
  });
});

describe('a path is a path', () => {
  it('"vastaus (1).txt" names a file, not a glob (it was "no files match")', async () => {
    const path = file('vastaus (1).txt', GOOD_FI);
    const items = await collect(readInputs([path]));
    expect(items).toEqual([{ message: { path, text: GOOD_FI } }]);
    // A pattern that names no file is still a glob.
    const globbed = await collect(readInputs([join(tmp, 'vastaus (*).txt')]));
    expect(globbed.map((i) => 'message' in i && i.message.path)).toEqual([path]);
  });

  it('"#" marks a member only after an archive or collection file', () => {
    expect(splitMemberPath('vastaus#1.txt')).toEqual({ file: 'vastaus#1.txt' });
    expect(splitMemberPath('tiketit/#42 palautus.md')).toEqual({ file: 'tiketit/#42 palautus.md' });
    expect(splitMemberPath('export.jsonl#42')).toEqual({ file: 'export.jsonl', member: '42' });
    expect(splitMemberPath('kopio#2.jsonl#42')).toEqual({ file: 'kopio#2.jsonl', member: '42' });
    expect(splitMemberPath('inbox.mbox#<abc@x.fi>')).toEqual({ file: 'inbox.mbox', member: '<abc@x.fi>' });
    expect(splitMemberPath('macros.yaml#Palautus #2')).toEqual({ file: 'macros.yaml', member: 'Palautus #2' });
    expect(splitMemberPath('-#3')).toEqual({ file: '-', member: '3' });
  });

  it('a file named "vastaus#1.txt" gets the overrides of its own name', async () => {
    const path = file('vastaus#1.txt', 'Hei,\n\nkiitos viestistä.\n\nTerveisin\nLaura\n');
    const config = file('hash.aspalintrc.yaml', `overrides:\n  - files: ["*#1.txt"]\n    rules:\n      greeting/generic: off\n`);
    const plain = await lintFiles([path]);
    expect(plain.results[0]!.findings.map((f) => f.ruleId)).toContain('greeting/generic');
    const overridden = await lintFiles([path], { configFile: config });
    expect(overridden.results[0]!.path).toBe(path);
    expect(overridden.results[0]!.findings.map((f) => f.ruleId)).not.toContain('greeting/generic');
  });
});

describe('JSON Lines: streamed, each record judged on its own', () => {
  const record = (id: string, reply: string) => `${JSON.stringify({ id, reply })}\n`;

  it('one NUL byte rejects its record, not the file', async () => {
    const path = file('nul.jsonl', Buffer.concat([Buffer.from(record('1', GOOD_FI)), Buffer.from('{"id":"2","reply":"Hei\x00"}\n'), Buffer.from(record('3', GOOD_FI))]));
    const items = await collect(readInputs([path]));
    expect(items.map((i) => ('message' in i ? i.message.path : `${i.error.path} ${i.error.code}`))).toEqual([`${path}#1`, `${path}:2 binary`, `${path}#3`]);
  });

  it('a file that is binary from the start is one error', async () => {
    const path = file('image.jsonl', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0, 1, 0x0a, 0, 0, 0x0a, 0, 0x0a, 0, 0x0a]));
    expect(await collect(readInputs([path]))).toEqual([{ error: { path, code: 'binary' } }]);
  });

  it('a record over the size limit is reported with its line; the others are read', async () => {
    const path = file('big.jsonl', record('1', GOOD_FI.repeat(20_000)) + record('2', GOOD_FI));
    const items = await collect(readInputs([path], { maxFileBytes: 1024 * 1024 }));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ error: { path: `${path}:1`, code: 'too-large', detail: { limit: 1 } } });
    expect(items[1]).toMatchObject({ message: { path: `${path}#2`, text: GOOD_FI } });
  });

  it('records come out as the stream goes (the file is never held whole)', async () => {
    let produced = 0;
    const source = new Readable({
      read() {
        produced++;
        if (produced > 1000) this.push(null);
        // A record split across chunks, as a read stream cuts it.
        else {
          const line = record(String(produced), GOOD_FI);
          this.push(line.slice(0, 20));
          this.push(line.slice(20));
        }
      },
    });
    const items = readInputs(['-'], { stdin: source, inputFormat: 'jsonl' });
    const first = await items.next();
    expect(first.value).toMatchObject({ message: { path: '-#1', text: GOOD_FI } });
    expect(produced).toBeLessThan(500);
    let n = 1;
    for await (const item of items) if ('message' in item) n++;
    expect(n).toBe(1000);
  });

  it('UTF-16 with a byte order mark and a UTF-8 BOM are still read', async () => {
    const utf16 = file('utf16.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record('1', GOOD_FI) + record('2', GOOD_FI), 'utf16le')]));
    const bom = file('bom.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(record('1', GOOD_FI))]));
    const items = await collect(readInputs([utf16, bom]));
    expect(items.map((i) => 'message' in i && i.message.path)).toEqual([`${utf16}#1`, `${utf16}#2`, `${bom}#1`]);
  });

  it('UTF-16, read whole, stops at the file limit: an endless stream ends with too-large', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced++;
        this.push(produced === 1 ? Buffer.from([0xff, 0xfe]) : Buffer.from(record(String(produced), GOOD_FI), 'utf16le'));
      },
    });
    const items = await collect(readJsonlStream('-', endless, 1024 * 1024, 2 * 1024 * 1024));
    expect(items).toEqual([{ error: { path: '-', code: 'too-large', detail: { size: '>2.0', limit: 2 } } }]);
    expect(produced).toBeLessThan(100_000);
  });
});

describe('a truncated mbox', () => {
  it('reports its cut last message in one line, exits 2, and lints the others', () => {
    const mail = (from: string, id: string, extra: string, body: string) => `From ${from} Mon Nov  9 08:00:00 2026\nFrom: ${from}\nMessage-ID: <${id}>\n${extra}Content-Type: text/plain; charset=utf-8\n\n${body}\n\n`;
    const path = file(
      'cut.mbox',
      mail('anna@gmail.com', 'c1@gmail.com', '', 'Hei, miksi lasku nousi?') +
        mail('laura@sointuenergia.fi', 'r1@sointuenergia.fi', 'In-Reply-To: <c1@gmail.com>\n', GOOD_FI) +
        'From laura@sointuenergia.fi Mon Nov  9 09:00:00 2026\nFrom: laura@sointuenergia.fi\nMessage-ID: <r2@sointuenergia.fi>\nSubject: Re: lask',
    );
    const { code, stdout, stderr } = run([path, '--agents', '@sointuenergia.fi', '--format', 'json', '--ui-lang', 'en']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([`aspalint: ${path}#r2@sointuenergia.fi: message is truncated: the file ends inside its headers`]);
    expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path)).toEqual([`${path}#r1@sointuenergia.fi`]);
  });
});
