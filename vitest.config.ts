import { configDefaults, defineConfig } from 'vitest/config';

// Tests whose modules must be fresh for each file: a vi.mock factory only takes effect if the module it
// replaces has not been loaded yet in that worker.
const needsFreshModules = ['tabs/src/pages/ConfigPage/ConfigPage.test.tsx'];

const sharedModules = {
  exclude: [...configDefaults.exclude, ...needsFreshModules],
  isolate: false,
  setupFiles: ['./tests/support/per-file-reset.ts'],
};

// One run covers every workspace: unit tests beside code, integration and browser tests in tests/.
// Unit tests share each worker's module graph (isolate: false): loading React, Fluent, Express and
// Kysely once per worker rather than once per file takes minutes off the suite. A per-file setup
// (tests/support/per-file-reset.ts) undoes what a file could leave behind. Integration, browser and
// process tests in tests/ start servers, databases and browsers per file and stay isolated.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{core,api,bot}/src/**/*.test.ts'],
          ...sharedModules,
        },
      },
      {
        // The tab's tests in one jsdom per worker: switching environment between files costs as much as
        // the isolation saved.
        extends: true,
        test: {
          name: 'tab',
          include: ['tabs/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          ...sharedModules,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts', ...needsFreshModules],
        },
      },
    ],
  },
});
