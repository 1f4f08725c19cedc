import type { WorkMode } from '../model/initiative';
import type { Finding, ResultCoverage } from '../model/result';
import type { ChangePlanSettings } from '../settings/change-plan';
import { planActions, type PlanContext } from './change-plan-actions';
import { spellItOut, type PlannedFeature } from './change-plan-messages';
import {
  adkarStages,
  type AdkarStage,
  type ChangePlanData,
  type ChangePlanResult,
  type PlanAction,
  type PlanChannel,
  type PlanIntensity,
} from './change-plan-types';
import type { DiagnosticInput } from './input';
import type { LearnersResult } from './learners-types';
import { percent } from './phrasing';
import type { WorkflowFitResult } from './workflow-fit-types';
import { slotLabel } from './workflow-timing';

/** Intensity inverse to fit: light at or above `lightFromFit`, moderate from `moderateFromFit`, else intensive. */
export function planIntensity(fitScore: number | null, settings: ChangePlanSettings): PlanIntensity {
  if (fitScore === null) return 'intensive';
  if (fitScore >= settings.lightFromFit) return 'light';
  if (fitScore >= settings.moderateFromFit) return 'moderate';
  return 'intensive';
}

/** The open mode (channels, Engage, email) most of the group uses weekly; the bot's card without one. */
function announcementChannel(fit: WorkflowFitResult): PlanChannel {
  let best: { mode: WorkMode; share: number } | null = null;
  for (const mode of ['channelPosts', 'engage', 'email'] as const) {
    const share = fit.data.modes.find((entry) => entry.mode === mode)?.weeklyUsers ?? null;
    if (share !== null && share > 0 && (best === null || share > best.share)) best = { mode, share };
  }
  return best?.mode ?? 'adaptiveCard';
}

function busiestHour(fit: WorkflowFitResult): string | null {
  let best = -1;
  let value = 0;
  fit.data.heatmap.values.forEach((share, bin) => {
    if (share !== null && share > value) {
      value = share;
      best = bin;
    }
  });
  return best < 0 ? null : slotLabel(Math.floor(best / 24), best % 24);
}

