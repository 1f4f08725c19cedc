import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataSources, type SourceCoverage } from '../model/snapshot';
import { signalNames, type SignalName } from '../model/signals';
import { defaultSettings } from '../settings/index';
import { buildSnapshot, type FixturePerson } from '../testing/snapshot-builder';
import { indexesOf, summarizeGroup, unknownKeys } from './groups';
import { attributeNames, scorePeople, scorePerson } from './learns-social';

// Four weeks from Monday 2026-10-05; data as of Sunday 2026-11-01.
const sharer: FixturePerson = {
  key: 'sharer',
  weekly: {
    channelPosts: [1, 1, 1, 1],
    repliesToOthers: [1, 1, 0, 0],
    channelReplies: [1, 1, 0, 0],
    privateChatMessages: [5, 5, 5, 5],
  },
  latencies: [30, 60, 120],
  lastSocialActivity: '2026-10-29',
};
const lurker: FixturePerson = { key: 'lurker', weekly: { privateChatMessages: [10, 10, 10, 10] } };

function coverage(status: Partial<Record<string, SourceCoverage['status']>>): SourceCoverage[] {
  return dataSources.map((source) => ({
    source,
    status: status[source] ?? 'complete',
    coveredPeople: 2,
    detail: null,
  }));
}

describe('learns-social attributes', () => {
  it('scores an active sharer against hand-worked values', () => {
    const person = scorePerson(buildSnapshot({ people: [sharer, lurker] }), defaultSettings, 0);
    expect(person.participatory).toBeCloseTo(100, 4); // contributed 4/4 weeks, gave 2/4 weeks
    expect(person.timely).toBeCloseTo(100, 4); // median 60 min, all within 24 h
    expect(person.transparent).toBeCloseTo((100 * (6 / 26)) / 0.3, 3); // 6 open of 26 sent
    expect(person.current).toBe(100); // three days ago
    expect(person).toMatchObject({ attributesMet: 4, learnsSocial: true });
  });

  it('scores a chat-only person at zero and leaves timeliness unscored without replies', () => {
    const person = scorePerson(buildSnapshot({ people: [sharer, lurker] }), defaultSettings, 1);
    expect(person).toEqual({
      participatory: 0,
      timely: null,
      transparent: 0,
      current: 0,
      attributesMet: 0,
      learnsSocial: false,
    });
  });

  it('puts "active in the last 14 days" exactly on the bar', () => {
    const at = (last: string) =>
      scorePerson(buildSnapshot({ people: [{ key: 'p', lastSocialActivity: last }] }), defaultSettings, 0)
        .current;
    expect(at('2026-10-25')).toBe(100); // 7 days
    expect(at('2026-10-18')).toBe(50); // 14 days
    expect(at('2026-10-17')).toBeLessThan(50);
    expect(at('2026-10-04')).toBe(0); // 28 days
  });

  it('reads slow replies as less timely on a log scale', () => {
    const timely = (latencies: number[]) =>
      scorePerson(buildSnapshot({ people: [{ key: 'p', latencies }] }), defaultSettings, 0).timely;
    expect(timely([2880, 2880, 3000])).toBe(0);
    // median 2 days, one of three within a business day
    expect(timely([600, 2880, 4000])).toBeCloseTo(100 * (0 * 0.5 + 0.5 / 3), 3);
    // the geometric middle of 1 h and 48 h scores half on the median part; it is within 24 h
    expect(timely([60 * Math.sqrt(48)])).toBeCloseTo(25 + 50, 3);
  });

  it('scores without concealed usage reports, saying transparency cannot be scored', () => {
    const snapshot = buildSnapshot({
      people: [sharer, lurker],
      coverage: coverage({
        teamsActivityReport: 'concealed',
        emailActivityReport: 'concealed',
        engageActivityReport: 'concealed',
      }),
    });
    const scores = scorePeople(snapshot, defaultSettings);
    expect(scores.scorable).toEqual({ participatory: true, timely: true, transparent: false, current: true });
    expect(scores.transparent[0]).toBeNaN();
    expect(scores.required).toBe(3);
    expect(scores.learnsSocial[0]).toBe(1);
  });

  it('falls back to Engage when there is no channel data, and never counts the missing source as zero', () => {
    const engager: FixturePerson = {
      key: 'engager',
      weekly: { engagePosts: [2, 2, 2, 0], engageLikes: [1, 1, 1, 1], channelPosts: [9, 9, 9, 9] },
      lastSocialActivity: '2026-10-30',
    };
    const snapshot = buildSnapshot({
      people: [engager],
      coverage: coverage({ channelMessages: 'missing' }),
    });
    const scores = scorePeople(snapshot, defaultSettings);
    expect(scores.scorable.timely).toBe(false);
    expect(scores.participatory[0]).toBeCloseTo(100, 4); // 3/4 contribution weeks, 4/4 giving weeks
    expect(scores.transparent[0]).toBeCloseTo(100, 4); // channel posts ignored: 6 open, no private
    expect(scores.learnsSocial[0]).toBe(1);
  });

  it('scores nothing when no social source exists', () => {
    const snapshot = buildSnapshot({
      people: [sharer],
      coverage: coverage({ channelMessages: 'missing', engageActivityReport: 'missing' }),
    });
    const scores = scorePeople(snapshot, defaultSettings);
    expect(attributeNames.map((name) => scores[name][0])).toEqual([NaN, NaN, NaN, NaN]);
    expect(scores.learnsSocial[0]).toBe(0);
  });

  it('maps keys to sorted unique indexes and summarises a group', () => {
    const snapshot = buildSnapshot({ people: [sharer, lurker] });
    expect([...indexesOf(snapshot, ['lurker', 'ghost', 'sharer', 'lurker'])]).toEqual([0, 1]);
    expect(unknownKeys(snapshot, ['ghost', 'ghost', 'sharer'])).toBe(1);
    const summary = summarizeGroup(
      scorePeople(snapshot, defaultSettings),
      indexesOf(snapshot, ['sharer', 'lurker']),
      50,
    );
    expect(summary.learnsSocial).toBe(1);
    expect(summary.attributes.find((entry) => entry.attribute === 'timely')).toMatchObject({
      scored: 1,
      meetingBar: 1,
    });
    expect(summary.attributes.find((entry) => entry.attribute === 'participatory')?.median).toBeCloseTo(
      50,
      4,
    );
  });
});

