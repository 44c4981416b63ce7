import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testRules } from '../src/engine/rule-tester.js';
import { loadPlugin, pluginNamespace } from '../src/engine/plugins.js';
import { createLinter } from '../src/engine/linter.js';
import { ConfigError, loadConfig } from '../src/engine/config.js';
import { bin, root } from './server-helpers.js';

const example = join(root, 'examples', 'aspalint-plugin-acme');

/** A project folder with the example plugin installed under node_modules, as npm would. */
function project(config: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-plugin-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(example, join(dir, 'node_modules', 'aspalint-plugin-acme'), 'dir');
  writeFileSync(join(dir, '.aspalintrc.yaml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The config error loading a config raises, as the CLI prints it ("file:line: message"). */
function configError(file: string): string | undefined {
  try {
    loadConfig(file);
  } catch (err) {
    if (err instanceof ConfigError) return err.toString();
    throw err;
  }
  return undefined;
}

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

// The example plugin's examples, run by the rule tester plugins use (as our catalogue's are).
testRules(loadPlugin(example, root), { describe, it });

describe('plugins', () => {
  it('namespaces come from the package name', () => {
    expect(pluginNamespace('aspalint-plugin-acme')).toBe('acme');
    expect(pluginNamespace('@acme/aspalint-plugin')).toBe('acme');
    expect(pluginNamespace('@acme/aspalint-plugin-tickets')).toBe('acme-tickets');
    expect(pluginNamespace('acme-rules')).toBeNull();
  });

  it('a plugin named in the config adds its rules, checks and phrases to the linter', () => {
    const dir = project('plugins: [aspalint-plugin-acme]\nrules:\n  acme/ticket-word: error\n');
    const linter = createLinter({ configFile: join(dir, '.aspalintrc.yaml') });
    const result = linter.lint({ path: join(dir, 'a.txt'), text: 'Hei Mikko,\n\ntikettisi AC123456 on käsittelyssä.\n\nTerveisin\nLaura' });
    const found = result.findings.filter((f) => f.ruleId.startsWith('acme/')).map((f) => [f.ruleId, f.severity, f.actual, f.fix?.text]);
    expect(found).toEqual([
      ['acme/ticket-word', 'error', 'tikettisi', undefined],
      ['acme/order-number', 'warning', 'AC123456', 'AC-123456'],
    ]);
    expect(result.findings.find((f) => f.ruleId === 'acme/order-number')!.message).toBe('Kirjoita tilausnumero muodossa ”AC-123456”.');
  });

  it('the CLI lints with it, fixes with it, and prints with its formatter', () => {
    const dir = project('plugins: [aspalint-plugin-acme]\n', { 'vastaus.txt': 'Hei Mikko,\n\ntilauksesi AC123456 lähti tänään.\n\nTerveisin\nLaura\n' });
    const json = run(['vastaus.txt', '--format', 'json'], dir);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['acme/order-number']);
    const tsv = run(['vastaus.txt', '--format', 'acme-tsv'], dir);
    expect(tsv.stdout).toBe('path\tline\tcolumn\trule\tseverity\tmessage\nvastaus.txt\t3\t12\tacme/order-number\twarning\tKirjoita tilausnumero muodossa ”AC-123456”.\n');
    const fixed = run(['vastaus.txt', '--fix-dry-run'], dir);
    expect(fixed.stdout).toContain('+tilauksesi AC-123456 lähti tänään.');
  });

  it('a formatter may also be a path', () => {
    const dir = project('plugins: [aspalint-plugin-acme]\n', {
      'vastaus.txt': 'Hei Mikko,\n\ntilauksesi AC123456 lähti tänään.\n\nTerveisin\nLaura\n',
      'count.cjs': 'module.exports = (report, ctx) => `${report.summary.findings} ${ctx.uiLang} ${ctx.rules.some((r) => r.id === "acme/order-number")}`;',
    });
    expect(run(['vastaus.txt', '--format', './count.cjs'], dir).stdout).toBe('1 fi true\n');
    const unknown = run(['vastaus.txt', '--format', 'nosuch'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^aspalint: unknown format "nosuch": stylish, json, sarif, github, junit, html, compact, checkstyle, acme-tsv, a package aspalint-formatter-nosuch, or a path to a formatter module\n$/);
  });

  it('a missing plugin is a config error at its line', () => {
    const dir = project('language: fi\nplugins:\n  - aspalint-plugin-acme\n  - aspalint-plugin-nosuch\n');
    const r = run(['-', '--ui-lang', 'en'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`aspalint: ${join(dir, '.aspalintrc.yaml')}:4: plugin "aspalint-plugin-nosuch" not found from ${dir} (npm install aspalint-plugin-nosuch)\n`);
  });

  it("plugin errors are said in the run's UI language (the config's language: when no flag says)", () => {
    const dir = project('language: fi\nplugins:\n  - aspalint-plugin-acme\n  - aspalint-plugin-nosuch\n');
    const fi = run(['-'], dir);
    expect(fi.status).toBe(2);
    expect(fi.stderr).toBe(`aspalint: ${join(dir, '.aspalintrc.yaml')}:4: lisäosaa "aspalint-plugin-nosuch" ei löydy hakemistosta ${dir} (npm install aspalint-plugin-nosuch)\n`);
    const sv = run(['-', '--ui-lang', 'sv'], dir);
    expect(sv.stderr).toBe(`aspalint: ${join(dir, '.aspalintrc.yaml')}:4: tillägget "aspalint-plugin-nosuch" hittas inte från ${dir} (npm install aspalint-plugin-nosuch)\n`);
  });

  it("a plugin's broken rule file is an error naming the plugin's file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-plugin-bad-'));
    const plugin = join(dir, 'node_modules', 'aspalint-plugin-acme');
    cpSync(example, plugin, { recursive: true });
    writeFileSync(join(plugin, 'rules', 'order-number.yaml'), 'id: acme/order-number\ntitle: {fi: a, sv: b, en: c}\nseverity: loud\n');
    writeFileSync(join(dir, '.aspalintrc.yaml'), 'plugins: [aspalint-plugin-acme]\n');
    expect(configError(join(dir, '.aspalintrc.yaml'))).toBe(`${join(plugin, 'rules', 'order-number.yaml')}:1: plugin "aspalint-plugin-acme": description needs fi, sv and en`);
    writeFileSync(join(plugin, 'rules', 'order-number.yaml'), 'id: acme/order-number\ntitle: [oops\n');
    expect(configError(join(dir, '.aspalintrc.yaml'))).toMatch(/order-number\.yaml:3: plugin "aspalint-plugin-acme": invalid YAML/);
  });

  it('rule ids of plugins are known to the config, others are still refused', () => {
    const ok = project('plugins: [aspalint-plugin-acme]\nrules:\n  acme/order-number: off\n');
    expect(loadConfig(join(ok, '.aspalintrc.yaml')).rules).toEqual({ 'acme/order-number': 'off' });
    const bad = project('plugins: [aspalint-plugin-acme]\nrules:\n  acme/order-numbers: off\n');
    expect(configError(join(bad, '.aspalintrc.yaml'))).toBe(`${join(bad, '.aspalintrc.yaml')}:3: unknown rule id "acme/order-numbers" (did you mean acme/order-number?)`);
  });

  it('a check without a rule file, or a rule without phrases or a check, is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-plugin-orphan-'));
    const withIndex = (folder: string, index: string) => {
      const plugin = join(dir, folder, 'aspalint-plugin-acme');
      cpSync(example, plugin, { recursive: true });
      writeFileSync(join(plugin, 'index.js'), index);
      return plugin;
    };
    expect(() => loadPlugin(withIndex('a', 'export default { checks: {} };\n'), dir)).toThrow(/rule acme\/order-number has no phrases and the plugin exports no check for it/);
    expect(() => loadPlugin(withIndex('b', 'export default { checks: { "acme/order-number": () => [], "acme/other": () => [] } };\n'), dir)).toThrow(/check "acme\/other" has no rule file/);
  });
});

describe('plugins on the command line', () => {
  it('aspalint rules lists the rules of the config, and --rule takes a plugin rule id', () => {
    const dir = project('plugins: [aspalint-plugin-acme]\n', { 'vastaus.txt': 'Hei Mikko,\n\ntilauksesi AC123456 lähti tänään.\n\nTerveisin\nLaura\n' });
    const rules = JSON.parse(run(['rules', '--format', 'json'], dir).stdout) as { rules: { id: string }[] };
    expect(rules.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['phrase/calque', 'acme/order-number', 'acme/ticket-word']));
    const off = run(['vastaus.txt', '--rule', 'acme/order-number=off', '--format', 'json'], dir);
    expect(off.status).toBe(0);
    expect(JSON.parse(off.stdout).files[0].findings).toEqual([]);
    const error = run(['vastaus.txt', '--rule', 'acme/order-number=error'], dir);
    expect(error.status).toBe(1);
    expect(run(['vastaus.txt', '--rule', 'acme/nosuch=off'], dir).stderr).toMatch(/unknown rule id "acme\/nosuch"/);
  });
});
