import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The evaluation runner decides what "precision" means in CI, so its matching is tested here.
const SCRIPT = join(import.meta.dirname, '..', 'dist', 'scripts', 'eval.js');

function run(files: Record<string, string>, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-eval-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = spawnSync(process.execPath, [SCRIPT, '--json', ...args], {
    encoding: 'utf8', env: { ...process.env, ASPALINT_EVAL_DIR: dir, ASPALINT_SEED: join(dir, 'no-seed.txt') },
  });
  return { status: r.status, stderr: r.stderr, report: r.stdout ? JSON.parse(r.stdout) : undefined };
}

const reply = `Hei!

Kiitos viestistäsi. Älä epäröi ottaa yhteyttä, jos tarvitset apua.

Ystävällisin terveisin
Asiakaspalvelu
`;

describe('npm run eval', () => {
  it('counts a finding on a labelled span as right and one elsewhere as a false alarm', () => {
    const { status, report } = run({
      '001-a.yaml': `id: a\nsplit: dev\nsource: test\ntext: |\n${reply.trimEnd().replace(/^/gm, '  ')}\nlabels:\n  - rule: phrase/calque\n    span: "epäröi"\n  - rule: greeting/missing\n`,
    }, '--min-precision', '0');
    expect(status).toBe(0);
    expect(report.byRule['phrase/calque']).toMatchObject({ labels: 1, found: 1 });
    // A greeting is there, so the label for a missing one is a miss, and greeting/generic is a false alarm.
    expect(report.byRule['greeting/missing']).toMatchObject({ labels: 1, found: 0 });
    expect(report.misses.map((m: { rule: string }) => m.rule)).toContain('greeting/missing');
    expect(report.falseAlarms.map((f: { rule: string }) => f.rule)).toContain('greeting/generic');
  });

  it('does not count an acceptable finding either way, and fails below the precision floor', () => {
    const file = `id: b\nsplit: holdout\nsource: test\ntext: |\n${reply.trimEnd().replace(/^/gm, '  ')}\nlabels: []\nacceptable:\n  - rule: greeting/generic\n`;
    const lenient = run({ '001-b.yaml': file }, '--min-precision', '0');
    expect(lenient.report.byRule['greeting/generic']).toMatchObject({ findings: 0, falseAlarms: 0 });
    expect(lenient.report.clean.flagged).toEqual(['b']);
    expect(run({ '001-b.yaml': file }).status).toBe(1);
  });

  it('names a broken file and still judges the others', () => {
    const { status, stderr, report } = run({
      '001-ok.yaml': `id: ok\nsplit: dev\nsource: test\ntext: "Hei Maija!"\nlabels: []\n`,
      '002-bad.yaml': `id: bad\nsplit: dev\nsource: test\ntext: "Hei"\nlabels:\n  - rule: phrase/calque\n    span: "not there"\n`,
    }, '--min-precision', '0');
    expect(status).toBe(2);
    expect(stderr).toMatch(/002-bad\.yaml: labels\[0\] span is not in the text/);
    expect(report.messages).toBe(1);
  });
});
