import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, LeaseLostError, type ClaimedJob } from '../api/src/jobs/queue';
import { openStore, type Store } from '../api/src/store/database';
import { createScratchDatabase, requirePostgres } from './support/postgres';

const tenant = 'tenant-jobs';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('./support/job-worker-child.ts', import.meta.url));

const postgresRuns = await requirePostgres();
const scratch = postgresRuns ? await createScratchDatabase() : null;
const children: ChildProcess[] = [];
let store: Store;

beforeAll(async () => {
  if (scratch) store = await openStore({ kind: 'postgres', url: scratch.url });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (scratch) {
    await store.close();
    await scratch.drop();
  }
});

/** Starts a worker process and resolves once it polls. */
function spawnWorker(url: string, workerId: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, url, workerId], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${workerId} did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${workerId} exited with ${String(code)}: ${stderr}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('job queue on PostgreSQL', () => {
  it.skipIf(!postgresRuns)('runs one job per tenant at a time when claims race', async () => {
    const queue = createJobQueue(store.db, () => new Date(), { onePerTenant: ['exclusive'] });
    // Rounds of eight claimers on open connections, so their statements really overlap.
    for (let round = 0; round < 15; round += 1) {
      await sql`delete from job where kind = 'exclusive'`.execute(store.db);
      for (const owner of ['tenant-x', 'tenant-y'])
        for (let n = 0; n < 4; n += 1)
          await queue.enqueue({ tenantId: owner, kind: 'exclusive', payload: { n } });
      await Promise.all(Array.from({ length: 8 }, () => sql`select pg_sleep(0.01)`.execute(store.db)));
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, index) => queue.claim(`racer-${index}`, ['exclusive'], 60_000)),
      );
      const won = claims.filter((claim): claim is ClaimedJob => claim !== null);
      expect(won.map((claim) => claim.tenantId).sort()).toEqual(['tenant-x', 'tenant-y']);
    }
  });

  it.skipIf(!postgresRuns)('reclaims an expired lease and fences the old holder out', async () => {
    let clock = new Date('2026-11-02T09:00:00Z');
    const queue = createJobQueue(store.db, () => clock);
    const { id } = await queue.enqueue({ tenantId: tenant, kind: 'lease', payload: { n: 1 } });
    const old = (await queue.claim('w1', ['lease'], 1000))!;
    expect(await queue.claim('w2', ['lease'], 1000)).toBeNull();
    clock = new Date(clock.getTime() + 1000);

    const taken = await queue.claim('w2', ['lease'], 1000);
    expect(taken).toMatchObject({ id, fence: 2, attempts: 2, workerId: 'w2', payload: { n: 1 } });
    await expect(queue.heartbeat(old, 1000)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(queue.complete(old)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(queue.withFence(old, () => Promise.resolve())).rejects.toBeInstanceOf(LeaseLostError);
    await queue.complete(taken!, [1, 2]);
    expect(await queue.get(tenant, id)).toMatchObject({ state: 'succeeded', result: [1, 2] });
  });

  it.skipIf(!postgresRuns)('hands each job to exactly one of eight concurrent claimers', async () => {
    const queue = createJobQueue(store.db);
    const jobs = await Promise.all(
      Array.from({ length: 20 }, (_, n) => queue.enqueue({ tenantId: tenant, kind: 'race', payload: n })),
    );
    const claimedBy = await Promise.all(
      Array.from({ length: 8 }, async (_, claimer) => {
        const mine: ClaimedJob[] = [];
        for (;;) {
          const job = await queue.claim(`claimer-${claimer}`, ['race'], 60_000);
          if (!job) return mine;
          mine.push(job);
          await sleep(5);
          await queue.complete(job);
        }
      }),
    );

    const ids = claimedBy.flat().map((job) => job.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids)).toEqual(new Set(jobs.map((job) => job.id)));
    expect(claimedBy.filter((mine) => mine.length > 0).length).toBeGreaterThan(1);
    const rows = await store.db
      .selectFrom('job')
      .select(['attempts', 'fence', 'state'])
      .where('kind', '=', 'race')
      .execute();
    expect(rows.every((row) => row.attempts === 1 && row.fence === 1 && row.state === 'succeeded')).toBe(
      true,
    );
  });

  it.skipIf(!postgresRuns)(
    'runs every job once across two worker processes',
    async () => {
      await sql`create table job_execution (job_id text not null, worker text not null, at timestamptz not null)`.execute(
        store.db,
      );
      const url = scratch!.url;
      const workers = await Promise.all([spawnWorker(url, 'proc-a'), spawnWorker(url, 'proc-b')]);

      const queue = createJobQueue(store.db);
      const jobs = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          queue.enqueue({ tenantId: tenant, kind: 'collection', payload: { team: n } }),
        ),
      );
      const ids = jobs.map((job) => job.id);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const done = await store.db
          .selectFrom('job')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('id', 'in', ids)
          .where('state', '=', 'succeeded')
          .executeTakeFirstOrThrow();
        if (Number(done.count) === 20) break;
        if (Date.now() > deadline) throw new Error(`only ${done.count} of 20 jobs succeeded`);
        await sleep(100);
      }

      const executions = await sql<{
        job_id: string;
        worker: string;
      }>`select job_id, worker from job_execution`.execute(store.db);
      expect(executions.rows).toHaveLength(20);
      expect(new Set(executions.rows.map((row) => row.job_id))).toEqual(new Set(ids));
      expect(new Set(executions.rows.map((row) => row.worker))).toEqual(new Set(['proc-a', 'proc-b']));
      const rows = await store.db
        .selectFrom('job')
        .select(['attempts', 'result'])
        .where('id', 'in', ids)
        .execute();
      expect(rows.map((row) => row.attempts)).toEqual(Array(20).fill(1));
      expect(
        rows.every((row) => ['proc-a', 'proc-b'].includes((row.result as { worker: string }).worker)),
      ).toBe(true);

      for (const worker of workers) worker.kill('SIGTERM');
      expect(await Promise.all(workers.map(exitOf))).toEqual([0, 0]);
    },
    40_000,
  );
});
