import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { abortableSleep } from './abort';
import { DOCUMENTED_LIMITS } from './graph-limits';
import { createRateGovernor, mapConcurrent, type GovernorWait, type QuotaLedger } from './governor';

const reportLane = { service: 'reports', report: 'getTeamsUserActivityUserDetail' } as const;

/** A ledger whose report quota another process has used up for the next ten minutes. */
function exhaustedLedger(): QuotaLedger & { takes: number } {
  const ledger = {
    takes: 0,
    take: () => {
      ledger.takes += 1;
      return Promise.resolve(600_000);
    },
  };
  return ledger;
}

/** Records the waits a scope is told of, and whether each has ended. */
function waitLog() {
  const waits: Array<GovernorWait & { ended: boolean }> = [];
  return {
    waits,
    onWait: (wait: GovernorWait) => {
      const entry = { ...wait, ended: false };
      waits.push(entry);
      return () => {
        entry.ended = true;
      };
    },
  };
}

/** Aborts `controller` once `waits` has a wait, and says how long the run took to end after that. */
async function abortDuringWait(
  run: Promise<unknown>,
  controller: AbortController,
  waits: readonly unknown[],
): Promise<{ error: unknown; endedAfterMs: number }> {
  const outcome = run.then(
    () => ({ error: null }),
    (error: unknown) => ({ error }),
  );
  while (waits.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const abortedAt = performance.now();
  controller.abort(new Error('cancelled by the user'));
  const { error } = await outcome;
  return { error, endedAfterMs: performance.now() - abortedAt };
}

describe('a scoped governor', () => {
  it('ends a wait on an exhausted shared report quota as soon as its signal aborts', async () => {
    const ledger = exhaustedLedger();
    const governor = createRateGovernor({ now: Date.now, sleep: abortableSleep, ledger });
    const controller = new AbortController();
    const log = waitLog();
    let sent = 0;
    const scoped = governor.scoped({ signal: controller.signal, onWait: log.onWait });
    const started = Date.now();
    const { error, endedAfterMs } = await abortDuringWait(
      scoped.run(reportLane, () => {
        sent += 1;
        return Promise.resolve('csv');
      }),
      controller,
      log.waits,
    );
    expect((error as Error).message).toBe('cancelled by the user');
    expect(endedAfterMs).toBeLessThan(200);
    expect(sent).toBe(0);
    expect(ledger.takes).toBe(1);
    // The wait was told with its end time, and told again when it ended.
    expect(log.waits).toHaveLength(1);
    expect(log.waits[0]?.reason).toBe('reportQuota');
    expect(log.waits[0]?.until).toBeGreaterThanOrEqual(started + 600_000);
    expect(log.waits[0]?.ended).toBe(true);
  });

  it('ends a wait on the in-process report limit, and the aborted wait holds no slot', async () => {
    let time = 0;
    const governor = createRateGovernor({
      now: () => time,
      sleep: abortableSleep,
      limits: { ...DOCUMENTED_LIMITS, reportsPer10Minutes: 1 },
    });
    await governor.run(reportLane, () => Promise.resolve('first'));
    const controller = new AbortController();
    const log = waitLog();
    const { error, endedAfterMs } = await abortDuringWait(
      governor
        .scoped({ signal: controller.signal, onWait: log.onWait })
        .run(reportLane, () => Promise.resolve('fifteenth')),
      controller,
      log.waits,
    );
    expect((error as Error).message).toBe('cancelled by the user');
    expect(endedAfterMs).toBeLessThan(200);
    expect(log.waits[0]).toMatchObject({ reason: 'reportQuota', ended: true });
    // Once the window has passed, the next run gets the one slot at once: the cancelled one took none.
    time = 700_000;
    await expect(governor.run(reportLane, () => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('ends a Retry-After wait and a request in flight when the signal aborts', async () => {
    const governor = createRateGovernor({ now: Date.now, sleep: abortableSleep });
    const lane = { service: 'identity', units: 1 } as const;
    const throttled = new AbortController();
    const log = waitLog();
    const retryAfter = (): Promise<never> => {
      const error = new GraphError(429, 'Too many requests');
      error.headers = new Headers({ 'Retry-After': '120' });
      return Promise.reject(error);
    };
    const first = await abortDuringWait(
      governor.scoped({ signal: throttled.signal, onWait: log.onWait }).run(lane, retryAfter),
      throttled,
      log.waits,
    );
    expect(first.endedAfterMs).toBeLessThan(200);
    expect(log.waits[0]).toMatchObject({ reason: 'throttling', ended: true });

    const hanging = new AbortController();
    const inFlight: unknown[] = [];
    const never = governor.scoped({ signal: hanging.signal }).run(lane, () => {
      inFlight.push(1);
      return new Promise<never>(() => undefined);
    });
    const second = await abortDuringWait(never, hanging, inFlight);
    expect((second.error as Error).message).toBe('cancelled by the user');
    expect(second.endedAfterMs).toBeLessThan(200);
  });

  it('stops a scope inside a scope when either signal aborts, and tells both listeners', async () => {
    const governor = createRateGovernor({ now: Date.now, sleep: abortableSleep, ledger: exhaustedLedger() });
    const outer = new AbortController();
    const inner = new AbortController();
    const outerLog = waitLog();
    const innerLog = waitLog();
    const nested = governor
      .scoped({ signal: outer.signal, onWait: outerLog.onWait })
      .scoped({ signal: inner.signal, onWait: innerLog.onWait });
    const { endedAfterMs } = await abortDuringWait(
      nested.run(reportLane, () => Promise.resolve(1)),
      outer,
      innerLog.waits,
    );
    expect(endedAfterMs).toBeLessThan(200);
    expect(outerLog.waits).toHaveLength(1);
    expect(innerLog.waits[0]?.ended).toBe(true);
  });
});

describe('mapConcurrent', () => {
  it('starts no item after a failure and passes the error on once the items in flight ended', async () => {
    const started: number[] = [];
    let inFlightEnded = false;
    const failure = await mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      if (item === 0) throw new Error('item 0 failed');
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlightEnded = true;
      return item;
    }).catch((error: unknown) => error);
    expect((failure as Error).message).toBe('item 0 failed');
    expect(started).toEqual([0, 1]);
    expect(inFlightEnded).toBe(true);
  });
});
