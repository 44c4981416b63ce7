/**
 * Issue 11, data loss: --fix and -o. Each test is a reproduction from the
 * issue: what a careful tester did, and what must hold afterwards.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFile, FixWriteError, writeIfChanged } from '../src/cli/fix-files.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');

function run(args: string[], cwd: string, input = '') {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'aspalint-hostile-'));
}

/** A reply with a double space --fix removes (format/spacing). */
const FIXABLE = 'Hei Anna,\n\nkiitos  viestistäsi. Lasku on nyt korjattu.\n\nTerveisin\nLaura\n';

describe('--fix rewrites only files whose text is the reply (issue 11.1)', () => {
  it('leaves archives and exports byte for byte as they were, says so, and still lints them', () => {
    const dir = folder();
    const jsonl = `${JSON.stringify({ id: 'T-1', reply: 'Hei Anna,\n\nkiitos  viestistä.\n\nTerveisin\nLaura', customer: 'Hei,  milloin  paketti tulee?' })}\n`;
    writeFileSync(join(dir, 'a.jsonl'), jsonl);
    for (const f of ['support.mbox', 'qp-utf8.eml', 'helpdesk-export.csv']) copyFileSync(join(root, 'fixtures/archive', f), join(dir, f));
    writeFileSync(join(dir, 'r.txt'), FIXABLE);
    const before = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
    const { stdout, stderr } = run(['--fix', '--agents', '@sointuenergia.fi', 'a.jsonl', 'support.mbox', 'qp-utf8.eml', 'helpdesk-export.csv', 'r.txt', '-f', 'json'], dir);
    for (const f of ['a.jsonl', 'support.mbox', 'qp-utf8.eml', 'helpdesk-export.csv']) {
      expect(readFileSync(join(dir, f)).equals(before.get(f)!), f).toBe(true);
      expect(stderr).toContain(`${f}: not fixable in this format`);
    }
    // The plain reply beside them is fixed, and the archives are still linted.
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe(FIXABLE.replace('kiitos  ', 'kiitos '));
    const paths = (JSON.parse(stdout).files as { path: string }[]).map((f) => f.path);
    expect(paths).toContain('a.jsonl#T-1');
    expect(paths.some((p) => p.startsWith('support.mbox#'))).toBe(true);
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file read as an archive by --input-format is not rewritten either', () => {
    const dir = folder();
    const mail = 'From: anna@example.fi\nTo: tuki@yritys.fi\nSubject: Lasku\nContent-Type: text/plain; charset=utf-8\n\nHei,  laskussa on virhe.\n';
    writeFileSync(join(dir, 'mail.txt'), mail);
    const { stderr } = run(['--fix', '--input-format', 'eml', 'mail.txt'], dir);
    expect(readFileSync(join(dir, 'mail.txt'), 'utf8')).toBe(mail);
    expect(stderr).toContain('mail.txt: not fixable in this format (eml)');
  });
});

describe('-o FILE (issue 11.2)', () => {
  it('refuses an output file that is also an input, and leaves it alone', () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.txt'), FIXABLE);
    symlinkSync(join(dir, 'r.txt'), join(dir, 'link.txt'));
    for (const args of [['r.txt', '-f', 'json', '-o', 'r.txt'], ['r.txt', '-o', 'link.txt'], ['link.txt', '-o', './r.txt'], ['-', '--customer', 'r.txt', '-o', 'r.txt']]) {
      const { code, stderr } = run(args, dir, FIXABLE);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('also an input');
      expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe(FIXABLE);
    }
  });

  it('replaces the report only when the run completes', () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.txt'), FIXABLE);
    writeFileSync(join(dir, 'report.json'), 'old report');
    // A config error stops the run before any report: the old one stays.
    writeFileSync(join(dir, 'bad.yaml'), 'rules: [1, 2\n');
    expect(run(['r.txt', '-c', 'bad.yaml', '-f', 'json', '-o', 'report.json'], dir).code).toBe(2);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('old report');
    expect(run(['r.txt', '-f', 'json', '-o', 'report.json'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).files[0].path).toBe('r.txt');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a folder as -o is one line and exit 2; a report file keeps its mode, whatever the umask', () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.txt'), FIXABLE);
    mkdirSync(join(dir, 'reports'));
    const { code, stderr } = run(['r.txt', '-o', 'reports'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('aspalint: reports: cannot write (EISDIR)\n');
    writeFileSync(join(dir, 'shared.json'), 'old');
    chmodSync(join(dir, 'shared.json'), 0o666);
    expect(run(['r.txt', '-f', 'json', '-o', 'shared.json'], dir).code).toBe(0);
    expect(statSync(join(dir, 'shared.json')).mode & 0o777).toBe(0o666);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

/** Makes a file unwritable: immutable where chattr works (root ignores permissions), else read-only. */
function lockFile(path: string): () => void {
  chmodSync(path, 0o444);
  const chattr = spawnSync('chattr', ['+i', path]);
  return () => {
    if (chattr.status === 0) spawnSync('chattr', ['-i', path]);
    chmodSync(path, 0o644);
  };
}

describe('--fix and its own write errors (issue 11.3)', () => {
  it('a read-only or immutable file: one line, exit 2, the file untouched, the others fixed', () => {
    const dir = folder();
    writeFileSync(join(dir, 'locked.txt'), FIXABLE);
    writeFileSync(join(dir, 'open.txt'), FIXABLE);
    const unlock = lockFile(join(dir, 'locked.txt'));
    try {
      const { code, stderr } = run(['--fix', 'locked.txt', 'open.txt'], dir);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^aspalint: locked\.txt: fixes could not be written \((EACCES|EPERM)\)/)]);
      expect(readFileSync(join(dir, 'locked.txt'), 'utf8')).toBe(FIXABLE);
      expect(readFileSync(join(dir, 'open.txt'), 'utf8')).not.toBe(FIXABLE);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      unlock();
    }
  });

  it('keeps an edit made between the read and the write, and says the file was skipped', () => {
    const dir = folder();
    const path = join(dir, 'r.txt');
    writeFileSync(path, FIXABLE);
    const edited = `${FIXABLE}PS. Soitan huomenna.\n`;
    let lints = 0;
    const lint = (text: string) => {
      // The agent saves the file in the editor while --fix is working on it.
      if (lints++ === 0) writeFileSync(path, edited);
      return { findings: text.includes('  ') ? [{ ruleId: 'format/spacing', severity: 'warning' as const, weight: 1, message: '', line: 3, column: 7, endLine: 3, endColumn: 9, offset: text.indexOf('  '), length: 2, actual: '  ', suggestions: [' '], fix: { offset: text.indexOf('  '), length: 2, text: ' ' } }] : [] };
    };
    expect(() => fixFile(path, lint)).toThrow(FixWriteError);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    // The same through writeIfChanged, given the bytes that were read.
    const read = readFileSync(path);
    writeFileSync(path, 'changed again');
    expect(() => writeIfChanged(path, edited, 'fixed', 'utf8', read)).toThrow(expect.objectContaining({ code: 'ECHANGED' }));
    expect(readFileSync(path, 'utf8')).toBe('changed again');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

