import { edgeKinds } from '../model/signals';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { ManagementSettings } from '../settings/management';
import { managerFlags, type ManagerFlag } from './management-types';

/** Managers per level above a group: `levels[0]` holds the direct managers, each manager once. */
export interface ManagerLevels {
  readonly levels: readonly Uint32Array[];
}

/**
 * Walks the manager links up from the members, level by level. A manager reached at several levels
 * counts once, at the lowest; a chain that ends early (or loops back) simply stops.
 */
export function walkManagerLevels(
  snapshot: CollaborationSnapshot,
  members: ArrayLike<number>,
  depth: number,
): ManagerLevels {
  const seen = new Uint8Array(snapshot.people.length);
  const levels: Uint32Array[] = [];
  let frontier: ArrayLike<number> = members;
  for (let level = 0; level < depth; level += 1) {
    const next: number[] = [];
    for (let i = 0; i < frontier.length; i += 1) {
      const manager = snapshot.people[frontier[i] ?? 0]?.managerIndex ?? -1;
      if (manager < 0 || manager >= seen.length || seen[manager] === 1) continue;
      seen[manager] = 1;
      next.push(manager);
    }
    const sorted = Uint32Array.from(next).sort();
    levels.push(sorted);
    frontier = sorted;
  }
  return { levels };
}

/** What one level's managers do, before the guard. */
export interface LevelBehaviour {
  readonly managers: number;
  readonly genuine: number;
  readonly flags: Readonly<Record<ManagerFlag, number>>;
}

/** Sums of the reply edges to, and all interactions with, group members, per manager slot. */
function groupInteractions(
  snapshot: CollaborationSnapshot,
  slotOf: Int32Array,
  isMember: Uint8Array,
  slots: number,
) {
  const repliesToGroup = new Float64Array(slots);
  const interactions = new Float64Array(slots);
  const reply = edgeKinds.indexOf('reply');
  const { from, to, kind, count } = snapshot.edges;
  for (let e = 0; e < from.length; e += 1) {
    const source = from[e] ?? 0;
    const target = to[e] ?? 0;
    const n = count[e] ?? 0;
    const out = slotOf[source] ?? -1;
    if (out >= 0 && isMember[target] === 1 && source !== target) {
      interactions[out] = (interactions[out] ?? 0) + n;
      if (kind[e] === reply) repliesToGroup[out] = (repliesToGroup[out] ?? 0) + n;
    }
    const back = slotOf[target] ?? -1;
    if (back >= 0 && isMember[source] === 1 && source !== target)
      interactions[back] = (interactions[back] ?? 0) + n;
  }
  return { repliesToGroup, interactions };
}

/** Median reply latency (minutes) per manager slot, NaN without samples. */
function medianLatencies(snapshot: CollaborationSnapshot, slotOf: Int32Array, slots: number): Float64Array {
  const { person, minutes } = snapshot.latencies;
  const counts = new Uint32Array(slots + 1);
  for (let s = 0; s < person.length; s += 1) {
    const slot = slotOf[person[s] ?? 0] ?? -1;
    if (slot >= 0) counts[slot + 1] = (counts[slot + 1] ?? 0) + 1;
  }
  for (let slot = 0; slot < slots; slot += 1)
    counts[slot + 1] = (counts[slot + 1] ?? 0) + (counts[slot] ?? 0);
  const start = counts.slice();
  const values = new Float64Array(counts[slots] ?? 0);
  for (let s = 0; s < person.length; s += 1) {
    const slot = slotOf[person[s] ?? 0] ?? -1;
    if (slot < 0) continue;
    const at = start[slot] ?? 0;
    values[at] = minutes[s] ?? 0;
    start[slot] = at + 1;
  }
  const medians = new Float64Array(slots).fill(Number.NaN);
  for (let slot = 0; slot < slots; slot += 1) {
    const from = counts[slot] ?? 0;
    const to = counts[slot + 1] ?? 0;
    if (to === from) continue;
    const sorted = values.subarray(from, to).sort();
    const middle = (to - from) >> 1;
    medians[slot] =
      (to - from) % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  }
  return medians;
}

