/** An injected clock in epoch milliseconds. */
export type Clock = () => number;

/** An injected sleep; tests advance a virtual clock instead of waiting. */
export type Sleep = (ms: number) => Promise<void>;

/** Ends a grant: call it when the response has arrived. */
export type Release = () => void;

interface Slot {
  at: number;
  readonly cost: number;
}

/**
 * When a grant starts to count. `answer`: from when it is taken until `windowMs` after its response
 * arrived — the server saw the request somewhere in between, so latency can never squeeze more than
 * `limit` requests into one of the server's windows (for limits too small to leave any margin). `send`:
 * from when it is taken — the faster choice, safe when `limit` is below the server's figure by enough to
 * absorb the spread of arrival delays (the governor's 10% headroom).
 */
export type CountFrom = 'answer' | 'send';

/**
 * At most `limit` grants per `windowMs`, on a sliding window: the rule Graph documents ("N requests per
 * window"), with grants counted as `countFrom` says. Grants are first come, first served.
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
    private readonly countFrom: CountFrom = 'answer',
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('limit must be ≥ 1 and windowMs > 0');
  }

  /** Waits until `cost` grants fit in the window, then takes them; call the result once answered. */
  acquire(cost = 1): Promise<Release> {
    const run = this.tail.then(() => this.take(Math.min(cost, this.limit)));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private renew(): Promise<void> {
    return new Promise((resolve) => {
      this.released = resolve;
    });
  }

  private async take(cost: number): Promise<Release> {
    for (;;) {
      const time = this.now();
      this.slots = this.slots.filter((slot) => slot.at > time - this.windowMs);
      const used = this.slots.reduce((total, slot) => total + slot.cost, 0);
      if (used + cost <= this.limit) {
        const slot: Slot = { at: this.countFrom === 'send' ? time : Number.POSITIVE_INFINITY, cost };
        this.slots.push(slot);
        if (this.countFrom === 'send') return () => undefined;
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
      if (finished.length > 0)
        waits.push(this.sleep(Math.max(1, Math.min(...finished) + this.windowMs - time + 1)));
      await Promise.race(waits);
    }
  }
}
