// Scale-out as App Service runs it: two LearnFit server processes in production mode on one PostgreSQL
// database, behind a round-robin proxy with no sticky sessions. Microsoft's side is one Graph + Entra
// simulator both processes reach through the production transport (MICROSOFT_SIMULATOR_URL), so a
// token minted once is valid on either instance. A change made through one instance is seen at once
// through the other, and a collection run is worked on by exactly one of them and cancelled promptly
// from either.
import { collectionRunSchema, diagnosticsResponseSchema } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoInitiative } from '../api/src/demo/seed';
import { seedDemoSnapshot } from '../api/src/demo/seed-snapshot';
import { startStandaloneSimulator, type StandaloneSimulator } from '../api/src/demo/graph-sim/standalone';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { createCollectionStore } from '../api/src/store/collection-store';
import { openStore } from '../api/src/store/database';
import { createInitiativeStore } from '../api/src/store/initiative-store';
import { callApi } from './support/http';
import { createScratchDatabase, requirePostgres } from './support/postgres';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/round-robin-proxy';
import { productionEnv, startServerProcess, type ServerProcess } from './support/server-process';

const postgresRuns = await requirePostgres();
const scratch = postgresRuns ? await createScratchDatabase() : null;
let sim: StandaloneSimulator;
let servers: ServerProcess[] = [];
let proxy: RoundRobinProxy;
/** Microsoft's network as the instances see it: the simulator behind a proxy that can hold requests. */
let microsoft: RoundRobinProxy;
let leader: string;
let admin: string;
let initiativeId: string;

beforeAll(async () => {
  if (!scratch) return;
  sim = await startStandaloneSimulator({ people: 300, seed: 42, weeks: 6, port: 0, now: () => new Date() });
  const tenant = sim.tenant;
  // The database as a deployment has it after a while: migrated, one initiative with a baseline.
  const store = await openStore({ kind: 'postgres', url: scratch.url });
  try {
    initiativeId = await seedDemoInitiative(createInitiativeStore(store.db), tenant, new Date());
    await seedDemoSnapshot({
      store: createCollectionStore(store.db),
      tenant,
      initiativeId,
      pseudonymize: createPseudonymizer(productionEnv['PSEUDONYM_KEY']!, tenant.tenantId),
    });
  } finally {
    await store.close();
  }
  microsoft = await startRoundRobinProxy([new URL(sim.info.graphBaseUrl).origin]);
  const env = {
    ...productionEnv,
    // A test rig: production mode and code, Microsoft's hosts routed to the simulator.
    NODE_ENV: 'test',
    LEARNFIT_MODE: 'production',
    MICROSOFT_SIMULATOR_URL: microsoft.baseUrl,
    AAD_CLIENT_ID: sim.info.clientId,
    AAD_CLIENT_SECRET: sim.info.clientSecret,
    AAD_ALLOWED_TENANTS: tenant.tenantId,
    DATABASE_URL: scratch.url,
    WORKER_CONCURRENCY: '1',
    LOG_LEVEL: 'info',
  };
  servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  proxy = await startRoundRobinProxy(servers.map((server) => server.baseUrl));
  leader = await sim.identity.issueSsoToken(tenant.personas.learningLeader);
  admin = await sim.identity.issueSsoToken(tenant.personas.admin);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all(servers.map((server) => server.stop()));
  await microsoft?.close();
  await sim?.close();
  await scratch?.drop();
});

/** One request through the proxy, and which instance answered it. */
async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await callApi(proxy.baseUrl, method, path, token, body);
  return { response, instance: Number(response.headers.get('x-served-by')) };
}

async function diagnostics() {
  const { response, instance } = await call('GET', `/api/initiatives/${initiativeId}/diagnostics`, leader);
  expect(response.status).toBe(200);
  return { body: diagnosticsResponseSchema.parse(await response.json()), instance };
}

