// Tenant isolation: two tenants share one deployment and one database. Tenant B's data is made through
// the API with B's own tokens (and through the stores for what only the worker writes), then every route
// is called with tenant A's tokens, every role, and every id B owns in every path parameter, with bodies
// that succeed on A's own records. Nothing of B may change and no answer may mention B's records.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../api/src/demo/tenant/random';
import { operations, type Operation } from '../api/src/http/openapi';
import { createCollectionStore } from '../api/src/store/collection-store';
import { callApi } from './support/http';
import { sampleBody } from './support/route-samples';
import { startTestServer, type TestServer } from './support/server';
import { snapshotOfTenant } from './support/tenant-records';

const tenantA = Rng.derive(42, 'tenant').guid(); // the demo tenant of DEMO_SEED=42 (the default)
const tenantB = '0b0b0b0b-1111-4222-8333-444455556666';
const marker = 'TENANT-B-PRIVATE';

let server: TestServer;
/** Tokens of tenant A by persona, and tenant B's leader (who is also its admin). */
let tokensA: Record<'learner' | 'manager' | 'learningLeader' | 'admin', string>;
let tokenB: string;
/** Every id tenant B owns, by what it is. */
const idsB: Record<string, string[]> = {};
/** Ids tenant A owns, used for the positive control. */
const idsA: Record<string, string[]> = {};

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Tables every row of which carries a tenant id (all of them: a test below holds that). */
async function tenantTables(): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'tenant_id' order by table_name`.execute(
    server.composed.store.db,
  );
  return result.rows.map((row) => row.table_name);
}

/** A digest of tenant B's rows in every table: any insert, update or delete of B's data changes it. */
async function fingerprintOf(tenantId: string): Promise<string> {
  const parts: string[] = [];
  for (const table of await tenantTables()) {
    const rows = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h
      from ${sql.table(table)} t where tenant_id = ${tenantId}`.execute(server.composed.store.db);
    parts.push(`${table}:${rows.rows[0]?.n}:${rows.rows[0]?.h ?? ''}`);
  }
  return parts.join('\n');
}

/** A valid body for an operation; tenant B's free text carries the marker. */
function bodyFor(operation: Operation, owner: 'A' | 'B'): unknown {
  return sampleBody(operation, server.composed.demo!.tenant, owner === 'B' ? marker : 'A');
}

/** Every way to fill an operation's path parameters from `ids` (each parameter tries every id). */
function pathsFor(operation: Operation, ids: Record<string, string[]>): string[] {
  const params = operation.path.match(/:\w+/g) ?? [];
  const pool = [...new Set(Object.values(ids).flat())];
  let paths = [operation.path];
  for (const param of params)
    paths = paths.flatMap((path) => pool.map((id) => path.replace(param, encodeURIComponent(id))));
  return paths;
}

beforeAll(async () => {
  server = await startTestServer({
    WORKER_CONCURRENCY: '0',
    AAD_ALLOWED_TENANTS: `${tenantA},${tenantB}`,
    API_RATE_PER_USER: '100000',
    API_RATE_PER_TENANT: '1000000',
    // No worker: a queued run's progress stream would otherwise stay open for its full five minutes.
    EVENT_STREAM_MAX_SECONDS: '1',
  });
  const demo = server.composed.demo!;
  expect(demo.tenant.tenantId).toBe(tenantA);
  const personas = demo.tenant.personas;
  tokensA = {
    learner: await demo.identity.issueSsoToken(personas.learner),
    manager: await demo.identity.issueSsoToken(personas.manager),
    learningLeader: await demo.identity.issueSsoToken(personas.learningLeader),
    admin: await demo.identity.issueSsoToken(personas.admin),
  };
  // Tenant B's leader: a token signed by the same (simulated) Entra, for another tenant and user (the
  // simulator needs a directory user to start from; every claim that names them is overridden).
  tokenB = await demo.identity.issueSsoToken(personas.admin, {
    tid: tenantB,
    iss: `https://login.microsoftonline.com/${tenantB}/v2.0`,
    oid: randomUUID(),
    roles: ['LearningLeader', 'Admin'],
  });

  const initiativeOp = operations.find((op) => op.method === 'post' && op.path === '/api/initiatives')!;
  const madeB = await json<{ id: string }>(
    await call('POST', '/api/initiatives', tokenB, bodyFor(initiativeOp, 'B')),
    201,
  );
  idsB['initiative'] = [madeB.id];
  const madeA = await json<{ id: string }>(
    await call('POST', '/api/initiatives', tokensA.learningLeader, bodyFor(initiativeOp, 'A')),
    201,
  );
  idsA['initiative'] = [madeA.id];
  const runB = await json<{ id: string }>(
    await call('POST', '/api/collections', tokenB, { teamIds: [demo.tenant.sampleInitiative.targetTeamId] }),
    202,
  );
  idsB['run'] = [runB.id];
  // B's pulse wave with B's own answer, and B's KPI values.
  const opOf = (method: string, path: string): Operation =>
    operations.find((op) => op.method === method && op.path === path)!;
  const waveB = await json<{ id: string }>(
    await call(
      'POST',
      `/api/initiatives/${madeB.id}/pulse/waves`,
      tokenB,
      bodyFor(opOf('post', '/api/initiatives/:id/pulse/waves'), 'B'),
    ),
    201,
  );
  idsB['wave'] = [waveB.id];
  const answered = await call(
    'PUT',
    `/api/initiatives/${madeB.id}/pulse/waves/${waveB.id}/answer`,
    tokenB,
    bodyFor(opOf('put', '/api/initiatives/:id/pulse/waves/:waveId/answer'), 'B'),
  );
  expect(answered.status).toBe(200);
  // A change not finished yet is kept as a draft beside the counted answer.
  const drafted = await call('PUT', `/api/initiatives/${madeB.id}/pulse/waves/${waveB.id}/draft`, tokenB, {
    expectedHelp: 2,
  });
  expect(drafted.status).toBe(200);
  const valued = await call(
    'PUT',
    `/api/initiatives/${madeB.id}/kpis/k1/values`,
    tokenB,
    bodyFor(opOf('put', '/api/initiatives/:id/kpis/:kpiId/values'), 'B'),
  );
  expect(valued.status).toBe(200);
  idsB['kpi'] = ['k1'];
  // A snapshot of B, as the worker would have saved it.
  const snapshot = { ...snapshotOfTenant(demo.tenant), tenantId: tenantB };
  const saved = await createCollectionStore(server.composed.store.db).saveSnapshot({
    id: `snap-${randomUUID()}`,
    tenantId: tenantB,
    runId: runB.id,
    initiativeId: madeB.id,
    kind: 'baseline',
    dataAsOf: new Date(snapshot.dataAsOf),
    weeks: snapshot.weekStarts.length,
    summary: { note: marker },
    snapshot,
    frozen: true,
  });
  idsB['snapshot'] = [saved.id];
  idsB['user'] = [randomUUID()];
});
afterAll(async () => {
  await server?.close();
});

