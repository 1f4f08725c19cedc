import { attributeNames, type PeopleScores } from '../attributes/learns-social';
import { quantileSorted } from '../stats/descriptive';
import type { AttributeDistribution, ScoreBin } from './learners-types';
import type { Release } from './release';

/**
 * How each attribute is distributed over the group: quartiles, mean, share meeting the bar and a
 * histogram. All figures describe the scored people and are released only when they number at least k
 * (like survey result distributions, which are shown for a group of at least k respondents).
 */
export function attributeDistributions(
  scores: PeopleScores,
  group: Uint32Array,
  bar: number,
  edges: readonly number[],
  release: Release,
): AttributeDistribution[] {
  const values = new Float32Array(group.length);
  return attributeNames.map((attribute): AttributeDistribution => {
    const column = scores[attribute];
    let scored = 0;
    let sum = 0;
    let meeting = 0;
    const counts = new Uint32Array(edges.length);
    for (let i = 0; i < group.length; i++) {
      const value = column[group[i] ?? 0] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      values[scored++] = value;
      sum += value;
      if (value >= bar) meeting++;
      let bin = 0;
      while (bin < edges.length - 1 && value >= (edges[bin] ?? 0)) bin++;
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    const sorted = values.subarray(0, scored).sort();
    const empty = scored === 0;
    const histogram = edges.map((to, b): ScoreBin => ({
      from: b === 0 ? 0 : (edges[b - 1] ?? 0),
      to,
      count: release(scored, empty ? Number.NaN : (counts[b] ?? 0)),
    }));
    return {
      attribute,
      scored: release(scored, empty ? Number.NaN : scored),
      meetingBar: release(scored, empty ? Number.NaN : meeting),
      shareMeetingBar: release(scored, empty ? Number.NaN : meeting / scored),
      p25: release(scored, quantileSorted(sorted, 0.25)),
      median: release(scored, quantileSorted(sorted, 0.5)),
      p75: release(scored, quantileSorted(sorted, 0.75)),
      mean: release(scored, empty ? Number.NaN : sum / scored),
      histogram,
    };
  });
}
