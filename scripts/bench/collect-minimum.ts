// The least a collection of one tenant can cost under Graph's rules, from the tenant's ground truth: the
// yardstick `npm run bench:collect` holds the real pipeline against. Pure: no clock, no I/O.
//
// Requests (each HTTP request counts once; a `$batch` is one request; a usage report is two, the 302 from
// Graph and the download it points to):
// - the user list: one page per 999 users (at least one page);
// - one read of /admin/reportSettings;
// - team structure: members and channels of every team, two sub-requests per team, 20 to a `$batch`,
//   plus any next-link pages of those lists;
// - per channel: root posts come newest first, 50 a page. A reader must reach the oldest root whose
//   thread was touched inside the window (k roots from the top) and must know it can stop: when an older
//   root exists that takes ceil((k + 1) / 50) pages (it has to see one root from before the window),
//   otherwise max(1, ceil(k / 50)) pages (the last page has no next link). Touched roots with more
//   replies than Graph inlines add their reply pages at 50 each;
// - usage reports: two requests per report per day.
//
// Time (the throttle-bound minimum; L is the round-trip latency). Three chains of work, side by side,
// because they count against different limits and only the reports need another's result:
// - the user list: its pages follow each other's next links: pages × L;
// - the reports, after the user list (each downloaded day is stored by person index, which the list
//   gives): 14 downloads per report per 10 minutes and the reports are read in parallel, so the last
//   window opens (ceil(days / 14) - 1) × 600 s after the first, and its download takes 2 × L;
// - messages: the `$batch` requests (batches × L; channel ids come from them), then the channel pages,
//   which take at least the longer of the tenant-wide bound (20 channel-message requests per second:
//   (ceil(P / 20) - 1) s + L for P pages in all) and the slowest channel's chain (each page follows the
//   previous page's next link, and at most 4 requests per second reach one channel: a page starts when
//   the previous one answered and no sooner than 1 s after the page four before it).
// - minimum time = max(users + reports, messages); the non-report part alone = max(users, messages).

/** Graph's paging and throttling figures the bound uses. */
export const graphFigures = {
  usersPerPage: 999,
  rootsPerPage: 50,
  repliesPerPage: 50,
  requestsPerBatch: 20,
  channelMessagesPerSecond: 20,
  requestsPerChannelPerSecond: 4,
  reportsPerWindow: 14,
  reportWindowMs: 600_000,
} as const;

/** One root post as the channel pages it: when its thread last changed and how many replies it has. */
export interface RootTruth {
  /** Epoch ms of the latest post or reaction in the thread (root included). */
  readonly touchedAt: number;
  readonly replies: number;
}

/** What the minimum depends on: the tenant and plan as they really are. */
export interface CollectionTruth {
  /** Users in the directory (guests included: the list returns them). */
  readonly users: number;
  /** Teams in the plan. */
  readonly teams: number;
  /** Next-link pages of team member and channel lists beyond the first page each. */
  readonly structureNextPages: number;
  /** Each channel of the plan's teams, its roots newest first. */
  readonly channels: ReadonlyArray<readonly RootTruth[]>;
  /** First millisecond of the snapshot window. */
  readonly windowStart: number;
  /** Days each usage report is read for. */
  readonly reportDays: number;
  /** Usage reports read per day. */
  readonly reports: number;
}

/** How the network and Graph behave beyond the documented figures. */
export interface NetworkFacts {
  /** Round trip of one request, in ms. */
  readonly latencyMs: number;
  /** Replies Graph returns inline with `$expand=replies` before it gives a next link. */
  readonly inlineReplies: number;
}

/** Request counts by kind. */
export interface MinimumRequests {
  readonly users: number;
  readonly reportSettings: number;
  readonly teamBatches: number;
  readonly channelPages: number;
  readonly replyPages: number;
  readonly reports: number;
  readonly total: number;
}

