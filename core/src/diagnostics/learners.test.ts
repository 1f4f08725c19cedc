import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Initiative, PulseResponse } from '../model/initiative';
import { dataSources, type CollaborationSnapshot } from '../model/snapshot';
import { createPrivacyGuard } from '../privacy/guard';
import { fixtureInput, fixtureKpi } from '../testing/diagnostic-input';
import { buildSnapshot, type FixturePerson } from '../testing/snapshot-builder';
import type { DiagnosticInput } from './input';
import { diagnoseLearners } from './learners';

const weeks = 8;
const from = (start: number, count: number) =>
  Array.from({ length: weeks }, (_, w) => (w >= start ? count : 0));

/** Contributes in channels every week from `start`, answers others, replies fast, chats a little. */
function sharer(key: string, department: string, jobTitle: string, start: number): FixturePerson {
  return {
    key,
    department,
    location: 'Oslo',
    jobTitle,
    weekly: {
      channelPosts: from(start, 3),
      channelReplies: from(start, 1),
      repliesToOthers: from(start, 1),
      privateChatMessages: from(0, 5),
    },
    latencies: [20, 45, 70],
    lastSocialActivity: '2026-11-27',
  };
}

/** Works in chat and email only. */
function chatter(key: string, location: string | undefined): FixturePerson {
  return {
    key,
    department: 'Sales',
    ...(location === undefined ? {} : { location }),
    jobTitle: key === 'S0' ? 'account manager' : 'Account Manager',
    weekly: { privateChatMessages: from(0, 40), emailsSent: from(0, 10) },
  };
}

// Engineering: 6 from week 0, 4 from week 4; Finance: 3 from week 2; Sales: 7 who never post.
const group: FixturePerson[] = [
  ...Array.from({ length: 6 }, (_, i) => sharer(`E${i}`, 'Engineering', 'Engineer', 0)),
  ...Array.from({ length: 4 }, (_, i) => sharer(`E${6 + i}`, 'Engineering', ' Engineer ', 4)),
  ...Array.from({ length: 3 }, (_, i) => sharer(`F${i}`, 'Finance', 'Account Manager', 2)),
  ...Array.from({ length: 7 }, (_, i) => chatter(`S${i}`, i < 2 ? undefined : 'Oslo')),
];
const keys = (people: readonly FixturePerson[]) => people.map((person) => person.key);
const ramp = (size: number, offset: number) =>
  Array.from({ length: size }, (_, i) => 0.5 + i / (size - 1) + offset);

function input(
  people: readonly FixturePerson[],
  initiative: Partial<Initiative> = {},
  extra: { pulse?: PulseResponse[]; snapshot?: CollaborationSnapshot; seed?: number } = {},
): DiagnosticInput {
  return fixtureInput(
    extra.snapshot ?? buildSnapshot({ people, weeks, dataAsOf: '2026-11-29T23:00:00.000Z' }),
    {
      initiative: { name: 'Peer onboarding', targetGroup: keys(people), ...initiative },
      ...(extra.pulse === undefined ? {} : { pulse: extra.pulse }),
      ...(extra.seed === undefined ? {} : { seed: extra.seed }),
    },
  );
}

const rating = (key: string, participatory: number): PulseResponse => ({
  personKey: key,
  selfAssessment: { participatory, timely: 3, transparent: 3, current: 3 },
  preferredModes: key.startsWith('S') ? ['chat'] : ['channelPosts'],
  expectedHelp: 4,
});

