import type { PeopleScores } from '../attributes/learns-social';
import type { WorkMode } from '../model/initiative';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { SignalName } from '../model/signals';
import type { AggregateCell, PrivacyGuard } from '../privacy/types';
import type { ModeWeights } from '../settings/learners';
import { isUsable } from './coverage';
import {
  notSetSegment,
  segmentDimensions,
  type LearnerSegment,
  type ModeMix,
  type SegmentDimension,
} from './learners-types';

/** The modes with a volume signal, in `workModes` order, and the signals summed for each. */
const modeVolumeSignals: readonly (readonly [keyof ModeWeights, readonly SignalName[]])[] = [
  ['channelPosts', ['channelPosts', 'channelReplies']],
  ['chat', ['privateChatMessages']],
  ['meetings', ['meetingsAttended']],
  ['calls', ['calls']],
  ['email', ['emailsSent']],
  ['engage', ['engagePosts']],
  ['sharedFiles', ['filesShared']],
];

const modeSources: Readonly<
  Record<keyof ModeWeights, readonly CollaborationSnapshot['coverage'][number]['source'][]>
> = {
  channelPosts: ['channelMessages'],
  chat: ['teamsActivityReport'],
  meetings: ['teamsActivityReport'],
  calls: ['teamsActivityReport'],
  email: ['emailActivityReport'],
  engage: ['engageActivityReport'],
  sharedFiles: ['sharePointActivityReport', 'oneDriveActivityReport'],
};

/** Weighted interaction volume per person of `group` and mode: `group.length × modes`, row-major. */
export interface ModeVolumes {
  readonly modes: readonly (keyof ModeWeights)[];
  readonly volume: Float64Array;
}

/** Weighted volume of each measurable mode per group member (unusable sources are left out, not zeroed). */
export function modeVolumes(
  snapshot: CollaborationSnapshot,
  group: Uint32Array,
  weights: ModeWeights,
): ModeVolumes {
  const used = modeVolumeSignals.filter(([mode]) =>
    modeSources[mode].some((source) => isUsable(snapshot, source)),
  );
  const modes = used.map(([mode]) => mode);
  const weeks = snapshot.weekStarts.length;
  const volume = new Float64Array(group.length * modes.length);
  used.forEach(([mode, signals], m) => {
    const weight = weights[mode];
    for (const signal of signals) {
      const column = snapshot.signals[signal];
      for (let i = 0; i < group.length; i++) {
        const base = (group[i] ?? 0) * weeks;
        let sum = 0;
        for (let w = 0; w < weeks; w++) sum += column[base + w] ?? 0;
        const at = i * modes.length + m;
        volume[at] = (volume[at] ?? 0) + sum * weight;
      }
    }
  });
  return { modes, volume };
}

/** Mode mix and dominant mode from summed volumes; null when nothing was measured. */
export function mixOf(
  modes: readonly (keyof ModeWeights)[],
  totals: ArrayLike<number>,
): { mix: ModeMix; dominant: WorkMode } | null {
  let sum = 0;
  for (let m = 0; m < modes.length; m++) sum += totals[m] ?? 0;
  if (!(sum > 0)) return null;
  const mix: Partial<Record<WorkMode, number>> = {};
  let dominant: WorkMode | null = null;
  let best = -1;
  modes.forEach((mode, m) => {
    const share = (totals[m] ?? 0) / sum;
    mix[mode] = share;
    if (share > best) {
      best = share;
      dominant = mode;
    }
  });
  return dominant === null ? null : { mix, dominant };
}

/** A directory value as segments show it: trimmed, inner spaces collapsed; null when empty. */
export function normaliseSegmentValue(raw: string | null): string | null {
  const value = raw?.trim().replace(/\s+/g, ' ') ?? '';
  return value === '' ? null : value;
}

/**
 * Segments the group by one org attribute, releases the partition through the guard (people without
 * the attribute form their own cell, so the cells always add up to the group) and orders released
 * segments by size, then withheld ones by name, so the order reveals nothing about withheld sizes.
 */
function segmentBy(
  snapshot: CollaborationSnapshot,
  group: Uint32Array,
  scores: PeopleScores,
  volumes: ModeVolumes,
  dimension: SegmentDimension,
  guard: PrivacyGuard,
): LearnerSegment[] {
  const ids = new Map<string, number>();
  // Raw directory value → segment id; most people share a handful of raw values, so the normalising
  // (trim, collapse spaces, case-insensitive grouping) runs once per distinct value, not per person.
  const seen = new Map<string | null, number>();
  const labels: string[] = [];
  const member = new Uint32Array(group.length);
  for (let i = 0; i < group.length; i++) {
    const person = snapshot.people[group[i] ?? 0];
    const raw = (dimension === 'role' ? person?.jobTitle : person?.[dimension]) ?? null;
    let id = seen.get(raw);
    if (id === undefined) {
      const value = normaliseSegmentValue(raw);
      const key = value === null ? '' : value.toLowerCase();
      id = ids.get(key);
      if (id === undefined) {
        id = labels.length;
        ids.set(key, id);
        labels.push(value ?? notSetSegment);
      } else if (value !== null && value < (labels[id] ?? value)) labels[id] = value;
      seen.set(raw, id);
    }
    member[i] = id;
  }
  const modes = volumes.modes.length;
  const size = new Uint32Array(labels.length);
  const social = new Uint32Array(labels.length);
  const totals = new Float64Array(labels.length * modes);
  for (let i = 0; i < group.length; i++) {
    const id = member[i] ?? 0;
    size[id] = (size[id] ?? 0) + 1;
    social[id] = (social[id] ?? 0) + (scores.learnsSocial[group[i] ?? 0] ?? 0);
    for (let m = 0; m < modes; m++) {
      totals[id * modes + m] = (totals[id * modes + m] ?? 0) + (volumes.volume[i * modes + m] ?? 0);
    }
  }
  const cells: AggregateCell[] = labels.map((label, id) => ({
    dims: { [dimension]: label },
    n: size[id] ?? 0,
    value: (social[id] ?? 0) / (size[id] ?? 1),
  }));
  const table = guard.releaseTable(cells, group.length);
  const segments = table.cells.map((cell, id): LearnerSegment => {
    const value = labels[id] ?? notSetSegment;
    if (cell.suppressed !== null) {
      return {
        dimension,
        value,
        size: null,
        shareLearningSocial: null,
        dominantMode: null,
        modeMix: null,
        suppressed: cell.suppressed,
      };
    }
    const mix = mixOf(volumes.modes, totals.subarray(id * modes, (id + 1) * modes));
    return {
      dimension,
      value,
      size: cell.n,
      shareLearningSocial: cell.value,
      dominantMode: mix?.dominant ?? null,
      modeMix: mix?.mix ?? null,
      suppressed: null,
    };
  });
  return segments.sort(
    (a, b) => (b.size ?? -1) - (a.size ?? -1) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
}

/** The group's segments by department, location and role, through the guard. */
export function learnerSegments(
  snapshot: CollaborationSnapshot,
  group: Uint32Array,
  scores: PeopleScores,
  volumes: ModeVolumes,
  guard: PrivacyGuard,
): Record<SegmentDimension, LearnerSegment[]> {
  const entries = segmentDimensions.map(
    (dimension) => [dimension, segmentBy(snapshot, group, scores, volumes, dimension, guard)] as const,
  );
  return Object.fromEntries(entries) as Record<SegmentDimension, LearnerSegment[]>;
}
