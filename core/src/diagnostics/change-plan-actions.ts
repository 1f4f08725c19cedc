import type { SolutionFeature } from '../model/initiative';
import {
  adkarStages,
  type AdkarStage,
  type OwnerRole,
  type PlanAction,
  type PlanChannel,
  type PlanIntensity,
} from './change-plan-types';
import { percent } from './phrasing';
import { modeWords } from './work-modes';
import type { FeatureFit } from './workflow-fit-types';

/** What the action templates read: the plan's size and the figures it is written from. */
export interface PlanContext {
  readonly intensity: PlanIntensity;
  /** Weeks before launch the plan starts, and weeks after launch it reinforces to. */
  readonly lead: number;
  readonly reinforce: number;
  readonly initiativeName: string;
  readonly announce: PlanChannel;
  /** "Tuesday 10:00": the group's busiest released hour, or null. */
  readonly busiestHour: string | null;
  readonly features: readonly { readonly design: SolutionFeature; readonly fit: FeatureFit }[];
  /** Released count of innovators and early adopters of social surfaces, the pool for champions. */
  readonly earlyAdopters: number | null;
  /** Features scoring below this get their own how-to in a moderate plan. */
  readonly moderateFromFit: number;
}

interface Template {
  readonly id: string;
  readonly adkar: AdkarStage;
  readonly owner: OwnerRole;
  readonly in: readonly PlanIntensity[];
  readonly week: (context: PlanContext) => number;
  readonly channel: (context: PlanContext) => PlanChannel;
  readonly title: string;
  readonly detail: (context: PlanContext) => string;
}

const all: readonly PlanIntensity[] = ['light', 'moderate', 'intensive'];
const supported: readonly PlanIntensity[] = ['moderate', 'intensive'];
const intensiveOnly: readonly PlanIntensity[] = ['intensive'];
const announce = (context: PlanContext) => context.announce;
const meetings = (): PlanChannel => 'meetings';
const midpoint = (context: PlanContext) => Math.max(2, Math.ceil(context.reinforce / 2));

function firstFeature(context: PlanContext): string {
  const best = [...context.features].sort((a, b) => (b.fit.score ?? -1) - (a.fit.score ?? -1))[0];
  return best === undefined ? 'the first activity' : `“${best.design.name}”`;
}

