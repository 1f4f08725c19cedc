import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Initiative, PulseResponse } from '../model/initiative';
import { dataSources, type CollaborationSnapshot } from '../model/snapshot';
import { createPrivacyGuard } from '../privacy/guard';
import { defaultSettings } from '../settings/index';
import { fixtureInput } from '../testing/diagnostic-input';
import { buildSnapshot, type FixturePerson } from '../testing/snapshot-builder';
import type { DiagnosticInput } from './input';
import { diagnoseLeaders } from './leaders';

/** A person who contributes every week, answers others, replies fast and was active three days ago. */
function sharer(key: string, posts: number): FixturePerson {
  return {
    key,
    weekly: {
      channelPosts: [posts, posts, posts, posts],
      channelReplies: [1, 1, 0, 0],
      repliesToOthers: [1, 1, 0, 0],
      privateChatMessages: [5, 5, 5, 5],
    },
    latencies: [30, 90],
    lastSocialActivity: '2026-10-29',
  };
}

/** A person who works in chat and posted once, four weeks ago. */
function chatter(key: string): FixturePerson {
  return { key, weekly: { channelPosts: [1], privateChatMessages: [40, 40, 40, 40] } };
}

const leaders = [
  sharer('L0', 1),
  sharer('L1', 1),
  chatter('L2'),
  chatter('L3'),
  chatter('L4'),
  chatter('L5'),
];
const learners = [
  ...Array.from({ length: 6 }, (_, i) => sharer(`T${i}`, 3)),
  ...Array.from({ length: 4 }, (_, i) => chatter(`T${6 + i}`)),
];

function input(
  people: readonly FixturePerson[],
  initiative: Partial<Initiative>,
  extra: { pulse?: PulseResponse[]; snapshot?: CollaborationSnapshot; sharedProfiles?: string[] } = {},
): DiagnosticInput {
  return fixtureInput(extra.snapshot ?? buildSnapshot({ people }), {
    initiative: { name: 'Peer onboarding', ...initiative },
    ...(extra.pulse === undefined ? {} : { pulse: extra.pulse }),
    ...(extra.sharedProfiles === undefined ? {} : { sharedProfiles: extra.sharedProfiles }),
  });
}

const keys = (people: readonly FixturePerson[]) => people.map((person) => person.key);
const selfRating = (key: string, participatory: number): PulseResponse => ({
  personKey: key,
  selfAssessment: { participatory, timely: 3, transparent: 3, current: 3 },
  preferredModes: ['chat'],
  expectedHelp: 4,
});

describe('diagnoseLeaders on a fixture with known answers', () => {
  const result = diagnoseLeaders(
    input(
      [...leaders, ...learners],
      { designTeam: keys(leaders), targetGroup: keys(learners) },
      {
        pulse: keys(leaders).map((key) => selfRating(key, 5)),
        sharedProfiles: ['L0'],
      },
    ),
  );
  const finding = (code: string) => result.findings.find((entry) => entry.code === code);

  it('counts the leaders who learn social and sets them against the learners', () => {
    expect(result.data).toMatchObject({ teamSize: 6, learnSocial: 2, notInSnapshot: 0 });
    expect(result.data.shareLearnSocial).toBeCloseTo(2 / 6);
    expect(result.data.learnersShareLearnSocial).toBeCloseTo(0.6);
    expect(result.headline).toEqual({
      label: 'Design-team leaders who learn social',
      value: 2 / 6,
      unit: 'share',
    });
    expect(finding('leaders.learn-social')?.text).toBe('2 of 6 design-team leaders learn social (33%).');
    expect(finding('leaders.learn-social')?.severity).toBe('warning');
    expect(finding('leaders.behind-learners')?.text).toContain('(33%) than of the learners (60%)');
  });

  it('says how much less the design team posts in channels, as a ratio a person would say', () => {
    // Leaders: (2 × 6 + 4 × 1) / 24 person-weeks; learners: (6 × 14 + 4 × 1) / 40.
    expect(result.data.channelContrast.leadersPerPersonWeek).toBeCloseTo(16 / 24);
    expect(result.data.channelContrast.learnersPerPersonWeek).toBeCloseTo(88 / 40);
    expect(finding('leaders.channel-posting')).toMatchObject({
      severity: 'warning',
      text: 'The design team posts in channels a third as often as the learners do (0.7 against 2.2 posts and replies per person per week).',
    });
  });

  it('compares attributes and the self-assessment with what the data shows', () => {
    const participatory = result.data.attributes.find((entry) => entry.attribute === 'participatory');
    expect(participatory?.leadersMeetingBar).toBe(2);
    expect(participatory?.learnersShareMeetingBar).toBeCloseTo(0.6);
    expect(participatory?.leadersSelfScore).toBe(100);
    // Observed: two at 100, four at 100 × 0.5 × (1/4) / 0.75.
    expect(participatory?.selfMinusObserved).toBeCloseTo(100 - (200 + 4 * (50 / 3)) / 6, 3);
    expect(finding('leaders.self-overrated')?.text).toMatch(/^Leaders rate themselves as more participatory/);
    expect(
      result.findings.filter((entry) => entry.code === 'leaders.attribute-behind').length,
    ).toBeGreaterThan(0);
  });

  it('keeps each profile for its owner, shared with the team only by opt-in', () => {
    const guard = createPrivacyGuard(defaultSettings.privacy);
    const own = result.data.profiles.find((profile) => profile.ownerKey === 'L2');
    const shared = result.data.profiles.find((profile) => profile.ownerKey === 'L0');
    expect(own && guard.releaseOwned(own, 'L2')?.learnsSocial).toBe(false);
    expect(own && guard.releaseOwned(own, 'L3')).toBeNull();
    expect(shared && guard.releaseOwned(shared, 'L3')?.learnsSocial).toBe(true);
    expect(shared && guard.releaseOwned(shared, 'T1')).toBeNull();
  });
});

