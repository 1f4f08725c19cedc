import type { CollaborationSnapshot } from '../model/snapshot';
import { adopterCategories, type HabitSettings } from '../settings/learners';
import { isUsable } from './coverage';
import type { AdopterData } from './learners-types';
import type { Release } from './release';

/** Rogers' shares of each category, in `adopterCategories` order (Rogers 2003). */
export const rogersShares = [0.025, 0.135, 0.34, 0.34, 0.16] as const;

/**
 * Week (0-based) from which each group member held the social habit, or -1 when they never did: the
 * first week with a channel or Engage contribution such that contributions continue in more than
 * `shareOfFollowingWeeks` of the weeks from it to the end, observed over at least `minObservedWeeks`.
 */
export function habitWeeks(
  snapshot: CollaborationSnapshot,
  group: Uint32Array,
  settings: HabitSettings,
): Int16Array {
  const weeks = snapshot.weekStarts.length;
  const channel = isUsable(snapshot, 'channelMessages');
  const engage = isUsable(snapshot, 'engageActivityReport');
  const { channelPosts, channelReplies, engagePosts } = snapshot.signals;
  const active = new Uint8Array(weeks);
  const suffix = new Uint16Array(weeks + 1);
  const result = new Int16Array(group.length).fill(-1);
  for (let i = 0; i < group.length; i++) {
    const base = (group[i] ?? 0) * weeks;
    for (let w = 0; w < weeks; w++) {
      const at = base + w;
      const count =
        (channel ? (channelPosts[at] ?? 0) + (channelReplies[at] ?? 0) : 0) +
        (engage ? (engagePosts[at] ?? 0) : 0);
      active[w] = count > 0 ? 1 : 0;
    }
    suffix[weeks] = 0;
    for (let w = weeks - 1; w >= 0; w--) suffix[w] = (suffix[w + 1] ?? 0) + (active[w] ?? 0);
    for (let w = 0; w + settings.minObservedWeeks <= weeks; w++) {
      const span = weeks - w;
      if (active[w] === 1 && (suffix[w] ?? 0) > settings.shareOfFollowingWeeks * span) {
        result[i] = w;
        break;
      }
    }
  }
  return result;
}

/**
 * Adopter categories from habit weeks. People are ranked by the week their habit began; everyone who
 * began in the same week shares one category, the one holding the mid-rank of their block (so ties and
 * input order never split them); people without a habit are laggards. Rogers' cumulative cut-offs
 * (2.5 / 16 / 50 / 84 %) are applied to the whole group, habit or not.
 */
export function adopterData(
  habit: Int16Array,
  weeks: number,
  settings: HabitSettings,
  release: Release,
  measurable: boolean,
): AdopterData {
  // Without channel or Engage data nobody can be seen forming the habit: report nothing, not laggards.
  const n = measurable ? habit.length : 0;
  const perWeek = new Uint32Array(weeks);
  let formed = 0;
  for (let i = 0; i < n; i++) {
    const week = habit[i] ?? -1;
    if (week >= 0) {
      perWeek[week] = (perWeek[week] ?? 0) + 1;
      formed++;
    }
  }
  const categoryCounts = new Uint32Array(adopterCategories.length);
  const cumulativeShareByWeek: (number | null)[] = [];
  let before = 0;
  let medianWeek = Number.NaN;
  for (let w = 0; w < weeks; w++) {
    const block = perWeek[w] ?? 0;
    if (block > 0) {
      const midRank = (before + block / 2) / n;
      let category = settings.rogersCumulative.findIndex((cut) => midRank <= cut);
      if (category < 0) category = adopterCategories.length - 1;
      categoryCounts[category] = (categoryCounts[category] ?? 0) + block;
      if (Number.isNaN(medianWeek) && before + block > formed / 2) medianWeek = w;
    }
    before += block;
    cumulativeShareByWeek.push(release(n, n === 0 ? Number.NaN : before / n));
  }
  const laggards = adopterCategories.length - 1;
  categoryCounts[laggards] = (categoryCounts[laggards] ?? 0) + (n - formed);
  return {
    habitFormed: release(n, n === 0 ? Number.NaN : formed),
    medianHabitWeek: release(n, medianWeek),
    cumulativeShareByWeek,
    categories: adopterCategories.map((category, c) => ({
      category,
      count: release(n, n === 0 ? Number.NaN : (categoryCounts[c] ?? 0)),
      share: release(n, n === 0 ? Number.NaN : (categoryCounts[c] ?? 0) / n),
      rogersShare: rogersShares[c] ?? 0,
    })),
  };
}
