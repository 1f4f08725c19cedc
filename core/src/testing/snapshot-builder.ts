import {
  emptySignalMatrix,
  hoursPerWeek,
  signalNames,
  type EdgeKind,
  type SignalName,
  edgeKinds,
} from '../model/signals';
import type { CollaborationSnapshot, SourceCoverage } from '../model/snapshot';
import { dataSources } from '../model/snapshot';

/** A person in a test fixture; omitted signals are zero every week. */
export interface FixturePerson {
  readonly key: string;
  readonly department?: string;
  readonly location?: string;
  readonly jobTitle?: string;
  readonly managerKey?: string;
  readonly utcOffsetHours?: number;
  /** Weekly counts per signal; shorter arrays are padded with zeros. */
  readonly weekly?: Partial<Record<SignalName, readonly number[]>>;
  /** Reply latencies in minutes, with the week of each (defaults to the last week). */
  readonly latencies?: readonly (number | { readonly minutes: number; readonly week: number })[];
  /** Channel activity counts by hour-of-week bin. */
  readonly hours?: Readonly<Record<number, number>>;
  readonly lastSocialActivity?: string | null;
}

/** An interaction in a test fixture. */
export interface FixtureEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly count?: number;
}

/** Everything a fixture snapshot needs; sensible defaults for the rest. */
export interface FixtureSpec {
  readonly people: readonly FixturePerson[];
  readonly weeks?: number;
  readonly firstWeek?: string;
  readonly dataAsOf?: string;
  readonly edges?: readonly FixtureEdge[];
  readonly coverage?: readonly SourceCoverage[];
  readonly tenantId?: string;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Builds a CollaborationSnapshot from a readable fixture; for tests and benchmarks. */
export function buildSnapshot(spec: FixtureSpec): CollaborationSnapshot {
  const weeks = spec.weeks ?? 4;
  const firstWeek = spec.firstWeek ?? '2026-10-05';
  const weekStarts = Array.from({ length: weeks }, (_, index) => addDays(firstWeek, index * 7));
  const indexOf = new Map(spec.people.map((person, index) => [person.key, index]));
  if (indexOf.size !== spec.people.length) throw new Error('Fixture person keys must be unique');
  const signals = emptySignalMatrix(spec.people.length, weeks);
  const hourOfWeek = new Uint32Array(spec.people.length * hoursPerWeek);
  const latencyPerson: number[] = [];
  const latencyWeek: number[] = [];
  const latencyMinutes: number[] = [];

  spec.people.forEach((person, index) => {
    for (const name of signalNames) {
      const values = person.weekly?.[name] ?? [];
      values.slice(0, weeks).forEach((value, week) => {
        signals[name][index * weeks + week] = value;
      });
    }
    for (const sample of person.latencies ?? []) {
      latencyPerson.push(index);
      latencyWeek.push(typeof sample === 'number' ? weeks - 1 : sample.week);
      latencyMinutes.push(typeof sample === 'number' ? sample : sample.minutes);
    }
    for (const [bin, count] of Object.entries(person.hours ?? {}))
      hourOfWeek[index * hoursPerWeek + Number(bin)] = count;
  });

  const edges = spec.edges ?? [];
  const person = (key: string): number => {
    const index = indexOf.get(key);
    if (index === undefined) throw new Error(`Fixture edge names unknown person ${key}`);
    return index;
  };
  const lastWeekEnd = addDays(weekStarts[weeks - 1] ?? firstWeek, 6);
  return {
    tenantId: spec.tenantId ?? '00000000-0000-4000-8000-00000000fix1',
    dataAsOf: spec.dataAsOf ?? `${lastWeekEnd}T23:59:59.000Z`,
    weekStarts,
    people: spec.people.map((entry) => ({
      key: entry.key,
      department: entry.department ?? null,
      location: entry.location ?? null,
      jobTitle: entry.jobTitle ?? null,
      managerIndex: entry.managerKey === undefined ? -1 : (indexOf.get(entry.managerKey) ?? -1),
      utcOffsetHours: entry.utcOffsetHours ?? 0,
      accountEnabled: true,
    })),
    signals,
    edges: {
      from: Uint32Array.from(edges.map((edge) => person(edge.from))),
      to: Uint32Array.from(edges.map((edge) => person(edge.to))),
      kind: Uint8Array.from(edges.map((edge) => edgeKinds.indexOf(edge.kind))),
      count: Uint32Array.from(edges.map((edge) => edge.count ?? 1)),
    },
    latencies: {
      person: Uint32Array.from(latencyPerson),
      week: Uint16Array.from(latencyWeek),
      minutes: Float32Array.from(latencyMinutes),
    },
    hourOfWeek,
    lastSocialActivity: spec.people.map((entry) => entry.lastSocialActivity ?? null),
    coverage:
      spec.coverage ??
      dataSources.map((source) => ({
        source,
        status: 'complete' as const,
        coveredPeople: spec.people.length,
        detail: null,
      })),
  };
}
