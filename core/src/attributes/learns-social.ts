import { isUsable } from '../diagnostics/coverage';
import type { CollaborationSnapshot, DataSource } from '../model/snapshot';
import type { AttributeSettings } from '../settings/attributes';
import { currentScore, participatoryScore, timelyScore, transparentScore } from './curves';

/** The article's four words, in its order. */
export const attributeNames = ['participatory', 'timely', 'transparent', 'current'] as const;

/** The data sources the attributes read. */
export const attributeSources = [
  'directory',
  'channelMessages',
  'engageActivityReport',
  'teamsActivityReport',
  'emailActivityReport',
] as const satisfies readonly DataSource[];

/** One learns-social attribute. */
export type AttributeName = (typeof attributeNames)[number];

/** Scores of every person, columnar by person index; NaN where there was no data to score. */
export interface PeopleScores {
  readonly participatory: Float32Array;
  readonly timely: Float32Array;
  readonly transparent: Float32Array;
  readonly current: Float32Array;
  /** 1 when the person learns social (enough attributes meet the bar), else 0. */
  readonly learnsSocial: Uint8Array;
  /** How many attributes meet the bar, 0–4. */
  readonly attributesMet: Uint8Array;
  /** Which attributes this snapshot's sources can score at all. */
  readonly scorable: Readonly<Record<AttributeName, boolean>>;
  /** Attributes that must meet the bar: 3 of 4, scaled to the scorable ones when sources are missing. */
  readonly required: number;
}

/** One person's scores (null where there was no data) and the rule's verdict. */
export interface PersonScores {
  readonly participatory: number | null;
  readonly timely: number | null;
  readonly transparent: number | null;
  readonly current: number | null;
  readonly attributesMet: number;
  readonly learnsSocial: boolean;
}

/** The part of the settings the attributes read; a whole `DiagnosticSettings` fits. */
export interface AttributeSettingsSource {
  readonly attributes: AttributeSettings;
}

const dayMs = 86_400_000;

/** Which sources exist, read once per snapshot. */
function usableSources(snapshot: CollaborationSnapshot) {
  const channel = isUsable(snapshot, 'channelMessages');
  const engage = isUsable(snapshot, 'engageActivityReport');
  const chat = isUsable(snapshot, 'teamsActivityReport');
  const email = isUsable(snapshot, 'emailActivityReport');
  const scorable = {
    participatory: channel || engage,
    timely: channel,
    transparent: (channel || engage) && (chat || email),
    current: channel || engage,
  };
  return { channel, engage, chat, email, scorable };
}

/** Latency samples grouped by person (counting sort): `minutes[start[p] .. start[p + 1])`. */
function groupLatencies(snapshot: CollaborationSnapshot): { start: Uint32Array; minutes: Float32Array } {
  const people = snapshot.people.length;
  const { person, minutes } = snapshot.latencies;
  const start = new Uint32Array(people + 1);
  for (let i = 0; i < person.length; i++) {
    const p = person[i] ?? people;
    if (p < people) start[p + 1] = (start[p + 1] ?? 0) + 1;
  }
  for (let p = 0; p < people; p++) start[p + 1] = (start[p + 1] ?? 0) + (start[p] ?? 0);
  const cursor = start.slice(0, people);
  const grouped = new Float32Array(start[people] ?? 0);
  for (let i = 0; i < person.length; i++) {
    const p = person[i] ?? people;
    if (p >= people) continue;
    const at = cursor[p] ?? 0;
    grouped[at] = minutes[i] ?? 0;
    cursor[p] = at + 1;
  }
  return { start, minutes: grouped };
}

/** Sorts a few values by insertion (no call overhead); hands longer runs to the native sort. */
function sortInPlace(values: Float32Array): Float32Array {
  if (values.length > 24) return values.sort();
  for (let i = 1; i < values.length; i++) {
    const value = values[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (values[j] ?? 0) > value) {
      values[j + 1] = values[j] ?? 0;
      j--;
    }
    values[j + 1] = value;
  }
  return values;
}

/** Stores a score as Float32 and says whether the stored value meets the bar (1) or not (0). */
function store(column: Float32Array, person: number, bar: number, value: number): number {
  const stored = Math.fround(value);
  column[person] = stored;
  return stored >= bar ? 1 : 0;
}

/**
 * Scores the four attributes for everyone in the snapshot (or only `only`, leaving others NaN / 0).
 * One pass over the weekly columns; no per-person objects.
 */
