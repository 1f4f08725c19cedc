import { createPrivacyGuard, type PulseAnswer, type PulseWave } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { pulseFigures, releasePulseResults } from './pulse-results';

const closed: PulseWave = {
  id: 'w1',
  initiativeId: 'i1',
  state: 'closed',
  openedAt: '2026-03-01T00:00:00.000Z',
  closesAt: '2026-03-08T00:00:00.000Z',
  closedAt: '2026-03-05T00:00:00.000Z',
};

/** An answer whose ratings are all `rating`. */
function answer(
  rating: number,
  preferred: PulseAnswer['preferredModes'],
  chat?: 'daily' | 'weekly',
): PulseAnswer {
  return {
    currentModes: chat ? { chat } : {},
    preferredModes: preferred,
    expectedHelp: rating,
    selfAssessment: { participatory: rating, timely: 6 - rating, transparent: rating, current: 1 },
  };
}

const five = [
  answer(1, ['chat'], 'daily'),
  answer(2, ['chat', 'meetings'], 'daily'),
  answer(3, ['channelPosts'], 'weekly'),
  answer(4, ['chat']),
  answer(5, ['channelPosts', 'chat', 'email']),
];

describe('pulse results', () => {
  it('counts and averages every question exactly', () => {
    const figures = pulseFigures(five);
    expect(figures.expectedHelp).toEqual({ n: 5, mean: 3, counts: [1, 1, 1, 1, 1] });
    expect(figures.selfAssessment.rows).toEqual([
      { attribute: 'participatory', mean: 3, counts: [1, 1, 1, 1, 1] },
      { attribute: 'timely', mean: 3, counts: [1, 1, 1, 1, 1] },
      { attribute: 'transparent', mean: 3, counts: [1, 1, 1, 1, 1] },
      { attribute: 'current', mean: 1, counts: [5, 0, 0, 0, 0] },
    ]);
    expect(figures.preferredModes.options.filter((option) => option.count > 0)).toEqual([
      { mode: 'channelPosts', count: 2, share: 0.4 },
      { mode: 'chat', count: 4, share: 0.8 },
      { mode: 'meetings', count: 1, share: 0.2 },
      { mode: 'email', count: 1, share: 0.2 },
    ]);
    expect(figures.currentModes.rows.find((row) => row.mode === 'chat')?.counts).toEqual({
      never: 2,
      monthly: 0,
      weekly: 1,
      daily: 2,
    });
    expect(figures.currentModes.rows.find((row) => row.mode === 'email')?.counts).toEqual({
      never: 5,
      monthly: 0,
      weekly: 0,
      daily: 0,
    });
  });

  it('withholds everything, the count included, one answer under k and shows it at k', () => {
    const guard = createPrivacyGuard({ k: 5 });
    const under = releasePulseResults(closed, five.slice(0, 4), guard);
    expect(under).toEqual({
      wave: closed,
      k: 5,
      respondents: null,
      withheld: { reason: 'below_k', detail: 'Fewer than 5 people have answered, so no figures are shown.' },
      figures: null,
    });
    const at = releasePulseResults(closed, five, guard);
    expect(at.respondents).toBe(5);
    expect(at.withheld).toBeNull();
    expect(at.figures?.expectedHelp.mean).toBe(3);
  });

  it('uses the tenant k, not the floor', () => {
    const guard = createPrivacyGuard({ k: 6 });
    expect(releasePulseResults(closed, five, guard)).toMatchObject({
      k: 6,
      respondents: null,
      figures: null,
    });
    expect(releasePulseResults(closed, [...five, answer(3, ['calls'])], guard)).toMatchObject({
      respondents: 6,
      figures: { expectedHelp: { n: 6, mean: 3 } },
    });
  });

  it('shows no figures while the wave is open, only the count at k or more', () => {
    const guard = createPrivacyGuard({ k: 5 });
    const open = releasePulseResults({ ...closed, state: 'open', closedAt: null }, five, guard);
    expect(open).toMatchObject({ respondents: 5, withheld: { reason: 'wave_open' }, figures: null });
  });
});
