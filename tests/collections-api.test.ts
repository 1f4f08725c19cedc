import { collectionRunSchema, problemSchema } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';

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
  const list = (await (await call('GET', '/api/initiatives', leaderToken)).json()) as {
    items: Array<{ id: string }>;
  };
  initiativeId = list.items[0]!.id;
});
afterAll(async () => {
  await server?.close();
});

function call(method: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

async function expectProblem(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(problemSchema.parse(await response.json()).code).toBe(code);
}

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
      items: unknown[];
    };
    expect(snapshots.items).toEqual([]);
  });
});
