import { defineConfig } from 'vitest/config';

/**
 * One Vitest run covers the whole repository. Projects split only by environment:
 * pure packages in Node, React widgets in jsdom, end-to-end suites (real HTTP, Chromium) serially.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summaryLineReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['packages/*/src/**/*.test.tsx', 'apps/*/src/**/*.test.tsx'],
          // Widget messages load on demand per language and area; tests get them all up front.
          setupFiles: ['packages/widgets/src/testing/preloadMessages.ts'],
        },
      },
      {
        test: {
          // Every story through Storybook's preview, over the simulated CRM (msw/node), with axe.
          name: 'stories',
          environment: 'jsdom',
          include: ['tests/stories/**/*.test.tsx'],
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
