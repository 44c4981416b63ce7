/**
 * The modules that hold the loaded spellers, as one module. The CLI bundles it
 * apart (dist/language-components.cjs, see scripts/bundle.ts) so that the
 * early start (cli/early.ts), which begins loading a speller before the main
 * bundle has loaded, and the linter share one copy of their state.
 */
export * from './voikko.js';
export * from './hunspell.js';
export * from './preload.js';
export * from './shared-native.js';
