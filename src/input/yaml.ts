import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

/**
 * The YAML parser for config files and macro collections, loaded on first use.
 * The CLI calls preloadYaml() first: through the dynamic import the bundler
 * carries the parser as one chunk, where loading the package's ~60 CommonJS
 * files costs ~30 ms of a cold run. Library callers that skip the preload get
 * it through require, the same parser.
 */
export function yaml(): YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}

export async function preloadYaml(): Promise<void> {
  if (lib) return;
  // A CommonJS package: its module.exports is the namespace's default, under Node and in the bundle alike.
  const mod = (await import('yaml')) as { default?: YamlLib };
  lib ??= mod.default ?? (mod as YamlLib);
}