describe('diagnoseLeaders edge cases', () => {
  it('withholds team figures for a team under k but keeps each own profile', () => {
    const small = leaders.slice(0, 3);
    const result = diagnoseLeaders(
      input([...small, ...learners], { designTeam: keys(small), targetGroup: keys(learners) }),
    );
    expect(result.data.learnSocial).toBeNull();
    expect(result.data.channelContrast.ratio).toBeNull();
    expect(result.data.attributes.every((entry) => entry.leadersMedian === null)).toBe(true);
    expect(result.suppressedCells).toBeGreaterThan(0);
    expect(result.data.profiles).toHaveLength(3);
    expect(result.findings.map((entry) => entry.code)).toContain('leaders.team-below-k');
    expect(JSON.stringify(result.findings)).not.toMatch(/\b3 of\b/);
  });

  it('says there is no one to diagnose for an empty or unknown team', () => {
    const result = diagnoseLeaders(input(learners, { designTeam: ['ghost'], targetGroup: keys(learners) }));
    expect(result.headline.value).toBeNull();
    expect(result.data).toMatchObject({ teamSize: 0, notInSnapshot: 1 });
    expect(result.findings.map((entry) => entry.code)).toEqual([
      'leaders.no-team',
      'leaders.not-in-snapshot',
    ]);
  });

  it('names what cannot be scored when usage reports are concealed, and lowers confidence', () => {
    const people = [...leaders, ...learners];
    const snapshot = buildSnapshot({
      people,
      coverage: dataSources.map((source) => ({
        source,
        status: source.endsWith('Report') ? ('concealed' as const) : ('complete' as const),
        coveredPeople: people.length,
        detail: null,
      })),
    });
    const result = diagnoseLeaders(
      input(people, { designTeam: keys(leaders), targetGroup: keys(learners) }, { snapshot }),
    );
    expect(result.coverage.confidence).toBe('low');
    expect(result.coverage.missing).toContain('teamsActivityReport');
    expect(result.findings.find((entry) => entry.code === 'leaders.attributes-unscorable')?.text).toMatch(
      /^Transparent cannot be scored/,
    );
    expect(
      result.data.attributes.find((entry) => entry.attribute === 'transparent')?.leadersMedian,
    ).toBeNull();
  });

  it('does not depend on the order of people or of the team list', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 16, maxLength: 16 }), (order) => {
        const people = [...leaders, ...learners]
          .map((person, i) => ({ person, rank: order[i] ?? 0 }))
          .sort((a, b) => a.rank - b.rank)
          .map(({ person }) => person);
        const initiative = { designTeam: keys(leaders).reverse(), targetGroup: keys(learners) };
        const shuffled = diagnoseLeaders(input(people, initiative));
        const straight = diagnoseLeaders(
          input([...leaders, ...learners], { designTeam: keys(leaders), targetGroup: keys(learners) }),
        );
        const { profiles: a, ...restA } = shuffled.data;
        const { profiles: b, ...restB } = straight.data;
        expect(restA).toEqual(restB);
        expect(shuffled.findings).toEqual(straight.findings);
        const byOwner = (list: typeof a) => [...list].sort((x, y) => x.ownerKey.localeCompare(y.ownerKey));
        expect(byOwner(a)).toEqual(byOwner(b));
      }),
      { numRuns: 25 },
    );
  });
});
