// Lint rules, including the layering rules: who may import whom is part of the architecture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'worker_threads',
  'node:worker_threads',
  'dgram',
  'node:dgram',
  'express',
  'pg',
  'kysely',
  '@electric-sql/pglite',
  'react',
  'react-dom',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tsbuild/**',
      '.data/**',
      'appPackage/build/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration only in api/src/config.ts.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // core is pure: no other workspace, no I/O, no process.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'core/ does no I/O.' })),
          patterns: [
            { group: ['@learnfit/*'], message: 'core/ imports no other workspace.' },
            { group: ['@microsoft/*', '@azure/*'], message: 'core/ talks to no service.' },
            {
              group: ['../../*/src/*', '**/api/src/**', '**/bot/src/**', '**/tabs/src/**'],
              message: 'core/ imports no other workspace.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core/ reads no environment.' },
        { name: 'fetch', message: 'core/ does no I/O.' },
      ],
    },
  },
  {
    // bot is mounted by the API but never imports it: it receives ports.
    files: ['bot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@learnfit/api', '@learnfit/api/*'],
              message: 'bot/ receives ports; it does not import the API.',
            },
            {
              group: ['**/api/src/**', '../../api/*'],
              message: 'bot/ receives ports; it does not import the API.',
            },
            { group: ['@learnfit/tabs', '**/tabs/src/**'], message: 'bot/ does not import the tab.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tabs/**/*.ts', 'tabs/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@learnfit/api', '@learnfit/bot', '**/api/src/**', '**/bot/src/**'],
              message: 'The tab talks to the API over HTTP only.',
            },
            { group: ['node:*'], message: 'The tab runs in a browser.' },
          ],
        },
      ],
    },
  },
  {
    // HTTP routes call services; they never reach adapters directly.
    files: ['api/src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/*', '**/graph/*', '**/demo/*'],
              message: 'Routes call services; adapters are wired in main.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The one place that reads the environment, plus tools and tests that set it up.
    files: [
      'api/src/config.ts',
      'scripts/**',
      'tests/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      'vitest.config.ts',
      'tabs/vite.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