const weeks = 6;
const counts = fc.array(fc.nat({ max: 6 }), { minLength: weeks, maxLength: weeks });
const personArbitrary = fc.record({
  channelPosts: counts,
  channelReplies: counts,
  repliesToOthers: counts,
  reactionsGiven: counts,
  engagePosts: counts,
  engageLikes: counts,
  privateChatMessages: counts,
  emailsSent: counts,
  latencies: fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 5 }),
  lastDay: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
});
type PersonShape = typeof personArbitrary extends fc.Arbitrary<infer T> ? T : never;

function fixture(shape: PersonShape, key: string): FixturePerson {
  const { latencies, lastDay, ...weekly } = shape;
  const last =
    lastDay === null ? null : new Date(Date.UTC(2026, 10, 15 - lastDay)).toISOString().slice(0, 10);
  return { key, weekly, latencies, lastSocialActivity: last };
}

describe('learns-social properties', () => {
  it('keeps every score within 0–100 and the verdict consistent with the bar', () => {
    fc.assert(
      fc.property(fc.array(personArbitrary, { minLength: 1, maxLength: 6 }), (shapes) => {
        const snapshot = buildSnapshot({ people: shapes.map((shape, i) => fixture(shape, `p${i}`)), weeks });
        const scores = scorePeople(snapshot, defaultSettings);
        shapes.forEach((_, p) => {
          let met = 0;
          for (const name of attributeNames) {
            const value = scores[name][p] ?? Number.NaN;
            if (Number.isNaN(value)) continue;
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
            if (value >= defaultSettings.attributes.bar) met++;
          }
          expect(scores.attributesMet[p]).toBe(met);
          expect(scores.learnsSocial[p]).toBe(met >= 3 ? 1 : 0);
        });
      }),
    );
  });

  it('never lowers participatory when a person does more', () => {
    const social: SignalName[] = signalNames.filter((name) => name !== 'reactionsReceived');
    fc.assert(
      fc.property(
        personArbitrary,
        fc.constantFrom(...social),
        fc.nat({ max: weeks - 1 }),
        fc.integer({ min: 1, max: 5 }),
        (shape, signal, week, extra) => {
          const before = fixture(shape, 'p');
          const weekly = { ...before.weekly };
          const series = [...(weekly[signal] ?? Array<number>(weeks).fill(0))];
          series[week] = (series[week] ?? 0) + extra;
          weekly[signal] = series;
          const score = (person: FixturePerson) =>
            scorePerson(buildSnapshot({ people: [person], weeks }), defaultSettings, 0).participatory ?? 0;
          expect(score({ ...before, weekly })).toBeGreaterThanOrEqual(score(before));
        },
      ),
    );
  });

  it('gives everyone the same scores whatever the order of people', () => {
    fc.assert(
      fc.property(fc.array(personArbitrary, { minLength: 2, maxLength: 6 }), (shapes) => {
        const people = shapes.map((shape, i) => fixture(shape, `p${i}`));
        const forward = scorePeople(buildSnapshot({ people, weeks }), defaultSettings);
        const reversed = scorePeople(
          buildSnapshot({ people: [...people].reverse(), weeks }),
          defaultSettings,
        );
        const last = people.length - 1;
        people.forEach((_, p) => {
          for (const name of attributeNames) expect(reversed[name][last - p]).toEqual(forward[name][p]);
          expect(reversed.learnsSocial[last - p]).toBe(forward.learnsSocial[p]);
        });
      }),
    );
  });
});
