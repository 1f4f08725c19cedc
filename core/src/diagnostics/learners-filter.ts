import { indexesOf } from '../attributes/groups';
import type { PersonRecord } from '../model/snapshot';
import type { DiagnosticInput } from './input';
import { normaliseSegmentValue } from './learners-segments';
import { notSetSegment, segmentDimensions, type SegmentDimension } from './learners-types';

/** A drill-down into the target group: every dimension given must match (case-insensitive). */
export type LearnerFilter = Readonly<Partial<Record<SegmentDimension, string>>>;

function valueOf(person: PersonRecord | undefined, dimension: SegmentDimension): string {
  const raw = (dimension === 'role' ? person?.jobTitle : person?.[dimension]) ?? null;
  return (normaliseSegmentValue(raw) ?? notSetSegment).toLowerCase();
}

/**
 * The target-group members a drill-down selects, refused with `PrivacyError` (`group-too-small`) when
 * it would describe fewer than k people, or leave out fewer than k, since the group's own figures minus
 * the filtered ones would then describe those few.
 */
export function filterLearners(input: DiagnosticInput, filter: LearnerFilter): Uint32Array {
  const { snapshot, guard } = input;
  const group = indexesOf(snapshot, input.initiative.targetGroup);
  const wanted = segmentDimensions
    .map((dimension) => [dimension, filter[dimension]] as const)
    .filter((entry): entry is readonly [SegmentDimension, string] => entry[1] !== undefined)
    .map(
      ([dimension, value]) =>
        [dimension, (normaliseSegmentValue(value) ?? notSetSegment).toLowerCase()] as const,
    );
  const matched = group.filter((index) =>
    wanted.every(([dimension, value]) => valueOf(snapshot.people[index], dimension) === value),
  );
  guard.assertGroupSize(matched.length, 'This filter');
  const rest = group.length - matched.length;
  if (rest > 0) guard.assertGroupSize(rest, 'The people this filter leaves out');
  return matched;
}