describe('diagnoseLearners on a fixture with known answers', () => {
  const pulse = ['E0', 'E1', 'E2', 'E3', 'S0', 'S1', 'S2', 'S3', 'outsider'].map((key) => rating(key, 4));
  const result = diagnoseLearners(input(group, {}, { pulse }));
  const { data } = result;

  it('counts who learns social and describes each attribute', () => {
    expect(data).toMatchObject({ groupSize: 20, learnsSocial: 13, attributesRequired: 3 });
    expect(data.shareLearningSocial).toBeCloseTo(0.65);
    expect(result.headline).toMatchObject({ label: 'Learners who learn social', unit: 'share' });
    const participatory = data.distributions.find((entry) => entry.attribute === 'participatory');
    expect(participatory).toMatchObject({ scored: 20, meetingBar: 13, p25: 0 });
    expect(participatory?.histogram.map((bin) => bin.count)).toEqual([7, 0, 0, 0, 13]);
    const timely = data.distributions.find((entry) => entry.attribute === 'timely');
    expect(timely?.scored).toBe(13); // the chatters never reply in threads: not scored, not zero
    expect(result.findings.find((entry) => entry.code === 'learners.learn-social')?.text).toBe(
      '65% of the target group learn social (13 of 20).',
    );
  });

  it('segments under the privacy rules: a small cell and its complement are withheld', () => {
    expect(data.segments.department.map((s) => [s.value, s.size, s.suppressed])).toEqual([
      ['Engineering', 10, null],
      ['Finance', null, 'below-k'],
      ['Sales', null, 'complementary'],
    ]);
    expect(data.segments.department[0]).toMatchObject({
      shareLearningSocial: 1,
      dominantMode: 'channelPosts',
    });
    // Two people without a location: that cell and the only other one are withheld.
    expect(data.segments.location.map((s) => s.suppressed).sort()).toEqual(['below-k', 'complementary']);
    // Job titles group case- and space-insensitively.
    expect(data.segments.role.map((s) => [s.value, s.size, s.shareLearningSocial])).toEqual([
      ['Account Manager', 10, 0.3],
      ['Engineer', 10, 1],
    ]);
    expect(data.segments.role[0]?.dominantMode).toBe('email'); // 10 emails outweigh 40 chats (8 chats = 1 email)
    expect(result.findings.find((entry) => entry.code === 'learners.segment-behind')?.text).toMatch(
      /^In the role "Account Manager", 30% learn social against 65% of the whole group/,
    );
  });

  it('places people on the adoption curve from the week their habit began', () => {
    expect(data.adopters.habitFormed).toBe(13);
    expect(data.adopters.medianHabitWeek).toBe(2);
    expect(data.adopters.cumulativeShareByWeek).toEqual([0.3, 0.3, 0.45, 0.45, 0.65, 0.65, 0.65, 0.65]);
    expect(data.adopters.categories.map((entry) => [entry.category, entry.count])).toEqual([
      ['innovators', 0],
      ['earlyAdopters', 6],
      ['earlyMajority', 3],
      ['lateMajority', 4],
      ['laggards', 7],
    ]);
  });

  it('sets the pulse beside the observed scores of the same people', () => {
    expect(data.pulse).toMatchObject({ respondents: 8, responseRate: 0.4, expectedHelp: 4 });
    const participatory = data.pulse.attributes.find((entry) => entry.attribute === 'participatory');
    expect(participatory).toMatchObject({ selfMean: 4, selfScore: 75, observedScore: 50, gap: 25 });
    expect(data.pulse.preferredModes).toEqual({ channelPosts: 0.5, chat: 0.5 });
    expect(result.findings.map((entry) => entry.code)).toContain('learners.self-overrated');
  });

  it('withholds the whole pulse under k respondents', () => {
    const few = diagnoseLearners(input(group, {}, { pulse: pulse.slice(0, 3) }));
    expect(few.data.pulse.respondents).toBeNull();
    expect(few.data.pulse.attributes.every((entry) => entry.gap === null && entry.selfMean === null)).toBe(
      true,
    );
    expect(few.findings.map((entry) => entry.code)).toContain('learners.pulse-too-few');
  });
});

