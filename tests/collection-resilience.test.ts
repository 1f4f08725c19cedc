// Reliability of collection runs against real processes, real PostgreSQL and the Graph simulator on a
// fast shared clock: a run SIGKILLed mid-way resumes from its journal, a team deleted mid-run becomes
// partial coverage, and twenty runs spread over two worker processes each run once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildCollaborationSnapshot, type CollaborationSnapshot, type SourceCoverage } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphSimulator, deleteSimulatedTeam } from '../api/src/demo/graph-sim/app';
import { createFakeGraphAuth } from '../api/src/demo/graph-sim/fake-auth';
import { truthSources } from '../api/src/demo/tenant-records';
import { generateTenant } from '../api/src/demo/tenant/generate';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { reportDays, unreadDetail } from '../api/src/graph/collectors/collect-tenant';
import type { UnitState } from '../api/src/graph/collectors/journal';
import { reportSpecs } from '../api/src/graph/collectors/report-columns';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { collectionKind, type CollectionPayload } from '../api/src/jobs/collection-job';
import { createJobQueue, type JobQueue, type JobRecord } from '../api/src/jobs/queue';
import { createCollectionStore, type CollectionStore } from '../api/src/store/collection-store';
import { openStore, type Store } from '../api/src/store/database';
import {
  epochNow,
  startCollectWorker,
  virtualTime,
  type CollectWorkerConfig,
  type CollectWorkerStats,
  type SharedClock,
} from './support/collect-child';
import { createScratchDatabase, requirePostgres } from './support/postgres';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('./support/collect-child.ts', import.meta.url));
const asOf = new Date('2026-11-30T00:00:00Z');
const pseudonymKey = 'resilience-test-key';
/** Virtual milliseconds per real one: a 10-minute report window passes in 1.2 s. */
const speed = 500;

const postgresRuns = await requirePostgres();
const scratch = postgresRuns ? await createScratchDatabase() : null;
const children: ChildProcess[] = [];
const servers: Server[] = [];
let store: Store;
let queue: JobQueue;
let snapshots: CollectionStore;

beforeAll(async () => {
  if (!scratch) return;
  store = await openStore({ kind: 'postgres', url: scratch.url });
  queue = createJobQueue(store.db);
  snapshots = createCollectionStore(store.db);
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(exitOf));
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (scratch) {
    await store.close();
    await scratch.drop();
  }
});

/** Polls `probe` every 25 ms until it returns something other than null or false. */
async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** One request the simulator saw: which phase of the test it came in, and its decoded path. */
interface SeenRequest {
  readonly phase: string;
  readonly method: string;
  readonly path: string;
  /** Set once answered. */
  status: number;
}

/** A simulator on a loopback port that logs every request under the current `phase`. */
interface Simulator {
  readonly base: string;
  readonly requests: SeenRequest[];
  phase: string;
  deleteTeam(teamId: string): boolean;
}

