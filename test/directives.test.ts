import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDirectives } from '../src/text/directives.js';
import { LineIndex } from '../src/text/lines.js';
import { applySuppressions } from '../src/engine/suppress.js';
import { ConfigError, loadConfig } from '../src/engine/config.js';
import { lintFiles, lintText } from '../src/index.js';
import { finding } from './helpers.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');

/** Findings of one rule at the start of the given lines of a text. */
function at(text: string, ruleId: string, lines: number[]) {
  const index = new LineIndex(text);
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  return lines.map((line) => ({ ...finding({ ruleId, line, offset: starts[line - 1]! }), ...index.position(starts[line - 1]!) }));
}

function suppress(text: string, findings: ReturnType<typeof at>) {
  return applySuppressions(findings, findDirectives(text), new LineIndex(text));
}

describe('unused disable directives', () => {
  it('names each directive that silenced nothing, and the ids of it that silenced nothing', () => {
    const text = [
      '<!-- aspalint-disable-next-line phrase/calque -->', // 1: used
      'x',
      '<!-- aspalint-disable-next-line phrase/canned -->', // 3: unused
      'x',
      'x <!-- aspalint-disable-line phrase/calque, format/all-caps -->', // 5: calque used, all-caps not
      '<!-- aspalint-disable-next-line -->', // 6: nothing on line 7
      'x',
      '<!-- aspalint-disable phrase/stiff -->', // 8: region, nothing in it
      'x',
      '<!-- aspalint-enable phrase/stiff -->',
    ].join('\n');
    const { kept, suppressed, unused } = suppress(text, at(text, 'phrase/calque', [2, 4, 5]));
    expect(suppressed.map((f) => f.line)).toEqual([2, 5]);
    expect(kept.map((f) => f.line)).toEqual([4]);
    expect(unused.map((u) => [text.slice(0, u.directive.start).split('\n').length, u.ruleIds])).toEqual([
      [3, ['phrase/canned']],
      [5, ['format/all-caps']],
      [6, []],
      [8, ['phrase/stiff']],
    ]);
  });

  it('credits a finding to the first directive over it: a second one is unused', () => {
    const text = '<!-- aspalint-disable phrase/calque -->\n<!-- aspalint-disable-next-line phrase/calque -->\nx';
    const { suppressed, unused } = suppress(text, at(text, 'phrase/calque', [3]));
    expect(suppressed).toHaveLength(1);
    expect(unused.map((u) => u.directive.kind)).toEqual(['disable-next-line']);
  });

  it('a repeated disable keeps the region the first one opened', () => {
    // The second "disable phrase/calque" used to replace the first, and line 2 was not silenced.
    const text = '<!-- aspalint-disable phrase/calque -->\nx\n<!-- aspalint-disable phrase/calque -->\nx\n<!-- aspalint-enable phrase/calque -->\nx';
    const { kept, suppressed, unused } = suppress(text, at(text, 'phrase/calque', [2, 4, 6]));
    expect(suppressed.map((f) => f.line)).toEqual([2, 4]);
    expect(kept.map((f) => f.line)).toEqual([6]);
    expect(unused.map((u) => u.directive.start)).toEqual([text.indexOf('<!-- aspalint-disable phrase/calque -->', 1)]);
  });

  const reply = 'Hei Anna,\n\n<!-- aspalint-disable-next-line phrase/canned -->\nÄlä epäröi ottaa yhteyttä, p. 010 123 4567.\n\nTerveisin\nLaura';

  it('are findings at the comment with the severity asked for, weighing nothing; off by default', () => {
    expect(lintText(reply, { lang: 'fi' }).findings.map((f) => f.ruleId)).not.toContain('unused-disable-directive');
    const plain = lintText(reply, { lang: 'fi' });
    const result = lintText(reply, { lang: 'fi', reportUnusedDisableDirectives: 'error' });
    const unused = result.findings.filter((f) => f.ruleId === 'unused-disable-directive');
    expect(unused).toEqual([
      {
        ruleId: 'unused-disable-directive',
        severity: 'error',
        weight: 0,
        message: 'Tarpeeton aspalint-kommentti (ei huomautuksia tässä: phrase/canned)',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 50,
        offset: reply.indexOf('<!--'),
        length: 49,
        actual: '<!-- aspalint-disable-next-line phrase/canned -->',
        suggestions: [],
      },
    ]);
    expect(result.score).toBe(plain.score);
    expect(result.findings.filter((f) => f.ruleId !== 'unused-disable-directive')).toEqual(plain.findings);
    expect(lintText(reply, { lang: 'fi', reportUnusedDisableDirectives: 'warn', uiLang: 'sv' }).findings.find((f) => f.ruleId === 'unused-disable-directive')).toMatchObject({
      severity: 'warning',
      message: 'Onödig aspalint-kommentar (inga anmärkningar här: phrase/canned)',
    });
    const en = lintText(reply.replace(' phrase/canned', ''), { lang: 'fi', reportUnusedDisableDirectives: true, uiLang: 'en' });
    // Without ids it silences the calque on the next line: used.
    expect(en.findings.map((f) => f.ruleId)).not.toContain('unused-disable-directive');
    const nothing = lintText('Hei Anna,\n\n# aspalint-disable-line\nkiitos viestistä.\n\nTerveisin\nLaura', { lang: 'fi', reportUnusedDisableDirectives: 'info', uiLang: 'en' });
    expect(nothing.findings.find((f) => f.ruleId === 'unused-disable-directive')).toMatchObject({ severity: 'info', message: 'Unused aspalint-disable directive: it silences nothing', line: 3 });
  });

  it('are not reported with --no-inline-config, where no directive does anything', () => {
    const result = lintText(reply, { lang: 'fi', reportUnusedDisableDirectives: 'error', noInlineConfig: true });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('unused-disable-directive');
  });

  it('point into the collection file for a macro, and come from the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-directives-'));
    writeFileSync(join(dir, '.aspalintrc.yaml'), 'reportUnusedDisableDirectives: warn\n');
    writeFileSync(
      join(dir, 'macros.yaml'),
      '- title: Kiitos\n  body: |\n    Hei Anna,\n\n    <!-- aspalint-disable-next-line phrase/canned -->\n    kiitos viestistäsi, paketti lähti tänään.\n\n    Terveisin\n    Laura\n',
    );
    const report = await lintFiles([join(dir, 'macros.yaml')], { configFile: join(dir, '.aspalintrc.yaml') });
    expect(report.results[0]!.findings.filter((f) => f.ruleId === 'unused-disable-directive').map((f) => [f.severity, f.line, f.column])).toEqual([['warning', 5, 5]]);
    const flag = await lintFiles([join(dir, 'macros.yaml')], { configFile: join(dir, '.aspalintrc.yaml'), reportUnusedDisableDirectives: 'off' });
    expect(flag.results[0]!.findings.map((f) => f.ruleId)).not.toContain('unused-disable-directive');
  });

  it('the config setting takes off, warn, error, true and false, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-directives-'));
    for (const value of ['off', 'warn', 'error', 'true', 'false']) {
      writeFileSync(join(dir, 'ok.yaml'), `reportUnusedDisableDirectives: ${value}\n`);
      expect(() => loadConfig(join(dir, 'ok.yaml'))).not.toThrow();
    }
    writeFileSync(join(dir, 'bad.yaml'), 'channel: email\nreportUnusedDisableDirectives: loud\n');
    expect(() => loadConfig(join(dir, 'bad.yaml'))).toThrow(ConfigError);
    expect(() => lintText('Hei', { reportUnusedDisableDirectives: 'loud' as 'warn' })).toThrow(RangeError);
  });
});

