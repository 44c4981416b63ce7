/**
 * End to end on fixtures/template-repo, through the CLI.
 *
 * DRAFT, skipped: these need the CLI wiring the lead does after the formatters,
 * fixing, template mode and macro collections land (--format sarif|github|junit,
 * --fix, --fix-dry-run, template mode for `templates:` globs, `macros:` in the
 * config and its schema, `aspalint init`, FileResult.suppressedFindings). Remove
 * `.skip` once wired; adjust the expectations if the wiring words things otherwise.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');
const fixture = join(root, 'fixtures/template-repo');
const GLOB = 'templates/**/*.{md,txt,hbs,liquid}';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-template-repo-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  fix?: unknown;
}

describe('template repository end to end (after CLI wiring)', () => {
  it('lints templates and the macro file as templates: placeholders are names, one error fails the run', () => {
    const { code, stdout, stderr } = run([GLOB, 'macros/makrot.yaml', '--format', 'json'], fixture);
    expect(stderr).toBe('');
    expect(code).toBe(1); // privacy/password in tunnukset-uusi-asiakas.txt
    const json = JSON.parse(stdout) as { files: { path: string; findings: JsonFinding[] }[] };
    const byPath = Object.fromEntries(json.files.map((f) => [f.path, f.findings.map((x) => x.ruleId).sort()]));
    expect(byPath).toEqual({
      'templates/fi/laskun-erapaiva.liquid': [],
      'templates/fi/palautus-ohjeet.hbs': ['format/number', 'format/spacing', 'format/spacing', 'phrase/bureaucratic', 'phrase/calque'],
      'templates/fi/tilaus-viivastynyt.md': [],
      'templates/fi/tunnukset-uusi-asiakas.txt': ['privacy/password'],
      'templates/sv/faktura-angerratt.liquid': [],
      'templates/sv/leverans-forsenad.md': [],
      'templates/sv/retur.hbs': ['format/number', 'format/spacing', 'format/spacing', 'phrase/bureaucratic', 'phrase/calque'],
      'macros/makrot.yaml#Toimitus::Paketti noudettavissa': [],
      'macros/makrot.yaml#Leverans::Paketet kan hämtas': [],
      'macros/makrot.yaml#Laskutus::Hyvitys tehty': ['format/number', 'phrase/canned', 'signoff/faceless'],
    });
    // Macro findings are located in the collection file.
    const hyvitys = json.files.find((f) => f.path.endsWith('#Laskutus::Hyvitys tehty'))!;
    expect(hyvitys.findings.find((f) => f.ruleId === 'format/number')).toMatchObject({ line: 31, column: 63 });
    // No placeholder is reported, and no generic greeting: the placeholder is the customer's name.
    expect(stdout).not.toContain('template/placeholder');
    expect(stdout).not.toContain('greeting/generic');
  });

  it('writes SARIF with the suppressed legal wording as a suppressed result', () => {
    const dir = copy();
    const { code } = run([GLOB, 'macros/makrot.yaml', '--format', 'sarif', '-o', 'aspalint.sarif'], dir);
    expect(code).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'aspalint.sarif'), 'utf8'));
    const results = log.runs[0].results as { ruleId: string; suppressions?: { kind: string; justification?: string }[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ ruleId: 'phrase/bureaucratic', suppressions: [{ kind: 'inSource', justification: 'lagtext, godkänd av vår jurist' }] });
    expect(suppressed[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('templates/sv/faktura-angerratt.liquid');
    expect(new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))).toContain('macros/makrot.yaml');
  });

  it('prints GitHub annotations and JUnit', () => {
    const gh = run([GLOB, '--format', 'github'], fixture);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toContain('::error file=templates/fi/tunnukset-uusi-asiakas.txt,line=5,col=75,');
    expect(gh.stdout).toMatch(/::warning file=templates\/sv\/retur\.hbs,line=9,col=21,[^\n]*title=format\/number::/);
    const junit = run([GLOB, '--format', 'junit'], fixture);
    expect(junit.stdout).toContain('<testcase classname="aspalint" name="templates/fi/tilaus-viivastynyt.md" file="templates/fi/tilaus-viivastynyt.md" time="0"/>');
    expect(junit.stdout).toMatch(/<failure message="[^"]*" type="error">5:75 /);
  });

  it('--fix-dry-run shows a diff and writes nothing; --fix writes; a second run has nothing to fix', () => {
    const dir = copy();
    const before = readFileSync(join(dir, 'templates/fi/palautus-ohjeet.hbs'), 'utf8');
    const dry = run([GLOB, '--fix-dry-run'], dir);
    expect(dry.stdout).toContain('--- a/templates/fi/palautus-ohjeet.hbs');
    expect(dry.stdout).toContain('+kiitos viestistäsi. Jos haluat palauttaa tuotteen');
    expect(dry.stdout).toContain('+Returfrakten kostar 49,00 kr och dras av från återbetalningen. Skriv ut returetiketten på nordkivi.se/retur.');
    expect(dry.stdout).not.toContain('faktura-angerratt'); // suppressed: the legal text stays
    expect(readFileSync(join(dir, 'templates/fi/palautus-ohjeet.hbs'), 'utf8')).toBe(before);

    run([GLOB, 'macros/makrot.yaml', '--fix'], dir);
    const after = readFileSync(join(dir, 'templates/fi/palautus-ohjeet.hbs'), 'utf8');
    expect(after).toContain('Palautuksen hinta on 5,90 €, ja se vähennetään hyvityksestä. Tulosta');
    expect(after).toContain('{{#if order.free_returns}}');
    expect(readFileSync(join(dir, 'macros/makrot.yaml'), 'utf8')).toContain('Hyvitimme laskultasi 12,50 euroa');

    const again = run([GLOB, 'macros/makrot.yaml', '--fix-dry-run'], dir);
    expect(again.stdout).not.toContain('--- a/');
    const json = JSON.parse(run([GLOB, 'macros/makrot.yaml', '--format', 'json'], dir).stdout) as { files: { findings: JsonFinding[] }[] };
    expect(json.files.flatMap((f) => f.findings).filter((f) => f.fix)).toEqual([]);
  });

  it('aspalint init writes a starter config once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-init-e2e-'));
    const first = run(['init'], dir);
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, '.aspalintrc.yaml'))).toBe(true);
    expect(run([GLOB], dir).stderr).not.toMatch(/aspalintrc/); // the starter config validates
    const second = run(['init'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout + second.stderr).toMatch(/\.aspalintrc\.yaml/);
  });
});
