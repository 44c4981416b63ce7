import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIdLine, cacheFileOf, loadWithCodeCache } from '../src/cli/code-cache.js';
import { createLinter } from '../src/engine/linter.js';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { primeStemKeys, resetStemMemo, stemKey } from '../src/text/stem.js';
import { finnishMorphology } from '../src/text/morphology.js';
import { getHunspell, hunspellStatus, preloadHunspell, resetHunspell } from '../src/text/hunspell.js';
import { getVoikko, preloadVoikko, resetVoikko, voikkoStatus } from '../src/text/voikko.js';
import { languageHint } from '../src/text/language.js';
import { withEnv } from './helpers.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');

/** Runs a module in a fresh node and returns its stdout. */
function node(script: string, input?: string | Buffer): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('code cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-cache-'));
  const loader = JSON.stringify(join(root, 'dist', 'src', 'cli', 'code-cache.js'));
  const bundleOf = (id: string, value: string) => `${buildIdLine(id)}\nmodule.exports = { value: () => ${JSON.stringify(value)}, file: __filename };\n`;
  const run = (bundle: string, write: boolean) =>
    node(`import { loadWithCodeCache } from ${loader}; const b = loadWithCodeCache(${JSON.stringify(bundle)}, { writeCache: ${write} }); b.exports.value(); console.log(JSON.stringify({ value: b.exports.value(), cached: b.cached }));`);

  it('writes a cache on request and uses it on the next run', () => {
    const bundle = join(dir, 'a.cjs');
    writeFileSync(bundle, bundleOf('a'.repeat(32), 'first'));
    expect(JSON.parse(run(bundle, true).stdout)).toEqual({ value: 'first', cached: false });
    expect(existsSync(cacheFileOf(bundle))).toBe(true);
    expect(JSON.parse(run(bundle, false).stdout)).toEqual({ value: 'first', cached: true });
  });

  it('ignores the cache of another build, even when the source has the same length', () => {
    const bundle = join(dir, 'b.cjs');
    writeFileSync(bundle, bundleOf('b'.repeat(32), 'one'));
    run(bundle, true);
    const rebuilt = bundleOf('c'.repeat(32), 'two');
    expect(rebuilt.length).toBe(readFileSync(bundle, 'utf8').length);
    writeFileSync(bundle, rebuilt);
    expect(JSON.parse(run(bundle, false).stdout)).toEqual({ value: 'two', cached: false });
  });

  it('runs a bundle without a build id, and never writes a cache for it', () => {
    const bundle = join(dir, 'c.cjs');
    writeFileSync(bundle, 'module.exports = { value: () => "plain" };\n');
    expect(JSON.parse(run(bundle, true).stdout)).toEqual({ value: 'plain', cached: false });
    expect(existsSync(cacheFileOf(bundle))).toBe(false);
  });

  it('the build wrote a cache that this Node accepts for the CLI bundle', () => {
    const bundle = join(root, 'dist', 'aspalint.cjs');
    const r = node(`import { loadWithCodeCache } from ${loader}; console.log(loadWithCodeCache(${JSON.stringify(bundle)}).cached);`);
    expect(r.stdout.trim()).toBe('true');
  });

  it('loads in this process too', () => {
    const bundle = join(dir, 'd.cjs');
    writeFileSync(bundle, bundleOf('d'.repeat(32), 'here'));
    const loaded = loadWithCodeCache(bundle);
    expect((loaded.exports.value as () => string)()).toBe('here');
    expect(loaded.exports.file).toBe(bundle);
  });
});

describe('the bin entry', () => {
  it('is CommonJS: a draft on stdin is linted without a job of the ES-module loader (~6 ms of Node start-up)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-entry-'));
    const probe = join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(2, `esm-jobs ${process.moduleLoadList.some((m) => m.endsWith('esm/module_job'))}\\n`));\n");
    const r = spawnSync(process.execPath, ['-r', probe, bin, '-', '--format', 'json'], { cwd: dir, input: 'Hei Anna,\n\nkiitos viestistä. Paketti on matkalla ja se on perillä huomenna.\n\nTerveisin\nEeva\n', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).files[0].language).toBe('fi');
    expect(r.stderr).toContain('esm-jobs false');
  });
});

