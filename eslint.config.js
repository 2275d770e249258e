// One lint setup for the whole repository. Beyond code quality it enforces the import
// direction of docs/architecture: model ← metrics ← widgets ← embeds/apps, model ← crm-core ←
// crm-salesforce/crm-zoho ← embeds/apps. A violation fails `pnpm lint`, and so CI.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const crmPackages = ['@kizuna/crm-core', '@kizuna/crm-core/*', '@kizuna/crm-salesforce', '@kizuna/crm-salesforce/*',
  '@kizuna/crm-zoho', '@kizuna/crm-zoho/*', '@kizuna/crm-sim', '@kizuna/crm-sim/*'];
const reactPackages = ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*', 'd3-selection'];
const ioModules = ['fs', 'fs/*', 'node:*', 'http', 'https', 'net', 'dgram', 'child_process', 'worker_threads',
  'msw', 'msw/*', 'undici', 'axios', 'jsforce'];
const ioGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage',
  'indexedDB', 'document', 'window', 'navigator', 'process', 'Request', 'Response'].map((name) => ({
  name,
  message: 'The model and the metrics core are pure: no I/O, no DOM, no environment. Take what you need as an argument.',
}));

// Both run in the browser bundles, whose size is budgeted (bench/ui-bundles).
const classicZod = { name: 'zod', message: "Import 'zod/mini': classic zod cannot be tree-shaken and costs ≈15 KB gzip in every bundle." };

const pureCore = {
  'no-restricted-imports': ['error', {
    paths: [classicZod],
    patterns: [
      { group: ['@stdlib/*'], message: 'stdlib costs ≈37 KB gzip in the browser: use stats/distributions (docs/decisions/0007).' },
      { group: reactPackages, message: 'The model and the metrics core must not import React or UI libraries.' },
      { group: crmPackages, message: 'The model and the metrics core must not import a CRM package.' },
      { group: ioModules, message: 'The model and the metrics core perform no I/O.' },
      { group: ['@kizuna/widgets', '@kizuna/embed-*', '@kizuna/sample-data'], message: 'Imports point one way: model ← metrics ← widgets.' },
    ],
  }],
  'no-restricted-globals': ['error', ...ioGlobals],
  'no-restricted-properties': ['error',
    { object: 'globalThis', property: 'fetch', message: 'The metrics core performs no I/O.' },
    { object: 'self', property: 'fetch', message: 'The metrics core performs no I/O.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/test-output/**', '**/public/mockServiceWorker.js', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'CRM text renders as text.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: Kizuna runs under a strict CSP.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: Kizuna runs under a strict CSP.' },
      ],
    },
  },
  { files: ['packages/model/src/**', 'packages/metrics/src/**'], ignores: ['**/*.test.ts'], rules: pureCore },
  {
    files: ['packages/widgets/src/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [classicZod],
        patterns: [
          { group: crmPackages, message: 'Widgets read through the CxDataSource from context and never import a CRM package.' },
          { group: ['@kizuna/sample-data', '@kizuna/embed-*'], message: 'Widgets must not import generators or hosts.' },
        ],
      }],
    },
  },
  {
    files: ['packages/crm-core/src/**', 'packages/crm-salesforce/src/**', 'packages/crm-zoho/src/**'],
    // Adapter tests run against the simulators over generated data; the adapters themselves never do.
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: reactPackages, message: 'Adapters are UI-free.' },
          { group: ['@kizuna/widgets', '@kizuna/embed-*', '@kizuna/crm-sim', '@kizuna/sample-data'], message: 'Adapters must not depend on widgets, hosts, simulators or generated data.' },
        ],
      }],
    },
  },
  {
    // Config files and the summary reporter are loaded by tools that expect a default export.
    files: ['*.config.ts', '*.config.js', 'tests/support/*Reporter.ts', 'apps/*/vite.config.ts', '.storybook/**', '**/*.stories.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
