import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileOf, LintCache, messageKey, type CacheProblem } from '../src/engine/cache.js';
import { runFingerprint } from '../src/engine/cache-key.js';
import { createLinter } from '../src/engine/linter.js';
import { lintFiles } from '../src/engine/pipeline.js';
import type { FileResult } from '../src/types.js';
import { withEnv } from './helpers.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input: '', env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'aspalint-cache-'));
}

const BAD_FI = 'Hyvä asiakas,\n\nkiitämme saamastamme palautteesta. Älä epäröi ottaa yhteyttä.\n\nYstävällisin terveisin\nAsiakaspalvelu\n';
const result = (path: string): FileResult => ({ path, language: 'fi', channel: 'email', score: 0, bingo: { points: 0, squares: [] }, findings: [], suppressed: 0 });

describe('messageKey', () => {
  it('changes with everything lint() reads of a message, and is null for stdin', () => {
    const base = { path: 'a.txt', text: 'Hei' };
    const key = messageKey(base)!;
    expect(messageKey({ ...base })).toBe(key);
    for (const other of [
      { ...base, text: 'Hei!' },
      { ...base, path: 'b.txt' },
      { ...base, customer: 'Missä paketti?' },
      { ...base, channel: 'sms' as const },
      { ...base, lang: 'fi' as const },
      { ...base, template: true },
      { ...base, meta: { agent: 'laura@yritys.fi' } },
      { ...base, locate: (o: number) => ({ line: 3, column: o + 5 }) },
    ]) {
      expect(messageKey(other)).not.toBe(key);
    }
    // The same member text at another place of its collection file: other positions, another key.
    const at = (line: number) => ({ ...base, path: 'm.yaml#x', locate: (o: number) => ({ line, column: o + 5 }) });
    expect(messageKey(at(3))).not.toBe(messageKey(at(4)));
    expect(messageKey({ path: '-', text: 'Hei' })).toBeNull();
    expect(messageKey({ path: '-#2', text: 'Hei' })).toBeNull();
  });
});

