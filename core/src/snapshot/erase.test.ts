import { describe, expect, it } from 'vitest';
import { hoursPerWeek, signalNames, type SignalName } from '../model/signals';
import type { CollaborationSnapshot, SourceCoverage } from '../model/snapshot';
import { seededRandom } from '../stats/seeded-random';
import { buildCollaborationSnapshot } from './build-snapshot';
import { decodeSnapshot, encodeSnapshot } from './codec';
import { removePeople } from './erase';
import type { ChannelMessageRecord, DailyActivityRecord, DirectoryPerson } from './records';

const key = (id: string): string => `key-${id}`;
const at = (iso: string): number => Date.parse(iso);
// Window: weeks starting Mon 2026-11-16 and Mon 2026-11-23.
const dataAsOf = new Date('2026-11-25T10:00:00Z');

/** Signals others may hold about an interaction with a removed person (kept by design, see erase.ts). */
const interactionSignals: readonly SignalName[] = [
  'repliesToOthers',
  'mentionsGiven',
  'reactionsGiven',
  'reactionsReceived',
];
const ownSignals = signalNames.filter((name) => !interactionSignals.includes(name));

const person = (id: string, managerId: string | null, utcOffsetHours = 0): DirectoryPerson => ({
  id,
  department: 'Sales',
  location: 'Oslo',
  jobTitle: 'Advisor',
  managerId,
  accountEnabled: true,
  utcOffsetHours,
});

function message(
  partial: Partial<ChannelMessageRecord> & Pick<ChannelMessageRecord, 'id' | 'fromId' | 'createdAt'>,
): ChannelMessageRecord {
  return { teamId: 't', channelId: 'c', replyToId: null, mentionIds: [], reactions: [], ...partial };
}

function build(
  people: readonly DirectoryPerson[],
  messages: readonly ChannelMessageRecord[],
  daily: readonly DailyActivityRecord[],
  coverage: readonly SourceCoverage[] = [],
  weeks = 2,
): CollaborationSnapshot {
  return buildCollaborationSnapshot({
    tenantId: 'tenant-1',
    dataAsOf,
    weeks,
    people,
    messages,
    daily,
    coverage,
    pseudonymize: key,
  });
}

/** A person's row of a person-major array, as a plain array. */
const row = (array: Uint32Array, index: number, width: number): number[] =>
  Array.from(array.subarray(index * width, (index + 1) * width));

const indexOf = (snapshot: CollaborationSnapshot, id: string): number =>
  snapshot.people.findIndex((candidate) => candidate.key === key(id));

/** Latency samples as (person key, week, minutes), in stored order. */
const samples = (snapshot: CollaborationSnapshot): string[] =>
  Array.from(
    snapshot.latencies.person,
    (person, sample) =>
      `${snapshot.people[person]!.key}|${snapshot.latencies.week[sample]}|${snapshot.latencies.minutes[sample]}`,
  );

const edgeList = (snapshot: CollaborationSnapshot): string[] =>
  Array.from(
    snapshot.edges.from,
    (from, edge) =>
      `${snapshot.people[from]!.key}>${snapshot.people[snapshot.edges.to[edge]!]!.key}:` +
      `${snapshot.edges.kind[edge]}x${snapshot.edges.count[edge]}`,
  );

/** Everything but the signals that may count interactions with removed people must match exactly. */
function expectSameExceptInteractions(erased: CollaborationSnapshot, without: CollaborationSnapshot): void {
  expect(erased.people).toEqual(without.people);
  for (const name of ownSignals)
    expect(Array.from(erased.signals[name]), name).toEqual(Array.from(without.signals[name]));
  expect(Array.from(erased.edges.from)).toEqual(Array.from(without.edges.from));
  expect(Array.from(erased.edges.to)).toEqual(Array.from(without.edges.to));
  expect(Array.from(erased.edges.kind)).toEqual(Array.from(without.edges.kind));
  expect(Array.from(erased.edges.count)).toEqual(Array.from(without.edges.count));
  expect(Array.from(erased.hourOfWeek)).toEqual(Array.from(without.hourOfWeek));
  expect(erased.lastSocialActivity).toEqual(without.lastSocialActivity);
  expect(erased.weekStarts).toEqual(without.weekStarts);
}

