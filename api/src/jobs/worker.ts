import { LeaseLostError, type ClaimedJob, type JobProgress, type JobQueue } from './queue';

/** What a handler gets: its job, a signal that fires when it must stop, and a progress reporter. */
export interface JobContext {
  readonly job: ClaimedJob;
  /**
   * Aborted when another worker took the job over, it was cancelled (reason: LeaseLostError), or this
   * worker is stopping (reason: WorkerStoppingError): stop at once; a stopped run's outcome is discarded.
   */
  readonly signal: AbortSignal;
  progress(p: JobProgress): Promise<void>;
}

/**
 * Runs one job; the resolved value (JSON) becomes the job's result. A rejection is retried later,
 * unless the error has `retryable: false`, which fails the job for good.
 */
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

/** Where the worker reports (the app's Logger fits). Gets ids, kinds and states, never payloads. */
export interface WorkerLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** How a worker runs. */
export interface WorkerOptions {
  /** Unique per process; stored as `locked_by`. */
  readonly workerId: string;
  /** One handler per job kind; the worker claims only these kinds. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs run at once; default 1. */
  readonly concurrency?: number;
  /** Wait between polls when nothing is due; default 1000 ms. */
  readonly pollMs?: number;
  /** Lease per claim and heartbeat; default 60 s. */
  readonly leaseMs?: number;
  /** Default a third of the lease. */
  readonly heartbeatMs?: number;
  readonly logger?: WorkerLogger;
}

/** A running worker. */
export interface Worker {
  /**
   * Stops claiming, aborts the running handlers' signals and waits for them to return. A job stopped
   * before it finished keeps its lease until it expires, then another worker resumes it.
   */
  stop(): Promise<void>;
  /** Wakes the poll loop now (e.g. after enqueue) and checks the running jobs' leases (e.g. after a cancel). */
  poke(): void;
}

/** Why a handler's signal aborts when its worker shuts down: the job is left for another worker. */
export class WorkerStoppingError extends Error {
  readonly code = 'worker-stopping';

  constructor(readonly jobId: string) {
    super(`The worker is stopping; job ${jobId} is left for another worker.`);
    this.name = 'WorkerStoppingError';
  }
}

const silent: WorkerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Kept short: stored in the job row, which users may see. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

/** For logs: the error's name and code, which carry no user data. */
function summaryOf(error: unknown): { error: string; code?: unknown } {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return code === undefined ? { error: error.name } : { error: error.name, code };
}

function isFinal(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false
  );
}

