import { collectionRunSchema, problemSchema } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

// No worker in this process: these tests are about the HTTP contract; runs stay queued.
let server: TestServer;
let leaderToken: string;
let learnerToken: string;
let initiativeId: string;
let teamId: string;

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo;
  if (!demo) throw new Error('demo environment missing');
  leaderToken = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  learnerToken = await demo.identity.issueSsoToken(demo.tenant.personas.learner);
  teamId = demo.tenant.sampleInitiative.targetTeamId;
  // A new initiative: the demo's own already has its (seeded) baseline, and a baseline is taken once.
  const made = await call('POST', '/api/initiatives', leaderToken, {
    name: 'Collections over HTTP',
    design: {
      targetGroup: { kind: 'teams', ids: [teamId] },
      designTeam: { kind: 'people', ids: [demo.tenant.personas.learningLeader] },
    },
  });
  initiativeId = ((await made.json()) as { id: string }).id;
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

async function runCount(): Promise<number> {
  const response = await call('GET', '/api/collections', leaderToken);
  return ((await response.json()) as { items: unknown[] }).items.length;
}

describe('collection runs over HTTP', () => {
  it('queues a baseline for a learning leader and shows it with its progress', async () => {
    const response = await call('POST', '/api/collections', leaderToken, {
      initiativeId,
      teamIds: [teamId],
      weeks: 4,
      snapshotKind: 'baseline',
    });
    expect(response.status).toBe(202);
    const run = collectionRunSchema.parse(await response.json());
    expect(response.headers.get('location')).toBe(`/api/collections/${run.id}`);
    expect(run).toMatchObject({
      state: 'queued',
      snapshotKind: 'baseline',
      teams: 1,
      weeks: 4,
      progress: null,
    });
    expect(run.dataAsOf.endsWith('T00:00:00.000Z')).toBe(true);

    const read = collectionRunSchema.parse(
      await (await call('GET', `/api/collections/${run.id}`, leaderToken)).json(),
    );
    expect(read.id).toBe(run.id);
    // Pressing the button twice gives the same run, not a second baseline.
    const twice = collectionRunSchema.parse(
      await (
        await call('POST', '/api/collections', leaderToken, {
          initiativeId,
          teamIds: [teamId],
          weeks: 4,
          snapshotKind: 'baseline',
        })
      ).json(),
    );
    expect(twice.id).toBe(run.id);
  });

  it('refuses bad input with 400 and queues nothing', async () => {
    const before = await runCount();
    for (const body of [
      {},
      { teamIds: [] },
      { teamIds: ['not-a-guid'] },
      { teamIds: [teamId], weeks: 0 },
      { teamIds: [teamId], weeks: 27 },
      { teamIds: [teamId], snapshotKind: 'followup' },
      { teamIds: [teamId], surprise: true },
      { teamIds: [teamId], snapshotKind: 'baseline' },
    ])
      await expectProblem(await call('POST', '/api/collections', leaderToken, body), 400, 'bad_request');
    await expectProblem(
      await call('POST', '/api/collections', leaderToken, '{"teamIds":'),
      400,
      'malformed_json',
    );
    await expectProblem(
      await call('POST', '/api/collections', leaderToken, { teamIds: [teamId], initiativeId: 'nope' }),
      404,
      'not_found',
    );
    expect(await runCount()).toBe(before);
  });

  it('lets only learning leaders and admins see or start runs', async () => {
    const before = await runCount();
    await expectProblem(
      await call('POST', '/api/collections', learnerToken, { teamIds: [teamId] }),
      403,
      'forbidden',
    );
    await expectProblem(await call('GET', '/api/collections', learnerToken), 403, 'forbidden');
    await expectProblem(await call('GET', '/api/snapshots', learnerToken), 403, 'forbidden');
    expect(await runCount()).toBe(before);
  });

  it('cancels a queued run once, and answers 404 for runs it does not know', async () => {
    const started = collectionRunSchema.parse(
      await (await call('POST', '/api/collections', leaderToken, { teamIds: [teamId], weeks: 2 })).json(),
    );
    expect((await call('DELETE', `/api/collections/${started.id}`, leaderToken)).status).toBe(204);
    const cancelled = collectionRunSchema.parse(
      await (await call('GET', `/api/collections/${started.id}`, leaderToken)).json(),
    );
    expect(cancelled.state).toBe('cancelled');
    await expectProblem(await call('DELETE', `/api/collections/${started.id}`, leaderToken), 409, 'conflict');
    await expectProblem(await call('GET', '/api/collections/no-such-run', leaderToken), 404, 'not_found');
    const snapshots = (await (await call('GET', '/api/snapshots', leaderToken)).json()) as {
      items: Array<{ runId: string }>;
    };
    expect(snapshots.items.filter((snapshot) => snapshot.runId === started.id)).toEqual([]);
  });
});

describe('hardening', () => {
  it('serves the OpenAPI document without a token', async () => {
    const response = await fetch(`${server.baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/collections/{id}');
  });

  it('tags every answer with a request id and keeps a sane caller-supplied one', async () => {
    const own = await fetch(`${server.baseUrl}/healthz`, { headers: { 'X-Request-Id': 'trace-12345678' } });
    expect(own.headers.get('x-request-id')).toBe('trace-12345678');
    const hostile = await fetch(`${server.baseUrl}/healthz`, { headers: { 'X-Request-Id': '<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('limits requests per user with a 429 problem and Retry-After', async () => {
    const limited = await startTestServer({ WORKER_CONCURRENCY: '0', API_RATE_PER_USER: '3' });
    try {
      const demo = limited.composed.demo!;
      const token = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let n = 0; n < 4; n += 1) {
        last = await fetch(`${limited.baseUrl}/api/initiatives`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(problemSchema.parse(await last!.json()).code).toBe('rate_limited');
      // Another person of the same tenant is not held back by the first one's limit.
      const other = await demo.identity.issueSsoToken(demo.tenant.personas.admin);
      const response = await fetch(`${limited.baseUrl}/api/initiatives`, {
        headers: { Authorization: `Bearer ${other}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses a second baseline for an initiative that has one (the demo seed is one)', async () => {
    const list = (await (await call('GET', '/api/initiatives', leaderToken)).json()) as {
      items: Array<{ id: string; name: string }>;
    };
    const seeded = list.items.find((item) => item.id !== initiativeId)!;
    await expectProblem(
      await call('POST', '/api/collections', leaderToken, {
        initiativeId: seeded.id,
        teamIds: [teamId],
        snapshotKind: 'baseline',
      }),
      409,
      'conflict',
    );
  });
});