// Pia manages Dan; Mo manages Ann, Bo and Pia. Pia posts, replies, mentions and reacts with others.
const people = [
  person('mo', null),
  person('ann', 'mo', 1),
  person('pia', 'mo'),
  person('bo', 'mo'),
  person('dan', 'pia'),
];
const messages: ChannelMessageRecord[] = [
  // Pia's thread: she mentions Bo, Ann reacts, Bo replies after 30 minutes.
  message({
    id: 'p1',
    fromId: 'pia',
    createdAt: at('2026-11-23T09:00:00Z'),
    mentionIds: ['bo'],
    reactions: [{ userId: 'ann', createdAt: at('2026-11-23T09:10:00Z') }],
  }),
  message({ id: 'b1', fromId: 'bo', replyToId: 'p1', createdAt: at('2026-11-23T09:30:00Z') }),
  // Ann's thread: Pia replies after an hour and reacts; Bo replies after two hours and mentions Pia.
  message({
    id: 'a1',
    fromId: 'ann',
    createdAt: at('2026-11-17T08:00:00Z'),
    reactions: [
      { userId: 'pia', createdAt: at('2026-11-17T08:05:00Z') },
      { userId: 'mo', createdAt: at('2026-11-17T08:06:00Z') },
    ],
  }),
  message({ id: 'p2', fromId: 'pia', replyToId: 'a1', createdAt: at('2026-11-17T09:00:00Z') }),
  message({
    id: 'b2',
    fromId: 'bo',
    replyToId: 'a1',
    createdAt: at('2026-11-17T10:00:00Z'),
    mentionIds: ['pia', 'ann'],
  }),
  // Dan posts; Mo replies.
  message({ id: 'd1', fromId: 'dan', createdAt: at('2026-11-24T14:00:00Z') }),
  message({ id: 'm1', fromId: 'mo', replyToId: 'd1', createdAt: at('2026-11-24T15:00:00Z') }),
];
const daily: DailyActivityRecord[] = [
  { personId: 'pia', day: '2026-11-18', privateChatMessages: 7, engagePosts: 2 },
  { personId: 'bo', day: '2026-11-18', emailsSent: 3, calls: 1 },
];
const coverage: SourceCoverage[] = [
  { source: 'directory', status: 'complete', coveredPeople: 5, detail: null },
  { source: 'teamsActivityReport', status: 'partial', coveredPeople: 2, detail: 'two of five' },
];

