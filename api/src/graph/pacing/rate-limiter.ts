import { raceAbort, throwIfAborted } from './abort';

/** An injected clock in epoch milliseconds. */
export type Clock = () => number;

/**
 * An injected sleep; tests advance a virtual clock instead of waiting. It should end early (and clear
 * its timer) when `signal` aborts; callers also stop waiting for it then, whether it does or not.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** How one acquire waits: a signal that ends the wait, and a listener told when it must sleep. */
export interface AcquireOptions {
  readonly signal?: AbortSignal | undefined;
  /** Called when the grant must wait until `until` (epoch ms) for the window; returns the end call. */
  readonly onWait?: ((until: number) => () => void) | undefined;
}

/** Ends a grant: call it when the response has arrived. */
export type Release = () => void;

interface Slot {
  at: number;
  readonly cost: number;
}

/**
 * At most `limit` grants per `windowMs`, on a sliding window: the rule Graph documents ("N requests per
 * window"). A grant counts from when it is taken until `windowMs` after its response arrived, because the
 * server saw the request somewhere in between; so latency can never squeeze more than `limit` requests
 * into one of the server's windows. Grants are first come, first served.
 */
export class SlidingLimiter {
  private slots: Slot[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private released: () => void = () => undefined;
  private nextRelease: Promise<void> = this.renew();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('limit must be ≥ 1 and windowMs > 0');
  }

  /**
   * Waits until `cost` grants fit in the window, then takes them; call the result once answered. When
   * the signal aborts, the wait rejects at once and no grant is taken (nor kept) for it.
   */
  acquire(cost = 1, options: AcquireOptions = {}): Promise<Release> {
    const { signal } = options;
    const run = this.tail.then(() => {
      throwIfAborted(signal);
      return this.take(Math.min(cost, this.limit), options);
    });
    this.tail = run.catch(() => undefined);
    return raceAbort(run, signal, (release) => release());
  }

  private renew(): Promise<void> {
    return new Promise((resolve) => {
      this.released = resolve;
    });
  }

  private async take(cost: number, { signal, onWait }: AcquireOptions): Promise<Release> {
    // The wait being reported, ended when the grant is taken, the wait moves or the signal aborts.
    const current = { end: (): void => undefined };
    try {
      return await this.takeWaiting(cost, signal, (until) => {
        current.end();
        current.end = onWait ? onWait(until) : () => undefined;
      });
    } finally {
      current.end();
    }
  }

  private async takeWaiting(
    cost: number,
    signal: AbortSignal | undefined,
    waiting: (until: number) => void,
  ): Promise<Release> {
    let waitingUntil = 0;
    for (;;) {
      throwIfAborted(signal);
      const time = this.now();
      this.slots = this.slots.filter((slot) => slot.at > time - this.windowMs);
      const used = this.slots.reduce((total, slot) => total + slot.cost, 0);
      if (used + cost <= this.limit) {
        const slot: Slot = { at: Number.POSITIVE_INFINITY, cost };
        this.slots.push(slot);
        return () => {
          if (slot.at !== Number.POSITIVE_INFINITY) return;
          slot.at = this.now();
          const wake = this.released;
          this.nextRelease = this.renew();
          wake();
        };
      }
      const finished = this.slots.filter((slot) => Number.isFinite(slot.at)).map((slot) => slot.at);
      const waits: Array<Promise<void>> = [this.nextRelease];
      if (finished.length > 0) {
        const ms = Math.max(1, Math.min(...finished) + this.windowMs - time + 1);
        if (time + ms !== waitingUntil) waiting((waitingUntil = time + ms));
        waits.push(this.sleep(ms, signal));
      }
      await raceAbort(Promise.race(waits), signal);
    }
  }
}
