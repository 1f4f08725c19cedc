// Builds a synthetic tenant for the diagnostics benchmark straight into typed arrays (no per-person-week
// objects), seeded so every run measures the same work.
import {
  dataSources,
  edgeKinds,
  emptySignalMatrix,
  hoursPerWeek,
  type CollaborationSnapshot,
  type Initiative,
  type PersonRecord,
  type PulseResponse,
  type SignalName,
} from '@learnfit/core';
import { seededRandom } from '@learnfit/core';

/** A benchmark tenant: the snapshot, an initiative over its target group, and pulse answers. */
export interface SyntheticTenant {
  readonly snapshot: CollaborationSnapshot;
  readonly initiative: Initiative;
  readonly pulse: readonly PulseResponse[];
}

const firstWeek = Date.UTC(2026, 3, 6);
const dayMs = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Behaviour archetypes and their share of the group: sharers, lurkers, chat-only, email-first, meetings. */
const archetypes = [0.15, 0.35, 0.25, 0.15, 0.1];

function archetypeOf(draw: number): number {
  let cumulative = 0;
  for (let index = 0; index < archetypes.length; index += 1) {
    cumulative += archetypes[index] ?? 0;
    if (draw < cumulative) return index;
  }
  return archetypes.length - 1;
}

/**
 * `groupSize` members under a management tree (span 8, then 6), three levels and a top, plus a design
 * team of 12; `weeks` weeks of signals drawn per archetype.
 */
