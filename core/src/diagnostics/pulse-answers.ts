import { attributeNames, type AttributeName } from '../attributes/learns-social';
import { keyIndex } from '../attributes/groups';
import type { PulseResponse, WorkMode } from '../model/initiative';
import type { CollaborationSnapshot } from '../model/snapshot';

/** One person's pulse, with repeated answers averaged so the order of answers never matters. */
export interface PersonPulse {
  readonly personIndex: number;
  /** Self-ratings 1–5. */
  readonly self: Readonly<Record<AttributeName, number>>;
  readonly expectedHelp: number;
  readonly preferredModes: ReadonlySet<WorkMode>;
}

/** A self-rating 1–5 on the 0–100 scale of the observed scores: (rating − 1) × 25. */
export function selfToScore(rating: number): number {
  return (Math.min(5, Math.max(1, rating)) - 1) * 25;
}

/** The pulse answers of people in `group` (a membership mask by person index), one per person. */
export function pulseOfGroup(
  snapshot: CollaborationSnapshot,
  pulse: readonly PulseResponse[],
  inGroup: Uint8Array,
): PersonPulse[] {
  const keys = keyIndex(snapshot);
  const byPerson = new Map<number, PulseResponse[]>();
  for (const response of pulse) {
    const index = keys.get(response.personKey);
    if (index === undefined || inGroup[index] !== 1) continue;
    const list = byPerson.get(index);
    if (list === undefined) byPerson.set(index, [response]);
    else list.push(response);
  }
  return [...byPerson.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([personIndex, responses]) => {
      const average = (read: (response: PulseResponse) => number): number =>
        responses.reduce((sum, response) => sum + read(response), 0) / responses.length;
      const self = Object.fromEntries(
        attributeNames.map((name) => [name, average((response) => response.selfAssessment[name])]),
      ) as Record<AttributeName, number>;
      const preferredModes = new Set(responses.flatMap((response) => response.preferredModes));
      return { personIndex, self, expectedHelp: average((r) => r.expectedHelp), preferredModes };
    });
}

/** A membership mask of a group of person indexes. */
export function membership(people: number, group: Uint32Array): Uint8Array {
  const mask = new Uint8Array(people);
  for (let i = 0; i < group.length; i++) mask[group[i] ?? 0] = 1;
  return mask;
}
