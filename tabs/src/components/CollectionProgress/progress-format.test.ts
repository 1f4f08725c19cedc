import { describe, expect, it } from 'vitest';
import { collectionRun } from '../../test-fixtures/collection-run';
import { formatDuration, timeLeftText, waitingText, waitSecondsLeft } from './progress-format';

const now = Date.parse('2026-11-30T10:20:00.000Z');
/** A run at "70 of 73 steps" whose remaining work is short, but which waits on the report quota. */
const waiting = (until: string, waitingFor: 'reportQuota' | 'throttling' = 'reportQuota') =>
  collectionRun('running', {
    phase: 'reports',
    done: 70,
    total: 73,
    etaSeconds: 1,
    waitingFor,
    waitingUntil: until,
  });

describe('formatDuration', () => {
  it('rounds up to seconds, minutes or hours and never says zero', () => {
    expect(formatDuration(0)).toBe('1 s');
    expect(formatDuration(59.2)).toBe('1 min');
    expect(formatDuration(541)).toBe('10 min');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });
});

describe('time left while the run waits', () => {
  it('counts the rest of the wait plus the work after it, not the pace of the steps', () => {
    const run = waiting('2026-11-30T10:29:00.000Z');
    expect(waitSecondsLeft(run, now)).toBe(540);
    expect(timeLeftText(run, now)).toBe('About 10 min left');
    expect(waitingText(run, now)).toBe("Waiting for Microsoft 365's report limit — about 9 min");
  });

  it('counts down as the clock moves, with no new progress from the server', () => {
    const run = waiting('2026-11-30T10:29:00.000Z');
    const later = now + 8 * 60_000 + 30_000;
    expect(waitingText(run, later)).toBe("Waiting for Microsoft 365's report limit — about 30 s");
    expect(timeLeftText(run, later)).toBe('About 31 s left');
  });

  it('names a throttling wait differently from the report limit', () => {
    const run = waiting('2026-11-30T10:20:45.000Z', 'throttling');
    expect(waitingText(run, now)).toBe('Microsoft 365 asked LearnFit to slow down — waiting about 45 s');
  });

  it('says nothing of a wait when the run is not waiting, and uses the estimate alone', () => {
    const run = collectionRun('running', { phase: 'reports', done: 70, total: 73, etaSeconds: 12 });
    expect(waitSecondsLeft(run, now)).toBeNull();
    expect(waitingText(run, now)).toBeNull();
    expect(timeLeftText(run, now)).toBe('About 12 s left');
  });

  it('ignores a wait left in the progress of a run that has ended', () => {
    const run = collectionRun('cancelled', {
      phase: 'reports',
      done: 70,
      total: 73,
      etaSeconds: 1,
      waitingFor: 'reportQuota',
      waitingUntil: '2026-11-30T10:29:00.000Z',
    });
    expect(waitingText(run, now)).toBeNull();
    expect(timeLeftText(run, now)).toBeNull();
  });
});
