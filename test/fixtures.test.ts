import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { lintFiles } from '../src/engine/linter.js';

const root = join(import.meta.dirname, '..');
const expected = YAML.parse(readFileSync(join(root, 'fixtures/replies/expected.yaml'), 'utf8')) as Record<string, string[]>;

describe('fixture replies', async () => {
  const cwd = process.cwd();
  process.chdir(root);
  const report = await lintFiles(['fixtures/replies'], { configFile: join(root, '.aspalintrc.yaml') });
  process.chdir(cwd);
  const byPath = new Map(report.results.map((r) => [r.path.replace(/^fixtures\/replies\//, ''), r]));

  it('reads every fixture without input errors', () => {
    expect(report.errors).toEqual([]);
    expect(report.results.length).toBe(Object.keys(expected).length);
  });

  it('has at least 40 replies in both languages, good and bad', () => {
    const paths = Object.keys(expected);
    expect(paths.length).toBeGreaterThanOrEqual(40);
    for (const lang of ['fi', 'sv']) {
      expect(paths.filter((p) => p.includes(`/${lang}-good-`)).length).toBeGreaterThanOrEqual(8);
      expect(paths.filter((p) => p.includes(`/${lang}-bad-`)).length).toBeGreaterThanOrEqual(8);
    }
  });

  for (const [path, ids] of Object.entries(expected)) {
    if (ids.length === 0) {
      it(`finds nothing in the good reply ${path}`, () => {
        const result = byPath.get(path)!;
        expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} “${f.actual}”`)).toEqual([]);
      });
    } else {
      it(`finds ${ids.join(', ')} in ${path}`, () => {
        const found = new Set(byPath.get(path)!.findings.map((f) => f.ruleId));
        for (const id of ids) expect([...found], id).toContain(id);
      });
    }
  }

  it('detects the language of every reply from its text', () => {
    for (const [path, result] of byPath) expect(result.language, path).toBe(path.split('/')[1]!.slice(0, 2));
  });
});

describe('independent clean replies (written without looking at the rules)', async () => {
  const email = await lintFiles([join(root, 'fixtures/clean/email')]);
  const sms = await lintFiles([join(root, 'fixtures/clean/sms')], { channel: 'sms' });
  const results = [...email.results, ...sms.results];

  it('has at least 60 of them', () => expect(results.length).toBeGreaterThanOrEqual(60));
  for (const result of results) {
    it(`finds nothing in ${result.path.slice(root.length + 1)}`, () => {
      expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} “${f.actual}”`)).toEqual([]);
    });
  }
});
