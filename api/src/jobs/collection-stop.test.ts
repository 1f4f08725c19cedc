import { buildCollaborationSnapshot } from '@learnfit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorTransport, startTestSimulator, type TestSimulator } from '../demo/graph-sim/test-harness';
import { truthSources } from '../demo/tenant-records';
import { generateTenant } from '../demo/tenant/generate';
import { createGraphClient } from '../graph/graph-client';
import { abortableSleep } from '../graph/pacing/abort';
import { createRateGovernor, type QuotaLedger } from '../graph/pacing/governor';
import type { FetchLike } from '../graph/transport';
import { createPseudonymizer } from '../identity/pseudonym';
import { createCollectionService } from '../services/collection-service';
import type { InitiativeStore } from '../services/ports';
import { createCollectionStore } from '../store/collection-store';
import { openStore, type Store } from '../store/database';
import {
  collectionKind,
  createCollectionHandler,
  type CollectionJobProgress,
  type CollectionPayload,
} from './collection-job';
import { createJobQueue, type JobQueue } from './queue';
import { startWorker, type JobHandler, type Worker } from './worker';

// Cancelling a run, or stopping its worker, while the run waits on Microsoft 365's report quota: the
// wait ends at once, and a stopped run is resumed later by another worker from its checkpoint.
const asOf = new Date('2026-11-30T00:00:00Z');
const key = 'test-pseudonym-key-of-32-characters!';
/** Virtual milliseconds per real one: a quota held for a day would keep the run waiting 173 s. */
const speed = 500;
const dayMs = 86_400_000;

let sim: TestSimulator | null = null;
let store: Store | null = null;
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await store?.close();
  await sim?.close();
  store = null;
  sim = null;
});

/** The report quota shared through a ledger, which another process can hold (`heldUntil`). */
function memoryLedger(): QuotaLedger & { heldUntil: number } {
  const uses = new Map<string, number[]>();
  const ledger = {
    heldUntil: 0,
    take(lane: string, limit: number, windowMs: number, at: number): Promise<number> {
      if (at < ledger.heldUntil) return Promise.resolve(ledger.heldUntil - at);
      const inWindow = (uses.get(lane) ?? []).filter((used) => used > at - windowMs);
      uses.set(lane, inWindow);
      if (inWindow.length < limit) {
        inWindow.push(at);
        return Promise.resolve(0);
      }
      return Promise.resolve(inWindow[inWindow.length - limit]! + windowMs - at);
    },
  };
  return ledger;
}

async function setUp() {
  const tenant = generateTenant({ seed: 7, people: 50, weeks: 4, asOf });
  const realStart = performance.now();
  const nowMs = (): number => asOf.getTime() + (performance.now() - realStart) * speed;
  const now = (): Date => new Date(nowMs());
  sim = await startTestSimulator(tenant, { now, throttling: {}, downloadTtlMs: 3_600_000 });
  const urls: string[] = [];
  const recording: FetchLike = (input, init) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return fetch(input, { ...init, redirect: 'manual' });
  };
  const client = createGraphClient({
    fetch: simulatorTransport(sim.base, recording),
    accessToken: () => Promise.resolve('app'),
    maxRetries: 0,
  });
  store = await openStore({ kind: 'pglite', dataDir: null });
  const queue = createJobQueue(store.db, now);
  const collections = createCollectionStore(store.db, now);
  const ledger = memoryLedger();
  const governor = createRateGovernor({
    now: nowMs,
    sleep: (ms, signal) => abortableSleep(Math.ceil(ms / speed), signal),
    ledger,
  });
  const collect = createCollectionHandler({
    queue,
    store: collections,
    clientFor: () => client,
    governorFor: () => governor,
    pseudonymizerFor: (tenantId) => createPseudonymizer(key, tenantId),
    now,
    progressIntervalMs: 0,
  });
  // When each handler call returned, in real time.
  const returned: number[] = [];
  const handler: JobHandler = (ctx) => collect(ctx).finally(() => returned.push(performance.now()));
  const start = (workerId: string): Worker => {
    const worker = startWorker(queue, { workerId, handlers: { [collectionKind]: handler }, pollMs: 20 });
    workers.push(worker);
    return worker;
  };
  const service = createCollectionService({
    queue,
    store: collections,
    initiatives: {} as InitiativeStore,
    now,
    poke: () => workers.forEach((worker) => worker.poke()),
  });
  const payload: CollectionPayload = {
    snapshotKind: 'adhoc',
    initiativeId: null,
    teamIds: tenant.teams.map((team) => team.id),
    groupIds: [],
    weeks: 4,
    dataAsOf: asOf.toISOString(),
    followUpWeeks: [],
  };
  const job = await queue.enqueue({ tenantId: tenant.tenantId, kind: collectionKind, payload });
  const leader = {
    tenantId: tenant.tenantId,
    userId: 'leader',
    name: null,
    preferredUsername: null,
    roles: ['LearningLeader'],
    token: 'sso',
  };
  return { tenant, queue, collections, ledger, nowMs, urls, returned, start, service, leader, job };
}