/** Milliseconds each part needs at least, and the run as a whole. */
export interface MinimumTime {
  readonly users: number;
  readonly reports: number;
  /** Team batches and every channel page, after the user list. */
  readonly messages: number;
  /** Users and messages side by side: when everything but the reports can be done. */
  readonly nonReport: number;
  readonly total: number;
}

/** The least requests and time a collection of `truth` takes. */
export interface CollectionMinimum {
  readonly requests: MinimumRequests;
  readonly ms: MinimumTime;
}

/** Pages one channel needs: roots to the oldest touched one, and one root older when there is one. */
export function channelPages(roots: readonly RootTruth[], windowStart: number): number {
  let touched = 0;
  for (let index = roots.length - 1; index >= 0; index -= 1)
    if ((roots[index]?.touchedAt ?? 0) >= windowStart) {
      touched = index + 1;
      break;
    }
  const perPage = graphFigures.rootsPerPage;
  return touched < roots.length
    ? Math.ceil((touched + 1) / perPage)
    : Math.max(1, Math.ceil(touched / perPage));
}

/** Reply next-link pages of a channel's touched roots. */
export function replyPages(roots: readonly RootTruth[], windowStart: number, inlineReplies: number): number {
  let pages = 0;
  for (const root of roots)
    if (root.touchedAt >= windowStart && root.replies > inlineReplies)
      pages += Math.ceil((root.replies - inlineReplies) / graphFigures.repliesPerPage);
  return pages;
}

/**
 * Ms a chain of `requests` sequential requests on one channel takes: each starts when the previous one
 * answered and no sooner than 1 s after the one `perSecond` places earlier.
 */
export function chainMs(requests: number, latencyMs: number, perSecond: number): number {
  const starts: number[] = [];
  let end = 0;
  for (let index = 0; index < requests; index += 1) {
    const start = Math.max(end, index >= perSecond ? (starts[index - perSecond] ?? 0) + 1000 : 0);
    starts.push(start);
    end = start + latencyMs;
  }
  return end;
}

/** The minimum requests and the throttle-bound minimum time of collecting `truth` (see the file header). */
export function collectionMinimum(truth: CollectionTruth, network: NetworkFacts): CollectionMinimum {
  const latency = network.latencyMs;
  const users = Math.max(1, Math.ceil(truth.users / graphFigures.usersPerPage));
  const teamBatches = Math.ceil((2 * truth.teams) / graphFigures.requestsPerBatch) + truth.structureNextPages;
  let pages = 0;
  let replies = 0;
  let slowestChannel = 0;
  for (const roots of truth.channels) {
    const own = channelPages(roots, truth.windowStart);
    const more = replyPages(roots, truth.windowStart, network.inlineReplies);
    pages += own;
    replies += more;
    slowestChannel = Math.max(
      slowestChannel,
      chainMs(own + more, latency, graphFigures.requestsPerChannelPerSecond),
    );
  }
  const reports = 2 * truth.reportDays * truth.reports;
  const channelRequests = pages + replies;
  const tenantWide =
    channelRequests > 0
      ? (Math.ceil(channelRequests / graphFigures.channelMessagesPerSecond) - 1) * 1000 + latency
      : 0;
  const usersMs = users * latency;
  const reportsMs =
    truth.reportDays > 0 && truth.reports > 0
      ? (Math.ceil(truth.reportDays / graphFigures.reportsPerWindow) - 1) * graphFigures.reportWindowMs +
        2 * latency
      : 0;
  const messagesMs = teamBatches * latency + Math.max(tenantWide, slowestChannel);
  return {
    requests: {
      users,
      reportSettings: 1,
      teamBatches,
      channelPages: pages,
      replyPages: replies,
      reports,
      total: users + 1 + teamBatches + pages + replies + reports,
    },
    ms: {
      users: usersMs,
      reports: reportsMs,
      messages: messagesMs,
      nonReport: Math.max(usersMs, messagesMs),
      total: Math.max(usersMs + reportsMs, messagesMs),
    },
  };
}
