import { attributeNames, type AttributeName } from '../attributes/learns-social';
import { keyIndex } from '../attributes/groups';
import { workModes, type PulseResponse, type WorkMode } from '../model/initiative';
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

/** A group's pulse, columnar: one entry per respondent (ascending person index), repeats averaged. */
export interface PulseColumns {
  readonly respondents: Uint32Array;
  /** Mean self-rating (1–5) per respondent and attribute. */
  readonly self: Readonly<Record<AttributeName, Float64Array>>;
  readonly expectedHelp: Float64Array;
  /** Bit `i` set when the respondent named `workModes[i]` as preferred. */
  readonly preferredModes: Uint16Array;
}

/** The pulse of a large group without an object per answer: sums per person, then one gather. */
export function pulseColumns(
  snapshot: CollaborationSnapshot,
  pulse: readonly PulseResponse[],
  inGroup: Uint8Array,
): PulseColumns {
  const keys = keyIndex(snapshot);
  const people = snapshot.people.length;
  const answers = new Uint16Array(people);
  const sums = attributeNames.map(() => new Float64Array(people));
  const help = new Float64Array(people);
  const modes = new Uint16Array(people);
  let respondents = 0;
  for (const response of pulse) {
    const index = keys.get(response.personKey);
    if (index === undefined || inGroup[index] !== 1) continue;
    if (answers[index] === 0) respondents++;
    answers[index] = (answers[index] ?? 0) + 1;
    attributeNames.forEach((name, a) => {
      const column = sums[a];
      if (column !== undefined) column[index] = (column[index] ?? 0) + response.selfAssessment[name];
    });
    help[index] = (help[index] ?? 0) + response.expectedHelp;
    for (const mode of response.preferredModes)
      modes[index] = (modes[index] ?? 0) | (1 << workModes.indexOf(mode));
  }
  const order = new Uint32Array(respondents);
  const self = attributeNames.map(() => new Float64Array(respondents));
  const expectedHelp = new Float64Array(respondents);
  const preferredModes = new Uint16Array(respondents);
  let at = 0;
  for (let index = 0; index < people; index++) {
    const count = answers[index] ?? 0;
    if (count === 0) continue;
    order[at] = index;
    self.forEach((column, a) => {
      column[at] = (sums[a]?.[index] ?? 0) / count;
    });
    expectedHelp[at] = (help[index] ?? 0) / count;
    preferredModes[at] = modes[index] ?? 0;
    at++;
  }
  const byName = Object.fromEntries(attributeNames.map((name, a) => [name, self[a] ?? new Float64Array(0)]));
  return {
    respondents: order,
    self: byName as Record<AttributeName, Float64Array>,
    expectedHelp,
    preferredModes,
  };
}
