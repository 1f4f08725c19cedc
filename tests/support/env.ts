/** The environment the test suite reads; the only test file that touches process.env. */
export const testEnv = {
  /** The PostgreSQL server tests use: TEST_DATABASE_URL, else the local server. */
  databaseUrl: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  /** CI sets this so that a missing server fails the run instead of skipping. */
  postgresRequired: process.env['LEARNFIT_REQUIRE_POSTGRES'] === '1',
  /** UPDATE_DOCS_SCREENSHOTS=1: browser tests also write their screenshots to docs/images. */
  updateDocsScreenshots: process.env['UPDATE_DOCS_SCREENSHOTS'] === '1',
  /** What a server process spawned by a test inherits, and nothing else: where programs and home are. */
  childBase: {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    ...(process.env['HOME'] ? { HOME: process.env['HOME'] } : {}),
  } as Readonly<Record<string, string>>,
} as const;
