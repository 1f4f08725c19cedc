/** An injected clock in epoch milliseconds. */
export type Clock = () => number;

/** An injected sleep; tests advance a virtual clock instead of waiting. */
export type Sleep = (ms: number) => Promise<void>;

/**
 * At most `limit` grants per `windowMs`, on a sliding window: the same rule Graph documents ("N requests
 * per window"), so a full burst never overlaps the server's window the way a refilled token bucket can.
 * Grants are first come, first served; a grant is a token taken from a bucket of `limit` that returns
 * `windowMs` after it was taken.
 */
export class SlidingLimiter {
  private readonly grants: number[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('limit must be ≥ 1 and windowMs > 0');
  }

  /** Waits until `cost` grants fit in the window, then takes them. */
  acquire(cost = 1): Promise<void> {
    const run = this.tail.then(() => this.take(Math.min(cost, this.limit)));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async take(cost: number): Promise<void> {
    for (;;) {
      const time = this.now();
      while (this.grants.length > 0 && this.grants[0]! <= time - this.windowMs) this.grants.shift();
      if (this.grants.length + cost <= this.limit) {
        for (let i = 0; i < cost; i += 1) this.grants.push(time);
        return;
      }
      const freeAt = this.grants[this.grants.length + cost - this.limit - 1]! + this.windowMs;
      await this.sleep(Math.max(1, freeAt - time + 1));
    }
  }
}