describe('aspalint --report-unused-disable-directives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-directives-cli-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, 'Hei Anna,\n\nkiitos viestistäsi, paketti lähti tänään. <!-- aspalint-disable-line phrase/calque -->\n\nTerveisin\nLaura\n');
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, file, '--format', 'json', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    return { code: r.status, json: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
  };

  it('reports an error (as ESLint 9), or the severity of --report-unused-disable-directives-severity', () => {
    const plain = run();
    expect(plain.code).toBe(0);
    expect(plain.json.files[0].findings).toEqual([]);
    const error = run('--report-unused-disable-directives');
    expect(error.code).toBe(1);
    expect(error.json.files[0].findings).toMatchObject([{ ruleId: 'unused-disable-directive', severity: 'error', weight: 0, line: 3, column: 43 }]);
    // A finding of the contract like any other: the same keys, in the same order.
    expect(Object.keys(error.json.files[0].findings[0])).toEqual(['ruleId', 'severity', 'weight', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'length', 'actual', 'suggestions']);
    const warn = run('--report-unused-disable-directives-severity', 'warn');
    expect(warn.code).toBe(0);
    expect(warn.json.files[0].findings).toMatchObject([{ severity: 'warning' }]);
    expect(run('--report-unused-disable-directives-severity', 'warn', '--max-warnings', '0').code).toBe(1);
    expect(run('--report-unused-disable-directives', '--no-inline-config').json.files[0].findings).toEqual([]);
    const both = run('--report-unused-disable-directives', '--report-unused-disable-directives-severity', 'warn');
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('aspalint: --report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together: choose one\n');
  }, 30_000);
});