/** Whether `burstWindowWeeks` consecutive weeks hold at least `burstShare` of the activity. */
function isBurst(weekly: Float64Array, total: number, settings: ManagementSettings): boolean {
  const window = settings.burstWindowWeeks;
  if (total < settings.burstMinContributions || weekly.length < 2 * window) return false;
  let sum = 0;
  let best = 0;
  for (let week = 0; week < weekly.length; week += 1) {
    sum += weekly[week] ?? 0;
    if (week >= window) sum -= weekly[week - window] ?? 0;
    best = Math.max(best, sum);
  }
  return best >= settings.burstShare * total;
}

/**
 * Judges each manager on the levels: consistent (active on a social surface in at least half the
 * weeks), not a burst, two-way (replies to group members, not broadcast-only), timely (median reply
 * latency within a business day, when latency can be read) and visible (interactions with the group).
 */
export function judgeLevels(
  snapshot: CollaborationSnapshot,
  members: ArrayLike<number>,
  levels: ManagerLevels,
  settings: ManagementSettings,
  timelyAssessed: boolean,
): LevelBehaviour[] {
  const people = snapshot.people.length;
  const weeks = snapshot.weekStarts.length;
  const isMember = new Uint8Array(people);
  for (let i = 0; i < members.length; i += 1) isMember[members[i] ?? 0] = 1;
  const slotOf = new Int32Array(people).fill(-1);
  const all = levels.levels.flatMap((level) => Array.from(level));
  all.forEach((manager, slot) => {
    slotOf[manager] = slot;
  });
  const { repliesToGroup, interactions } = groupInteractions(snapshot, slotOf, isMember, all.length);
  const latency = medianLatencies(snapshot, slotOf, all.length);
  const { channelPosts, channelReplies, engagePosts, repliesToOthers } = snapshot.signals;
  const consistentFrom = Math.max(1, Math.ceil(settings.consistentShareOfWeeks * weeks - 1e-9));
  const weekly = new Float64Array(weeks);
  let slot = 0;

  return levels.levels.map((level): LevelBehaviour => {
    const flags = Object.fromEntries(managerFlags.map((flag) => [flag, 0])) as Record<ManagerFlag, number>;
    let genuine = 0;
    for (const manager of level) {
      let posts = 0;
      let replies = 0;
      let activeWeeks = 0;
      for (let week = 0; week < weeks; week += 1) {
        const at = manager * weeks + week;
        const own = (channelPosts[at] ?? 0) + (engagePosts[at] ?? 0);
        const active = own + (channelReplies[at] ?? 0);
        posts += own;
        replies += repliesToOthers[at] ?? 0;
        weekly[week] = active;
        if (active > 0) activeWeeks += 1;
      }
      const total = weekly.reduce((sum, value) => sum + value, 0);
      const burst = isBurst(weekly, total, settings);
      const absent = total === 0 && replies === 0;
      const consistent = activeWeeks >= consistentFrom && weeks > 0;
      const replyShare = posts + replies === 0 ? 0 : replies / (posts + replies);
      const twoWay =
        (repliesToGroup[slot] ?? 0) >= settings.twoWayMinRepliesToGroup &&
        replyShare >= settings.twoWayMinReplyShare;
      const median = latency[slot] ?? Number.NaN;
      const timely = !timelyAssessed || median <= settings.timelyMaxMedianMinutes;
      const visible = (interactions[slot] ?? 0) >= settings.visibleMinInteractions;
      slot += 1;
      if (burst) flags.burst += 1;
      if (posts > 0 && !twoWay && !burst) flags.broadcastOnly += 1;
      if (absent) flags.absent += 1;
      if (!absent && !burst && !consistent) flags.sporadic += 1;
      if (timelyAssessed && median > settings.timelyMaxMedianMinutes) flags.slow += 1;
      if (!absent && !visible) flags.notVisible += 1;
      if (consistent && !burst && twoWay && timely && visible) genuine += 1;
    }
    return { managers: level.length, genuine, flags };
  });
}