describe('tenant isolation', () => {
  it('gives every table a tenant id column', async () => {
    const all = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'
      order by table_name`.execute(server.composed.store.db);
    const withTenant = new Set(await tenantTables());
    expect(all.rows.map((row) => row.table_name).filter((name) => !withTenant.has(name))).toEqual([]);
  });

  it('has tenant B data to protect', async () => {
    const print = await fingerprintOf(tenantB);
    expect(print).toMatch(/initiative:1:/);
    expect(print).toMatch(/snapshot:1:/);
    // The collection run, and the wave's bot invitation and its one reminder.
    expect(print).toMatch(/job:3:/);
    expect(print).toMatch(/pulse_wave:1:/);
    expect(print).toMatch(/pulse_answer:1:/);
    expect(print).toMatch(/pulse_draft:1:/);
    expect(print).toMatch(/kpi_value_series:1:/);
  });

  it("positive control: the same calls on A's own records succeed, so the bodies are not the reason", async () => {
    const patched = await call(
      'PATCH',
      `/api/initiatives/${idsA['initiative']![0]}`,
      tokensA.learningLeader,
      bodyFor(
        operations.find((op) => op.method === 'patch' && op.path === '/api/initiatives/:id')!,
        'A',
      ),
    );
    expect(patched.status).toBe(200);
    const read = await call('GET', `/api/initiatives/${idsA['initiative']![0]}`, tokensA.learner);
    expect(read.status).toBe(200);
  });

  it('lists show tenant B only its own records', async () => {
    const listA = await (await call('GET', '/api/initiatives', tokensA.admin)).text();
    expect(listA).not.toContain(marker);
    const listB = await json<{ items: Array<{ id: string }> }>(
      await call('GET', '/api/initiatives', tokenB),
      200,
    );
    expect(listB.items.map((item) => item.id)).toEqual(idsB['initiative']);
    const snapshotsA = await (await call('GET', '/api/snapshots', tokensA.admin)).text();
    expect(snapshotsA).not.toContain(idsB['snapshot']![0]);
  });
  it(
    "never lets tenant A's tokens read or change tenant B's rows, whatever ids are passed",
    { timeout: 300_000 },
    async () => {
      const before = await fingerprintOf(tenantB);
      // KPI ids are names the leader picks ('k1' in A's design too), so they do not mark B's data.
      const secretIds = Object.entries(idsB).flatMap(([kind, list]) => (kind === 'kpi' ? [] : list));
      const leaks: string[] = [];
      let calls = 0;
      for (const operation of operations) {
        if (operation.public || operation.path === '/api/messages') continue;
        for (const [persona, token] of Object.entries(tokensA))
          for (const path of pathsFor(operation, idsB)) {
            const response = await call(operation.method.toUpperCase(), path, token, bodyFor(operation, 'A'));
            const text = await response.text();
            calls += 1;
            if (response.status >= 500)
              leaks.push(`${persona} ${operation.method} ${path}: ${response.status}`);
            if (text.includes(marker) || secretIds.some((id) => text.includes(id) && !path.includes(id)))
              leaks.push(`${persona} ${operation.method} ${path} mentions tenant B: ${text.slice(0, 200)}`);
            // Erasing a person is idempotent (200 with zero counts for someone A does not have); the
            // fingerprint below shows it touched nothing of B.
            const idempotent =
              operation.method === 'delete' && operation.path === '/api/admin/people/:userId';
            if (response.status < 300 && operation.path.includes(':') && !idempotent)
              leaks.push(`${persona} ${operation.method} ${path} answered ${response.status} for B's id`);
          }
      }
      expect(leaks).toEqual([]);
      expect(calls).toBeGreaterThan(50);
      expect(await fingerprintOf(tenantB)).toBe(before);
    },
  );
});