describe('diagnoseLearners KPIs', () => {
  it('compares each KPI before and after and says it aloud', () => {
    const replies = fixtureKpi({
      id: 'replies',
      name: 'Channel replies per week',
      baseline: ramp(30, 0),
      followUp: ramp(30, 1),
    });
    const result = diagnoseLearners(input(group, { kpis: [replies] }));
    expect(result.data.kpis[0]).toMatchObject({ id: 'replies', status: 'ok', improved: true });
    expect(result.findings.find((entry) => entry.code === 'learners.kpi')?.text).toMatch(
      /^"Channel replies per week" \(Kirkpatrick level 3, behaviour\) went from 1 to 2 replies per week: a clear improvement \(Hedges' g [\d.]+, 95% CI [\d.]+ to [\d.]+\)\.$/,
    );
  });
});

describe('diagnoseLearners edge cases', () => {
  it('has nothing to say about an empty group but says so', () => {
    const result = diagnoseLearners(input(group, { targetGroup: [] }));
    expect(result.headline.value).toBeNull();
    expect(result.data.segments.department).toEqual([]);
    expect(result.findings.map((entry) => entry.code)).toEqual(['learners.no-group']);
  });

  it('withholds everything about one person', () => {
    const result = diagnoseLearners(input(group, { targetGroup: ['E0'] }));
    expect(result.data.learnsSocial).toBeNull();
    expect(
      result.data.distributions.every(
        (entry) => entry.median === null && entry.histogram.every((bin) => bin.count === null),
      ),
    ).toBe(true);
    expect(result.data.segments.department).toEqual([
      {
        dimension: 'department',
        value: 'Engineering',
        size: null,
        shareLearningSocial: null,
        dominantMode: null,
        modeMix: null,
        suppressed: 'below-k',
      },
    ]);
    expect(result.data.modeMix).toBeNull();
    expect(result.data.adopters.habitFormed).toBeNull();
    expect(result.findings.map((entry) => entry.code)).toContain('learners.group-below-k');
  });

  it('reports no adoption at all rather than everyone a laggard when there is no channel or Engage data', () => {
    const snapshot = buildSnapshot({
      people: group,
      weeks,
      coverage: dataSources.map((source) => ({
        source,
        status:
          source === 'channelMessages' || source === 'engageActivityReport'
            ? ('missing' as const)
            : ('complete' as const),
        coveredPeople: 0,
        detail: null,
      })),
    });
    const result = diagnoseLearners(input(group, {}, { snapshot }));
    expect(result.data.adopters.categories.every((entry) => entry.count === null)).toBe(true);
    expect(result.data.learnsSocial).toBe(0);
    expect(result.data.attributesRequired).toBe(0);
    expect(result.coverage.confidence).toBe('low');
    expect(result.findings.map((entry) => entry.code)).toContain('learners.attributes-unscorable');
    expect(result.data.modeMix?.channelPosts).toBeUndefined();
  });

  it('puts everyone who began in the same week in one category', () => {
    const same = Array.from({ length: 10 }, (_, i) => sharer(`E${i}`, 'Engineering', 'Engineer', 0));
    const result = diagnoseLearners(input(same));
    expect(result.data.adopters.categories.find((entry) => entry.count !== 0)).toMatchObject({
      category: 'earlyMajority',
      count: 10,
    });
  });

  it('never releases a segment under k nor one that subtraction from the group would reveal', () => {
    const person = fc.record({
      department: fc.constantFrom('A', 'B', 'C', 'D', ''),
      location: fc.constantFrom('X', 'Y', ''),
      active: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 5, max: 8 }),
        (shapes, k) => {
          const people = shapes.map((shape, i): FixturePerson => ({
            key: `p${i}`,
            ...(shape.department === '' ? {} : { department: shape.department }),
            ...(shape.location === '' ? {} : { location: shape.location }),
            weekly: shape.active ? { channelPosts: from(0, 1) } : {},
          }));
          const run = diagnoseLearners({ ...input(people), guard: createPrivacyGuard({ k }) });
          for (const segments of Object.values(run.data.segments)) {
            const released = segments.filter((segment) => segment.suppressed === null);
            for (const segment of released) expect(segment.size).toBeGreaterThanOrEqual(k);
            const hidden = people.length - released.reduce((sum, segment) => sum + (segment.size ?? 0), 0);
            expect(hidden === 0 || hidden >= k || released.length === 0).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of people or of the group list', () => {
    const straight = diagnoseLearners(input(group));
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: group.length, maxLength: group.length }),
        (order) => {
          const people = group
            .map((person, i) => ({ person, rank: order[i] ?? 0 }))
            .sort((a, b) => a.rank - b.rank)
            .map(({ person }) => person);
          const shuffled = diagnoseLearners(input(people, { targetGroup: keys(people).reverse() }));
          expect(shuffled.data).toEqual(straight.data);
          expect(shuffled.findings).toEqual(straight.findings);
        },
      ),
      { numRuns: 20 },
    );
  });
});
