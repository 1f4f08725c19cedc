import { describe, expect, it } from 'vitest';
import { edgeKinds, hoursPerWeek } from '../model/signals';
import { buildCollaborationSnapshot } from './build-snapshot';
import type { ChannelMessageRecord, DirectoryPerson } from './records';

const person = (id: string, overrides: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  id,
  department: 'Sales',
  location: 'Oslo',
  jobTitle: 'Advisor',
  managerId: null,
  accountEnabled: true,
  utcOffsetHours: 0,
  ...overrides,
});

const at = (iso: string): number => Date.parse(iso);

// Window: dataAsOf Wed 2026-11-25 → weeks starting Mon 2026-11-16 and Mon 2026-11-23 (2 weeks).
const dataAsOf = new Date('2026-11-25T10:00:00Z');
const people = [
  person('ann', { managerId: 'mo', utcOffsetHours: 1 }),
  person('bo', { managerId: 'mo' }),
  person('mo'),
];

function message(
  partial: Partial<ChannelMessageRecord> & Pick<ChannelMessageRecord, 'id' | 'fromId' | 'createdAt'>,
): ChannelMessageRecord {
  return { teamId: 't', channelId: 'c', replyToId: null, mentionIds: [], reactions: [], ...partial };
}

const messages: ChannelMessageRecord[] = [
  // Ann posts on Monday 09:00 UTC (10:00 her time) in week 1; Bo replies twice (first after 90 min), Mo reacts.
  message({
    id: '1',
    fromId: 'ann',
    createdAt: at('2026-11-23T09:00:00Z'),
    mentionIds: ['bo', 'ann'],
    reactions: [{ userId: 'mo', createdAt: at('2026-11-23T10:00:00Z') }],
  }),
  message({ id: '3', fromId: 'bo', replyToId: '1', createdAt: at('2026-11-23T12:00:00Z') }),
  message({ id: '2', fromId: 'bo', replyToId: '1', createdAt: at('2026-11-23T10:30:00Z') }),
  // Ann replies in her own thread: no latency sample, not a reply to others.
  message({ id: '4', fromId: 'ann', replyToId: '1', createdAt: at('2026-11-23T13:00:00Z') }),
  // Outside the window and by a guest: ignored.
  message({ id: '5', fromId: 'bo', createdAt: at('2026-11-01T09:00:00Z') }),
  message({ id: '6', fromId: 'guest', createdAt: at('2026-11-17T09:00:00Z') }),
  // Mo posts in week 0.
  message({ id: '7', fromId: 'mo', createdAt: at('2026-11-17T15:00:00Z') }),
];

const snapshot = buildCollaborationSnapshot({
  tenantId: 'tenant-1',
  dataAsOf,
  weeks: 2,
  people,
  messages,
  daily: [
    { personId: 'bo', day: '2026-11-18', privateChatMessages: 12, emailsSent: 3 },
    { personId: 'bo', day: '2026-11-24', privateChatMessages: 5, engagePosts: 1 },
    { personId: 'ann', day: '2026-10-01', privateChatMessages: 99 },
  ],
  coverage: [],
  pseudonymize: (id) => `key-${id}`,
});

const signal = (name: keyof typeof snapshot.signals, who: number, week: number): number =>
  snapshot.signals[name][who * 2 + week] ?? Number.NaN;

describe('buildCollaborationSnapshot', () => {
  it('lays out whole weeks ending at the data-as-of week, and pseudonymous people with manager links', () => {
    expect(snapshot.weekStarts).toEqual(['2026-11-16', '2026-11-23']);
    expect(snapshot.people.map((entry) => entry.key)).toEqual(['key-ann', 'key-bo', 'key-mo']);
    expect(snapshot.people.map((entry) => entry.managerIndex)).toEqual([2, 2, -1]);
    expect(JSON.stringify(snapshot.people)).not.toContain('"ann"');
  });

  it('counts posts, replies, replies to others, mentions and reactions in the right weeks', () => {
    expect([
      signal('channelPosts', 0, 1),
      signal('channelReplies', 0, 1),
      signal('repliesToOthers', 0, 1),
    ]).toEqual([1, 1, 0]);
    expect([signal('channelReplies', 1, 1), signal('repliesToOthers', 1, 1)]).toEqual([2, 2]);
    expect(signal('channelPosts', 1, 0)).toBe(0);
    expect(signal('channelPosts', 2, 0)).toBe(1);
    expect(signal('mentionsGiven', 0, 1)).toBe(1);
    expect([signal('reactionsGiven', 2, 1), signal('reactionsReceived', 0, 1)]).toEqual([1, 1]);
  });

  it('adds daily report counts by week and drops days outside the window', () => {
    expect([signal('privateChatMessages', 1, 0), signal('privateChatMessages', 1, 1)]).toEqual([12, 5]);
    expect(signal('emailsSent', 1, 0)).toBe(3);
    expect(signal('privateChatMessages', 0, 0) + signal('privateChatMessages', 0, 1)).toBe(0);
  });

  it('keeps one latency sample per person and thread: the first reply to someone else', () => {
    expect(Array.from(snapshot.latencies.person)).toEqual([1]);
    expect(Array.from(snapshot.latencies.minutes)).toEqual([90]);
    expect(Array.from(snapshot.latencies.week)).toEqual([1]);
  });

  it('aggregates interaction edges and never links a person to themself', () => {
    const rows = Array.from(
      snapshot.edges.from,
      (from, row) =>
        `${from}->${snapshot.edges.to[row]}:${edgeKinds[snapshot.edges.kind[row] ?? 0]}x${snapshot.edges.count[row]}`,
    );
    expect(rows).toEqual(['0->1:mentionx1', '1->0:replyx2', '2->0:reactionx1']);
  });

  it('bins channel activity by the author’s local hour of week and tracks the last social day', () => {
    // Ann's post at 09:00 UTC Monday is 10:00 in UTC+1: bin 10; her reply at 13:00 UTC is bin 14.
    expect(snapshot.hourOfWeek[0 * hoursPerWeek + 10]).toBe(1);
    expect(snapshot.hourOfWeek[0 * hoursPerWeek + 14]).toBe(1);
    expect(snapshot.lastSocialActivity).toEqual(['2026-11-23', '2026-11-24', '2026-11-17']);
  });
});
