import { edgeKinds, emptySignalMatrix, hoursPerWeek, type EdgeKind, type SignalName } from '../model/signals';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { ChannelMessageRecord, DailyActivityRecord, SnapshotSources } from './records';

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;

/** Monday 00:00 UTC of the week holding `time`. */
function mondayOf(time: number): number {
  const day = Math.floor(time / dayMs);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 (Monday = 0).
  const weekday = (day + 3) % 7;
  return (day - weekday) * dayMs;
}

const dailySignals: ReadonlyArray<readonly [keyof DailyActivityRecord, SignalName]> = [
  ['privateChatMessages', 'privateChatMessages'],
  ['calls', 'calls'],
  ['meetingsAttended', 'meetingsAttended'],
  ['meetingsOrganized', 'meetingsOrganized'],
  ['emailsSent', 'emailsSent'],
  ['emailsRead', 'emailsRead'],
  ['engagePosts', 'engagePosts'],
  ['engageReads', 'engageReads'],
  ['engageLikes', 'engageLikes'],
  ['filesShared', 'filesShared'],
];

/**
 * Turns collected records into the snapshot the diagnostics read: weekly signals per person, interaction
 * edges, reply latencies, hour-of-week histograms and last social activity. Ids are replaced by
 * pseudonymous keys; records of people outside the directory (guests of other tenants) are dropped.
 */