export function syntheticTenant(groupSize: number, weeks: number, seed: number): SyntheticTenant {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const level1 = Math.ceil(groupSize / 8);
  const level2 = Math.ceil(level1 / 6);
  const level3 = Math.ceil(level2 / 6);
  const l1Start = groupSize;
  const l2Start = l1Start + level1;
  const l3Start = l2Start + level2;
  const top = l3Start + level3;
  const designStart = top + 1;
  const total = designStart + 12;
  const managerOf = (index: number): number => {
    if (index < l1Start) return l1Start + Math.floor(index / 8);
    if (index < l2Start) return l2Start + Math.floor((index - l1Start) / 6);
    if (index < l3Start) return l3Start + Math.floor((index - l2Start) / 6);
    if (index < top) return top;
    return index === top ? -1 : top;
  };
  const departments = ['Sales', 'Support', 'Operations', 'Finance', 'Engineering', 'People'];
  const locations = ['Oslo', 'Lisbon', 'Austin', 'Pune'];
  const people: PersonRecord[] = Array.from({ length: total }, (_, index) => ({
    key: `person-${index}`,
    department: departments[index % departments.length] ?? null,
    location: locations[Math.floor(index / 7) % locations.length] ?? null,
    jobTitle: index < groupSize ? 'Specialist' : 'Manager',
    managerIndex: managerOf(index),
    utcOffsetHours: 1,
    accountEnabled: true,
  }));

  const signals = emptySignalMatrix(total, weeks);
  const hourOfWeek = new Uint32Array(total * hoursPerWeek);
  const set = (name: SignalName, at: number, value: number) => {
    signals[name][at] = value;
  };
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeKind: number[] = [];
  const edgeCount: number[] = [];
  const latencyPerson: number[] = [];
  const latencyWeek: number[] = [];
  const latencyMinutes: number[] = [];
  const lastSocialActivity: (string | null)[] = new Array<string | null>(total).fill(null);
  const lastDay = firstWeek + (weeks * 7 - 1) * dayMs;

  for (let person = 0; person < total; person += 1) {
    const kind = person >= l1Start ? (int(2) === 0 ? 0 : 3) : archetypeOf(random());
    const base = person * weeks;
    const start = kind === 0 ? int(Math.max(1, weeks >> 1)) : weeks;
    for (let week = 0; week < weeks; week += 1) {
      const at = base + week;
      set('privateChatMessages', at, kind === 3 ? int(5) : 10 + int(60));
      set('emailsSent', at, kind === 3 ? 15 + int(20) : int(8));
      set('emailsRead', at, 20 + int(40));
      set('meetingsAttended', at, kind === 4 ? 8 + int(8) : 1 + int(5));
      set('calls', at, int(4));
      set('filesShared', at, int(3));
      set('engageReads', at, kind === 1 && random() < 0.4 ? 1 + int(5) : 0);
      if (kind === 0 && week >= start && random() < 0.8) {
        set('channelPosts', at, 1 + int(4));
        set('channelReplies', at, int(5));
        set('repliesToOthers', at, 1 + int(4));
        set('reactionsGiven', at, int(6));
        set('reactionsReceived', at, int(6));
        set('mentionsGiven', at, int(3));
        set('engagePosts', at, int(2));
        latencyPerson.push(person);
        latencyWeek.push(week);
        latencyMinutes.push(5 + int(600));
      }
    }
    if (kind === 0) {
      for (let bin = 0; bin < 6; bin += 1) {
        const day = int(5);
        const hour = 8 + int(10);
        const at = person * hoursPerWeek + day * 24 + hour;
        hourOfWeek[at] = (hourOfWeek[at] ?? 0) + 1 + int(6);
      }
      for (let edge = 0; edge < 3; edge += 1) {
        edgeFrom.push(person);
        edgeTo.push(int(groupSize));
        edgeKind.push(edgeKinds.indexOf(random() < 0.6 ? 'reply' : 'reaction'));
        edgeCount.push(1 + int(4));
      }
      lastSocialActivity[person] = isoDay(lastDay - int(20) * dayMs);
    }
  }
  const weekStarts = Array.from({ length: weeks }, (_, week) => isoDay(firstWeek + week * 7 * dayMs));
  const snapshot: CollaborationSnapshot = {
    tenantId: '00000000-0000-4000-8000-0000000bench',
    dataAsOf: `${isoDay(lastDay)}T23:59:59.000Z`,
    weekStarts,
    people,
    signals,
    edges: {
      from: Uint32Array.from(edgeFrom),
      to: Uint32Array.from(edgeTo),
      kind: Uint8Array.from(edgeKind),
      count: Uint32Array.from(edgeCount),
    },
    latencies: {
      person: Uint32Array.from(latencyPerson),
      week: Uint16Array.from(latencyWeek),
      minutes: Float32Array.from(latencyMinutes),
    },
    hourOfWeek,
    lastSocialActivity,
    coverage: dataSources.map((source) => ({
      source,
      status: 'complete',
      coveredPeople: total,
      detail: null,
    })),
  };

  const targetGroup = people.slice(0, groupSize).map((person) => person.key);
  const values = (count: number, mean: number) => Array.from({ length: count }, () => mean + random() * 10);
  const initiative: Initiative = {
    id: 'bench',
    name: 'Benchmark academy',
    targetGroup,
    designTeam: people.slice(designStart).map((person) => person.key),
    comparisonGroup: null,
    features: [
      {
        id: 'qa',
        name: 'Peer Q&A',
        mode: 'channelPosts',
        cadence: 'weekly',
        synchronous: false,
        plannedTimes: [],
        groupSize: null,
      },
      {
        id: 'circle',
        name: 'Circle',
        mode: 'engage',
        cadence: 'biweekly',
        synchronous: false,
        plannedTimes: [],
        groupSize: null,
      },
      {
        id: 'clinic',
        name: 'Live clinic',
        mode: 'meetings',
        cadence: 'weekly',
        synchronous: true,
        plannedTimes: [{ dayOfWeek: 1, hour: 10, durationMinutes: 60 }],
        groupSize: 30,
      },
      {
        id: 'course',
        name: 'Course',
        mode: 'externalLms',
        cadence: 'once',
        synchronous: false,
        plannedTimes: [],
        groupSize: null,
      },
    ],
    kpis: [
      {
        id: 'posts',
        name: 'Channel posts per person-week',
        kirkpatrickLevel: 3,
        unit: 'posts',
        direction: 'increase',
        source: 'graph',
        baseline: values(groupSize, 1),
        followUp: values(groupSize, 2),
        comparisonBaseline: [],
        comparisonFollowUp: [],
      },
    ],
    launchDate: isoDay(lastDay + dayMs),
  };
  const pulse: PulseResponse[] = targetGroup
    .filter(() => random() < 0.2)
    .map((personKey) => ({
      personKey,
      selfAssessment: {
        participatory: 1 + int(5),
        timely: 1 + int(5),
        transparent: 1 + int(5),
        current: 1 + int(5),
      },
      preferredModes: ['chat'],
      expectedHelp: 1 + int(5),
    }));
  return { snapshot, initiative, pulse };
}