/** The ISO date of the Monday `week` weeks from the launch week, or null without a launch date. */
export function weekDate(launchDate: string | null, week: number): string | null {
  if (launchDate === null || !/^\d{4}-\d{2}-\d{2}/.test(launchDate)) return null;
  const date = new Date(`${launchDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  const monday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - monday + week * 7);
  return date.toISOString().slice(0, 10);
}

function combinedCoverage(parts: readonly ResultCoverage[]): ResultCoverage {
  const order = ['high', 'medium', 'low'] as const;
  const sources = new Map(
    parts.flatMap((part) => part.sources.map((entry) => [entry.source, entry] as const)),
  );
  const missing = [...new Set(parts.flatMap((part) => part.missing))].sort();
  const confidence = order[Math.max(0, ...parts.map((part) => order.indexOf(part.confidence)))] ?? 'low';
  const notes = [...new Set(parts.map((part) => part.note))];
  return { sources: [...sources.values()], missing, confidence, note: notes.join(' ') };
}

function intensityFinding(data: ChangePlanData, settings: ChangePlanSettings, groupSize: number): Finding {
  const first = data.actions[0]?.week ?? 0;
  const last = data.actions[data.actions.length - 1]?.week ?? 0;
  const why =
    data.fitScore === null
      ? 'workflow fit could not be measured, so the plan assumes the most support'
      : data.intensity === 'light'
        ? `workflow fit is ${Math.round(data.fitScore)} of 100, at or above ${settings.lightFromFit} (4 of 5 on ADKAR's scale): the design mostly mimics how the group works`
        : data.intensity === 'moderate'
          ? `workflow fit is ${Math.round(data.fitScore)} of 100, between ADKAR's barrier point (${settings.moderateFromFit}) and ${settings.lightFromFit}`
          : `workflow fit is ${Math.round(data.fitScore)} of 100, below ADKAR's barrier point (${settings.moderateFromFit}): the design asks for work the group does not do today`;
  return {
    code: 'change-plan.intensity',
    severity: data.intensity === 'light' ? 'positive' : data.intensity === 'moderate' ? 'info' : 'warning',
    text: `${data.intensity === 'intensive' ? 'An' : 'A'} ${data.intensity} plan, because ${why}. ${data.actions.length} actions from week ${first} to week ${last} around launch.`,
    evidence: [
      { label: 'Workflow fit', value: data.fitScore, unit: 'of 100', n: groupSize, from: ['workflowFit'] },
    ],
  };
}

function otherFindings(data: ChangePlanData, learners: LearnersResult, input: DiagnosticInput): Finding[] {
  const settings = input.settings.changePlan;
  const findings: Finding[] = [];
  const share = learners.data.shareLearningSocial;
  if (share !== null && share < settings.lowSocialShare) {
    findings.push({
      code: 'change-plan.few-learn-social',
      severity: 'warning',
      text: `Only ${percent(share)} of the group learns social today, so the plan leans on champions and managers going first rather than on announcements.`,
      evidence: [
        {
          label: 'Share learning social',
          value: share,
          unit: 'share',
          n: learners.data.groupSize,
          from: ['learners'],
        },
      ],
    });
  }
  if (data.mergedSegments > 0 || data.omittedSegments > 0) {
    findings.push({
      code: 'change-plan.segments-merged',
      severity: 'info',
      text:
        data.omittedSegments > 0
          ? `${data.omittedSegments} ${data.segmentDimension} segment(s) are too small to address on their own and too few together, so they get no segment message; they still see the announcements.`
          : `${data.mergedSegments} ${data.segmentDimension} segment(s) have fewer than ${input.guard.k} people, so they share one “everyone else” message.`,
      evidence: [],
    });
  }
  if (input.initiative.launchDate === null) {
    findings.push({
      code: 'change-plan.no-launch-date',
      severity: 'info',
      text: 'Set a launch date to turn the weeks of the plan into calendar dates.',
      evidence: [],
    });
  }
  return findings;
}

/**
 * Diagnostic 4: a change marketing and management plan sized inversely to workflow fit. Each action
 * carries its ADKAR stage, owner role, week relative to launch and channel; "spell it out" messages are
 * written per segment from the segment's own current workflow.
 */
export function planChange(
  input: DiagnosticInput,
  fit: WorkflowFitResult,
  learners: LearnersResult,
): ChangePlanResult {
  const settings = input.settings.changePlan;
  const intensity = planIntensity(fit.data.overallScore, settings);
  const features: PlannedFeature[] = input.initiative.features.flatMap((design) => {
    const match = fit.data.features.find((entry) => entry.featureId === design.id);
    return match === undefined ? [] : [{ design, fit: match }];
  });
  const adopters = learners.data.adopters.categories.filter(
    (entry) => entry.category === 'innovators' || entry.category === 'earlyAdopters',
  );
  const context: PlanContext = {
    intensity,
    lead: settings.leadWeeks[intensity],
    reinforce: settings.reinforceWeeks[intensity],
    initiativeName: input.initiative.name,
    announce: announcementChannel(fit),
    busiestHour: busiestHour(fit),
    features,
    earlyAdopters: adopters.some((entry) => entry.count === null)
      ? null
      : adopters.reduce((sum, entry) => sum + (entry.count ?? 0), 0),
    moderateFromFit: settings.moderateFromFit,
  };
  const actions: PlanAction[] = planActions(context).map((action) => ({
    ...action,
    date: weekDate(input.initiative.launchDate, action.week),
  }));
  const spell = actions.find((action) => action.id === 'spell-it-out');
  const { messages, merged, omitted } = spellItOut({
    learners,
    features,
    initiativeName: input.initiative.name,
    settings,
    guard: input.guard,
    week: spell?.week ?? -1,
    channel: spell?.channel ?? 'adaptiveCard',
  });
  const actionsByStage = Object.fromEntries(
    adkarStages.map((stage) => [stage, actions.filter((action) => action.adkar === stage).length]),
  ) as Record<AdkarStage, number>;
  const data: ChangePlanData = {
    intensity,
    fitScore: fit.data.overallScore,
    cutOffs: { light: settings.lightFromFit, moderate: settings.moderateFromFit },
    announcementChannel: context.announce,
    actions,
    actionsByStage,
    messages,
    segmentDimension: settings.messageSegmentBy,
    mergedSegments: merged,
    omittedSegments: omitted,
  };
  return {
    diagnostic: 'changePlan',
    headline: { label: `Change plan (${intensity})`, value: actions.length, unit: 'actions' },
    data,
    findings: [intensityFinding(data, settings, fit.data.groupSize), ...otherFindings(data, learners, input)],
    coverage: combinedCoverage([fit.coverage, learners.coverage]),
    suppressedCells: omitted,
  };
}
