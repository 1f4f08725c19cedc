import { indexesOf, summarizeGroup, unknownKeys, type GroupSummary } from '../attributes/groups';
import {
  attributeNames,
  attributeSources,
  scorePeople,
  type PeopleScores,
} from '../attributes/learns-social';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { Owned } from '../privacy/types';
import { isUsable, resultCoverage } from './coverage';
import type { DiagnosticInput } from './input';
import { leaderFindings } from './leaders-findings';
import type {
  ChannelContrast,
  LeaderAttributeComparison,
  LeaderProfile,
  LeadersResult,
} from './leaders-types';
import { counted, type Release } from './release';
import { membership, pulseOfGroup, selfToScore, type PersonPulse } from './pulse-answers';

export type * from './leaders-types';

/** Union of two ascending index lists, as a mask-free ascending list. */
function union(people: number, a: Uint32Array, b: Uint32Array): Uint32Array {
  const mask = membership(people, a);
  for (let i = 0; i < b.length; i++) mask[b[i] ?? 0] = 1;
  return indexesFromMask(mask);
}

function indexesFromMask(mask: Uint8Array): Uint32Array {
  let size = 0;
  for (let i = 0; i < mask.length; i++) size += mask[i] ?? 0;
  const out = new Uint32Array(size);
  let at = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) out[at++] = i;
  return out;
}

/** Channel posts and replies per person per week of a group; NaN without channel data or people. */
export function channelRate(snapshot: CollaborationSnapshot, group: Uint32Array): number {
  const weeks = snapshot.weekStarts.length;
  if (!isUsable(snapshot, 'channelMessages') || group.length === 0 || weeks === 0) return Number.NaN;
  const { channelPosts, channelReplies } = snapshot.signals;
  let sum = 0;
  for (let i = 0; i < group.length; i++) {
    const base = (group[i] ?? 0) * weeks;
    for (let w = 0; w < weeks; w++) sum += (channelPosts[base + w] ?? 0) + (channelReplies[base + w] ?? 0);
  }
  return sum / (group.length * weeks);
}

function compareAttributes(
  leaders: GroupSummary,
  learners: GroupSummary,
  answers: readonly PersonPulse[],
  scores: PeopleScores,
  release: Release,
): LeaderAttributeComparison[] {
  return attributeNames.map((attribute, a) => {
    const mine = leaders.attributes[a];
    const theirs = learners.attributes[a];
    let selfSum = 0;
    let gapSum = 0;
    let gapCount = 0;
    for (const answer of answers) {
      const self = selfToScore(answer.self[attribute]);
      selfSum += self;
      const observed = scores[attribute][answer.personIndex] ?? Number.NaN;
      if (!Number.isNaN(observed)) {
        gapSum += self - observed;
        gapCount++;
      }
    }
    const share = (summary: typeof mine) =>
      summary === undefined || summary.scored === 0 ? Number.NaN : summary.meetingBar / summary.scored;
    return {
      attribute,
      leadersMeetingBar: release(mine?.scored ?? 0, mine?.meetingBar ?? Number.NaN),
      leadersShareMeetingBar: release(mine?.scored ?? 0, share(mine)),
      leadersMedian: release(mine?.scored ?? 0, mine?.median ?? Number.NaN),
      learnersShareMeetingBar: release(theirs?.scored ?? 0, share(theirs)),
      learnersMedian: release(theirs?.scored ?? 0, theirs?.median ?? Number.NaN),
      leadersSelfScore: release(answers.length, answers.length === 0 ? Number.NaN : selfSum / answers.length),
      selfMinusObserved: release(gapCount, gapCount === 0 ? Number.NaN : gapSum / gapCount),
    };
  });
}

function profiles(
  input: DiagnosticInput,
  team: Uint32Array,
  scores: PeopleScores,
  answers: readonly PersonPulse[],
): Owned<LeaderProfile>[] {
  const { snapshot } = input;
  const sharing = new Set(input.sharedProfiles ?? []);
  const teamKeys = Array.from(team, (index) => snapshot.people[index]?.key ?? '');
  const byIndex = new Map(answers.map((answer) => [answer.personIndex, answer]));
  return Array.from(team, (index, position) => {
    const ownerKey = teamKeys[position] ?? '';
    const read = (column: Float32Array) => {
      const value = column[index] ?? Number.NaN;
      return Number.isNaN(value) ? null : value;
    };
    return {
      ownerKey,
      sharedWith: sharing.has(ownerKey) ? teamKeys.filter((key) => key !== ownerKey) : [],
      value: {
        participatory: read(scores.participatory),
        timely: read(scores.timely),
        transparent: read(scores.transparent),
        current: read(scores.current),
        attributesMet: scores.attributesMet[index] ?? 0,
        learnsSocial: scores.learnsSocial[index] === 1,
        selfAssessment: byIndex.get(index)?.self ?? null,
      },
    };
  });
}

/**
 * Diagnostic 1: how many design-team leaders learn social, attribute by attribute, self against
 * observed, and how the team compares with the target group it designs for.
 */
export function diagnoseLeaders(input: DiagnosticInput): LeadersResult {
  const { snapshot, initiative, settings } = input;
  const people = snapshot.people.length;
  const team = indexesOf(snapshot, initiative.designTeam);
  const learners = indexesOf(snapshot, initiative.targetGroup);
  const scores = scorePeople(snapshot, settings, union(people, team, learners));
  const bar = settings.attributes.bar;
  const leaders = summarizeGroup(scores, team, bar);
  const group = summarizeGroup(scores, learners, bar);
  const answers = pulseOfGroup(snapshot, input.pulse, membership(people, team));
  const release = counted(input.guard);
  const coverage = resultCoverage(snapshot, attributeSources);

  const learnSocial = release(team.length, team.length === 0 ? Number.NaN : leaders.learnsSocial);
  const shareOf = (summary: GroupSummary) =>
    summary.size === 0 ? Number.NaN : summary.learnsSocial / summary.size;
  const leadersRate = release(team.length, channelRate(snapshot, team));
  const learnersRate = release(learners.length, channelRate(snapshot, learners));
  const channelContrast: ChannelContrast = {
    leadersPerPersonWeek: leadersRate,
    learnersPerPersonWeek: learnersRate,
    ratio:
      leadersRate !== null && learnersRate !== null && learnersRate > 0 ? leadersRate / learnersRate : null,
  };
  const data = {
    teamSize: team.length,
    notInSnapshot: unknownKeys(snapshot, initiative.designTeam),
    learnSocial,
    shareLearnSocial: release(team.length, shareOf(leaders)),
    learnersShareLearnSocial: release(learners.length, shareOf(group)),
    attributes: compareAttributes(leaders, group, answers, scores, release),
    channelContrast,
    respondents: release(answers.length, answers.length === 0 ? Number.NaN : answers.length),
    profiles: profiles(input, team, scores, answers),
  };
  return {
    diagnostic: 'leaders',
    headline: { label: 'Design-team leaders who learn social', value: data.shareLearnSocial, unit: 'share' },
    data,
    findings: leaderFindings(data, {
      settings,
      k: input.guard.k,
      learnersSize: learners.length,
      scorable: scores.scorable,
      required: scores.required,
      coverage,
    }),
    coverage,
    suppressedCells: release.withheld(),
  };
}