export function buildCollaborationSnapshot(sources: SnapshotSources): CollaborationSnapshot {
  const { weeks, people } = sources;
  const lastMonday = mondayOf(sources.dataAsOf.getTime() - 1);
  const windowStart = lastMonday - (weeks - 1) * weekMs;
  const windowEnd = lastMonday + weekMs;
  const weekOf = (time: number): number =>
    time < windowStart || time >= windowEnd ? -1 : Math.floor((time - windowStart) / weekMs);
  const index = new Map(people.map((person, position) => [person.id, position]));
  const signals = emptySignalMatrix(people.length, weeks);
  const hourOfWeek = new Uint32Array(people.length * hoursPerWeek);
  const lastSocial = new Float64Array(people.length).fill(Number.NaN);
  const edgeCounts = edgeKinds.map(() => new Map<number, number>());
  const latencyPerson: number[] = [];
  const latencyWeek: number[] = [];
  const latencyMinutes: number[] = [];

  const bump = (name: SignalName, person: number, week: number, by = 1): void => {
    signals[name][person * weeks + week] = (signals[name][person * weeks + week] ?? 0) + by;
  };
  const edge = (kind: EdgeKind, from: number, to: number): void => {
    if (from === to) return;
    const counts = edgeCounts[edgeKinds.indexOf(kind)];
    const key = from * people.length + to;
    counts?.set(key, (counts.get(key) ?? 0) + 1);
  };
  const social = (person: number, time: number): void => {
    if (!(lastSocial[person]! >= time)) lastSocial[person] = time;
  };

  // Replies need their root's author and time, whatever order the records arrive in.
  const roots = new Map<string, { author: number; createdAt: number }>();
  const replies: Array<{ message: ChannelMessageRecord; author: number }> = [];
  const all: Array<{ message: ChannelMessageRecord; author: number }> = [];
  for (const message of sources.messages) {
    const author = index.get(message.fromId);
    if (author === undefined) continue;
    all.push({ message, author });
    if (message.replyToId === null) roots.set(message.id, { author, createdAt: message.createdAt });
    else replies.push({ message, author });
  }

  for (const { message, author } of all) {
    const week = weekOf(message.createdAt);
    if (week >= 0) {
      bump(message.replyToId === null ? 'channelPosts' : 'channelReplies', author, week);
      const local = message.createdAt + people[author]!.utcOffsetHours * 3_600_000;
      const bin = Math.floor((local - mondayOf(local)) / 3_600_000);
      hourOfWeek[author * hoursPerWeek + bin] = (hourOfWeek[author * hoursPerWeek + bin] ?? 0) + 1;
      social(author, message.createdAt);
      for (const mentioned of message.mentionIds) {
        const target = index.get(mentioned);
        if (target === undefined || target === author) continue;
        bump('mentionsGiven', author, week);
        edge('mention', author, target);
      }
    }
    for (const reaction of message.reactions) {
      const reactor = index.get(reaction.userId);
      const reactionWeek = weekOf(reaction.createdAt);
      if (reactor === undefined || reactionWeek < 0 || reactor === author) continue;
      bump('reactionsGiven', reactor, reactionWeek);
      bump('reactionsReceived', author, reactionWeek);
      edge('reaction', reactor, author);
    }
  }

  // One latency sample per person per thread: their first reply to a root someone else posted.
  const firstReply = new Map<string, { createdAt: number; author: number; rootCreatedAt: number }>();
  for (const { message, author } of replies) {
    const root = roots.get(message.replyToId ?? '');
    const week = weekOf(message.createdAt);
    if (!root || root.author === author) continue;
    if (week >= 0) {
      bump('repliesToOthers', author, week);
      edge('reply', author, root.author);
    }
    const key = `${message.replyToId ?? ''}|${author}`;
    const seen = firstReply.get(key);
    if (!seen || message.createdAt < seen.createdAt)
      firstReply.set(key, { createdAt: message.createdAt, author, rootCreatedAt: root.createdAt });
  }
  for (const sample of firstReply.values()) {
    const week = weekOf(sample.createdAt);
    if (week < 0) continue;
    latencyPerson.push(sample.author);
    latencyWeek.push(week);
    latencyMinutes.push(Math.max(0, (sample.createdAt - sample.rootCreatedAt) / 60_000));
  }

  for (const row of sources.daily) addDaily(row);
  function addDaily(row: DailyActivityRecord): void {
    const person = index.get(row.personId);
    const time = Date.parse(`${row.day}T12:00:00Z`);
    const week = weekOf(time);
    if (person === undefined || week < 0) return;
    for (const [field, signal] of dailySignals) {
      const value = row[field];
      if (typeof value === 'number' && value > 0) bump(signal, person, week, Math.round(value));
    }
    if ((row.engagePosts ?? 0) > 0) social(person, time);
  }

  const edgeRows: Array<[number, number, number, number]> = [];
  edgeCounts.forEach((counts, kind) => {
    for (const [key, count] of counts)
      edgeRows.push([Math.floor(key / people.length), key % people.length, kind, count]);
  });
  edgeRows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);

  return {
    tenantId: sources.tenantId,
    dataAsOf: sources.dataAsOf.toISOString(),
    weekStarts: Array.from({ length: weeks }, (_, week) =>
      new Date(windowStart + week * weekMs).toISOString().slice(0, 10),
    ),
    people: people.map((person) => ({
      key: sources.pseudonymize(person.id),
      department: person.department,
      location: person.location,
      jobTitle: person.jobTitle,
      managerIndex: person.managerId === null ? -1 : (index.get(person.managerId) ?? -1),
      utcOffsetHours: person.utcOffsetHours,
      accountEnabled: person.accountEnabled,
    })),
    signals,
    edges: {
      from: Uint32Array.from(edgeRows, (row) => row[0]),
      to: Uint32Array.from(edgeRows, (row) => row[1]),
      kind: Uint8Array.from(edgeRows, (row) => row[2]),
      count: Uint32Array.from(edgeRows, (row) => row[3]),
    },
    latencies: {
      person: Uint32Array.from(latencyPerson),
      week: Uint16Array.from(latencyWeek),
      minutes: Float32Array.from(latencyMinutes),
    },
    hourOfWeek,
    lastSocialActivity: Array.from(lastSocial, (time) =>
      Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10),
    ),
    coverage: sources.coverage,
  };
}
