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

/** "About 3 min left" while running with an estimate; "Estimating…" without one; nothing when not running. */
export function timeLeftText(run: CollectionRun): string | null {
  if (run.state !== 'running') return null;
  const eta = run.progress?.etaSeconds ?? null;
  return eta === null ? s.estimating : fill(s.timeLeft, { time: formatDuration(eta) });
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