/** Polls the job until `probe` accepts it. */
async function until(
  queue: JobQueue,
  tenantId: string,
  id: string,
  probe: (state: string, progress: CollectionJobProgress | null) => boolean,
) {
  for (let tries = 0; tries < 1000; tries += 1) {
    const job = await queue.get(tenantId, id);
    if (job && probe(job.state, job.progress as CollectionJobProgress | null)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} never got there`);
}

const waitingOnQuota = (state: string, progress: CollectionJobProgress | null): boolean =>
  state === 'running' && progress?.waitingFor === 'reportQuota';

describe('a collection waiting on the report quota', () => {
  it('says so in its progress, and ends as cancelled within a second of the cancel, having stored nothing', async () => {
    const setup = await setUp();
    const { tenant, job } = setup;
    // Another process holds the report quota for a day.
    setup.ledger.heldUntil = setup.nowMs() + 60_000 + dayMs;
    setup.start('w1');
    const waiting = await until(setup.queue, tenant.tenantId, job.id, waitingOnQuota);
    const progress = waiting.progress as CollectionJobProgress;
    expect(progress.phase).toBe('reports');
    expect(Date.parse(progress.waitingUntil ?? '')).toBeCloseTo(setup.ledger.heldUntil, -4);
    // The time left is the wait plus the work after it, not what the pace of the steps alone says.
    expect(progress.etaSeconds).not.toBeNull();

    const cancelledAt = performance.now();
    await setup.service.cancel(setup.leader, job.id);
    await until(setup.queue, tenant.tenantId, job.id, () => setup.returned.length > 0);
    expect((setup.returned[0] ?? Infinity) - cancelledAt).toBeLessThan(1000);
    const done = await setup.queue.get(tenant.tenantId, job.id);
    expect(done).toMatchObject({ state: 'cancelled', error: null, result: null });
    expect(await setup.collections.listSnapshots(tenant.tenantId)).toEqual([]);
  });

  it('lets its worker stop within a second, and another worker later resumes it to the same snapshot', async () => {
    const setup = await setUp();
    const { tenant, job } = setup;
    setup.ledger.heldUntil = setup.nowMs() + 60_000 + dayMs;
    const first = setup.start('w1');
    await until(setup.queue, tenant.tenantId, job.id, waitingOnQuota);
    const stopping = performance.now();
    await first.stop();
    expect(performance.now() - stopping).toBeLessThan(1000);
    // Not failed: the job keeps its lease until it expires, with no error and one attempt.
    expect(await setup.queue.get(tenant.tenantId, job.id)).toMatchObject({
      state: 'running',
      attempts: 1,
      error: null,
    });

    // The quota frees; a second worker takes the job over once the lease ran out and resumes it.
    setup.ledger.heldUntil = 0;
    const before = setup.urls.length;
    setup.start('w2');
    const done = await until(setup.queue, tenant.tenantId, job.id, (state) => state !== 'running');
    expect(done).toMatchObject({ state: 'succeeded', attempts: 2 });
    // It resumed from the checkpoint: the directory, read by the first attempt, was not read again.
    expect(setup.urls.slice(0, before).some((url) => /\/v1\.0\/users\?/.test(url))).toBe(true);
    expect(setup.urls.slice(before).filter((url) => /\/v1\.0\/users\?/.test(url))).toEqual([]);
    const { snapshotId } = done.result as { snapshotId: string };
    expect(await setup.collections.loadSnapshot(tenant.tenantId, snapshotId)).toEqual(
      buildCollaborationSnapshot({
        ...truthSources(tenant),
        pseudonymize: createPseudonymizer(key, tenant.tenantId),
      }),
    );
  });
});