/** Starts polling `queue` for the kinds in `options.handlers` and running them. */
export function startWorker(queue: JobQueue, options: WorkerOptions): Worker {
  const { workerId, handlers } = options;
  const concurrency = options.concurrency ?? 1;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const heartbeatMs = options.heartbeatMs ?? Math.floor(leaseMs / 3);
  const logger = options.logger ?? silent;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError('concurrency must be a positive integer.');
  }
  if (!(heartbeatMs > 0 && heartbeatMs < leaseMs)) {
    throw new RangeError('heartbeatMs must be positive and shorter than leaseMs.');
  }
  const kinds = Object.keys(handlers);
  const running = new Set<Promise<void>>();
  // Per running job: check its lease now (a poke after a cancel), and abort it (a stop).
  const checks = new Set<() => void>();
  const aborts = new Set<() => void>();
  let stopping = false;
  let poked = false;
  let wake: (() => void) | null = null;
  let stopped: Promise<void> | null = null;

  function poke(): void {
    poked = true;
    wake?.();
    for (const check of checks) check();
  }

  function pause(): Promise<void> {
    if (poked || stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      wake = done;
    });
  }

  async function execute(job: ClaimedJob, handler: JobHandler): Promise<void> {
    const fields = { workerId, jobId: job.id, kind: job.kind, attempt: job.attempts };
    const controller = new AbortController();
    let lost = false;
    let settled = false;
    let beating = false;
    let abandoned = false;
    const loseLease = (): void => {
      if (lost || settled) return;
      lost = true;
      controller.abort(new LeaseLostError(job.id));
      logger.warn('job lease lost; abandoning it', fields);
    };
    const abandon = (): void => {
      if (lost || settled || abandoned) return;
      abandoned = true;
      controller.abort(new WorkerStoppingError(job.id));
    };
    // On stop, a job cancelled or taken over meanwhile is told so (LeaseLostError); the others are
    // told the worker is stopping.
    const halt = (): void => {
      if (lost || settled || abandoned) return;
      queue.heartbeat(job, leaseMs).then(abandon, (error: unknown) => {
        if (error instanceof LeaseLostError) loseLease();
        else abandon();
      });
    };
    const beat = (): void => {
      if (beating || settled || lost) return;
      beating = true;
      queue
        .heartbeat(job, leaseMs)
        .catch((error: unknown) => {
          if (error instanceof LeaseLostError) loseLease();
          else if (!settled) logger.warn('job heartbeat failed', { ...fields, ...summaryOf(error) });
        })
        .finally(() => {
          beating = false;
        });
    };
    const timer = setInterval(beat, heartbeatMs);
    checks.add(beat);
    aborts.add(halt);
    // Claimed while the worker began to stop: the handler is told at once.
    if (stopping) abandon();

    logger.info('job started', fields);
    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      const value = await handler({
        job,
        signal: controller.signal,
        progress: async (progress) => {
          try {
            await queue.reportProgress(job, progress);
          } catch (error) {
            if (error instanceof LeaseLostError) loseLease();
            throw error;
          }
        },
      });
      outcome = { ok: true, value };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(timer);
      checks.delete(beat);
      aborts.delete(halt);
    }
    if (lost) {
      logger.info('job abandoned after its lease was lost', fields);
      return;
    }
    if (abandoned && !outcome.ok) {
      // Not a failure: the lease runs out and another worker resumes the job from its checkpoint.
      logger.info('job left unfinished for another worker as this one stops', fields);
      return;
    }
    settled = true;

    try {
      if (outcome.ok) {
        await queue.complete(job, outcome.value);
        logger.info('job succeeded', fields);
      } else {
        const final = isFinal(outcome.error);
        await queue.fail(job, messageOf(outcome.error), undefined, final ? { final } : undefined);
        logger.warn('job failed', { ...fields, final, ...summaryOf(outcome.error) });
      }
    } catch (error) {
      if (error instanceof LeaseLostError) {
        logger.warn('job lease lost before its outcome was stored', fields);
      } else if (outcome.ok) {
        // Most likely a result that is not JSON; a database outage fails this too, and the lease expiry retries it.
        logger.error('job result could not be stored', { ...fields, ...summaryOf(error) });
        await queue.fail(job, `result could not be stored: ${messageOf(error)}`).catch(() => undefined);
      } else {
        logger.error('job failure could not be stored', { ...fields, ...summaryOf(error) });
      }
    }
  }

  function launch(job: ClaimedJob): void {
    const handler = handlers[job.kind];
    const task = (
      handler
        ? execute(job, handler)
        : queue.fail(job, `no handler for kind ${job.kind}`, undefined, { final: true })
    ).catch((error: unknown) => {
      logger.error('job run crashed', { workerId, jobId: job.id, kind: job.kind, ...summaryOf(error) });
    });
    running.add(task);
    void task.finally(() => {
      running.delete(task);
      // Claim the next job after a random part of the poll interval rather than at once, so that other
      // instances polling the same queue get their share instead of one busy worker taking every job.
      setTimeout(poke, Math.random() * pollMs).unref();
    });
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      poked = false;
      try {
        while (!stopping && running.size < concurrency) {
          const job = await queue.claim(workerId, kinds, leaseMs);
          if (!job) break;
          launch(job);
        }
      } catch (error) {
        logger.error('job claim failed', { workerId, ...summaryOf(error), message: messageOf(error) });
      }
      await pause();
    }
  }

  const looping = loop().catch((error: unknown) => {
    logger.error('job poll loop crashed', { workerId, ...summaryOf(error) });
  });
  logger.info('job worker started', { workerId, kinds, concurrency });

  return {
    poke,
    stop() {
      if (!stopped) {
        stopping = true;
        wake?.();
        for (const abort of aborts) abort();
        stopped = (async () => {
          await looping;
          await Promise.allSettled([...running]);
          logger.info('job worker stopped', { workerId });
        })();
      }
      return stopped;
    },
  };
}
