// Daily activity counts of the synthetic tenant (chat, calls, meetings, email, Viva Engage, files). One
// byte per person, metric and day in a single buffer (100,000 people × 26 weeks × 16 metrics = 291 MB).
import { calendarOf, type Calendar } from './calendar';
import {
  ACTIVITY_METRICS,
  type ActivityMetric,
  type Archetype,
  type DailyCounts,
  type DemoUser,
} from './model';
import type { Rng } from './random';

/** Metrics drawn from archetype rates (channel counts come from the messages instead). */
const DRAWN: readonly ActivityMetric[] = ACTIVITY_METRICS.filter(
  (m) => m !== 'channelPosts' && m !== 'channelReplies',
);
// Per-working-day means, in DRAWN order: chat, calls, meetings attended/organized, emails sent/read,
// Engage posts/reads/likes, files viewed or edited/synced/shared internally/shared externally, pages.
const RATES: Record<Archetype, readonly number[]> = {
  activeSharer: [12, 1.5, 3, 0.6, 6, 25, 0.5, 6, 1.5, 6, 2, 1.2, 0.15, 4],
  responder: [15, 1.5, 3, 0.5, 7, 28, 0.15, 4, 1, 5, 1.5, 0.8, 0.1, 3],
  lurker: [6, 0.8, 2.5, 0.2, 4, 22, 0.02, 5, 0.3, 3, 1, 0.2, 0.02, 4],
  chatOnly: [30, 2.5, 2, 0.3, 3, 15, 0.01, 0.5, 0.1, 2, 0.5, 0.1, 0.02, 1],
  emailFirst: [3, 0.5, 2.5, 0.4, 18, 45, 0.05, 1, 0.2, 4, 1.5, 0.3, 0.1, 1.5],
  meetingHeavy: [8, 2, 6.5, 2, 8, 30, 0.05, 1.5, 0.3, 3, 1, 0.4, 0.05, 2],
};
/** People who lead others meet and email more. */
const LEAD_FACTOR: Partial<Record<ActivityMetric, number>> = {
  meetingsAttended: 1.4,
  meetingsOrganized: 2.5,
  emailsSent: 1.2,
  emailsRead: 1.2,
};
/** Activity on weekends and public holidays, relative to a working day. */
export const OFF_DAY_FACTOR = 0.05;

/** Overrides for a person whose behaviour is scripted (design-team leaders, see ground-truth.ts). */
export interface ActivityOverride {
  /** Per-working-day means replacing the archetype's for these metrics. */
  rates: Partial<Record<ActivityMetric, number>>;
  /** Exact per-day counts for these metrics (days not listed are zero). */
  exact: Partial<Record<ActivityMetric, ReadonlyMap<number, number>>>;
}

const M = Object.fromEntries(ACTIVITY_METRICS.map((m, i) => [m, i])) as Record<ActivityMetric, number>;

/**
 * One person's days: a single view onto the tenant's activity bytes (metric-major), handing out each
 * metric as a subarray on access. Two objects per person instead of seventeen keeps 100,000 people lean.
 */
class DailyView implements DailyCounts {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly days: number,
  ) {}
  private series(metric: ActivityMetric): Uint8Array {
    const at = M[metric] * this.days;
    return this.bytes.subarray(at, at + this.days);
  }
  get privateChatMessages() {
    return this.series('privateChatMessages');
  }
  get calls() {
    return this.series('calls');
  }
  get meetingsAttended() {
    return this.series('meetingsAttended');
  }
  get meetingsOrganized() {
    return this.series('meetingsOrganized');
  }
  get emailsSent() {
    return this.series('emailsSent');
  }
  get emailsRead() {
    return this.series('emailsRead');
  }
  get engagePosts() {
    return this.series('engagePosts');
  }
  get engageReads() {
    return this.series('engageReads');
  }
  get engageLikes() {
    return this.series('engageLikes');
  }
  get filesViewedOrEdited() {
    return this.series('filesViewedOrEdited');
  }
  get filesSynced() {
    return this.series('filesSynced');
  }
  get filesSharedInternally() {
    return this.series('filesSharedInternally');
  }
  get filesSharedExternally() {
    return this.series('filesSharedExternally');
  }
  get sitePagesVisited() {
    return this.series('sitePagesVisited');
  }
  get channelPosts() {
    return this.series('channelPosts');
  }
  get channelReplies() {
    return this.series('channelReplies');
  }
}

/** Allocates the tenant's activity bytes (people × metrics × days) and gives every person a view of theirs. */
export function allocateActivity(users: readonly DemoUser[], days: number): void {
  const width = ACTIVITY_METRICS.length * days;
  const bytes = new Uint8Array(users.length * width);
  users.forEach((u, i) => {
    u.daily = new DailyView(bytes.subarray(i * width, (i + 1) * width), days);
  });
}

/** Draws a person's per-day counts from their archetype and local calendar; zero from the cutoff day on. */
export function fillActivity(
  rng: Rng,
  u: DemoUser,
  calendar: Calendar,
  cutoff: number,
  override: ActivityOverride | null,
): void {
  const local = calendarOf(calendar, u.officeLocation);
  const base = RATES[u.archetype];
  const mult = rng.lognormal(1, 0.3) * (u.userType === 'Guest' ? 0.3 : 1);
  const end = Math.min(cutoff, calendar.days);
  const workdays = local.workday;
  DRAWN.forEach((metric, i) => {
    const out = u.daily[metric];
    const exact = override?.exact[metric];
    if (exact) {
      for (const [d, n] of exact) if (d >= 0 && d < end) out[d] = Math.min(255, n);
      return;
    }
    const rate =
      override?.rates[metric] ??
      (base[i] ?? 0) * mult * (u.managerArchetype ? (LEAD_FACTOR[metric] ?? 1) : 1);
    const [work, off] = [rate, rate * OFF_DAY_FACTOR];
    const [expWork, expOff] = [Math.exp(-work), Math.exp(-off)];
    for (let d = 0; d < end; d++) {
      const n = workdays[d] === 1 ? rng.poissonFast(work, expWork) : rng.poissonFast(off, expOff);
      out[d] = n > 255 ? 255 : n;
    }
  });
}

/** Sum of a metric over the window days [from, to) (clamped to the window). */
export function sumDays(series: Uint8Array, from: number, to: number): number {
  let total = 0;
  for (let d = Math.max(0, from); d < to && d < series.length; d++) total += series[d] ?? 0;
  return total;
}
