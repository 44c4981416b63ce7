import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { Memo } from '../src/text/memo.js';
import { acquire, createSharedComponents, shareComponents } from '../src/text/shared-native.js';
import { lintFiles } from '../src/engine/pipeline.js';
import { voikkoAvailable } from '../src/text/voikko.js';
import { getHunspell } from '../src/text/hunspell.js';

const root = join(import.meta.dirname, '..');

describe('Memo', () => {
  it('never holds more than its limit, and keeps what is used', () => {
    const memo = new Memo<number>(100);
    memo.set('kept', 1);
    for (let i = 0; i < 1000; i++) {
      memo.set(`w${i}`, i);
      expect(memo.get('kept')).toBe(1);
      expect(memo.size).toBeLessThanOrEqual(100);
    }
    expect(memo.get('w999')).toBe(999);
    expect(memo.get('w0')).toBeUndefined();
  });

  it('remembers false and empty answers too', () => {
    const memo = new Memo<boolean | string[]>(10);
    memo.set('väärin', false);
    memo.set('ei ehdotuksia', []);
    expect(memo.get('väärin')).toBe(false);
    expect(memo.get('ei ehdotuksia')).toEqual([]);
  });

  it('does not keep alive the reply a key was sliced from', () => {
    // In a child with --expose-gc: a 32 MB "reply" whose one word is a key, then dropped and collected.
    const script = `
      const { Memo } = await import(${JSON.stringify(join(root, 'dist', 'src', 'text', 'memo.js'))});
      const memo = new Memo(10);
      const used = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
      const before = used();
      let reply = 'Hei, ' + 'asiakaspalvelumme vastaa pian. '.repeat(1 << 20);
      memo.set(reply.slice(5, 23), true);
      reply = undefined;
      console.log(JSON.stringify({ grew: used() - before, hit: memo.get('asiakaspalvelumme ') }));`;
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { grew, hit } = JSON.parse(run.stdout) as { grew: number; hit: boolean };
    expect(hit).toBe(true);
    expect(grew).toBeLessThan(4 * 1024 * 1024);
  });
});

/** The publish of an acquisition that must be this thread's to load. */
function publisher(got: ReturnType<typeof acquire>): (handle: bigint | null) => void {
  if (got.kind !== 'load') throw new Error(`expected to load, got ${got.kind}`);
  return got.publish;
}

describe('one copy of a language component per process', () => {
  afterAll(() => shareComponents(undefined));

  it('the first thread loads and publishes; the next one gets the handle', () => {
    shareComponents(createSharedComponents());
    const first = acquire('hunspell:sv_SE');
    expect(first.kind).toBe('load');
    publisher(first)(0x1234n);
    const second = acquire('hunspell:sv_SE');
    expect(second).toMatchObject({ kind: 'shared', handle: 0x1234n });
    // A failed load: the others load their own (and find out why themselves).
    const voikko = acquire('voikko');
    publisher(voikko)(null);
    expect(acquire('voikko').kind).toBe('local');
    // Without a shared buffer every thread loads its own.
    shareComponents(undefined);
    expect(acquire('hunspell:sv_SE').kind).toBe('local');
  });

  it('a worker thread waits for the load under way and gets the same handle', async () => {
    const buffer = createSharedComponents();
    shareComponents(buffer);
    const loading = acquire('hunspell:sv_FI');
    const module = join(root, 'dist', 'src', 'text', 'shared-native.js');
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       import(workerData.module).then((m) => {
         m.shareComponents(workerData.buffer);
         const got = m.acquire('hunspell:sv_FI');
         parentPort.postMessage({ kind: got.kind, handle: String(got.handle) });
       });`,
      { eval: true, workerData: { buffer, module } },
    );
    const answer = new Promise<{ kind: string; handle: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await new Promise((r) => setTimeout(r, 200)); // the worker is waiting now
    publisher(loading)(0xbeefn);
    expect(await answer).toEqual({ kind: 'shared', handle: String(0xbeefn) });
    await worker.terminate();
  });
});

describe.runIf(voikkoAvailable() && getHunspell('sv_SE') !== null)('spelling in a worker pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const mail = (i: number, body: string) =>
    [
      `From tuki@yritys.fi Mon Nov  2 1${i % 10}:00:00 2026`,
      'From: Tuki <tuki@yritys.fi>',
      'To: asiakas@example.com',
      `Subject: Tilaus ${1000 + i}`,
      `Date: Mon, 2 Nov 2026 1${i % 10}:00:00 +0200`,
      `Message-ID: <${i}@yritys.fi>`,
      'Content-Type: text/plain; charset="utf-8"',
      '',
      body,
      '',
    ].join('\n');
  const fi = 'Hei Anna,\n\nkiitos viestistäsi. Toimitus viivästyy valitettavsti kahdella päivällä, ja pahoittelen tätä.\n\nTerveisin\nLaura Mäkinen\nSointu Energia';
  const sv = 'Hej Anna,\n\ntack för ditt meddelande. Leveransen blir tyvärr två dagar försenad, och jag återkomer när paketet har skickats.\n\nVänliga hälsningar\nLaura Mäkinen\nSointu Energia';

  it('finds the same typos in Finnish and Swedish with two workers as in one thread', async () => {
    const file = join(dir, 'queue.mbox');
    writeFileSync(file, Array.from({ length: 40 }, (_, i) => mail(i, i % 2 ? sv : fi)).join('\n'));
    const one = await lintFiles([file], { agents: ['@yritys.fi'], jobs: 1 });
    const two = await lintFiles([file], { agents: ['@yritys.fi'], jobs: 2 });
    const typos = (r: typeof one) => r.results.flatMap((x) => x.findings.filter((f) => f.ruleId === 'spelling/typo').map((f) => `${x.path} ${x.source?.text ?? ''}${f.offset}`));
    expect(one.results).toHaveLength(40);
    expect(typos(one)).toHaveLength(40);
    expect(typos(two)).toEqual(typos(one));
    expect(JSON.stringify(two.results)).toBe(JSON.stringify(one.results));
  }, 120_000);
});
