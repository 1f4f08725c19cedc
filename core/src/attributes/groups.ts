import type { CollaborationSnapshot } from '../model/snapshot';
import { attributeNames, type AttributeName, type PeopleScores } from './learns-social';

const keyMaps = new WeakMap<CollaborationSnapshot, ReadonlyMap<string, number>>();

/** Person key → index of a snapshot, built once per snapshot. */
export function keyIndex(snapshot: CollaborationSnapshot): ReadonlyMap<string, number> {
  let map = keyMaps.get(snapshot);
  if (map === undefined) {
    map = new Map(snapshot.people.map((person, index) => [person.key, index]));
    keyMaps.set(snapshot, map);
  }
  return map;
}

/**
 * The indexes of `keys` in the snapshot, ascending and without duplicates; unknown keys are dropped
 * (count them with `unknownKeys`). Ascending order makes every group result independent of input order.
 */
export function indexesOf(snapshot: CollaborationSnapshot, keys: readonly string[]): Uint32Array {
  const map = keyIndex(snapshot);
  const found = new Uint8Array(snapshot.people.length);
  let size = 0;
  for (const key of keys) {
    const index = map.get(key);
    if (index !== undefined && found[index] === 0) {
      found[index] = 1;
      size++;
    }
  }
  const result = new Uint32Array(size);
  let at = 0;
  for (let index = 0; index < found.length; index++) if (found[index] === 1) result[at++] = index;
  return result;
}

/** How many distinct keys of `keys` the snapshot does not know. */
export function unknownKeys(snapshot: CollaborationSnapshot, keys: readonly string[]): number {
  const map = keyIndex(snapshot);
  return new Set(keys.filter((key) => !map.has(key))).size;
}

/** One attribute summarised over a group, before the privacy guard. */
export interface AttributeSummary {
  readonly attribute: AttributeName;
  /** People with a score. */
  readonly scored: number;
  /** People whose score meets the bar. */
  readonly meetingBar: number;
  /** Median and mean of the scores; NaN when nobody was scored. */
  readonly median: number;
  readonly mean: number;
}

/** A group's learns-social figures, before the privacy guard. */
export interface GroupSummary {
  readonly size: number;
  readonly learnsSocial: number;
  readonly attributes: readonly AttributeSummary[];
}

/** Median of the non-NaN scores of a group (sorts a copy). */
export function groupMedian(column: Float32Array, group: Uint32Array): number {
  const values = new Float32Array(group.length);
  let size = 0;
  for (let i = 0; i < group.length; i++) {
    const value = column[group[i] ?? 0] ?? Number.NaN;
    if (!Number.isNaN(value)) values[size++] = value;
  }
  if (size === 0) return Number.NaN;
  const sorted = values.subarray(0, size).sort();
  const middle = size >> 1;
  return size % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Summarises the scores of a group: how many learn social, and per attribute scored, met, median, mean. */
export function summarizeGroup(scores: PeopleScores, group: Uint32Array, bar: number): GroupSummary {
  let learnsSocial = 0;
  for (let i = 0; i < group.length; i++) learnsSocial += scores.learnsSocial[group[i] ?? 0] ?? 0;
  const attributes = attributeNames.map((attribute): AttributeSummary => {
    const column = scores[attribute];
    let scored = 0;
    let meetingBar = 0;
    let sum = 0;
    for (let i = 0; i < group.length; i++) {
      const value = column[group[i] ?? 0] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      scored++;
      sum += value;
      if (value >= bar) meetingBar++;
    }
    return {
      attribute,
      scored,
      meetingBar,
      median: groupMedian(column, group),
      mean: scored === 0 ? Number.NaN : sum / scored,
    };
  });
  return { size: group.length, learnsSocial, attributes };
}
