/**
 * Bundles the CLI and the lint worker, then writes the CLI's V8 code cache.
 *
 * - dist/aspalint.cjs: the CLI as one CommonJS file. CommonJS because Node 20
 *   can load a classic script with a code cache (node:vm) but not an ES
 *   module; the lazily used parts (HTML report, mail parsing, …) stay lazy
 *   inside it.
 * - dist/early.cjs, dist/code-cache.cjs: what bin/aspalint.js requires before
 *   the CLI (the early stdin read, the code-cache loader).
 * - dist/lint-worker.mjs: the worker-pool entry (its own thread, its own copy).
 * - dist/aspalint.cjs.cache: compiled code from linting sample replies the
 *   way users do (files to JSON, a Finnish and a Swedish draft on stdin), see
 *   src/cli/code-cache.ts. Skipped, with a note, if a sample run fails: the
 *   CLI works without it, only its cold start is slower.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { packageRoot } from '../src/engine/catalogue.js';
import { buildIdLine, cacheFileOf } from '../src/cli/code-cache.js';

const root = packageRoot();
const dist = join(root, 'dist');

/** Packages kept out of the bundles: native code, worker files, or big and used only by some inputs. */
const EXTERNAL = [
  'tinyld',
  'piscina',
  'mailparser',
  'html-to-text',
  'iconv-lite',
  'koffi',
  'diff',
  'playwright-core',
  // The servers' libraries: required only by `aspalint serve`, `mcp` and `lsp`.
  'hono',
  '@hono/node-server',
  '@modelcontextprotocol/sdk',
  'vscode-languageserver',
  'vscode-languageserver-textdocument',
  'zod',
];

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', external: EXTERNAL, logLevel: 'warning' };

// Output of the ES-module bundle this replaces.
rmSync(join(dist, 'chunks'), { recursive: true, force: true });
rmSync(join(dist, 'aspalint.mjs'), { force: true });
rmSync(join(dist, 'early.mjs'), { force: true });

const cli = join(dist, 'aspalint.cjs');
const cjs: BuildOptions = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** The speller modules resolve to the one shared bundle (text/language-components.ts). */
const SHARED = /[/\\]src[/\\]text[/\\](voikko|hunspell|preload|shared-native)\.js$/;
const shareLanguageComponents: Plugin = {
  name: 'share-language-components',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return SHARED.test(path) ? { path: './language-components.cjs', external: true } : undefined;
    });
  },
};
await build({ ...cjs, entryPoints: [join(dist, 'src', 'text', 'language-components.js')], outfile: join(dist, 'language-components.cjs') });
await build({ ...cjs, entryPoints: [join(dist, 'src', 'cli', 'early.js')], outfile: join(dist, 'early.cjs'), plugins: [shareLanguageComponents] });
// For bin/aspalint.js, which is CommonJS so that Node need not start its ES-module loader.
await build({ ...cjs, entryPoints: [join(dist, 'src', 'cli', 'code-cache.js')], outfile: join(dist, 'code-cache.cjs') });
await build({
  ...cjs,
  entryPoints: [join(dist, 'src', 'cli', 'main.js')],
  outfile: cli,
  plugins: [shareLanguageComponents],
  banner: { js: `${buildIdLine(randomBytes(16).toString('hex'))}\n${cjs.banner!.js}` },
});
if (/\bimport\(/.test(readFileSync(cli, 'utf8').replace(/\/\/.*$/gm, ''))) {
  throw new Error('dist/aspalint.cjs still has a dynamic import(): a script loaded through node:vm cannot run it');
}
await build({
  ...common,
  entryPoints: [join(dist, 'src', 'engine', 'lint-worker.js')],
  outfile: join(dist, 'lint-worker.mjs'),
  format: 'esm',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// The code cache: each sample run loads the cache so far and rewrites it with what it compiled.
rmSync(cacheFileOf(cli), { force: true });
const bin = join(root, 'bin', 'aspalint.js');
const samples: { args: string[]; input?: string }[] = [
  { args: ['fixtures/replies', 'fixtures/clean', '--format', 'json', '--jobs', '1'] },
  { args: ['-'], input: readFileSync(join(root, 'fixtures', 'clean', 'email', 'fi-saas-tuplaveloitus.txt'), 'utf8') },
  { args: ['-', '--format', 'json'], input: readFileSync(join(root, 'fixtures', 'clean', 'email', 'sv-paket-forsenat.txt'), 'utf8') },
];
for (const { args, input } of samples) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: input ?? '',
    env: { ...process.env, ASPALINT_WRITE_CODE_CACHE: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) {
    rmSync(cacheFileOf(cli), { force: true });
    console.warn(`bundle: no code cache (sample run "aspalint ${args.join(' ')}" exited ${run.status}: ${run.stderr.split('\n')[0]})`);
    break;
  }
}
