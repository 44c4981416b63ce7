// ESLint with typescript-eslint's recommended rules, without type information:
// the type-aware set took over two minutes on this project's 2-core machine
// (CI's budget for linting is a minute), and tsc already checks types (npm run typecheck).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      // Omitting properties by destructuring ({ files: _files, ...rest }) names the left-out ones with "_".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The input readers look for control characters on purpose: NUL bytes mark binary files,
      // C0 controls are stripped from mail text, and tests match ANSI colour escapes.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read JSON-RPC and HTTP responses whose shape is what they assert.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The bin entry is CommonJS (bin/package.json): Node starts it without its ES-module loader.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A userscript runs in the help desk's page, with the script manager's API.
    files: ['examples/userscript/**/*.js'],
    languageOptions: { globals: { ...globals.browser, GM_xmlhttpRequest: 'readonly' } },
  },
);
