import { hoursPerWeek } from '../model/signals';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { WorkflowFitSettings } from '../settings/workflow-fit';
import {
  cadencePerYear,
  modeMeasurable,
  modeSignals,
  observableModes,
  rhythmCadences,
  type ObservableMode,
} from './work-modes';

/** The most occasions a week can hold: one per working day. */
const occasionsPerWeekCap = 5;
/** Weekly contribution counts at or above this share one histogram bin (only the median is read). */
const histogramCap = 4096;

/** How the target group uses one mode over the window. Raw counts: nothing here has passed the guard. */
export interface ModeObservation {
  readonly mode: ObservableMode;
  /** False when the mode's sources are missing or concealed: zeros mean "unknown", not "unused". */
  readonly measurable: boolean;
  /** People active in the mode in at least `regularUseShareOfWeeks` of the weeks. */
  readonly regularUsers: number;
  /** People active in the mode in at least one week. */
  readonly anyUsers: number;
  /** Person-weeks with use of the mode. */
  readonly activePersonWeeks: number;
  /** Median contributions in a person-week with use (lower median), or null without any. */
  readonly medianPerActiveWeek: number | null;
  /**
   * Per rhythm cadence (order of `rhythmCadences`): Σ over users of min(window demand, 52 × occasions),
   * whole numbers; divide by users × window demand for the mean match.
   */
  readonly cadenceMatchSums: readonly number[];
}

/** When the group is on a social surface, from the hour-of-week histograms (local time). */
export interface TimingObservation {
  /** Members with any channel or Engage activity in the histogram. */
  readonly peopleWithData: number;
  /** Per hour-of-week bin, members active in it at least once in the window. */
  readonly activePeople: Uint32Array;
}

/** What the group does now, in the dimensions a solution design names. */
export interface WorkflowObservation {
  readonly members: number;
  readonly weeks: number;
  readonly modes: Readonly<Record<ObservableMode, ModeObservation>>;
  readonly timing: TimingObservation;
}

function lowerMedian(histogram: Uint32Array, total: number): number | null {
  if (total === 0) return null;
  const target = Math.ceil(total / 2);
  let seen = 0;
  for (let value = 0; value < histogram.length; value += 1) {
    seen += histogram[value] ?? 0;
    if (seen >= target) return value;
  }
  return histogram.length - 1;
}

function observeMode(
  snapshot: CollaborationSnapshot,
  members: ArrayLike<number>,
  mode: ObservableMode,
  settings: WorkflowFitSettings,
): ModeObservation {
  const weeks = snapshot.weekStarts.length;
  const signals = modeSignals[mode];
  // Up to three columns per mode. A missing slot repeats the first column with weight 0: every read
  // stays in bounds (out-of-bounds typed-array reads are slow in V8) and the inner loop has no calls.
  const use = signals.use.map((name) => snapshot.signals[name]);
  const contribute = signals.contribute.map((name) => snapshot.signals[name]);
  const first = use[0] ?? new Uint32Array(0);
  const [u0 = first, u1 = first, u2 = first] = use;
  const [w1, w2] = [use.length > 1 ? 1 : 0, use.length > 2 ? 1 : 0];
  const [c0 = first, c1 = first] = contribute;
  const v1 = contribute.length > 1 ? 1 : 0;
  const regularFrom = Math.max(1, Math.ceil(settings.regularUseShareOfWeeks * weeks - 1e-9));
  const histogram = new Uint32Array(histogramCap + 1);
  const windowDemand = rhythmCadences.map((cadence) => weeks * (cadencePerYear[cadence] ?? 0));
  const cadenceMatchSums = rhythmCadences.map(() => 0);
  let regularUsers = 0;
  let anyUsers = 0;
  let activePersonWeeks = 0;

  for (let m = 0; m < members.length; m += 1) {
    const base = (members[m] ?? 0) * weeks;
    let activeWeeks = 0;
    let occasions = 0;
    for (let at = base; at < base + weeks; at += 1) {
      const used = (u0[at] ?? 0) + w1 * (u1[at] ?? 0) + w2 * (u2[at] ?? 0);
      if (used === 0) continue;
      activeWeeks += 1;
      occasions += used < occasionsPerWeekCap ? used : occasionsPerWeekCap;
      const contributed = (c0[at] ?? 0) + v1 * (c1[at] ?? 0);
      const bin = contributed < histogramCap ? contributed : histogramCap;
      histogram[bin] = (histogram[bin] ?? 0) + 1;
    }
    if (activeWeeks === 0) continue;
    anyUsers += 1;
    activePersonWeeks += activeWeeks;
    if (activeWeeks >= regularFrom) regularUsers += 1;
    for (let index = 0; index < windowDemand.length; index += 1) {
      cadenceMatchSums[index] =
        (cadenceMatchSums[index] ?? 0) + Math.min(windowDemand[index] ?? 0, 52 * occasions);
    }
  }
  return {
    mode,
    measurable: modeMeasurable(snapshot, mode),
    regularUsers,
    anyUsers,
    activePersonWeeks,
    medianPerActiveWeek: lowerMedian(histogram, activePersonWeeks),
    cadenceMatchSums,
  };
}

function observeTiming(snapshot: CollaborationSnapshot, members: ArrayLike<number>): TimingObservation {
  const activePeople = new Uint32Array(hoursPerWeek);
  const histogram = snapshot.hourOfWeek;
  let peopleWithData = 0;
  for (let m = 0; m < members.length; m += 1) {
    const base = (members[m] ?? 0) * hoursPerWeek;
    let any = false;
    for (let bin = 0; bin < hoursPerWeek; bin += 1) {
      if ((histogram[base + bin] ?? 0) > 0) {
        activePeople[bin] = (activePeople[bin] ?? 0) + 1;
        any = true;
      }
    }
    if (any) peopleWithData += 1;
  }
  return { peopleWithData, activePeople };
}

/**
 * Observes how the members (person indexes into the snapshot) use each mode and when they are active.
 * One pass over their weekly signals and hour-of-week rows; counts are whole numbers, so the result does
 * not depend on the order of the members.
 */
export function observeWorkflow(
  snapshot: CollaborationSnapshot,
  members: ArrayLike<number>,
  settings: WorkflowFitSettings,
): WorkflowObservation {
  const modes = Object.fromEntries(
    observableModes.map((mode) => [mode, observeMode(snapshot, members, mode, settings)]),
  ) as Record<ObservableMode, ModeObservation>;
  return {
    members: members.length,
    weeks: snapshot.weekStarts.length,
    modes,
    timing: observeTiming(snapshot, members),
  };
}
