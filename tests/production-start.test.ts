// Production mode as an admin meets it: real server processes with NODE_ENV=production refuse unsafe
// settings before touching anything, start cleanly with a complete configuration, and several instances
// starting together on an empty PostgreSQL database apply each migration exactly once.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../api/src/store/migrations/index';
import { createScratchDatabase, requirePostgres } from './support/postgres';
import {
  productionEnv,
  runUntilExit,
  startServerProcess,
  type ServerProcess,
} from './support/server-process';

const postgresRuns = await requirePostgres();
const fresh = postgresRuns ? await createScratchDatabase() : null;
const untouched = postgresRuns ? await createScratchDatabase() : null;
const running: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  await fresh?.drop();
  await untouched?.drop();
});

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(postgresRuns)('NODE_ENV=production', () => {
  it('refuses unsafe settings with a message naming each, and writes nothing', async () => {
    const complete = { ...productionEnv, DATABASE_URL: untouched!.url };
    const cases: Array<{ change: Record<string, string | undefined>; says: RegExp[] }> = [
      { change: { LEARNFIT_MODE: 'demo' }, says: [/LEARNFIT_MODE=demo is not allowed/] },
      {
        change: { AAD_CLIENT_SECRET: undefined, BOT_PASSWORD: undefined, PSEUDONYM_KEY: undefined },
        says: [/AAD_CLIENT_SECRET is required/, /BOT_PASSWORD is required/, /PSEUDONYM_KEY/],
      },
      { change: { HOST_EMULATOR: 'on' }, says: [/HOST_EMULATOR=on is not allowed/] },
      { change: { MICROSOFT_SIMULATOR_URL: 'http://127.0.0.1:4100' }, says: [/MICROSOFT_SIMULATOR_URL/] },
      {
        change: { BOT_DANGEROUSLY_ACCEPT_UNSIGNED_ACTIVITIES: 'true' },
        says: [/BOT_DANGEROUSLY_ACCEPT_UNSIGNED_ACTIVITIES=true is not allowed/],
      },
      { change: { K_THRESHOLD: '3' }, says: [/K_THRESHOLD must be at least 5/] },
      { change: { DEMO_PEOPLE: '500' }, says: [/DEMO_PEOPLE: demo settings are not allowed/] },
    ];
    const outcomes = await Promise.all(
      cases.map(({ change }) => {
        const env: Record<string, string> = { ...complete };
        for (const [key, value] of Object.entries(change)) {
          if (value === undefined) delete env[key];
          else env[key] = value;
        }
        return runUntilExit(env);
      }),
    );
    outcomes.forEach((outcome, i) => {
      expect(outcome.code, JSON.stringify(cases[i]?.change)).toBe(1);
      for (const pattern of cases[i]?.says ?? []) expect(outcome.stderr).toMatch(pattern);
      // Refused before anything listens or logs a start.
      expect(outcome.stdout).not.toContain('LearnFit started');
    });
    const tables = await query<{ n: number }>(
      untouched!.url,
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    expect(tables[0]?.n).toBe(0);
  });

  it('starts three instances at once on an empty database; each migration runs once', async () => {
    const env = { ...productionEnv, DATABASE_URL: fresh!.url };
    const servers = await Promise.all([1, 2, 3].map(() => startServerProcess(env)));
    running.push(...servers);
    const names = Object.keys(await migrationProvider.getMigrations()).sort();
    const applied = await query<{ name: string }>(
      fresh!.url,
      'select name from kysely_migration order by name',
    );
    expect(applied.map((row) => row.name)).toEqual(names);
    // The lock made the others wait: together the three applied the list once, not three times.
    const total = servers.reduce((sum, server) => sum + Number(server.started['migrationsApplied']), 0);
    expect(total).toBe(names.length);
    for (const server of servers) {
      expect(server.started).toMatchObject({
        mode: 'production',
        nodeEnv: 'production',
        database: 'postgres',
      });
    }
  });

  it('serves a production instance: no emulator, no unsigned bot activities, tokens required', async () => {
    const server = running[0]!;
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/dev/host`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/me`)).status).toBe(401);
    const activity = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'help', channelId: 'msteams', serviceUrl: 'http://x/' }),
    });
    expect(activity.status).toBe(401);
    const page = await fetch(`${server.baseUrl}/`, { redirect: 'manual' });
    expect(page.headers.get('location')).toBe('/tab/');
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const codes = await Promise.all(running.splice(0).map((server) => server.stop()));
    expect(codes).toEqual([0, 0, 0]);
  });
});
