import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../store/database';
import { createJobQueue, LeaseLostError, type JobQueue, type JobRecord } from './queue';
import { startWorker, type JobHandler, type Worker } from './worker';

const tenantA = 'tenant-a';
const tenantB = 'tenant-b';
const start = new Date('2026-11-02T09:00:00.000Z');

let store: Store;
let clock: Date;
let queue: JobQueue;
const workers: Worker[] = [];

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

/** Waits until the job matches `expected` (the worker runs in the background). */
async function waitForJob(tenantId: string, id: string, expected: Partial<JobRecord>): Promise<JobRecord> {
  return vi.waitFor(
    async () => {
      const job = await queue.get(tenantId, id);
      expect(job).toMatchObject(expected);
      return job!;
    },
    { timeout: 5000, interval: 10 },
  );
}

function work(handlers: Record<string, JobHandler>, concurrency = 1): Worker {
  const worker = startWorker(queue, { workerId: 'w-test', handlers, concurrency, pollMs: 10 });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  store = await openStore({ kind: 'pglite', dataDir: null });
});
afterAll(async () => {
  await store.close();
});
beforeEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await sql`delete from job`.execute(store.db);
  clock = start;
  queue = createJobQueue(store.db, () => clock);
});

describe('job queue', () => {
  it('enqueues, claims once and completes with a result', async () => {
    const queued = await queue.enqueue({ tenantId: tenantA, kind: 'collect', payload: { pages: [1, 2] } });
    expect(queued).toMatchObject({
      tenantId: tenantA,
      kind: 'collect',
      payload: { pages: [1, 2] },
      state: 'queued',
      attempts: 0,
      maxAttempts: 5,
      runAfter: start,
      createdAt: start,
      startedAt: null,
    });

    expect(await queue.claim('w1', ['other'], 60_000)).toBeNull();
    const claimed = await queue.claim('w1', ['collect'], 60_000);
    expect(claimed).toMatchObject({ id: queued.id, state: 'running', attempts: 1, fence: 1, workerId: 'w1' });
    expect(claimed?.startedAt).toEqual(start);
    expect(await queue.claim('w2', ['collect'], 60_000)).toBeNull();

    advance(5000);
    await queue.complete(claimed!, { rows: 42, names: ['a'] });
    const done = await queue.get(tenantA, queued.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      result: { rows: 42, names: ['a'] },
      error: null,
      finishedAt: new Date(start.getTime() + 5000),
    });
    expect(await queue.claim('w1', ['collect'], 60_000)).toBeNull();
  });

  it('returns the existing job for a repeated dedupe key, per tenant', async () => {
    const first = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: 1, dedupeKey: 'team-7' });
    const again = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: 2, dedupeKey: 'team-7' });
    const other = await queue.enqueue({ tenantId: tenantB, kind: 'k', payload: 3, dedupeKey: 'team-7' });
    await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: 4 });
    await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: 5 });

    expect(again.id).toBe(first.id);
    expect(again.payload).toBe(1);
    expect(other.id).not.toBe(first.id);
    expect((await queue.list(tenantA)).map((job) => job.payload).sort()).toEqual([1, 4, 5]);
  });

  it('claims nothing before run_after, then the earliest due job first', async () => {
    const late = await queue.enqueue({
      tenantId: tenantA,
      kind: 'k',
      payload: 'late',
      runAfter: new Date(start.getTime() + 10 * 60_000),
    });
    const early = await queue.enqueue({
      tenantId: tenantA,
      kind: 'k',
      payload: 'early',
      runAfter: new Date(start.getTime() + 5 * 60_000),
    });
    expect(await queue.claim('w1', ['k'], 60_000)).toBeNull();

    advance(10 * 60_000 - 1);
    expect((await queue.claim('w1', ['k'], 60_000))?.id).toBe(early.id);
    expect(await queue.claim('w1', ['k'], 60_000)).toBeNull();
    advance(1);
    expect((await queue.claim('w1', ['k'], 60_000))?.id).toBe(late.id);
  });

  it('hands an expired lease to another worker and fences the old holder out', async () => {
    const { id } = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null });
    const old = (await queue.claim('w1', ['k'], 1000))!;
    advance(800);
    await queue.heartbeat(old, 1000);
    advance(999);
    expect(await queue.claim('w2', ['k'], 1000)).toBeNull();
    advance(1);

    const taken = await queue.claim('w2', ['k'], 1000);
    expect(taken).toMatchObject({ id, workerId: 'w2', fence: 2, attempts: 2, startedAt: start });

    await expect(queue.heartbeat(old, 1000)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(queue.reportProgress(old, progress('late'))).rejects.toBeInstanceOf(LeaseLostError);
    await expect(queue.complete(old, 'stale')).rejects.toBeInstanceOf(LeaseLostError);
    await expect(queue.fail(old, 'stale')).rejects.toBeInstanceOf(LeaseLostError);
    const write = vi.fn(() => Promise.resolve('written'));
    await expect(queue.withFence(old, write)).rejects.toBeInstanceOf(LeaseLostError);
    expect(write).not.toHaveBeenCalled();

    await queue.heartbeat(taken!, 1000);
    await queue.reportProgress(taken!, progress('fetch'));
    expect(await queue.withFence(taken!, write)).toBe('written');
    await queue.complete(taken!, 'fresh');
    expect(await queue.get(tenantA, id)).toMatchObject({
      state: 'succeeded',
      result: 'fresh',
      progress: progress('fetch'),
    });
  });

  it('rolls back a fenced write that throws', async () => {
    await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null });
    const job = (await queue.claim('w1', ['k'], 1000))!;
    await expect(
      queue.withFence(job, async (trx) => {
        await trx.updateTable('job').set({ error: 'half-written' }).where('id', '=', job.id).execute();
        throw new Error('checkpoint failed');
      }),
    ).rejects.toThrow('checkpoint failed');
    expect((await queue.get(tenantA, job.id))?.error).toBeNull();
  });

  it('requeues a failure with backoff and fails for good after maxAttempts', async () => {
    const { id } = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null, maxAttempts: 3 });
    await queue.fail((await queue.claim('w1', ['k'], 60_000))!, 'boom 1');
    expect(await queue.get(tenantA, id)).toMatchObject({
      state: 'queued',
      error: 'boom 1',
      attempts: 1,
      runAfter: new Date(start.getTime() + 30_000),
    });
    advance(29_999);
    expect(await queue.claim('w1', ['k'], 60_000)).toBeNull();
    advance(1);

    const second = (await queue.claim('w1', ['k'], 60_000))!;
    const retryAt = new Date(clock.getTime() + 1000);
    await queue.fail(second, 'boom 2', retryAt);
    expect(await queue.get(tenantA, id)).toMatchObject({ state: 'queued', attempts: 2, runAfter: retryAt });
    advance(1000);

    await queue.fail((await queue.claim('w1', ['k'], 60_000))!, 'boom 3');
    expect(await queue.get(tenantA, id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: 'boom 3',
      finishedAt: clock,
    });
    advance(3_600_000);
    expect(await queue.claim('w1', ['k'], 60_000)).toBeNull();
  });

  it('fails at once when the failure is final', async () => {
    const { id } = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null });
    await queue.fail((await queue.claim('w1', ['k'], 60_000))!, 'bad input', undefined, { final: true });
    expect(await queue.get(tenantA, id)).toMatchObject({ state: 'failed', attempts: 1, error: 'bad input' });
  });

  it('gives up on a job whose last attempt died with its worker', async () => {
    const { id } = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null, maxAttempts: 1 });
    expect(await queue.claim('w1', ['k'], 1000)).not.toBeNull();
    advance(1000);
    expect(await queue.claim('w2', ['k'], 1000)).toBeNull();
    expect(await queue.get(tenantA, id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'gave up after 1 attempts',
      finishedAt: clock,
    });
  });

  it('cancels queued and running jobs of the right tenant only', async () => {
    const queued = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null });
    expect(await queue.cancel(tenantB, queued.id)).toBe(false);
    expect(await queue.cancel(tenantA, queued.id)).toBe(true);
    expect(await queue.cancel(tenantA, queued.id)).toBe(false);
    expect((await queue.get(tenantA, queued.id))?.state).toBe('cancelled');
    expect(await queue.claim('w1', ['k'], 60_000)).toBeNull();

    await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null });
    const running = (await queue.claim('w1', ['k'], 60_000))!;
    expect(await queue.cancel(tenantA, running.id)).toBe(true);
    await expect(queue.heartbeat(running, 60_000)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(queue.complete(running)).rejects.toBeInstanceOf(LeaseLostError);
    expect((await queue.get(tenantA, running.id))?.state).toBe('cancelled');
    expect(await queue.cancel(tenantA, 'no-such-job')).toBe(false);
  });

  it('keeps tenants apart in get and list, newest first, with kind and limit', async () => {
    const a1 = await queue.enqueue({ tenantId: tenantA, kind: 'collect', payload: null });
    advance(1000);
    const a2 = await queue.enqueue({ tenantId: tenantA, kind: 'report', payload: null });
    advance(1000);
    const a3 = await queue.enqueue({ tenantId: tenantA, kind: 'collect', payload: null });
    const b1 = await queue.enqueue({ tenantId: tenantB, kind: 'collect', payload: null });

    expect(await queue.get(tenantB, a1.id)).toBeNull();
    expect((await queue.get(tenantA, a1.id))?.id).toBe(a1.id);
    expect((await queue.list(tenantA)).map((job) => job.id)).toEqual([a3.id, a2.id, a1.id]);
    expect((await queue.list(tenantA, { kind: 'collect' })).map((job) => job.id)).toEqual([a3.id, a1.id]);
    expect((await queue.list(tenantA, { limit: 1 })).map((job) => job.id)).toEqual([a3.id]);
    expect((await queue.list(tenantB)).map((job) => job.id)).toEqual([b1.id]);
  });
});

