import { attributeNames, type PeopleScores } from '../attributes/learns-social';
import { workModes, type PulseResponse, type WorkMode } from '../model/initiative';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { PulseSummary, SelfVersusObserved } from './learners-types';
import { pulseColumns, selfToScore } from './pulse-answers';
import type { Release } from './release';

/**
 * The pulse of the target group: response rate, mean self-ratings beside the observed scores of the
 * same respondents, expected help and preferred modes. Everything is withheld under k respondents.
 */
export function pulseSummary(
  snapshot: CollaborationSnapshot,
  pulse: readonly PulseResponse[],
  inGroup: Uint8Array,
  groupSize: number,
  scores: PeopleScores,
  release: Release,
): PulseSummary {
  const columns = pulseColumns(snapshot, pulse, inGroup);
  const n = columns.respondents.length;
  const attributes = attributeNames.map((attribute): SelfVersusObserved => {
    const ratings = columns.self[attribute];
    const observedColumn = scores[attribute];
    let self = 0;
    let observed = 0;
    let pairedSelf = 0;
    let paired = 0;
    for (let r = 0; r < n; r++) {
      const rating = ratings[r] ?? 0;
      self += rating;
      const score = observedColumn[columns.respondents[r] ?? 0] ?? Number.NaN;
      if (!Number.isNaN(score)) {
        observed += score;
        pairedSelf += selfToScore(rating);
        paired++;
      }
    }
    const selfMean = n === 0 ? Number.NaN : self / n;
    return {
      attribute,
      selfMean: release(n, selfMean),
      selfScore: release(n, n === 0 ? Number.NaN : selfToScore(selfMean)),
      observedScore: release(paired, paired === 0 ? Number.NaN : observed / paired),
      gap: release(paired, paired === 0 ? Number.NaN : (pairedSelf - observed) / paired),
    };
  });
  const preferred: Partial<Record<WorkMode, number>> = {};
  workModes.forEach((mode, bit) => {
    let naming = 0;
    for (let r = 0; r < n; r++) if (((columns.preferredModes[r] ?? 0) >> bit) & 1) naming++;
    if (naming > 0) preferred[mode] = naming / n;
  });
  let expected = 0;
  for (let r = 0; r < n; r++) expected += columns.expectedHelp[r] ?? 0;
  const respondents = release(n, n === 0 ? Number.NaN : n);
  return {
    respondents,
    responseRate: release(n, groupSize === 0 || n === 0 ? Number.NaN : n / groupSize),
    attributes,
    expectedHelp: release(n, n === 0 ? Number.NaN : expected / n),
    preferredModes: respondents === null ? null : preferred,
  };
}