/** Polls `probe` every 50 ms until it returns something other than null. */
async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(postgresRuns)('two instances behind a round-robin proxy', () => {
  it('serves the same signed-in user from either instance', async () => {
    const answers = await Promise.all([0, 1, 2, 3].map(() => call('GET', '/api/me', leader)));
    const bodies = await Promise.all(answers.map(({ response }) => response.json()));
    expect(answers.map(({ response }) => response.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map(({ instance }) => instance))).toEqual(new Set([0, 1]));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
  });

  it('shows a design change made through one instance at once through the other', async () => {
    // Both instances have the diagnostics cached before the change.
    const warm = [await diagnostics(), await diagnostics()];
    expect(new Set(warm.map(({ instance }) => instance))).toEqual(new Set([0, 1]));
    for (let round = 1; round <= 6; round++) {
      const name = `Peer coaching, round ${round}`;
      const renamed = await call('PATCH', `/api/initiatives/${initiativeId}`, leader, { name });
      expect(renamed.response.status).toBe(200);
      const read = await diagnostics();
      expect(read.instance).not.toBe(renamed.instance);
      expect(read.body.initiative.name).toBe(name);
    }
  });

  it('applies privacy settings saved through one instance at once on the other', async () => {
    const before = await diagnostics();
    expect(before.body.k).toBe(5);
    const current = (await (await call('GET', '/api/admin/settings', admin)).response.json()) as Record<
      string,
      unknown
    >;
    const saved = await call('PUT', '/api/admin/settings', admin, {
      k: 8,
      retentionDays: current['retentionDays'],
      initiativeCreators: current['initiativeCreators'],
      nameManagersInParticipation: current['nameManagersInParticipation'],
    });
    expect(saved.response.status).toBe(200);
    const after = await diagnostics();
    expect(after.instance).not.toBe(saved.instance);
    expect(after.body.k).toBe(8);
  });

  it('runs a queued collection on exactly one instance and cancels it promptly from the other', async () => {
    // Graph goes quiet for the run, so it is still running, whatever the machine's speed, when the
    // cancel arrives; it is let through once the cancel has been accepted.
    microsoft.hold((path) => path.startsWith('/v1.0/') || path.startsWith('/beta/'));
    try {
      const queued = await call('POST', '/api/collections', leader, {
        teamIds: [sim.tenant.sampleInitiative.targetTeamId],
        weeks: 2,
      });
      expect(queued.response.status).toBe(202);
      const run = collectionRunSchema.parse(await queued.response.json());
      await until('the run to start', 20_000, async () => {
        const { response } = await call('GET', `/api/collections/${run.id}`, leader);
        return collectionRunSchema.parse(await response.json()).state === 'running' ? true : null;
      });
      const startedOn = (): number[] =>
        servers.flatMap((server, index) =>
          server.logs
            .filter((line) => line['msg'] === 'job started' && line['jobId'] === run.id)
            .map(() => index),
        );
      // Both workers keep polling meanwhile; the run stays with the one that claimed it.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(startedOn()).toHaveLength(1);
      const holder = servers[startedOn()[0]!]!;

      // Cancel through the other instance: the holder hears it over the process bus and gives the run
      // up at once, while its Graph call is still held, not at its next lease check 20 s later.
      const other = servers.find((server) => server !== holder)!;
      const cancelled = await callApi(other.baseUrl, 'DELETE', `/api/collections/${run.id}`, leader);
      expect(cancelled.status).toBe(204);
      const holderSaw = (prefix: string): true | null =>
        holder.logs.some((line) => line['jobId'] === run.id && String(line['msg']).startsWith(prefix)) ||
        null;
      await until('the holder to learn of the cancel', 8_000, () =>
        Promise.resolve(holderSaw('job lease lost')),
      );
      microsoft.release();
      await until('the holder to stop the run', 8_000, () => Promise.resolve(holderSaw('job abandoned')));
      const { response } = await call('GET', `/api/collections/${run.id}`, leader);
      expect(collectionRunSchema.parse(await response.json()).state).toBe('cancelled');
      expect(startedOn()).toHaveLength(1);
    } finally {
      microsoft.release();
    }
  });
});
