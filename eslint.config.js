import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (docs/ARCHITECTURE.md): imports point one way.
 * core ← usecases ← (store implements ports) ← http / jobs / realtime / cli ← main; web sees contract and core only.
 */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

const outer = ['**/usecases/**', '**/store/**', '**/http/**', '**/jobs/**', '**/realtime/**', '**/cli/**', '**/main', '**/config'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', '.test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  layer(['src/core/**'], [...outer, '**/contract/**', 'node:*', 'fs', 'path', 'kysely', 'fastify', 'react'], 'core is pure: it imports nothing of ours and does no I/O.'),
  layer(['src/contract/**'], outer.concat(['**/core/**']), 'contract holds request and response schemas only.'),
  layer(['src/usecases/**'], ['**/store/**', '**/http/**', '**/jobs/**', '**/realtime/**', '**/cli/**', '**/main', 'kysely', 'fastify'], 'use cases reach persistence through ports, never store/ or HTTP.'),
  layer(['src/store/**'], ['**/http/**', '**/jobs/**', '**/realtime/**', '**/cli/**', '**/main'], 'store implements ports; it does not know who calls it.'),
  layer(['src/http/**', 'src/jobs/**', 'src/realtime/**'], ['**/store/**', '**/cli/**', '**/main'], 'delivery layers call use cases, not the store.'),
  layer(['src/cli/**'], ['**/store/**', '**/http/**', '**/jobs/**', '**/realtime/**'], 'the CLI calls use cases; it opens the store through the composition helpers only.'),
  layer(['web/src/**'], ['**/usecases/**', '**/store/**', '**/http/**', '**/jobs/**', '**/realtime/**', '**/cli/**', '**/main', 'node:*'], 'the web app imports contract/ and pure core/ only.'),
);
