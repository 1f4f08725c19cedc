import { signalNames, hoursPerWeek, type SignalMatrix } from '../model/signals';
import type { CollaborationSnapshot, PersonRecord } from '../model/snapshot';

/**
 * The snapshot without the people whose keys are given, for erasure on request.
 *
 * What goes: their person record, their rows of every signal, of the hour-of-week histogram and of
 * last social activity, their reply-latency samples, and every interaction edge from or to them.
 * Everyone else is re-indexed (edges, latencies and manager links keep pointing at the same people).
 *
 * A removed manager's reports get `managerIndex = -1`, as the builder gives anyone whose manager is not
 * in the directory: the chain above them is then unknown, rather than re-linked to the removed
 * person's own manager (which would move that manager down a level in the management diagnostic).
 *
 * What stays: everyone else's counts of their own activity, including activity aimed at a removed
 * person — a reply they wrote in a removed person's thread (`channelReplies`, `repliesToOthers`, its
 * latency sample), a mention of them (`mentionsGiven`), a reaction to their post (`reactionsGiven`), a
 * reaction a removed person gave them (`reactionsReceived`). Those counts describe the other person's behaviour, say nothing about who
 * the counterpart was once the edges are gone, and cannot be reduced exactly anyway: signals are
 * weekly while edges are totals over the window. A collection run after the erasure would count
 * those interactions differently, because the builder only counts interactions between people in the
 * directory; that is the one place where "erased" and "never collected" differ.
 *
 * Coverage counts are capped at the remaining number of people (whether a removed person was covered
 * by a partial source is not recorded). The input is not changed; with no matching key it is returned.
 */
export function removePeople(snapshot: CollaborationSnapshot, keys: Iterable<string>): CollaborationSnapshot {
  const erased = new Set(keys);
  const count = snapshot.people.length;
  const newIndex = new Int32Array(count).fill(-1);
  const kept: number[] = [];
  snapshot.people.forEach((person, index) => {
    if (erased.has(person.key)) return;
    newIndex[index] = kept.length;
    kept.push(index);
  });
  if (kept.length === count) return snapshot;
  const remaining = kept.length;
  const weeks = snapshot.weekStarts.length;
  const remap = (index: number): number => (index >= 0 && index < count ? newIndex[index]! : -1);

  const people = kept.map((index): PersonRecord => {
    const person = snapshot.people[index]!;
    return { ...person, managerIndex: remap(person.managerIndex) };
  });

  const rows = (source: Uint32Array, width: number): Uint32Array => {
    const out = new Uint32Array(remaining * width);
    kept.forEach((index, position) =>
      out.set(source.subarray(index * width, (index + 1) * width), position * width),
    );
    return out;
  };
  const signals = Object.fromEntries(
    signalNames.map((name) => [name, rows(snapshot.signals[name], weeks)]),
  ) as unknown as SignalMatrix;

  const { edges } = snapshot;
  const edgeRows: number[] = [];
  for (let edge = 0; edge < edges.from.length; edge += 1)
    if (remap(edges.from[edge]!) >= 0 && remap(edges.to[edge]!) >= 0) edgeRows.push(edge);

  const { latencies } = snapshot;
  const latencyRows: number[] = [];
  for (let sample = 0; sample < latencies.person.length; sample += 1)
    if (remap(latencies.person[sample]!) >= 0) latencyRows.push(sample);

  return {
    tenantId: snapshot.tenantId,
    dataAsOf: snapshot.dataAsOf,
    weekStarts: snapshot.weekStarts,
    people,
    signals,
    // Indexes only shift down, so the builder's (from, to, kind) order survives the remapping.
    edges: {
      from: Uint32Array.from(edgeRows, (edge) => remap(edges.from[edge]!)),
      to: Uint32Array.from(edgeRows, (edge) => remap(edges.to[edge]!)),
      kind: Uint8Array.from(edgeRows, (edge) => edges.kind[edge]!),
      count: Uint32Array.from(edgeRows, (edge) => edges.count[edge]!),
    },
    latencies: {
      person: Uint32Array.from(latencyRows, (sample) => remap(latencies.person[sample]!)),
      week: Uint16Array.from(latencyRows, (sample) => latencies.week[sample]!),
      minutes: Float32Array.from(latencyRows, (sample) => latencies.minutes[sample]!),
    },
    hourOfWeek: rows(snapshot.hourOfWeek, hoursPerWeek),
    lastSocialActivity: kept.map((index) => snapshot.lastSocialActivity[index] ?? null),
    coverage: snapshot.coverage.map((entry) => ({
      ...entry,
      coveredPeople: Math.min(entry.coveredPeople, remaining),
    })),
  };
}
