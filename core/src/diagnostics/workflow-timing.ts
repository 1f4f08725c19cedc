import type { PlannedTime } from '../model/initiative';
import { hoursPerWeek } from '../model/signals';
import type { PrivacyGuard } from '../privacy/types';
import type { TimingObservation } from './workflow-profile';

/** The group's active hours as the tab draws them: one released cell per local hour of the week. */
export interface HourOfWeekHeatmap {
  /**
   * Bin `day * 24 + hour` (day 0 = Monday): share of the members with channel or Engage activity who
   * were active in that hour at least once in the window; null where fewer than k people were.
   */
  readonly values: readonly (number | null)[];
  /** Members with any channel or Engage activity (the denominator), or null below k. */
  readonly peopleWithData: number | null;
  readonly suppressedBins: number;
}

/**
 * Releases the hour-of-week heatmap through the guard, bin by bin: a bin with active people needs k of
 * them. The bins are not a partition (one person is active in many hours) and no released figure is
 * their sum, so no bin can be recovered by subtraction and complementary suppression does not apply. An
 * empty bin is a figure about the whole group (nobody was active then), shown when the group is.
 */
export function releaseHeatmap(timing: TimingObservation, guard: PrivacyGuard): HourOfWeekHeatmap {
  const denominator = timing.peopleWithData;
  let suppressedBins = 0;
  const values = Array.from(timing.activePeople, (active): number | null => {
    if (active === 0) return guard.releaseValue(denominator, 0);
    const value = guard.releaseValue(active, active / denominator);
    if (value === null) suppressedBins += 1;
    return value;
  });
  return { values, peopleWithData: guard.releaseValue(denominator, denominator), suppressedBins };
}

/** The hour-of-week bins a planned session covers (at least one; wraps from Sunday to Monday). */
export function sessionBins(planned: PlannedTime): number[] {
  const start = planned.dayOfWeek * 24 + planned.hour;
  if (!Number.isInteger(start) || start < 0 || start >= hoursPerWeek) return [];
  const hours = Math.min(hoursPerWeek, Math.max(1, Math.ceil(planned.durationMinutes / 60)));
  return Array.from({ length: hours }, (_, offset) => (start + offset) % hoursPerWeek);
}

/**
 * The reference level of the heatmap: the mean of its `typicalHours` highest released bins (the group's
 * usual working hours). Null when nothing was released.
 */
export function referenceLevel(values: readonly (number | null)[], typicalHours: number): number | null {
  const released = values.filter((value): value is number => value !== null && value > 0);
  if (released.length === 0) return null;
  released.sort((a, b) => b - a);
  const count = Math.max(1, Math.min(Math.round(typicalHours), hoursPerWeek));
  let sum = 0;
  for (let index = 0; index < Math.min(count, released.length); index += 1) sum += released[index] ?? 0;
  return sum / count;
}

/**
 * Timing fit of one session, 0–1: the mean heatmap value over its hours divided by the reference level,
 * capped at 1. Withheld bins count as 0. Adding activity in the session's hours never lowers it while
 * the session is shorter than `typicalHours`.
 */
export function sessionTiming(
  values: readonly (number | null)[],
  bins: readonly number[],
  reference: number,
): number {
  if (bins.length === 0 || reference <= 0) return 0;
  let sum = 0;
  for (const bin of bins) sum += values[bin] ?? 0;
  return Math.min(1, sum / bins.length / reference);
}

/** A feature's timing fit: the mean over its planned sessions, or null without sessions or data. */
export function featureTiming(
  values: readonly (number | null)[],
  planned: readonly PlannedTime[],
  typicalHours: number,
): number | null {
  const reference = referenceLevel(values, typicalHours);
  const sessions = planned.map(sessionBins).filter((bins) => bins.length > 0);
  if (reference === null || sessions.length === 0) return null;
  let sum = 0;
  for (const bins of sessions) sum += sessionTiming(values, bins, reference);
  return sum / sessions.length;
}

/** The best start for a session of the given length; ties go to the earliest hour of the week. */
export function bestSlot(
  values: readonly (number | null)[],
  durationMinutes: number,
  typicalHours: number,
): { readonly dayOfWeek: number; readonly hour: number; readonly timing: number } | null {
  const reference = referenceLevel(values, typicalHours);
  if (reference === null) return null;
  let best = { start: 0, timing: -1 };
  for (let start = 0; start < hoursPerWeek; start += 1) {
    const bins = sessionBins({ dayOfWeek: Math.floor(start / 24), hour: start % 24, durationMinutes });
    const timing = sessionTiming(values, bins, reference);
    if (timing > best.timing + 1e-12) best = { start, timing };
  }
  return { dayOfWeek: Math.floor(best.start / 24), hour: best.start % 24, timing: best.timing };
}

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Tuesday 10:00" for a day and hour. */
export function slotLabel(dayOfWeek: number, hour: number): string {
  return `${dayNames[dayOfWeek] ?? `day ${dayOfWeek}`} ${String(hour).padStart(2, '0')}:00`;
}
