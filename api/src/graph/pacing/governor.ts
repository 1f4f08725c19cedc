import { GraphError } from '@microsoft/microsoft-graph-client';
import { DOCUMENTED_LIMITS, type PacingLimits, type TeamsRequestClass } from './graph-limits';
import { raceAbort, throwIfAborted } from './abort';
import { SlidingLimiter, type Clock, type Release, type Sleep } from './rate-limiter';

/** Which limits a request counts against. */
export type Lane =
  | { readonly service: 'teams'; readonly requestClass: TeamsRequestClass; readonly resource: string }
  | { readonly service: 'identity'; readonly units: number }
  | { readonly service: 'reports'; readonly report: string };

/**
 * Quota use shared by every process of a deployment, for the long-window report limit (a process that
 * only knew its own use would spend the quota a second time).
 */
export interface QuotaLedger {
  /** Takes a slot of `lane` at time `at` if fewer than `limit` were taken in the window; else ms to wait. */
  take(lane: string, limit: number, windowMs: number, at: number): Promise<number>;
}

/** Options for a tenant's governor. */
export interface GovernorOptions {
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly limits?: PacingLimits;
  /** Attempts per request before the error is passed on (default 8). */
  readonly maxAttempts?: number;
  /** Shared ledger for the report quota; without it the quota is counted in this process only. */
  readonly ledger?: QuotaLedger;
}

/** Counters a run reports (429s seen should stay 0 with the governor on). */
export interface GovernorStats {
  requests: number;
  throttled: number;
  retried: number;
}

/** A wait that holds a request: for the report quota, or for a throttling answer's Retry-After. */
export interface GovernorWait {
  readonly reason: 'reportQuota' | 'throttling';
  /** Epoch ms the wait ends (as far as is known when it starts). */
  readonly until: number;
}

/** Told when a wait starts; returns the call that says it ended. */
export type WaitListener = (wait: GovernorWait) => () => void;

/** One run's view of the tenant's governor. */
export interface RunScope {
  /** Aborting it ends the run's waits and requests at once, with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Hears of the report-quota and Retry-After waits of the run (pacing inside a second is not told). */
  readonly onWait?: WaitListener;
}

/** Paces one tenant's Graph requests under the documented limits and retries transient failures. */
export interface RateGovernor {
  readonly stats: GovernorStats;
  /** Waits for the lane's limits to allow one request; call the result when its response arrived. */
  admit(lane: Lane): Promise<Release>;
  /** Admits, runs and retries `request` on 429/503/504 or a dropped connection, honouring Retry-After. */
  run<T>(lane: Lane, request: () => Promise<T>): Promise<T>;
  /** Sleeps the injected way (for batch retries). */
  pause(ms: number): Promise<void>;
  /**
   * The same governor (limits, ledger, counters) for one run: its waits end when its signal aborts.
   * Scoping a scoped governor adds to its scope (either signal stops it; both listeners are told).
   */
  scoped(scope: RunScope): RateGovernor;
}

/**
 * Whether a failure is worth retrying: throttling, unavailable, gateway timeout or a network error —
 * including a connection dropped after a 2xx status line, which the client reports as a GraphError
 * with the 2xx status (the body never arrived).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof GraphError)
    return (
      [429, 503, 504].includes(error.statusCode) ||
      error.statusCode <= 0 ||
      (error.statusCode >= 200 && error.statusCode < 300)
    );
  return (
    error instanceof TypeError || (error instanceof Error && /fetch failed|socket|ECONN/i.test(error.message))
  );
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined || value === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Padding of the 10-minute report window against clock skew and latency between us and Graph. */
const reportSkewMs = 5_000;

