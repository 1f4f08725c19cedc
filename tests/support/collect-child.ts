// A collection worker, for tests/collection-resilience.test.ts: the real collection handler on the job
// queue, with Graph routed to simulators in the test process. As a process:
// `node --import tsx collect-child.ts <database-url> '<CollectWorkerConfig as JSON>'`; prints `ready`,
// then one JSON line per job event, and on SIGTERM stops cleanly after printing its counters. The test
// also runs it in-process.
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { createCollectionHandler, collectionKind } from '../../api/src/jobs/collection-job';
import { createJobQueue } from '../../api/src/jobs/queue';
import { createQuotaLedger } from '../../api/src/store/quota-ledger';
import { startWorker, type WorkerLogger } from '../../api/src/jobs/worker';
import { createGraphClient } from '../../api/src/graph/graph-client';
import { createRateGovernor, type RateGovernor } from '../../api/src/graph/pacing/governor';
import { createRoutedFetch, microsoftHosts, type FetchLike } from '../../api/src/graph/transport';
import { createPseudonymizer } from '../../api/src/identity/pseudonym';
import { createCollectionStore } from '../../api/src/store/collection-store';
import { openStore } from '../../api/src/store/database';
import type { Database } from '../../api/src/store/schema';

/** A clock shared across processes: virtual time runs `speed` times faster than the wall clock from `anchorMs`. */
export interface SharedClock {
  readonly anchorMs: number;
  readonly asOfMs: number;
  readonly speed: number;
}

/** How a collection worker runs; the process form gets it as JSON in argv. */
export interface CollectWorkerConfig {
  /** Tenant id → base URL of the simulator serving it. */
  readonly simulators: Readonly<Record<string, string>>;
  readonly clock: SharedClock;
  readonly workerId: string;
  readonly leaseMs: number;
  readonly concurrency: number;
  readonly pseudonymKey: string;
}

/** Counters of one worker (printed on exit by the process form). */
export interface CollectWorkerStats {
  requests: number;
  byStatus: Record<string, number>;
  started: number;
  succeeded: number;
  failed: number;
}

/** Test hooks of the in-process form. */
export interface CollectWorkerHooks {
  /** Runs before each Graph request is sent (URL as sent to the simulator); may hold it back. */
  readonly beforeRequest?: (url: string) => Promise<void> | void;
  /** Sees each Graph response (URL as sent to the simulator) before the client does. */
  readonly onResponse?: (url: string, response: Response) => Promise<void> | void;
  readonly logger?: WorkerLogger;
}

/** A running collection worker. */
export interface CollectWorker {
  readonly stats: CollectWorkerStats;
  stop(): Promise<void>;
}

/**
 * Wall-clock milliseconds with sub-millisecond resolution that agree across processes (Date.now() ticks
 * in whole milliseconds, 500 virtual milliseconds at 500x; performance.now() alone counts from each
 * process's own start).
 */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** The virtual clock and sleep of a shared clock. */
export function virtualTime(clock: SharedClock): { now: () => number; sleep: (ms: number) => Promise<void> } {
  return {
    now: () => clock.asOfMs + (epochNow() - clock.anchorMs) * clock.speed,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / clock.speed))),
  };
}

/** Starts a worker that runs collection jobs from `db` against the configured simulators. */
export function startCollectWorker(
  db: Kysely<Database>,
  config: CollectWorkerConfig,
  hooks: CollectWorkerHooks = {},
): CollectWorker {
  const { now, sleep } = virtualTime(config.clock);
  const stats: CollectWorkerStats = { requests: 0, byStatus: {}, started: 0, succeeded: 0, failed: 0 };
  const counting: FetchLike = async (input, init) => {
    stats.requests += 1;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    await hooks.beforeRequest?.(url);
    const response = await fetch(input, { ...init, redirect: 'manual' });
    stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
    await hooks.onResponse?.(url, response);
    return response;
  };
  const governors = new Map<string, RateGovernor>();
  // As compose.ts wires it: one collection per tenant at a time, report quota shared through the database.
  const queue = createJobQueue(db, () => new Date(), { onePerTenant: [collectionKind] });
  const handler = createCollectionHandler({
    queue,
    store: createCollectionStore(db),
    clientFor(tenantId) {
      const base = config.simulators[tenantId];
      if (base === undefined) throw new Error(`No simulator serves tenant ${tenantId}.`);
      const routes = new Map([
        [microsoftHosts.graph, base],
        [microsoftHosts.reportsDownload, base],
      ]);
      return createGraphClient({
        fetch: createRoutedFetch(routes, counting),
        accessToken: () => Promise.resolve('app'),
        maxRetries: 0,
      });
    },
    governorFor(tenantId) {
      let governor = governors.get(tenantId);
      if (!governor)
        governors.set(
          tenantId,
          (governor = createRateGovernor({ now, sleep, ledger: createQuotaLedger(db, tenantId) })),
        );
      return governor;
    },
    pseudonymizerFor: (tenantId) => createPseudonymizer(config.pseudonymKey, tenantId),
    // Wall time: it paces progress writes (one a second), which virtual time would turn into one per page.
    now: () => new Date(),
  });
  const logger = hooks.logger;
  const worker = startWorker(queue, {
    workerId: config.workerId,
    concurrency: config.concurrency,
    pollMs: 50,
    leaseMs: config.leaseMs,
    handlers: { [collectionKind]: handler },
    logger: {
      info(message, fields) {
        if (message === 'job started') stats.started += 1;
        if (message === 'job succeeded') stats.succeeded += 1;
        logger?.info(message, fields);
      },
      warn(message, fields) {
        if (message === 'job failed') stats.failed += 1;
        logger?.warn(message, fields);
      },
      error: (message, fields) => logger?.error(message, fields),
    },
  });
  return { stats, stop: () => worker.stop() };
}

async function main(): Promise<void> {
  const [databaseUrl, json] = process.argv.slice(2);
  if (!databaseUrl || !json) {
    process.stderr.write("usage: collect-child.ts <database-url> '<config json>'\n");
    process.exit(2);
  }
  const config = JSON.parse(json) as CollectWorkerConfig;
  const store = await openStore({ kind: 'postgres', url: databaseUrl });
  const line = (event: string, fields?: Record<string, unknown>): void => {
    process.stdout.write(`${JSON.stringify({ event, workerId: config.workerId, ...fields })}\n`);
  };
  const worker = startCollectWorker(store.db, config, { logger: { info: line, warn: line, error: line } });
  process.once('SIGTERM', () => {
    void worker
      .stop()
      .then(() => line('exit', { stats: worker.stats }))
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
  });
  process.stdout.write('ready\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