describe('LintCache', () => {
  it('stores, writes atomically, and reads back under the same fingerprint only', () => {
    const dir = tempDir();
    const file = join(dir, 'cache');
    writeFileSync(join(dir, 'a.txt'), 'x');
    const problems: CacheProblem[] = [];
    const cache = LintCache.open(file, 'f1', (p) => problems.push(p));
    expect(cache.get(join(dir, 'a.txt'), 'k1')).toBeUndefined();
    cache.set(join(dir, 'a.txt'), 'k1', result(join(dir, 'a.txt')));
    cache.save();
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'cache']);
    expect(LintCache.open(file, 'f1', (p) => problems.push(p)).get(join(dir, 'a.txt'), 'k1')).toEqual(result(join(dir, 'a.txt')));
    expect(LintCache.open(file, 'f1', (p) => problems.push(p)).get(join(dir, 'a.txt'), 'k2')).toBeUndefined();
    expect(LintCache.open(file, 'f2', (p) => problems.push(p)).get(join(dir, 'a.txt'), 'k1')).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('ignores a corrupt or foreign cache with one problem, and a missing one silently', () => {
    const dir = tempDir();
    const problems: CacheProblem[] = [];
    LintCache.open(join(dir, 'none'), 'f', (p) => problems.push(p));
    expect(problems).toEqual([]);
    for (const [content, reason] of [
      ['{"format":1,"fing', 'not JSON'],
      ['[1,2]', 'not an aspalint cache'],
      ['{"format":1,"fingerprint":"f","entries":{"a.txt":{"key":"k","result":null}}}', 'damaged entry'],
    ] as const) {
      writeFileSync(join(dir, 'bad'), content);
      const cache = LintCache.open(join(dir, 'bad'), 'f', (p) => problems.push(p));
      expect(cache.get('a.txt', 'k')).toBeUndefined();
      expect(problems.pop()).toEqual({ kind: 'unreadable', path: join(dir, 'bad'), reason });
    }
  });

  it('drops entries of deleted files and members a re-read file no longer has', () => {
    const dir = tempDir();
    const file = join(dir, 'cache');
    const [a, b, m] = ['a.txt', 'b.txt', 'm.jsonl'].map((n) => join(dir, n));
    for (const p of [a, b, m]) writeFileSync(p, 'x');
    const first = LintCache.open(file, 'f', () => {});
    for (const p of [a, b, `${m}#1`, `${m}#2`]) first.set(p, 'k', result(p));
    first.save();
    rmSync(b);
    const second = LintCache.open(file, 'f', () => {});
    expect(second.get(`${m}#1`, 'k')).toBeDefined();
    second.save();
    const entries = Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries);
    expect(entries).toEqual([a, `${m}#1`]);
  });

  it('reports a cache it cannot write, and leaves no temporary file', () => {
    const dir = tempDir();
    const problems: CacheProblem[] = [];
    const cache = LintCache.open(join(dir, 'no', 'such', 'dir', 'cache'), 'f', (p) => problems.push(p));
    cache.set(join(dir, 'a.txt'), 'k', result(join(dir, 'a.txt')));
    cache.save();
    expect(problems).toEqual([{ kind: 'not-written', path: join(dir, 'no', 'such', 'dir', 'cache'), reason: 'ENOENT' }]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('puts the cache in a folder when the location is one', () => {
    const dir = tempDir();
    expect(cacheFileOf(dir)).toBe(join(dir, '.aspalintcache'));
    expect(cacheFileOf(`${dir}/sub/`)).toBe(join(dir, 'sub', '.aspalintcache'));
    expect(cacheFileOf(join(dir, 'c.json'))).toBe(join(dir, 'c.json'));
  });
});

describe('runFingerprint', () => {
  it('changes with the config, the flags and the language components', () => {
    const linter = createLinter({});
    const base = runFingerprint(linter, {});
    expect(runFingerprint(createLinter({}), {})).toBe(base);
    expect(runFingerprint(createLinter({ config: { rules: { 'phrase/calque': 'off' } } }), {})).not.toBe(base);
    expect(runFingerprint(linter, { channel: 'sms' })).not.toBe(base);
    expect(runFingerprint(linter, { customer: 'Missä paketti?' })).not.toBe(base);
    expect(runFingerprint(linter, { template: true })).not.toBe(base);
    expect(runFingerprint(linter, { noInlineConfig: true })).not.toBe(base);
    // Which files are read is not a result's business.
    expect(runFingerprint(linter, { ignore: { patterns: ['x'] } })).toBe(base);
    expect(withEnv('ASPALINT_NO_VOIKKO', '1', () => runFingerprint(linter, {}))).not.toBe(base);
    expect(withEnv('ASPALINT_NO_HUNSPELL', '1', () => runFingerprint(linter, {}))).not.toBe(base);
  });
});

describe('lintFiles with a cache', () => {
  it('reuses a stored result for an unchanged message, and lints a changed one', async () => {
    const dir = tempDir();
    const reply = join(dir, 'a.txt');
    writeFileSync(reply, BAD_FI);
    const file = join(dir, 'cache');
    const open = () => LintCache.open(file, 'f', () => {});
    const first = await lintFiles([reply], { cache: open() });
    expect(first.results[0]!.findings.length).toBeGreaterThan(0);
    // Tamper with the stored result: a run that shows the tampered one did reuse it.
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.entries[reply].result.findings = [];
    writeFileSync(file, JSON.stringify(doc));
    expect((await lintFiles([reply], { cache: open() })).results[0]!.findings).toEqual([]);
    writeFileSync(reply, BAD_FI.replace('Asiakaspalvelu', 'Asiakaspalvelu Oy'));
    expect((await lintFiles([reply], { cache: open() })).results[0]!.findings.length).toBeGreaterThan(0);
  });
});

describe('aspalint --cache', () => {
  it('prints byte for byte what a run without the cache prints, cold and warm (fixtures/replies)', () => {
    const dir = tempDir();
    cpSync(join(root, 'fixtures', 'replies'), join(dir, 'replies'), { recursive: true });
    const plain = run(['replies', '--format', 'json'], dir);
    expect(JSON.parse(plain.stdout).summary.files).toBe(50);
    const cold = run(['replies', '--format', 'json', '--cache'], dir);
    expect(existsSync(join(dir, '.aspalintcache'))).toBe(true);
    const warm = run(['replies', '--format', 'json', '--cache'], dir);
    for (const r of [cold, warm]) {
      expect(r.stdout).toBe(plain.stdout);
      expect(r.stderr).toBe(plain.stderr);
      expect(r.code).toBe(plain.code);
    }
    // The warm run did reuse: every entry is there, under its path.
    const entries = Object.keys(JSON.parse(readFileSync(join(dir, '.aspalintcache'), 'utf8')).entries);
    expect(entries.sort()).toEqual(JSON.parse(plain.stdout).files.map((f: { path: string }) => f.path).sort());
  }, 60_000);

  it('warns in one line of a corrupt cache and lints as without it; --cache-location names the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), BAD_FI);
    const plain = run(['a.txt', '--format', 'json', '--ui-lang', 'en'], dir);
    writeFileSync(join(dir, 'my-cache'), '\0\0garbage');
    const r = run(['a.txt', '--format', 'json', '--cache', '--cache-location', 'my-cache', '--ui-lang', 'en'], dir);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(plain.code);
    expect(r.stderr).toBe('aspalint: my-cache: cannot read the cache (not JSON), ignoring it and writing it anew\n');
    expect(JSON.parse(readFileSync(join(dir, 'my-cache'), 'utf8')).entries).toHaveProperty([join('a.txt')]);
    expect(run(['a.txt', '--cache', '--cache-strategy', 'metadata'], dir).code).toBe(2);
  }, 30_000);

  it('a config change is a new run; --fix stores the fixed files', () => {
    const dir = tempDir();
    const text = 'Hei Anna,\n\nlaskusi on nyt korjattu,  ja hyvitys 12,50 € näkyy tililläsi perjantaina.\n\nTerveisin\nLaura\n';
    writeFileSync(join(dir, 'a.txt'), text);
    const ids = (stdout: string) => JSON.parse(stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId);
    const first = run(['a.txt', '--format', 'json', '--cache'], dir);
    expect(ids(first.stdout)).toContain('format/spacing');
    writeFileSync(join(dir, '.aspalintrc.yaml'), 'rules:\n  format/spacing: off\n');
    expect(ids(run(['a.txt', '--format', 'json', '--cache'], dir).stdout)).not.toContain('format/spacing');
    rmSync(join(dir, '.aspalintrc.yaml'));
    const fixed = run(['a.txt', '--format', 'json', '--cache', '--fix'], dir);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).not.toBe(text);
    expect(ids(fixed.stdout)).not.toContain('format/spacing');
    expect(run(['a.txt', '--format', 'json', '--cache'], dir).stdout).toBe(run(['a.txt', '--format', 'json'], dir).stdout);
  }, 30_000);
});
