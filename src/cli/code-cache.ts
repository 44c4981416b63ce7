import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads a CommonJS bundle through V8's code cache. A cold run of the CLI
 * otherwise spends ~45 ms of its ~230 compiling: the bundle's ~1.1 MB of
 * source, then each function on its first call. The build writes the cache
 * (scripts/bundle.ts) after linting sample replies, so it holds the compiled
 * code of a typical run.
 *
 * The bundle's first line is a build id ("// aspalint-build <32 hex>", new
 * on every build) and the cache file starts with the id of the bundle it was
 * made from: V8 itself checks only its version, its flags and the source's
 * length, and a cache of another bundle of the same length would run the
 * wrong code. (Hashing the bundle instead would cost ~5 ms a run.) A cache V8
 * rejects (another Node version) is ignored: the bundle compiles as it would
 * without one.
 */

const BUILD_ID = /^\/\/ aspalint-build ([0-9a-f]{32})\n/;
const ID_LENGTH = 32;

/** The first line of a bundle, naming its build (scripts/bundle.ts writes it). */
export function buildIdLine(id: string): string {
  return `// aspalint-build ${id}`;
}

export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** Whether compiled code came from the cache. */
  cached: boolean;
}

export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

/**
 * Runs the bundle and returns its exports. With `writeCache`, the cache is
 * (re)written when the process exits, with every function compiled by then.
 */
export function loadWithCodeCache(bundle: string, options: { writeCache?: boolean } = {}): LoadedBundle {
  const source = readFileSync(bundle, 'utf8');
  const id = BUILD_ID.exec(source)?.[1];
  const cacheFile = cacheFileOf(bundle);
  let cachedData: Buffer | undefined;
  try {
    const cache = id ? readFileSync(cacheFile) : undefined;
    if (cache && cache.subarray(0, ID_LENGTH).toString('latin1') === id) cachedData = cache.subarray(ID_LENGTH);
  } catch {
    // No cache (the build could not write one): compile as usual.
  }
  const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (options.writeCache && id) {
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
      renameSync(temp, cacheFile);
    });
  }
  return { exports: module.exports, cached: cachedData !== undefined && !script.cachedDataRejected };
}