describe('early start: stdin read before the CLI loads', () => {
  const early = JSON.stringify(join(root, 'dist', 'early.cjs'));
  const echo = (limit: number) =>
    `import { createRequire } from 'node:module'; const { startEarly } = createRequire(import.meta.url)(${early});
     const s = startEarly(['-'], ${limit}); const chunks = []; for await (const c of s) chunks.push(c);
     process.stdout.write(Buffer.concat(chunks));`;

  it('hands over every byte, whether read at once or partly left to the stream', () => {
    const input = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `rivi ${i}: Hei, kiitos viestistä. Hej, tack för ditt meddelande!\n`).join(''));
    for (const limit of [10, 64 * 1024, 4 * 1024 * 1024]) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', echo(limit)], { cwd: root, input, maxBuffer: 64 * 1024 * 1024 });
      expect(r.status).toBe(0);
      expect(Buffer.compare(r.stdout, input)).toBe(0);
    }
  });

  it('gives the same report as reading the file, in both languages', () => {
    for (const file of ['fixtures/replies/email/fi-bad-paketti-kaannoslainat.txt', 'fixtures/clean/email/sv-paket-forsenat.txt']) {
      const viaStdin = spawnSync(process.execPath, [bin, '-', '--format', 'json'], { cwd: root, input: readFileSync(join(root, file)), encoding: 'utf8' });
      const viaFile = spawnSync(process.execPath, [bin, file, '--format', 'json'], { cwd: root, encoding: 'utf8' });
      const findings = (out: string) => (JSON.parse(out) as { files: { findings: unknown[] }[] }).files[0]!.findings;
      expect(findings(viaStdin.stdout)).toEqual(findings(viaFile.stdout));
    }
  });

  it('reads nothing for other commands, so they never wait on a terminal or a pipe', () => {
    const r = spawnSync(process.execPath, [bin, 'rules', '--format', 'json'], { cwd: root, input: 'not read', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).rules.length).toBeGreaterThan(20);
  });

  it('guesses the language from function words only when they decide it', () => {
    expect(languageHint('Hei Matti, kiitos viestistäsi. Tilauksesi on matkalla ja se on perillä huomenna.')).toBe('fi');
    expect(languageHint('Hej Anna, tack för ditt meddelande. Din beställning är på väg och den kommer i morgon.')).toBe('sv');
    expect(languageHint('OK 123')).toBeUndefined();
  });
});

describe('spellers loaded in a background thread', () => {
  it('Hunspell: the preloaded dictionary is the one getHunspell returns, and spells the same', async () => {
    resetHunspell();
    await preloadHunspell('sv_SE');
    const preloaded = getHunspell('sv_SE');
    resetHunspell();
    const loaded = getHunspell('sv_SE');
    if (!loaded) {
      expect(preloaded).toBeNull();
      return;
    }
    expect(preloaded).not.toBeNull();
    for (const word of ['beställning', 'leverans', 'bestälning', 'Kundservice']) expect(preloaded!.spell(word)).toBe(loaded.spell(word));
  });

  it('Voikko: the same, and a disabled component resolves at once with its reason', async () => {
    resetVoikko();
    await preloadVoikko();
    const preloaded = getVoikko();
    resetVoikko();
    expect(preloaded?.spell('tilauksesi') ?? null).toBe(getVoikko()?.spell('tilauksesi') ?? null);
    await withEnv('ASPALINT_NO_VOIKKO', '1', async () => {
      await preloadVoikko();
      expect(voikkoStatus().detail).toMatch(/ASPALINT_NO_VOIKKO/);
    });
    await withEnv('ASPALINT_NO_HUNSPELL', '1', async () => {
      await preloadHunspell('sv_SE');
      expect(hunspellStatus('sv_SE').detail).toMatch(/ASPALINT_NO_HUNSPELL/);
    });
  });

  it('linting while a dictionary loads gives the same result as linting after', async () => {
    const linter = createLinter({});
    const texts = [
      'Hej Anna,\n\nTack för ditt meddelande. Din bestälning har skickats och kommer fram på torsdag.\n\nVänliga hälsningar\nMaria\nKundservice',
      'Hei Matti,\n\nkiitos viestistä. Tilauksesi on lähetety ja se on perillä torstaina.\n\nYstävällisin terveisin\nLiisa',
    ];
    for (const text of texts) {
      const message = { path: 'draft.txt', text };
      let release!: () => void;
      const loaded = new Promise<void>((resolve) => (release = resolve));
      const pending = linter.lintWhenLoaded(message, 'hunspell', loaded);
      setTimeout(release, 20);
      const result = await pending;
      expect(result).toEqual(linter.lint(message));
      // The rule that waited did run: the misspelling is found.
      if (text.startsWith('Hej') && getHunspell('sv_SE')) expect(result.findings.map((f) => f.ruleId)).toContain('spelling/typo');
    }
  });
});

describe('stem keys computed by the build', () => {
  it('equal the keys computed now, for the morphology in use', () => {
    const tables = loadCatalogue().stemKeys!;
    for (const lang of ['fi', 'sv'] as const) {
      const id = lang === 'fi' ? (finnishMorphology()?.id ?? 'none') : 'none';
      const table = tables[lang]?.[id];
      expect(table, `${lang} ${id}`).toBeDefined();
      primeStemKeys({});
      resetStemMemo();
      for (const [word, key] of Object.entries(table!)) expect(stemKey(word, lang), word).toBe(key);
    }
    primeStemKeys(tables);
    resetStemMemo();
  });
});

describe('stem keys computed by the build, looked up safely', () => {
  it('a word named like an Object property gets a computed key, not the property', () => {
    for (const lang of ['fi', 'sv'] as const) {
      for (const word of ['constructor', 'tostring', '__proto__', 'valueof']) expect(typeof stemKey(word, lang), word).toBe('string');
    }
  });
});
