import { describe, expect, it } from 'vitest';
import { createPrivacyGuard } from '../privacy/guard';
import { defaultSettings } from '../settings/index';
import { buildSnapshot } from '../testing/snapshot-builder';
import { personalProfile } from './profile';

const snapshot = buildSnapshot({
  people: [
    {
      key: 'ana',
      weekly: { channelPosts: [1, 1, 1, 1], reactionsGiven: [1, 1, 1, 1] },
      lastSocialActivity: '2026-10-30',
    },
    { key: 'ben' },
  ],
});
const pulse = [
  {
    personKey: 'ana',
    selfAssessment: { participatory: 4, timely: 2, transparent: 3, current: 5 },
    preferredModes: [],
    expectedHelp: 3,
  },
  {
    personKey: 'ana',
    selfAssessment: { participatory: 2, timely: 2, transparent: 3, current: 5 },
    preferredModes: [],
    expectedHelp: 3,
  },
];
const guard = createPrivacyGuard(defaultSettings.privacy);

describe('personal profile', () => {
  it('shows a person their own scores beside their self-assessment', () => {
    const owned = personalProfile(snapshot, defaultSettings, 'ana', pulse);
    const mine = owned === null ? null : guard.releaseOwned(owned, 'ana');
    expect(mine).toMatchObject({
      participatory: 100,
      current: 100,
      timely: null,
      dataAsOf: snapshot.dataAsOf,
    });
    expect(mine?.selfAssessment).toEqual({ participatory: 3, timely: 2, transparent: 3, current: 5 });
  });

  it('shows it to nobody else unless the owner shares it', () => {
    const owned = personalProfile(snapshot, defaultSettings, 'ana', pulse);
    expect(owned && guard.releaseOwned(owned, 'ben')).toBeNull();
    const shared = personalProfile(snapshot, defaultSettings, 'ana', pulse, ['ben']);
    expect(shared && guard.releaseOwned(shared, 'ben')?.participatory).toBe(100);
  });

  it('has no profile for someone the snapshot does not know', () => {
    expect(personalProfile(snapshot, defaultSettings, 'ghost', [])).toBeNull();
    expect(personalProfile(snapshot, defaultSettings, 'ben', [])?.value.selfAssessment).toBeNull();
  });
});
