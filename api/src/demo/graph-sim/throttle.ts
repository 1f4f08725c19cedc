// Throttling at Graph's documented limits, on an injected clock (tests advance it by hand). Sources:
// - Teams (graph-wire-contract.md §5.3, throttling-limits.md@01351749): requests per second per app per
//   tenant by request class, and "a maximum of 4 requests per second per app … on a given team or channel";
// - identity and access (§5.3): a token bucket of resource units per app+tenant per 10 seconds, sized by
//   tenant (S under 50 users 3,500; M 50–500 5,000; L over 500 8,000), request costs in routes.ts;
// - reports (§1.7): CSV downloads, 14 per 10 minutes per app per tenant and 40 per 10 minutes per tenant
//   for all apps, each report API counted separately.
// A throttled request uses no quota. Windows slide; Retry-After is the whole seconds until a slot frees.
import type { GraphCaller } from './auth';
import { identityCost, type RouteInfo, type TeamsClass } from './routes';
import type { SimRequest } from './context';

/** The limits the simulator enforces; GRAPH_LIMITS holds the documented values. */
export interface ThrottleLimits {
  /** Teams: requests per second per app per tenant, by request class. */
  teamsPerSecond: Readonly<Record<TeamsClass, number>>;
  /** Teams: requests per second per app on one team or channel. */
  perTeamOrChannelPerSecond: number;
  /** Identity: resource units per 10 seconds per app+tenant; 'bySize' picks S/M/L from the tenant. */
  identityUnitsPer10s: number | 'bySize';
  /** Reports: CSV requests per 10 minutes per app per tenant, per report. */
  reportsPer10Minutes: number;
  /** Reports: CSV requests per 10 minutes per tenant for all apps, per report. */
  reportsPer10MinutesAllApps: number;
}

/** Graph's documented limits (sources in the file comment). */
export const GRAPH_LIMITS: ThrottleLimits = {
  teamsPerSecond: {
    teamGet: 30,
    channelGet: 30,
    channelMessage: 20,
    teamMembers: 60,
    channels: 60,
    otherGet: 30,
  },
  perTeamOrChannelPerSecond: 4,
  identityUnitsPer10s: 'bySize',
  reportsPer10Minutes: 14,
  reportsPer10MinutesAllApps: 40,
};

/** Identity budget per 10 s for a tenant of this many users (S/M/L). */
export function identityBudget(users: number): number {
  return users < 50 ? 3500 : users <= 500 ? 5000 : 8000;
}

/** The outcome of a throttle check: allowed (with headers to add) or refused (429 with Retry-After). */
export type ThrottleVerdict =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; retryAfterSeconds: number; headers: Record<string, string> };

/** A sliding-window counter: at most `limit` events per `windowMs`. */
class SlidingWindow {
  private readonly times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until an event is allowed at `now` (0 = allowed now). */
  wait(now: number): number {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - this.windowMs) this.times.shift();
    return this.times.length < this.limit ? 0 : (this.times[0] ?? now) + this.windowMs - now;
  }

  record(now: number): void {
    this.times.push(now);
  }
}

/** A token bucket refilled continuously: `capacity` units per `periodMs`. */
class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    readonly capacity: number,
    private readonly periodMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.capacity) / this.periodMs);
    this.last = Math.max(this.last, now);
  }

  /** Milliseconds until `cost` units are available (0 = now). */
  wait(now: number, cost: number): number {
    this.refill(now);
    return this.tokens >= cost ? 0 : ((cost - this.tokens) * this.periodMs) / this.capacity;
  }

  take(cost: number): void {
    this.tokens -= cost;
  }

  /** Share of the budget in use, 0..1. */
  used(): number {
    return 1 - this.tokens / this.capacity;
  }
}

/** Per-tenant throttle state. */
export class Throttle {
  private readonly windows = new Map<string, SlidingWindow>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly identityCapacity: number;

  /** limits: what to enforce; tenantId and users size the identity budget; now: the injected clock. */
  constructor(
    private readonly limits: ThrottleLimits,
    private readonly tenantId: string,
    users: number,
    private readonly now: () => Date,
  ) {
    this.identityCapacity =
      limits.identityUnitsPer10s === 'bySize' ? identityBudget(users) : limits.identityUnitsPer10s;
  }

  private window(key: string, limit: number, windowMs: number): SlidingWindow {
    let w = this.windows.get(key);
    if (!w) this.windows.set(key, (w = new SlidingWindow(limit, windowMs)));
    return w;
  }

  /** Checks (and on success records) one request against every limit that applies to it. */
  check(caller: GraphCaller, route: RouteInfo, req: SimRequest): ThrottleVerdict {
    const now = this.now().getTime();
    const app = caller.appId ?? 'unknown-app';
    const windows: SlidingWindow[] = [];
    const headers: Record<string, string> = {};
    let bucket: { b: TokenBucket; cost: number } | null = null;
    if (route.service === 'teams') {
      const cls = route.teamsClass ?? 'otherGet';
      windows.push(this.window(`teams|${app}|${cls}`, this.limits.teamsPerSecond[cls], 1000));
      if (route.resourceKey)
        windows.push(
          this.window(`teams|${app}|${route.resourceKey}`, this.limits.perTeamOrChannelPerSecond, 1000),
        );
    } else if (route.service === 'reports' && route.report) {
      windows.push(this.window(`reports|${app}|${route.report}`, this.limits.reportsPer10Minutes, 600_000));
      windows.push(this.window(`reports|*|${route.report}`, this.limits.reportsPer10MinutesAllApps, 600_000));
    } else if (route.service === 'identity') {
      let b = this.buckets.get(app);
      if (!b) this.buckets.set(app, (b = new TokenBucket(this.identityCapacity, 10_000, now)));
      bucket = { b, cost: identityCost(route, req) };
      headers['x-ms-resource-unit'] = String(bucket.cost);
    }
    const wait = Math.max(
      0,
      ...windows.map((w) => w.wait(now)),
      bucket ? bucket.b.wait(now, bucket.cost) : 0,
    );
    if (wait > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
      if (bucket) {
        headers['x-ms-throttle-scope'] = `Tenant_Application/ReadWrite/${app}/${this.tenantId}`;
        headers['x-ms-throttle-information'] = 'ResourceUnitLimitExceeded';
      }
      return { allowed: false, retryAfterSeconds, headers };
    }
    for (const w of windows) w.record(now);
    if (bucket) {
      bucket.b.take(bucket.cost);
      const used = bucket.b.used();
      if (used > 0.8) headers['x-ms-throttle-limit-percentage'] = used.toFixed(1);
    }
    return { allowed: true, headers };
  }
}