describe('removePeople', () => {
  const full = build(people, messages, daily, coverage);
  const erased = removePeople(full, [key('pia')]);
  const withoutPia = people.filter((candidate) => candidate.id !== 'pia');
  // "Without Pia": she is not in the directory; her messages and reactions stay in the sources, as a
  // guest's would, and the builder ignores them.
  const without = build(withoutPia, messages, daily, [
    { source: 'directory', status: 'complete', coveredPeople: 4, detail: null },
    coverage[1]!,
  ]);

  it('leaves no trace of the person: no key, no row, no edge, no latency sample', () => {
    expect(erased.people.map((candidate) => candidate.key)).toEqual(['mo', 'ann', 'bo', 'dan'].map(key));
    for (const name of signalNames) expect(erased.signals[name].length).toBe(4 * 2);
    expect(erased.hourOfWeek.length).toBe(4 * hoursPerWeek);
    expect(erased.lastSocialActivity).toHaveLength(4);
    expect(edgeList(erased).some((edge) => edge.includes(key('pia')))).toBe(false);
    expect(samples(erased).some((sample) => sample.startsWith(key('pia')))).toBe(false);
    const stored = new TextDecoder().decode(encodeSnapshot(erased));
    expect(stored).not.toContain(key('pia'));
    expect(new TextDecoder().decode(encodeSnapshot(full))).toContain(key('pia'));
  });

  it('equals the snapshot built without the person, apart from others counting interactions with her', () => {
    expectSameExceptInteractions(erased, without);
    expect(erased.coverage).toEqual(without.coverage);
    // Pia's report has no manager left; everyone else keeps theirs, re-indexed.
    expect(erased.people[indexOf(erased, 'dan')]!.managerIndex).toBe(-1);
    expect(erased.people[indexOf(erased, 'bo')]!.managerIndex).toBe(indexOf(erased, 'mo'));
    // Bo's reply in Pia's thread, his mention of her, Ann's reaction to her post and the reaction Pia
    // gave Ann stay with them.
    const bo = indexOf(erased, 'bo');
    const ann = indexOf(erased, 'ann');
    expect(row(erased.signals.repliesToOthers, bo, 2)).toEqual([1, 1]);
    expect(row(without.signals.repliesToOthers, bo, 2)).toEqual([1, 0]);
    expect(row(erased.signals.mentionsGiven, bo, 2)).toEqual([2, 0]);
    expect(row(without.signals.mentionsGiven, bo, 2)).toEqual([1, 0]);
    expect(row(erased.signals.reactionsReceived, ann, 2)).toEqual([2, 0]);
    expect(row(without.signals.reactionsReceived, ann, 2)).toEqual([1, 0]);
    expect(row(erased.signals.reactionsGiven, ann, 2)).toEqual([0, 1]);
    expect(row(without.signals.reactionsGiven, ann, 2)).toEqual([0, 0]);
    // Otherwise the interaction signals are the full snapshot's, row for row.
    for (const name of interactionSignals)
      for (const id of ['mo', 'ann', 'bo', 'dan'])
        expect(row(erased.signals[name], indexOf(erased, id), 2), `${name} ${id}`).toEqual(
          row(full.signals[name], indexOf(full, id), 2),
        );
    // Bo's 30-minute answer to Pia stays his sample; the rest are the built ones.
    expect(samples(erased)).toEqual(samples(full).filter((sample) => !sample.startsWith(key('pia'))));
    expect(samples(erased).filter((sample) => !samples(without).includes(sample))).toEqual([
      `${key('bo')}|1|30`,
    ]);
  });

  it('survives the codec and removes a manager with one of their reports', () => {
    const twice = removePeople(decodeSnapshot(encodeSnapshot(full)), [key('mo'), key('dan')]);
    const rebuilt = build(
      people.filter((candidate) => candidate.id !== 'mo' && candidate.id !== 'dan'),
      messages,
      daily,
      coverage,
    );
    expect(twice.people.map((candidate) => [candidate.key, candidate.managerIndex])).toEqual([
      [key('ann'), -1],
      [key('pia'), -1],
      [key('bo'), -1],
    ]);
    expectSameExceptInteractions(twice, rebuilt);
    expect(twice.coverage.map((entry) => entry.coveredPeople)).toEqual([3, 2]);
  });

  it('returns the snapshot itself when no key matches, and an empty one when everyone goes', () => {
    expect(removePeople(full, [key('nobody')])).toBe(full);
    expect(removePeople(full, [])).toBe(full);
    const none = removePeople(
      full,
      people.map((candidate) => key(candidate.id)),
    );
    expect(none.people).toEqual([]);
    expect(none.edges.from.length + none.latencies.person.length + none.hourOfWeek.length).toBe(0);
    expect(none.coverage.map((entry) => entry.coveredPeople)).toEqual([0, 0]);
  });

  it('matches a rebuild without the removed people on random tenants', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const random = seededRandom(seed);
      const pick = (n: number): number => Math.floor(random() * n);
      const size = 4 + pick(12);
      const ids = Array.from({ length: size }, (_, index) => `u${index}`);
      const tenant = ids.map((id, index) =>
        person(id, index === 0 || random() < 0.2 ? null : ids[pick(index)]!, pick(3) - 1),
      );
      const start = at('2026-11-09T00:00:00Z');
      const span = at('2026-11-30T00:00:00Z') - start;
      const records: ChannelMessageRecord[] = [];
      for (let index = 0; index < size * 4; index += 1) {
        const roots = records.filter((record) => record.replyToId === null);
        const reply = roots.length > 0 && random() < 0.5 ? roots[pick(roots.length)]! : null;
        const createdAt = reply ? reply.createdAt + pick(3 * 86_400_000) : start + pick(span);
        records.push(
          message({
            id: `m${index}`,
            fromId: ids[pick(size)]!,
            replyToId: reply?.id ?? null,
            createdAt,
            mentionIds: random() < 0.3 ? [ids[pick(size)]!] : [],
            reactions:
              random() < 0.4 ? [{ userId: ids[pick(size)]!, createdAt: createdAt + pick(86_400_000) }] : [],
          }),
        );
      }
      const days = ['2026-11-10', '2026-11-18', '2026-11-24'];
      const activity: DailyActivityRecord[] = ids.flatMap((id) =>
        random() < 0.5
          ? [{ personId: id, day: days[pick(3)]!, privateChatMessages: pick(9), engagePosts: pick(2) }]
          : [],
      );
      const gone = new Set(ids.filter(() => random() < 0.25));
      if (gone.size === 0) gone.add(ids[pick(size)]!);
      const all = build(tenant, records, activity, [], 3);
      const result = removePeople(all, [...gone].map(key));
      const rebuilt = build(
        tenant.filter((candidate) => !gone.has(candidate.id)),
        records,
        activity,
        [],
        3,
      );
      expectSameExceptInteractions(result, rebuilt);
      const keptIds = ids.filter((id) => !gone.has(id));
      for (const name of interactionSignals)
        for (const id of keptIds) {
          const mine = row(result.signals[name], indexOf(result, id), 3);
          expect(mine, `seed ${seed} ${name} ${id}`).toEqual(row(all.signals[name], indexOf(all, id), 3));
          // Only interactions with removed people make the difference, so never fewer than a rebuild.
          row(rebuilt.signals[name], indexOf(rebuilt, id), 3).forEach((value, week) =>
            expect(mine[week]).toBeGreaterThanOrEqual(value),
          );
        }
      const goneKeys = [...gone].map(key);
      expect(samples(result)).toEqual(
        samples(all).filter((sample) => !goneKeys.some((gonekey) => sample.startsWith(`${gonekey}|`))),
      );
      const left = [...samples(result)];
      for (const sample of samples(rebuilt)) {
        const at = left.indexOf(sample);
        expect(at, `seed ${seed}: rebuilt sample ${sample} missing`).toBeGreaterThanOrEqual(0);
        left.splice(at, 1);
      }
    }
  });
});
