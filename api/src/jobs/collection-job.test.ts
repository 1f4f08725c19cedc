import { buildCollaborationSnapshot, type CollaborationSnapshot } from '@learnfit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorTransport, startTestSimulator, type TestSimulator } from '../demo/graph-sim/test-harness';
import { truthSources } from '../demo/tenant-records';
import { generateTenant } from '../demo/tenant/generate';
import { createGraphClient } from '../graph/graph-client';
import { createRateGovernor } from '../graph/pacing/governor';
import type { FetchLike } from '../graph/transport';
import { createPseudonymizer } from '../identity/pseudonym';
import { createCollectionStore } from '../store/collection-store';
import { openStore, type Store } from '../store/database';
import {
  collectionKind,
  createCollectionHandler,
  estimateSecondsLeft,
  type CollectionPayload,
} from './collection-job';
import { createJobQueue, type JobProgress, type JobQueue } from './queue';
import { startWorker, type Worker } from './worker';

const asOf = new Date('2026-11-30T00:00:00Z');
const key = 'test-pseudonym-key-of-32-characters!';
/** Virtual milliseconds per real millisecond, shared by simulator, governor and queue. */
const speed = 500;

let sim: TestSimulator | null = null;
let store: Store | null = null;
let worker: Worker | null = null;
afterEach(async () => {
  await worker?.stop();
  await store?.close();
  await sim?.close();
  worker = null;
  store = null;
  sim = null;
});

async function setUp(token = 'app') {
  const tenant = generateTenant({ seed: 7, people: 50, weeks: 4, asOf });
  const realStart = performance.now();
  const nowMs = (): number => asOf.getTime() + (performance.now() - realStart) * speed;
  const now = (): Date => new Date(nowMs());
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / speed)));
  sim = await startTestSimulator(tenant, { now, throttling: {}, downloadTtlMs: 3_600_000 });
  let requests = 0;
  const counting: FetchLike = (input, init) => {
    requests += 1;
    return fetch(input, { ...init, redirect: 'manual' });
  };
  const client = createGraphClient({
    fetch: simulatorTransport(sim.base, counting),
    accessToken: () => Promise.resolve(token),
    maxRetries: 0,
  });
  store = await openStore({ kind: 'pglite', dataDir: null });
  const queue = createJobQueue(store.db, now);
  const collections = createCollectionStore(store.db, now);
  const progress: JobProgress[] = [];
  const recording: JobQueue = {
    ...queue,
    reportProgress: async (job, value) => {
      progress.push(value);
      await queue.reportProgress(job, value);
    },
  };
  const governor = createRateGovernor({ now: nowMs, sleep });
  const handler = createCollectionHandler({
    queue: recording,
    store: collections,
    clientFor: () => client,
    governorFor: () => governor,
    pseudonymizerFor: (tenantId) => createPseudonymizer(key, tenantId),
    now,
    progressIntervalMs: 0,
  });
  /** Runs one collection through a worker, as the server does, and waits for it to end. */
  const run = async (body: CollectionPayload) => {
    worker ??= startWorker(recording, {
      workerId: 'w1',
      handlers: { [collectionKind]: handler },
      pollMs: 20,
    });
    const job = await recording.enqueue({ tenantId: tenant.tenantId, kind: collectionKind, payload: body });
    return waitFor(recording, tenant.tenantId, job.id);
  };
  return { tenant, queue: recording, collections, handler, progress, requests: () => requests, run };
}

