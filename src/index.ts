export { lintText, lintFiles, lintMessages, createLinter, type Linter, type LinterOptions } from './engine/linter.js';
export { lintMessage } from './engine/lint-message.js';
export { loadCatalogue, type Catalogue, type RuleMeta } from './engine/catalogue.js';
export { loadConfig, findConfig, ConfigError, type Config } from './engine/config.js';
export type * from './types.js';
export type { Check, CheckContext, RuleContext } from './checks/types.js';
export { loadPlugin, pluginNamespace, type PluginModule, type PluginCheck, type LoadedPlugin, type Formatter, type FormatterContext, type FormatterInput } from './engine/plugins.js';
export { testRules, exampleCases, runRule, type ExampleCase, type TestFramework } from './engine/rule-tester.js';
export { LintService, type Draft, type FixOutcome } from './server/service.js';
