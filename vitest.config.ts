import { defineConfig } from 'vitest/config';

// One run covers every workspace: unit tests beside code, integration and browser tests in tests/.
export default defineConfig({
  test: {
    include: ['{core,api,bot,tabs,scripts}/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