async function waitFor(queue: JobQueue, tenantId: string, id: string) {
  for (let tries = 0; tries < 600; tries += 1) {
    const job = await queue.get(tenantId, id);
    if (job && ['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

function payload(tenantTeams: string[], kind: CollectionPayload['snapshotKind']): CollectionPayload {
  return {
    snapshotKind: kind,
    initiativeId: 'initiative-1',
    teamIds: tenantTeams,
    groupIds: [],
    weeks: 4,
    dataAsOf: asOf.toISOString(),
    followUpWeeks: kind === 'baseline' ? [4, 8, 12] : [],
  };
}

describe('collection runs as jobs', () => {
  it('collects a baseline into a frozen, pseudonymous snapshot equal to the ground truth and schedules follow-ups', async () => {
    const setup = await setUp();
    const { tenant, queue, collections } = setup;
    const done = await setup.run(
      payload(
        tenant.teams.map((team) => team.id),
        'baseline',
      ),
    );
    expect(done.error).toBeNull();
    expect(done.state).toBe('succeeded');
    const result = done.result as {
      snapshotId: string;
      followUpRunIds: string[];
      people: number;
      throttled: number;
    };
    expect(result.people).toBe(tenant.users.length);

    const stored = await collections.loadSnapshot(tenant.tenantId, result.snapshotId);
    const expected: CollaborationSnapshot = buildCollaborationSnapshot({
      ...truthSources(tenant),
      pseudonymize: createPseudonymizer(key, tenant.tenantId),
    });
    expect(stored).toEqual(expected);
    // Keys are pseudonyms, not Entra ids.
    const ids = new Set(tenant.users.map((user) => user.id));
    expect(stored?.people.some((person) => ids.has(person.key))).toBe(false);

    const [info] = await collections.listSnapshots(tenant.tenantId, 'initiative-1');
    expect(info).toMatchObject({ kind: 'baseline', frozen: true, people: tenant.users.length });

    // Progress went through the phases with a total and an estimate once the channels were known.
    const phases = [...new Set(setup.progress.map((entry) => entry.phase))];
    expect(phases.slice(0, 3)).toEqual(['directory', 'teams', 'messages']);
    expect(phases).toContain('snapshot');
    const withTotal = setup.progress.filter((entry) => entry.total !== null);
    expect(withTotal.length).toBeGreaterThan(5);
    expect(withTotal.every((entry) => entry.done <= (entry.total ?? 0))).toBe(true);
    expect(withTotal.some((entry) => (entry.etaSeconds ?? 0) > 0)).toBe(true);

    // Follow-ups at 4, 8 and 12 weeks, queued for their dates.
    expect(result.followUpRunIds).toHaveLength(3);
    const followUps = await Promise.all(result.followUpRunIds.map((id) => queue.get(tenant.tenantId, id)));
    expect(followUps.map((entry) => entry?.runAfter.toISOString())).toEqual([
      '2026-12-28T00:00:00.000Z',
      '2027-01-25T00:00:00.000Z',
      '2027-02-22T00:00:00.000Z',
    ]);
    expect(followUps.every((entry) => entry?.state === 'queued')).toBe(true);
    expect(followUps.map((entry) => (entry?.payload as CollectionPayload).snapshotKind)).toEqual([
      'followup',
      'followup',
      'followup',
    ]);
  });

  it('finishing a run again after its snapshot was saved reads nothing from Graph and schedules nothing twice', async () => {
    const setup = await setUp();
    const { tenant, queue } = setup;
    const job = await queue.enqueue({
      tenantId: tenant.tenantId,
      kind: collectionKind,
      payload: payload([tenant.teams[0]!.id], 'baseline'),
    });
    const claimed = await queue.claim('w1', [collectionKind], 60_000);
    if (!claimed) throw new Error('nothing claimed');
    const context = {
      job: claimed,
      signal: new AbortController().signal,
      progress: (value: JobProgress) => queue.reportProgress(claimed, value),
    };
    const first = (await setup.handler(context)) as { snapshotId: string; followUpRunIds: string[] };
    const requests = setup.requests();
    // The process died before marking the job succeeded: the handler runs again for the same job.
    const second = (await setup.handler(context)) as { snapshotId: string; followUpRunIds: string[] };
    expect(setup.requests()).toBe(requests);
    expect(second.snapshotId).toBe(first.snapshotId);
    expect(second.followUpRunIds).toEqual(first.followUpRunIds);
    expect((await queue.list(tenant.tenantId)).length).toBe(1 + 3);
    expect(job.id).toBe(claimed.id);
  });
});

describe('target groups and consent', () => {
  it('records the target group from teams and nested groups as pseudonymous keys', async () => {
    const setup = await setUp();
    const { tenant, collections } = setup;
    const team = tenant.teams[0]!;
    // Transitive members, computed from the tenant model independently of the simulator.
    const byId = new Map(tenant.groups.map((group) => [group.id, group]));
    const transitive = (id: string, into = new Set<string>()): Set<string> => {
      const group = byId.get(id);
      group?.memberIds.forEach((member) => into.add(member));
      group?.memberGroupIds.forEach((child) => transitive(child, into));
      return into;
    };
    const nested = tenant.groups
      .filter((group) => group.kind === 'security' && group.memberGroupIds.length > 0)
      .sort((a, b) => transitive(b.id).size - transitive(a.id).size)[0];
    if (!nested) throw new Error('the demo tenant has no nested security group');
    const members = transitive(nested.id, new Set(team.memberIds));
    expect(members.size).toBeGreaterThan(team.memberIds.length);
    expect(transitive(nested.id).size).toBeGreaterThan(nested.memberIds.length);
    const done = await setup.run({ ...payload([team.id], 'adhoc'), groupIds: [nested.id] });
    expect(done.state).toBe('succeeded');
    const pseudonym = createPseudonymizer(key, tenant.tenantId);
    const [info] = await collections.listSnapshots(tenant.tenantId);
    expect((info?.summary as { targetGroupKeys: string[] }).targetGroupKeys).toEqual(
      [...members].map(pseudonym).sort(),
    );
  });

  it('fails at once, naming the permission, when the directory cannot be read', async () => {
    const setup = await setUp('app:Reports.Read.All');
    const { tenant } = setup;
    const done = await setup.run(payload([tenant.teams[0]!.id], 'adhoc'));
    expect(done.state).toBe('failed');
    expect(done.attempts).toBe(1);
    expect(done.error).toContain('User.Read.All');
  });
});

describe('estimateSecondsLeft', () => {
  it('takes the larger of the pace so far and the report quota', () => {
    expect(
      estimateSecondsLeft({ phase: 'teams', done: 1, total: null, reportDaysLeft: 140, waiting: null }, 1000),
    ).toBeNull();
    // 10 of 20 done in 10 s: 10 s left by pace; 140 report days = 28 per report = 1 more window of 605 s.
    expect(
      estimateSecondsLeft(
        { phase: 'messages', done: 10, total: 20, reportDaysLeft: 140, waiting: null },
        10_000,
      ),
    ).toBe(605);
    expect(
      estimateSecondsLeft(
        { phase: 'messages', done: 10, total: 20, reportDaysLeft: 0, waiting: null },
        10_000,
      ),
    ).toBe(10);
  });
});
