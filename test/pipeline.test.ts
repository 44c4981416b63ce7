import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/index.js';
import { ConfigError } from '../src/engine/config.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');

function cliJson(args: string[], cwd: string): { files: { path: string; findings: { ruleId: string }[] }[] } {
  const r = spawnSync(process.execPath, [bin, ...args, '-f', 'json'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

/** A folder with a config that names macro key paths and the archive's agents. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-pipeline-'));
  writeFileSync(
    join(dir, '.aspalintrc.yaml'),
    [
      'macros:',
      '  - files: ["pohjat/*.yaml"]',
      '    list: vastauspohjat',
      '    title: otsikko',
      '    body: teksti',
      'archive:',
      "  agents: ['@sointuenergia.fi', 'tuki@palvelukumppani.fi']",
      '',
    ].join('\n'),
  );
  spawnSync('mkdir', [join(dir, 'pohjat')]);
  writeFileSync(
    join(dir, 'pohjat', 'laskut.yaml'),
    [
      'vastauspohjat:',
      '  - otsikko: Eräpäivän siirto',
      '    teksti: |',
      '      Hei {{nimi}},',
      '',
      '      siirsimme laskusi eräpäivän 30.11. asti. Summa pysyy samana.',
      '',
      '      Terveisin',
      '      Laura',
      '  - otsikko: Hyvitys',
      '    teksti: |',
      '      Hej {{namn}},',
      '',
      '      vi har betalat tillbaka 12,50 € till ditt konto. Pengarna syns på fredag.',
      '',
      '      Hälsningar',
      '      Sara',
      '',
    ].join('\n'),
  );
  copyFileSync(join(root, 'fixtures/archive/support.mbox'), join(dir, 'tuki.mbox'));
  return dir;
}

describe('one pipeline for the library and the CLI', () => {
  it('lintFiles reads macro collections by the key paths of the config, as the CLI does', async () => {
    const dir = repo();
    const report = await lintFiles([join(dir, 'pohjat/laskut.yaml')], { configFile: join(dir, '.aspalintrc.yaml') });
    expect(report.errors).toEqual([]);
    expect(report.results.map((r) => r.path)).toEqual([join(dir, 'pohjat/laskut.yaml#Eräpäivän siirto'), join(dir, 'pohjat/laskut.yaml#Hyvitys')]);
    const cli = cliJson(['pohjat/laskut.yaml'], dir);
    expect(cli.files.map((f) => f.path)).toEqual(['pohjat/laskut.yaml#Eräpäivän siirto', 'pohjat/laskut.yaml#Hyvitys']);
    expect(cli.files.map((f) => f.findings.map((x) => x.ruleId))).toEqual(report.results.map((r) => r.findings.map((x) => x.ruleId)));
  });

  it("lintFiles takes an mbox's agents from the config's archive settings, as the CLI does", async () => {
    const dir = repo();
    const withConfig = await lintFiles([join(dir, 'tuki.mbox')], { configFile: join(dir, '.aspalintrc.yaml') });
    const without = await lintFiles([join(dir, 'tuki.mbox')]);
    // With agents only the company's replies are linted; without, every message is.
    expect(withConfig.results.length).toBeGreaterThan(0);
    expect(withConfig.results.length).toBeLessThan(without.results.length);
    const cli = cliJson(['tuki.mbox'], dir);
    expect(cli.files.map((f) => f.path)).toEqual(withConfig.results.map((r) => r.path.slice(dir.length + 1)));
  });

  it('a bad archive.columns in the config is a config error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-pipeline-'));
    writeFileSync(join(dir, '.aspalintrc.yaml'), 'archive:\n  columns: "customer=Question"\n');
    writeFileSync(join(dir, 'vienti.csv'), 'Question;Body\nVoiko laskun siirtää?;Hei, siirsimme sen.\n');
    const err = await lintFiles([join(dir, 'vienti.csv')], { configFile: join(dir, '.aspalintrc.yaml') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(String(err)).toBe(`${join(dir, '.aspalintrc.yaml')}: archive.columns: the reply column is missing (reply=Column)`);
  });
});
