export { lintText, lintFiles, lintMessages, createLinter, type Linter, type LinterOptions } from './engine/linter.js';
export { lintMessage } from './engine/lint-message.js';
export { loadCatalogue, type Catalogue, type RuleMeta } from './engine/catalogue.js';
export { loadConfig, findConfig, ConfigError, type Config } from './engine/config.js';
export type * from './types.js';