/** Creates a governor for one tenant (one app); share it across all of that tenant's collectors. */
export function createRateGovernor(options: GovernorOptions): RateGovernor {
  const limits = options.limits ?? DOCUMENTED_LIMITS;
  const maxAttempts = options.maxAttempts ?? 8;
  const limiters = new Map<string, SlidingLimiter>();
  const stats: GovernorStats = { requests: 0, throttled: 0, retried: 0 };
  // Every limit is used in full: a grant counts from its request until a whole window after its answer,
  // and Graph counted the request somewhere in between, so no window of Graph's can see more than the
  // limit whatever the latency or its jitter. (A margin such as 90% buys nothing on top of that, and
  // costs 10% of the speed; counting from the send instead would be faster but is unsafe: a burst whose
  // requests are delayed in transit lands in the same server window as the next burst.)
  const limiter = (key: string, limit: number, windowMs: number): SlidingLimiter => {
    let found = limiters.get(key);
    if (!found) {
      found = new SlidingLimiter(limit, windowMs, options.now, options.sleep);
      limiters.set(key, found);
    }
    return found;
  };

  /** The governor as `scope` sees it; the unscoped one has no signal and tells no one of its waits. */
  function view(scope: RunScope): RateGovernor {
    const { signal } = scope;
    const tell = (wait: GovernorWait): (() => void) => (scope.onWait ? scope.onWait(wait) : () => undefined);
    const sleep = (ms: number): Promise<void> => raceAbort(options.sleep(ms, signal), signal);
    // Waits of a second or more are told: shorter ones are pacing, not waiting.
    const throttledSleep = async (ms: number): Promise<void> => {
      const end = ms >= 1000 ? tell({ reason: 'throttling', until: options.now() + ms }) : () => undefined;
      try {
        await sleep(ms);
      } finally {
        end();
      }
    };

    async function admitTeams(lane: Extract<Lane, { service: 'teams' }>): Promise<Release> {
      const resource = await limiter(
        `resource:${lane.resource}`,
        limits.perTeamOrChannelPerSecond,
        1000,
      ).acquire(1, { signal });
      let tenantWide: Release;
      try {
        tenantWide = await limiter(
          `teams:${lane.requestClass}`,
          limits.teamsPerSecond[lane.requestClass],
          1000,
        ).acquire(1, { signal });
      } catch (error) {
        resource();
        throw error;
      }
      return () => {
        resource();
        tenantWide();
      };
    }

    async function admitReport(report: string): Promise<Release> {
      // Reports are counted across processes by the ledger when there is one; the 10-minute window is
      // padded against clock skew between our hosts and Graph's.
      const windowMs = 600_000 + reportSkewMs;
      if (!options.ledger)
        return limiter(`report:${report}`, limits.reportsPer10Minutes, windowMs).acquire(1, {
          signal,
          onWait: (until) => tell({ reason: 'reportQuota', until }),
        });
      for (;;) {
        throwIfAborted(signal);
        // Not raced with the signal: the transaction is short, and a slot it took must not go unused.
        const wait = await options.ledger.take(
          `report:${report}`,
          limits.reportsPer10Minutes,
          windowMs,
          options.now(),
        );
        if (wait === 0) return () => undefined;
        const end = tell({ reason: 'reportQuota', until: options.now() + wait });
        try {
          await sleep(wait);
        } finally {
          end();
        }
      }
    }

    async function admit(lane: Lane): Promise<Release> {
      throwIfAborted(signal);
      stats.requests += 1;
      if (lane.service === 'teams') return admitTeams(lane);
      if (lane.service === 'reports') return admitReport(lane.report);
      if (lane.units === 0) return () => undefined;
      return limiter('identity', limits.identityUnitsPer10s, 10_000).acquire(lane.units, { signal });
    }

    async function run<T>(lane: Lane, request: () => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        const release = await admit(lane);
        let result: T;
        try {
          // A request still in flight when the run stops is left to finish on its own; its answer is dropped.
          throwIfAborted(signal);
          result = await raceAbort(request(), signal);
        } catch (error) {
          release();
          throwIfAborted(signal);
          if (!isTransient(error) || attempt >= maxAttempts) throw error;
          const graph = error instanceof GraphError ? error : null;
          if (graph?.statusCode === 429) stats.throttled += 1;
          stats.retried += 1;
          const header = graph?.headers?.get('Retry-After');
          const wait = retryAfterMs(header, options.now()) ?? Math.min(30_000, 500 * 2 ** (attempt - 1));
          await throttledSleep(wait);
          continue;
        }
        release();
        return result;
      }
    }

    // A scope inside this one: either signal stops it, and both listeners hear of its waits.
    const inner = (nested: RunScope): RateGovernor => {
      const signals = [signal, nested.signal].filter((entry) => entry !== undefined);
      const listeners = [scope.onWait, nested.onWait].filter((entry) => entry !== undefined);
      return view({
        ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
        onWait: (wait) => {
          const ends = listeners.map((listener) => listener(wait));
          return () => ends.forEach((end) => end());
        },
      });
    };

    return { stats, admit, run, pause: throttledSleep, scoped: inner };
  }

  return view({});
}

/**
 * Runs `work` over `items` with at most `limit` in flight; results keep the input order. After a
 * failure no new item starts, and the error is passed on once the items in flight have ended, so no
 * work of a failed call outlives it.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = settled.find((outcome) => outcome.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