describe('one job per tenant at a time', () => {
  it("holds a tenant's next job until its running one ends, and serves other tenants meanwhile", async () => {
    const exclusive = createJobQueue(store.db, () => clock, { onePerTenant: ['collect'] });
    const a1 = await exclusive.enqueue({ tenantId: tenantA, kind: 'collect', payload: 1 });
    advance(1);
    const a2 = await exclusive.enqueue({ tenantId: tenantA, kind: 'collect', payload: 2 });
    advance(1);
    const b1 = await exclusive.enqueue({ tenantId: tenantB, kind: 'collect', payload: 3 });
    advance(1);
    const other = await exclusive.enqueue({ tenantId: tenantA, kind: 'other', payload: 4 });

    const first = await exclusive.claim('w1', ['collect', 'other'], 60_000);
    expect(first?.id).toBe(a1.id);
    expect((await exclusive.claim('w2', ['collect', 'other'], 60_000))?.id).toBe(b1.id);
    // Kinds not listed are not held back.
    expect((await exclusive.claim('w3', ['collect', 'other'], 60_000))?.id).toBe(other.id);
    expect(await exclusive.claim('w4', ['collect'], 60_000)).toBeNull();
    await exclusive.complete(first!);
    expect((await exclusive.claim('w4', ['collect'], 60_000))?.id).toBe(a2.id);
  });

  it('lets the job of a crashed worker resume, and still holds its siblings back', async () => {
    const exclusive = createJobQueue(store.db, () => clock, { onePerTenant: ['collect'] });
    const a1 = await exclusive.enqueue({ tenantId: tenantA, kind: 'collect', payload: 1 });
    advance(1);
    await exclusive.enqueue({ tenantId: tenantA, kind: 'collect', payload: 2 });
    expect((await exclusive.claim('w1', ['collect'], 1000))?.id).toBe(a1.id);
    advance(5000);
    const resumed = await exclusive.claim('w2', ['collect'], 1000);
    expect(resumed).toMatchObject({ id: a1.id, attempts: 2 });
    expect(await exclusive.claim('w3', ['collect'], 1000)).toBeNull();
  });
});