export function scorePeople(
  snapshot: CollaborationSnapshot,
  settings: AttributeSettingsSource,
  only?: ArrayLike<number>,
): PeopleScores {
  const config = settings.attributes;
  const people = snapshot.people.length;
  const weeks = snapshot.weekStarts.length;
  const sources = usableSources(snapshot);
  const { scorable } = sources;
  const scorableCount = attributeNames.filter((name) => scorable[name]).length;
  const required = Math.ceil((config.minAttributesMet * scorableCount) / attributeNames.length);

  const participatory = new Float32Array(people).fill(Number.NaN);
  const timely = new Float32Array(people).fill(Number.NaN);
  const transparent = new Float32Array(people).fill(Number.NaN);
  const current = new Float32Array(people).fill(Number.NaN);
  const learnsSocial = new Uint8Array(people);
  const attributesMet = new Uint8Array(people);

  const latencies = scorable.timely ? groupLatencies(snapshot) : null;
  const asOf = Date.parse(snapshot.dataAsOf);
  const weekStartMs = snapshot.weekStarts.map((week) => Date.parse(week));
  const count = only === undefined ? people : only.length;
  const bar = config.bar;
  const { channel, engage, chat, email } = sources;
  const s = snapshot.signals;
  const { channelPosts, channelReplies, repliesToOthers, reactionsGiven } = s;
  const { engagePosts, engageLikes, privateChatMessages, emailsSent } = s;
  const parsedDays = new Map<string, number>();

  for (let n = 0; n < count; n++) {
    const p = only === undefined ? n : (only[n] ?? people);
    if (p >= people) continue;
    let contributionWeeks = 0;
    let givingWeeks = 0;
    let lastContributionWeek = -1;
    let open = 0;
    let closed = 0;
    const base = p * weeks;
    for (let w = 0; w < weeks; w++) {
      const at = base + w;
      let contributed = 0;
      let given = 0;
      if (channel) {
        contributed += (channelPosts[at] ?? 0) + (channelReplies[at] ?? 0);
        given += (repliesToOthers[at] ?? 0) + (reactionsGiven[at] ?? 0);
      }
      if (engage) {
        contributed += engagePosts[at] ?? 0;
        given += engageLikes[at] ?? 0;
      }
      if (contributed > 0) {
        contributionWeeks++;
        lastContributionWeek = w;
      }
      if (given > 0) givingWeeks++;
      open += contributed;
      if (chat) closed += privateChatMessages[at] ?? 0;
      if (email) closed += emailsSent[at] ?? 0;
    }

    let met = 0;
    if (scorable.participatory && weeks > 0) {
      const score = participatoryScore(contributionWeeks / weeks, givingWeeks / weeks, config.participatory);
      met += store(participatory, p, bar, score);
    }
    if (latencies !== null) {
      const from = latencies.start[p] ?? 0;
      const to = latencies.start[p + 1] ?? from;
      if (to - from >= Math.max(1, config.timely.minSamples)) {
        const own = sortInPlace(latencies.minutes.subarray(from, to));
        const middle = (to - from) >> 1;
        const median =
          (to - from) % 2 === 1 ? (own[middle] ?? 0) : ((own[middle - 1] ?? 0) + (own[middle] ?? 0)) / 2;
        let within = 0;
        for (let i = 0; i < own.length; i++) if ((own[i] ?? 0) <= config.timely.businessDayMinutes) within++;
        met += store(timely, p, bar, timelyScore(median, within / own.length, config.timely));
      }
    }
    if (scorable.transparent && open + closed > 0) {
      met += store(transparent, p, bar, transparentScore(open / (open + closed), config.transparent));
    }
    if (scorable.current) {
      const last = snapshot.lastSocialActivity[p] ?? null;
      let lastMs = Number.NaN;
      if (last !== null) {
        lastMs = parsedDays.get(last) ?? Date.parse(last);
        parsedDays.set(last, lastMs);
      }
      if (Number.isNaN(lastMs) && lastContributionWeek >= 0) {
        lastMs = Math.min(asOf, (weekStartMs[lastContributionWeek] ?? asOf) + 3 * dayMs);
      }
      const days = Number.isNaN(lastMs) ? Number.POSITIVE_INFINITY : Math.floor((asOf - lastMs) / dayMs);
      met += store(current, p, bar, currentScore(Math.max(0, days), config.current));
    }
    attributesMet[p] = met;
    learnsSocial[p] = scorableCount > 0 && met >= required ? 1 : 0;
  }
  return { participatory, timely, transparent, current, learnsSocial, attributesMet, scorable, required };
}

/** Scores one person (for their own profile); null where there is no data to score. */
export function scorePerson(
  snapshot: CollaborationSnapshot,
  settings: AttributeSettingsSource,
  personIndex: number,
): PersonScores {
  const scores = scorePeople(snapshot, settings, [personIndex]);
  const read = (column: Float32Array): number | null => {
    const value = column[personIndex];
    return value === undefined || Number.isNaN(value) ? null : value;
  };
  return {
    participatory: read(scores.participatory),
    timely: read(scores.timely),
    transparent: read(scores.transparent),
    current: read(scores.current),
    attributesMet: scores.attributesMet[personIndex] ?? 0,
    learnsSocial: scores.learnsSocial[personIndex] === 1,
  };
}
