import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnv } from './env';

/** The PostgreSQL server tests use. */
export const testDatabaseUrl = testEnv.databaseUrl;

/** Whether a missing server fails the run (CI) instead of skipping. */
export const postgresRequired = testEnv.postgresRequired;

/** Whether a PostgreSQL server answers at the test URL. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Decides once whether PostgreSQL tests run; says so loudly when they cannot. */
export async function requirePostgres(): Promise<boolean> {
  const available = await postgresAvailable();
  if (!available && postgresRequired) {
    throw new Error(
      `PostgreSQL is required (LEARNFIT_REQUIRE_POSTGRES=1) but ${testDatabaseUrl} does not answer.`,
    );
  }
  if (!available) {
    process.stderr.write(
      `\n*** PostgreSQL tests SKIPPED: no server at ${testDatabaseUrl}. Set TEST_DATABASE_URL or start PostgreSQL. ***\n\n`,
    );
  }
  return available;
}

/** Creates an empty database for one test file and returns its URL and a function that drops it once unused. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `learnfit_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        // pg's Pool.end() resolves before its sockets close; a forced drop would kill them mid-goodbye,
        // which surfaces as an uncaught error in the test process. Give them a moment to leave.
        for (let tries = 0; tries < 200; tries += 1) {
          const { rows } = await client.query<{ sessions: number }>(
            'select count(*)::int as sessions from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0]?.sessions === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