describe('job worker', () => {
  it('runs a handler, stores its progress and result', async () => {
    const seen: unknown[] = [];
    work({
      collect: async (ctx) => {
        seen.push(ctx.job.payload);
        await ctx.progress(progress('fetch', 1, 2));
        await ctx.progress(progress('fetch', 2, 2));
        return { rows: 2, aborted: ctx.signal.aborted };
      },
    });
    const { id } = await queue.enqueue({ tenantId: tenantA, kind: 'collect', payload: { team: 't-1' } });

    const done = await waitForJob(tenantA, id, { state: 'succeeded' });
    expect(done).toMatchObject({
      attempts: 1,
      result: { rows: 2, aborted: false },
      progress: progress('fetch', 2, 2),
    });
    expect(seen).toEqual([{ team: 't-1' }]);
  });

  it('retries a handler that throws, and fails at once on a non-retryable error', async () => {
    let calls = 0;
    const worker = work({
      flaky: async () => {
        calls += 1;
        if (calls === 1) throw new Error('Graph throttled');
        return 'ok';
      },
      broken: async () => {
        throw Object.assign(new Error('payload is invalid'), { retryable: false });
      },
    });
    const flaky = await queue.enqueue({ tenantId: tenantA, kind: 'flaky', payload: null });
    await waitForJob(tenantA, flaky.id, { state: 'queued', attempts: 1, error: 'Graph throttled' });

    advance(30_000);
    worker.poke();
    expect(await waitForJob(tenantA, flaky.id, { state: 'succeeded' })).toMatchObject({
      attempts: 2,
      result: 'ok',
      error: null,
    });

    const broken = await queue.enqueue({ tenantId: tenantA, kind: 'broken', payload: null });
    expect(await waitForJob(tenantA, broken.id, { state: 'failed' })).toMatchObject({
      attempts: 1,
      error: 'payload is invalid',
    });
  });

  it('aborts the handler when its job is cancelled, and does not complete it', async () => {
    const started = deferred();
    let sawAbort = false;
    const worker = startWorker(queue, {
      workerId: 'w-abort',
      pollMs: 10,
      leaseMs: 300,
      heartbeatMs: 20,
      handlers: {
        slow: (ctx) =>
          new Promise((resolve) => {
            started.resolve();
            ctx.signal.addEventListener('abort', () => {
              sawAbort = ctx.signal.reason instanceof LeaseLostError;
              resolve('finished anyway');
            });
          }),
      },
    });
    workers.push(worker);
    const { id } = await queue.enqueue({ tenantId: tenantA, kind: 'slow', payload: null });
    await started.promise;
    expect(await queue.cancel(tenantA, id)).toBe(true);
    await worker.stop();

    expect(sawAbort).toBe(true);
    expect(await queue.get(tenantA, id)).toMatchObject({ state: 'cancelled', result: null });
  });

  it('runs up to `concurrency` jobs at once and stops only after they finish', async () => {
    let inFlight = 0;
    let peak = 0;
    const release = deferred();
    const worker = work(
      {
        k: async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await release.promise;
          inFlight -= 1;
        },
      },
      3,
    );
    const jobs = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => queue.enqueue({ tenantId: tenantA, kind: 'k', payload: n })),
    );
    await vi.waitFor(() => expect(inFlight).toBe(3));

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;

    expect(peak).toBe(3);
    const states = await Promise.all(jobs.map(async (job) => (await queue.get(tenantA, job.id))?.state));
    expect(states.filter((state) => state === 'succeeded')).toHaveLength(3);
    expect(states.filter((state) => state === 'queued')).toHaveLength(2);
  });

  it('logs a failing poll and keeps polling', async () => {
    const errors: string[] = [];
    let failures = 1;
    const flakyQueue: JobQueue = {
      ...queue,
      claim: (...args) => {
        if (failures-- > 0) return Promise.reject(new Error('connection reset'));
        return queue.claim(...args);
      },
    };
    const worker = startWorker(flakyQueue, {
      workerId: 'w-flaky',
      pollMs: 10,
      handlers: { k: async () => 'ran' },
      logger: { info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) },
    });
    workers.push(worker);
    const { id } = await queue.enqueue({ tenantId: tenantA, kind: 'k', payload: null });
    expect(await waitForJob(tenantA, id, { state: 'succeeded' })).toMatchObject({ result: 'ran' });
    expect(errors).toEqual(['job claim failed']);
  });
});

function progress(phase: string, done = 0, total: number | null = null) {
  return { phase, done, total, etaSeconds: null };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
