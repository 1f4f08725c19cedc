import type { AttributeSettings } from '../settings/attributes';

/** 0 at or below `from`, 1 at or above `to`, linear between. */
export function ramp(x: number, from: number, to: number): number {
  if (x <= from) return 0;
  if (x >= to) return 1;
  return (x - from) / (to - from);
}

/** Participatory 0–100 from the shares of weeks with a contribution and with giving to others. */
export function participatoryScore(
  contributionWeekShare: number,
  givingWeekShare: number,
  settings: AttributeSettings['participatory'],
): number {
  const consistency = Math.min(1, contributionWeekShare / settings.contributionWeeksForFull);
  const giving = Math.min(1, givingWeekShare / settings.givingWeeksForFull);
  return 100 * (settings.contributionWeight * consistency + (1 - settings.contributionWeight) * giving);
}

/** Timely 0–100 from the median reply latency (log scale) and the share within a business day. */
export function timelyScore(
  medianMinutes: number,
  withinBusinessDayShare: number,
  settings: AttributeSettings['timely'],
): number {
  const slowness = ramp(
    Math.log(Math.max(medianMinutes, 1)),
    Math.log(settings.fastMinutes),
    Math.log(settings.slowMinutes),
  );
  return (
    100 * (settings.medianWeight * (1 - slowness) + (1 - settings.medianWeight) * withinBusinessDayShare)
  );
}

/** Transparent 0–100 from the open share of messages sent, linear up to the full-marks share. */
export function transparentScore(openShare: number, settings: AttributeSettings['transparent']): number {
  return 100 * Math.min(1, openShare / settings.openShareForFull);
}

/**
 * Current 0–100 from days since the last social contribution: 100 up to `fullDays`, 50 at `windowDays`
 * (so "active in the last 14 days" is exactly the bar of 50), 0 from `zeroDays`.
 */
export function currentScore(days: number, settings: AttributeSettings['current']): number {
  if (days <= settings.fullDays) return 100;
  if (days <= settings.windowDays) return 100 - 50 * ramp(days, settings.fullDays, settings.windowDays);
  return 50 - 50 * ramp(days, settings.windowDays, settings.zeroDays);
}