const templates: readonly Template[] = [
  {
    id: 'sponsor-announces',
    adkar: 'awareness',
    owner: 'sponsor',
    in: all,
    week: (c) => -c.lead,
    channel: announce,
    title: 'The sponsor says why',
    detail: (c) =>
      `The sponsor explains what ${c.initiativeName} is for, which problem it solves for the group and why now, in their own words.`,
  },
  {
    id: 'managers-brief',
    adkar: 'awareness',
    owner: 'managers',
    in: supported,
    week: (c) => -c.lead + 1,
    channel: meetings,
    title: 'Managers brief their teams',
    detail: () =>
      'Each manager takes five minutes of an existing team meeting to explain the initiative and take questions.',
  },
  {
    id: 'managers-one-to-ones',
    adkar: 'desire',
    owner: 'managers',
    in: intensiveOnly,
    week: (c) => -c.lead + 2,
    channel: meetings,
    title: 'Managers talk it through one to one',
    detail: () =>
      'In regular one-to-ones, managers ask what would make learning from colleagues easier for this person and note concerns for the design team.',
  },
  {
    id: 'champions-stories',
    adkar: 'desire',
    owner: 'champions',
    in: supported,
    week: () => -2,
    channel: announce,
    title: 'Champions show how they already do it',
    detail: (c) =>
      `Champions post a short example of something they learned from a colleague this month. ` +
      (c.earlyAdopters === null
        ? 'Recruit them from people who already post and reply in channels or Engage.'
        : `Recruit them from the ${c.earlyAdopters} people who formed the social habit earliest.`),
  },
  {
    id: 'spell-it-out',
    adkar: 'awareness',
    owner: 'designTeam',
    in: all,
    week: () => -1,
    channel: () => 'adaptiveCard',
    title: 'Spell it out, segment by segment',
    detail: () =>
      'The bot posts each segment its own message (below) as an Adaptive Card with an acknowledgement button; the counts come back into this report.',
  },
  {
    id: 'quick-guide',
    adkar: 'knowledge',
    owner: 'designTeam',
    in: all,
    week: () => -1,
    channel: announce,
    title: 'A one-page guide',
    detail: () =>
      'Post with the announcement where each feature lives, when it runs and what a good first contribution looks like.',
  },
  {
    id: 'live-walkthrough',
    adkar: 'knowledge',
    owner: 'designTeam',
    in: supported,
    week: () => 0,
    channel: meetings,
    title: 'A live walkthrough',
    detail: (c) =>
      `A 30-minute demo of each feature with time to try it, recorded for those who miss it` +
      (c.busiestHour === null
        ? '.'
        : `, at ${c.busiestHour}, the group's busiest hour in channels and Engage.`),
  },
  {
    id: 'sponsor-goes-first',
    adkar: 'desire',
    owner: 'sponsor',
    in: all,
    week: () => 0,
    channel: announce,
    title: 'The sponsor takes part, visibly',
    detail: (c) =>
      `In launch week the sponsor asks a real question in ${firstFeature(c)} and replies to the answers. Visible sponsorship is the factor Prosci finds most often behind successful change.`,
  },
  {
    id: 'champions-open',
    adkar: 'ability',
    owner: 'champions',
    in: all,
    week: () => 0,
    channel: (c) => c.features[0]?.design.mode ?? c.announce,
    title: 'Champions go first',
    detail: (c) =>
      `Champions open ${firstFeature(c)} with the first contributions and reply to every newcomer within a business day, so nobody posts into silence.`,
  },
  {
    id: 'office-hours',
    adkar: 'ability',
    owner: 'champions',
    in: supported,
    week: () => 1,
    channel: meetings,
    title: 'Drop-in help',
    detail: () => 'Two weekly drop-in sessions where champions help people make their first contribution.',
  },
  {
    id: 'team-practice',
    adkar: 'ability',
    owner: 'managers',
    in: intensiveOnly,
    week: () => 2,
    channel: meetings,
    title: 'Practise in the team meeting',
    detail: () =>
      'Managers spend ten minutes of a team meeting using the new features together, on a real question.',
  },
  {
    id: 'early-wins',
    adkar: 'reinforcement',
    owner: 'designTeam',
    in: all,
    week: midpoint,
    channel: announce,
    title: 'Share early wins',
    detail: () =>
      'Share the acknowledgement counts and two or three examples of questions answered by colleagues, with the contributors’ consent.',
  },
  {
    id: 'managers-recognise',
    adkar: 'reinforcement',
    owner: 'managers',
    in: supported,
    week: (c) => midpoint(c) + 1,
    channel: announce,
    title: 'Managers recognise contributions',
    detail: () => 'Managers thank people for helpful answers where the team can see it, not only in private.',
  },
  {
    id: 'follow-up-snapshot',
    adkar: 'reinforcement',
    owner: 'designTeam',
    in: all,
    week: (c) => c.reinforce,
    channel: announce,
    title: 'Measure and report back',
    detail: () =>
      'Take the follow-up snapshot, compare the KPIs with the launch baseline (behaviour and results, Kirkpatrick levels 3 and 4) and tell the group what changed.',
  },
  {
    id: 'sponsor-review',
    adkar: 'reinforcement',
    owner: 'sponsor',
    in: intensiveOnly,
    week: (c) => c.reinforce,
    channel: meetings,
    title: 'The sponsor reviews adoption',
    detail: () => 'The sponsor reviews the follow-up with managers and decides what to keep, change or stop.',
  },
];

function howTos(context: PlanContext): Omit<PlanAction, 'date'>[] {
  return context.features
    .filter(({ fit }) => {
      if (context.intensity === 'intensive') return true;
      if (fit.outsideCurrentWork) return true;
      return context.intensity === 'moderate' && fit.score !== null && fit.score < context.moderateFromFit;
    })
    .map(({ design, fit }) => ({
      id: `how-to:${design.id}`,
      adkar: 'knowledge' as const,
      owner: 'designTeam' as const,
      week: -1,
      channel: fit.mode === 'externalLms' ? context.announce : fit.mode,
      title: `How to take part in “${design.name}”`,
      detail:
        `A two-minute guide to ${modeWords[fit.mode].noun} for “${design.name}”: where to find it, what a good first contribution looks like` +
        (fit.adoption === null
          ? '.'
          : fit.adoption === 0
            ? `; nobody in the group uses ${modeWords[fit.mode].noun} weekly yet.`
            : `; ${percent(fit.adoption)} of the group uses ${modeWords[fit.mode].noun} weekly today.`),
      featureId: design.id,
    }));
}

/** The plan's actions for its intensity, by week, then ADKAR stage, then id (dates added by the caller). */
export function planActions(context: PlanContext): Omit<PlanAction, 'date'>[] {
  const fromTemplates = templates
    .filter((template) => template.in.includes(context.intensity))
    .map((template) => ({
      id: template.id,
      adkar: template.adkar,
      owner: template.owner,
      week: template.week(context),
      channel: template.channel(context),
      title: template.title,
      detail: template.detail(context),
      featureId: null,
    }));
  return [...fromTemplates, ...howTos(context)].sort(
    (a, b) =>
      a.week - b.week ||
      adkarStages.indexOf(a.adkar) - adkarStages.indexOf(b.adkar) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
