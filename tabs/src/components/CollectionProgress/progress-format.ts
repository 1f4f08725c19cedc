import type { CollectionRun } from '@learnfit/core';
import { fill, strings } from '../../messages/strings';

const s = strings.progress;
type PhaseKey = keyof typeof s.phases;

/** The phase a run is in, as the `data-phase` attribute carries it: the worker's phase, else the run's state. */
export function phaseOf(run: CollectionRun): string {
  if (run.state === 'running') return run.progress?.phase ?? 'directory';
  return run.state;
}

/** The phase in words; a phase this tab does not know yet reads as "Working". */
export function phaseLabel(phase: string): string {
  return Object.prototype.hasOwnProperty.call(s.phases, phase)
    ? s.phases[phase as PhaseKey]
    : s.phases.working;
}

/** Seconds as a short duration: "45 s", "3 min", "1 h 5 min" (rounded up, never "0 min"). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return fill(s.seconds, { n: whole });
  const minutes = Math.ceil(whole / 60);
  if (minutes < 60) return fill(s.minutes, { n: minutes });
  return fill(s.hours, { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** Seconds until the run's current wait ends (0 once it is over), or null when it is not waiting. */
export function waitSecondsLeft(run: CollectionRun, now: number): number | null {
  const until = run.state === 'running' ? run.progress?.waitingUntil : undefined;
  if (until === undefined) return null;
  const at = Date.parse(until);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

/**
 * "About 3 min left" while running with an estimate; "Estimating…" without one; nothing when not
 * running. While the run waits, the time left is the rest of the wait plus the work after it.
 */
export function timeLeftText(run: CollectionRun, now: number = Date.now()): string | null {
  if (run.state !== 'running') return null;
  const eta = run.progress?.etaSeconds ?? null;
  const wait = waitSecondsLeft(run, now);
  if (wait !== null) return fill(s.timeLeft, { time: formatDuration(wait + (eta ?? 0)) });
  return eta === null ? s.estimating : fill(s.timeLeft, { time: formatDuration(eta) });
}

/** "Waiting for Microsoft 365's report limit — about 9 min" while the run waits; else nothing. */
export function waitingText(run: CollectionRun, now: number = Date.now()): string | null {
  const wait = waitSecondsLeft(run, now);
  const reason = run.progress?.waitingFor;
  if (wait === null || reason === undefined) return null;
  const template = reason === 'reportQuota' ? s.waitingReportQuota : s.waitingThrottling;
  return fill(template, { time: formatDuration(wait) });
}

/** Share done (0–1) when the total is known, `null` for an indeterminate bar. */
export function fractionDone(run: CollectionRun): number | null {
  if (run.state === 'succeeded') return 1;
  const progress = run.progress;
  if (!progress || progress.total === null || progress.total === 0) return null;
  return Math.min(1, progress.done / progress.total);
}

/** "12 of 40 steps" or "12 steps done"; nothing before the worker reported. */
export function stepsText(run: CollectionRun): string | null {
  const progress = run.progress;
  if (!progress) return null;
  return progress.total === null
    ? fill(s.stepsOpen, { done: progress.done })
    : fill(s.steps, { done: progress.done, total: progress.total });
}