async function startSimulator(tenant: DemoTenant, clock: SharedClock, faultRate = 0): Promise<Simulator> {
  const { now } = virtualTime(clock);
  const app = createGraphSimulator({
    tenant,
    auth: createFakeGraphAuth({ tenantId: tenant.tenantId }),
    now: () => new Date(now()),
    throttling: {},
    // Graph's few-minute link lifetime is under a second at 500x: a busy machine would see links expire.
    // An hour at 500x (7 s of real time), as long in real time at faster clocks.
    downloadTtlMs: (3_600_000 * clock.speed) / 500,
    ...(faultRate > 0 ? { faults: { rate: faultRate, seed: 11, retryAfterSeconds: 1 } } : {}),
  });
  const sim: Simulator & { base: string } = {
    base: '',
    requests: [],
    phase: 'start',
    deleteTeam: (teamId) => deleteSimulatedTeam(app, teamId),
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://sim').pathname);
    const seen: SeenRequest = { phase: sim.phase, method: req.method ?? 'GET', path, status: 0 };
    sim.requests.push(seen);
    res.once('finish', () => (seen.status = res.statusCode));
    void app(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sim.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return sim;
}

function freshClock(): SharedClock {
  return { anchorMs: epochNow(), asOfMs: asOf.getTime(), speed };
}

function workerConfig(
  tenant: DemoTenant,
  sim: Simulator,
  clock: SharedClock,
  workerId: string,
  options: { leaseMs?: number; concurrency?: number } = {},
): CollectWorkerConfig {
  return {
    simulators: { [tenant.tenantId]: sim.base },
    clock,
    workerId,
    leaseMs: options.leaseMs ?? 10_000,
    concurrency: options.concurrency ?? 1,
    pseudonymKey,
  };
}

/** A worker process; `events` collects its JSON lines. */
interface Collector {
  readonly id: string;
  readonly process: ChildProcess;
  readonly events: Array<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
}

function spawnCollector(config: CollectWorkerConfig): Promise<Collector> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', childScript, scratch!.url, JSON.stringify(config)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const events: Array<Record<string, unknown>> = [];
  const exited = exitOf(child);
  let stderr = '';
  let pending = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${config.workerId} did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          clearTimeout(timer);
          resolve({ id: config.workerId, process: child, events, exited });
        } else if (line.startsWith('{')) events.push(JSON.parse(line) as Record<string, unknown>);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${config.workerId} exited with ${String(code)}: ${stderr}`));
    });
  });
}

function payloadFor(tenant: DemoTenant, overrides: Partial<CollectionPayload> = {}): CollectionPayload {
  return {
    snapshotKind: 'adhoc',
    initiativeId: null,
    teamIds: tenant.teams.map((team) => team.id),
    groupIds: [],
    weeks: tenant.weeks,
    dataAsOf: asOf.toISOString(),
    followUpWeeks: [],
    ...overrides,
  };
}

async function enqueueRun(tenant: DemoTenant, payload: CollectionPayload): Promise<JobRecord> {
  return queue.enqueue({ tenantId: tenant.tenantId, kind: collectionKind, payload });
}

/** Waits for the job to succeed; fails fast if it fails for good. */
async function succeeded(job: JobRecord, timeoutMs = 60_000): Promise<JobRecord> {
  return until(`job ${job.id} to succeed`, timeoutMs, async () => {
    const now = await queue.get(job.tenantId, job.id);
    if (now?.state === 'failed') throw new Error(`job ${job.id} failed: ${now.error ?? ''}`);
    return now?.state === 'succeeded' ? now : null;
  });
}

async function snapshotOf(job: JobRecord): Promise<CollaborationSnapshot> {
  const info = await snapshots.snapshotOfRun(job.tenantId, job.id);
  expect(info).not.toBeNull();
  const snapshot = await snapshots.loadSnapshot(job.tenantId, info!.id);
  expect(snapshot).not.toBeNull();
  return snapshot!;
}

/** Units of the run's journal by state. */
async function unitsOf(runId: string): Promise<{ done: string[]; next: string[] }> {
  const rows = await store.db
    .selectFrom('collection_unit')
    .select(['unit', 'state'])
    .where('run_id', '=', runId)
    .execute();
  const state = (row: { state: unknown }): string => (row.state as UnitState).state;
  return {
    done: rows.filter((row) => state(row) === 'done').map((row) => row.unit),
    next: rows.filter((row) => state(row) === 'next').map((row) => row.unit),
  };
}

async function stagingRows(runId: string): Promise<number> {
  let total = 0;
  for (const table of [
    'collection_unit',
    'collection_person',
    'collection_message',
    'collection_report_day',
  ] as const) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    total += Number(row.count);
  }
  return total;
}

/** Whether a request reads (part of) a journal unit; team units are read in $batch bodies, not by path. */
function readsUnit(unit: string, path: string): boolean {
  if (unit === 'users') return path === '/v1.0/users';
  if (unit === 'reportSettings') return path === '/v1.0/admin/reportSettings';
  // Channel ids hold colons themselves (19:…@thread.tacv2).
  const channel = /^channel:([^:]+):(.+)$/.exec(unit);
  if (channel) return path.startsWith(`/v1.0/teams/${channel[1]}/channels/${channel[2]}/messages`);
  const report = /^report:([^:]+)(?::(.+))?$/.exec(unit);
  if (report?.[2] !== undefined) return path === `/v1.0/reports/${report[1]}(date=${report[2]})`;
  if (report) return path.startsWith(`/v1.0/reports/${report[1]}(`);
  return false;
}

/** The tenant's ground truth as the run would store it, with the run's coverage and some messages left out. */
function expectedSnapshot(
  tenant: DemoTenant,
  coverage: readonly SourceCoverage[],
  keep: (message: { teamId: string; channelId: string; id: string }) => boolean = () => true,
): CollaborationSnapshot {
  const truth = truthSources(tenant);
  return buildCollaborationSnapshot({
    ...truth,
    messages: [...truth.messages].filter(keep),
    coverage: [...coverage],
    pseudonymize: createPseudonymizer(pseudonymKey, tenant.tenantId),
  });
}

const makeTenant = (weeks = 4): DemoTenant => generateTenant({ seed: 7, people: 50, weeks, asOf });

describe('collection runs on PostgreSQL with real worker processes', () => {
  it.skipIf(!postgresRuns)(
    'resumes a run SIGKILLed mid-way from its journal and stores the uninterrupted snapshot',
    async () => {
      const tenant = makeTenant();
      const payload = payloadFor(tenant);

      // The uninterrupted run, in this process, on its own simulator (so quotas start fresh for the other).
      const referenceClock = freshClock();
      const referenceSim = await startSimulator(tenant, referenceClock, 0.05);
      const reference = await enqueueRun(tenant, payload);
      const inProcess = startCollectWorker(
        store.db,
        workerConfig(tenant, referenceSim, referenceClock, 'reference'),
      );
      await succeeded(reference);
      await inProcess.stop();
      const uninterrupted = await snapshotOf(reference);
      // The reference itself is right: the ground truth under the same keyed pseudonyms.
      expect(uninterrupted).toEqual(expectedSnapshot(tenant, uninterrupted.coverage));
      expect(uninterrupted.coverage.every((entry) => entry.status === 'complete')).toBe(true);

      const clock = freshClock();
      const sim = await startSimulator(tenant, clock, 0.05);
      const run = await enqueueRun(tenant, payload);
      sim.phase = 'first';
      const first = await spawnCollector(workerConfig(tenant, sim, clock, 'first', { leaseMs: 1500 }));
      // Kill once people, channel messages and report-days are committed; the report quota (14 per
      // report per 10 minutes, 28 days to read) keeps the run busy for another window, so it lands mid-run.
      await until('part of the run to be committed', 60_000, async () => {
        const { done } = await unitsOf(run.id);
        return (
          done.includes('users') &&
          done.some((unit) => unit.startsWith('channel:')) &&
          done.some((unit) => /^report:[^:]+:/.test(unit))
        );
      });
      first.process.kill('SIGKILL');
      await first.exited;
      sim.phase = 'between';

      const killed = await queue.get(tenant.tenantId, run.id);
      expect(killed).toMatchObject({ state: 'running', attempts: 1 });
      expect(await snapshots.snapshotOfRun(tenant.tenantId, run.id)).toBeNull();
      const atKill = await unitsOf(run.id);
      const staged = await stagingRows(run.id);
      expect(staged).toBeGreaterThan(atKill.done.length);
      const reportDaysAtKill = atKill.done.filter((unit) => /^report:[^:]+:/.test(unit));
      // Five reports of 28 days: the second 10-minute window cannot have passed yet.
      expect(reportDaysAtKill.length).toBeLessThan(140);

      sim.phase = 'second';
      const second = await spawnCollector(workerConfig(tenant, sim, clock, 'second', { leaseMs: 1500 }));
      const finished = await succeeded(run);
      second.process.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      expect(finished.attempts).toBe(2);
      expect(await snapshotOf(run)).toEqual(uninterrupted);
      expect(await stagingRows(run.id)).toBe(0);

      // What the killed process finished is not read again (the matcher does recognise its requests).
      const before = sim.requests.filter((request) => request.phase === 'first');
      const checked = atKill.done.filter((unit) => !unit.startsWith('team:'));
      expect(checked.filter((unit) => !before.some((request) => readsUnit(unit, request.path)))).toEqual([]);
      const resumed = sim.requests.filter((request) => request.phase === 'second');
      const redone = checked.flatMap((unit) =>
        resumed
          .filter((request) => readsUnit(unit, request.path))
          .map((request) => `${unit} ${request.path}`),
      );
      expect(redone).toEqual([]);
      // Channels are read once every team's structure is, so all teams were done: no $batch again.
      expect(atKill.done.filter((unit) => unit.startsWith('team:'))).toHaveLength(tenant.teams.length);
      expect(resumed.filter((request) => request.path === '/v1.0/$batch')).toEqual([]);
      // ...and it did the rest: every channel and report-day left at the kill was requested after it.
      const left = [
        ...tenant.teams.flatMap((team) => team.channels.map((c) => `channel:${team.id}:${c.id}`)),
        ...reportSpecs.flatMap((spec) =>
          reportDays(asOf, payload.weeks).map((day) => `report:${spec.fn}:${day}`),
        ),
      ].filter((unit) => !atKill.done.includes(unit));
      expect(left.length).toBeGreaterThan(0);
      expect(left.filter((unit) => !resumed.some((request) => readsUnit(unit, request.path)))).toEqual([]);
      const channelsAtKill = atKill.done.filter((unit) => unit.startsWith('channel:')).length;
      process.stdout.write(
        `resume: killed with ${channelsAtKill} channels, ${reportDaysAtKill.length} report-days ` +
          `(${atKill.done.length} units, ${staged} staging rows) done, ${atKill.next.length} half-read; ` +
          `the second process made ${resumed.length} requests for ${left.length} units\n`,
      );
    },
    120_000,
  );

  it.skipIf(!postgresRuns)(
    'turns a team deleted mid-run into partial message coverage and keeps the rest of the snapshot',
    async () => {
      const tenant = makeTenant(2);
      const clock = freshClock();
      const sim = await startSimulator(tenant, clock);
      const victim = [...tenant.teams].sort((a, b) => b.channels.length - a.channels.length)[0]!;
      const channelOf = (url: string): string | null => {
        const match = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/messages/.exec(
          decodeURIComponent(new URL(url).pathname),
        );
        return match?.[1]?.toLowerCase() === victim.id.toLowerCase() ? (match[2] ?? null) : null;
      };
      const read = new Set<string>();
      const failed = new Set<string>();
      // The victim's busiest channel is read first; the others wait until the team is gone.
      const perChannel = new Map<string, number>();
      for (const message of tenant.messageLog.forTeam(victim.id))
        perChannel.set(message.channelId, (perChannel.get(message.channelId) ?? 0) + 1);
      const first = [...perChannel].sort((a, b) => b[1] - a[1])[0]![0];
      let deleted = false;
      let markDeleted = (): void => undefined;
      const gone = new Promise<void>((resolve) => (markDeleted = resolve));
      // The team goes away as the first page of that channel comes back: its structure was read
      // (messages are read once every team's structure is), its other channels were not.
      const worker = startCollectWorker(store.db, workerConfig(tenant, sim, clock, 'in-process'), {
        async beforeRequest(url) {
          const channelId = channelOf(url);
          if (channelId !== null && channelId !== first) await gone;
        },
        async onResponse(url, response) {
          const channelId = channelOf(url);
          if (channelId === null) return;
          if (response.status === 404) failed.add(channelId);
          if (response.status !== 200) return;
          const page = (await response.clone().json()) as {
            value?: Array<{ id: string; replies?: Array<{ id: string }> }>;
          };
          for (const message of page.value ?? [])
            for (const { id } of [message, ...(message.replies ?? [])]) read.add(`${channelId}|${id}`);
          if (!deleted) {
            deleted = sim.deleteTeam(victim.id);
            markDeleted();
          }
        },
      });
      const job = await enqueueRun(tenant, payloadFor(tenant));
      await succeeded(job);
      await worker.stop();

      expect(deleted).toBe(true);
      expect(victim.channels.length).toBeGreaterThan(1);
      expect(failed.size).toBeGreaterThanOrEqual(victim.channels.length - 1);
      expect(read.size).toBeGreaterThan(0);
      const snapshot = await snapshotOf(job);
      const messages = snapshot.coverage.find((entry) => entry.source === 'channelMessages');
      expect(messages).toMatchObject({ status: 'partial', coveredPeople: tenant.users.length });
      expect(messages?.detail).toBe(
        unreadDetail(
          [],
          [...failed].map(() => 404),
        ),
      );
      expect(snapshot.coverage.filter((entry) => entry.status !== 'complete')).toEqual([messages]);
      // Everything else is the ground truth: all people and reports, every other team's messages, and
      // of the deleted team what was read before it went.
      const keep = (message: { teamId: string; channelId: string; id: string }): boolean =>
        message.teamId !== victim.id || read.has(`${message.channelId}|${message.id}`);
      expect(snapshot).toEqual(expectedSnapshot(tenant, snapshot.coverage, keep));
      expect(await stagingRows(job.id)).toBe(0);
    },
    90_000,
  );

  it.skipIf(!postgresRuns)(
    'says a team of the plan does not exist and collects the rest',
    async () => {
      const tenant = makeTenant(2);
      const clock = freshClock();
      const sim = await startSimulator(tenant, clock);
      const worker = startCollectWorker(store.db, workerConfig(tenant, sim, clock, 'in-process'));
      const ghost = '0badf00d-0000-4000-8000-000000000404';
      const job = await enqueueRun(
        tenant,
        payloadFor(tenant, { teamIds: [...tenant.teams.map((t) => t.id), ghost] }),
      );
      await succeeded(job);
      await worker.stop();

      const snapshot = await snapshotOf(job);
      const messages = snapshot.coverage.find((entry) => entry.source === 'channelMessages');
      expect(messages).toMatchObject({ status: 'partial', coveredPeople: tenant.users.length });
      expect(messages?.detail).toBe(unreadDetail([404], []));
      expect(snapshot.coverage.filter((entry) => entry.status !== 'complete')).toEqual([messages]);
      expect(snapshot).toEqual(expectedSnapshot(tenant, snapshot.coverage));
    },
    90_000,
  );

  it.skipIf(!postgresRuns)(
    'runs twenty collection runs once each across two worker processes',
    async () => {
      const tenant = makeTenant(1);
      // 700 report-days against one app's quota of 14 per report per 10 minutes: the processes take
      // the tenant's runs one at a time and share the quota through the database.
      const clock = freshClock();
      const sim = await startSimulator(tenant, clock);
      const workers = await Promise.all(
        ['proc-a', 'proc-b'].map((id) =>
          spawnCollector(workerConfig(tenant, sim, clock, id, { concurrency: 2 })),
        ),
      );
      const jobs = await Promise.all(
        Array.from({ length: 20 }, () => enqueueRun(tenant, payloadFor(tenant))),
      );
      const ids = jobs.map((job) => job.id);
      const started = Date.now();
      for (const job of jobs) await succeeded(job, 100_000);
      const elapsed = Date.now() - started;
      for (const worker of workers) worker.process.kill('SIGTERM');
      expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);

      // Each run was claimed once and finished by the process that claimed it.
      const rows = await store.db
        .selectFrom('job')
        .select(['id', 'attempts', 'locked_by'])
        .where('id', 'in', ids)
        .execute();
      expect(rows.map((row) => row.attempts)).toEqual(Array(20).fill(1));
      const finishedBy = workers.map((worker) =>
        worker.events.filter((event) => event['event'] === 'job succeeded').map((event) => event['jobId']),
      );
      expect(finishedBy.every((mine) => mine.length > 0)).toBe(true);
      expect([...finishedBy.flat()].sort()).toEqual([...ids].sort());
      expect(new Set(rows.map((row) => row.locked_by))).toEqual(new Set(['proc-a', 'proc-b']));
      // Twenty snapshots of twenty runs, each the ground truth.
      const stored = await store.db
        .selectFrom('snapshot')
        .select('run_id')
        .where('run_id', 'in', ids)
        .execute();
      expect(stored.map((row) => row.run_id).sort()).toEqual([...ids].sort());
      const expected = expectedSnapshot(tenant, truthSources(tenant).coverage);
      for (const job of jobs) expect(await snapshotOf(job)).toEqual(expected);

      const stats = workers.map(
        (worker) => worker.events.find((event) => event['event'] === 'exit')?.['stats'] as CollectWorkerStats,
      );
      const throttled = sim.requests.filter((request) => request.status === 429).length;
      process.stdout.write(
        `twenty runs: ${elapsed} ms, ${throttled} answered 429 by the simulator; ` +
          stats
            .map((entry, n) => `${workers[n]!.id}: ${entry.succeeded} runs, ${entry.requests} requests`)
            .join('; ') +
          '\n',
      );
    },
    120_000,
  );
});
