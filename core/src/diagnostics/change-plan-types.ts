import type { WorkMode } from '../model/initiative';
import type { DiagnosticResult } from '../model/result';
import type { SegmentDimension } from './learners-types';

/** Prosci's ADKAR stages, in the order a person moves through them. */
export const adkarStages = ['awareness', 'desire', 'knowledge', 'ability', 'reinforcement'] as const;

/** One ADKAR stage. */
export type AdkarStage = (typeof adkarStages)[number];

/** Who carries an action out. */
export const ownerRoles = ['sponsor', 'managers', 'champions', 'designTeam'] as const;

/** The role that owns an action. */
export type OwnerRole = (typeof ownerRoles)[number];

/** Where an action reaches people: a work mode, or an Adaptive Card the bot posts with an acknowledgement. */
export type PlanChannel = WorkMode | 'adaptiveCard';

/** How much change support the rollout needs, inverse to workflow fit. */
export type PlanIntensity = 'light' | 'moderate' | 'intensive';

/** One step of the change plan. */
export interface PlanAction {
  /** Stable id, e.g. `sponsor-announces` or `how-to:qa`. */
  readonly id: string;
  readonly adkar: AdkarStage;
  readonly owner: OwnerRole;
  /** Weeks relative to launch: negative before, 0 the launch week. */
  readonly week: number;
  /** ISO date of the Monday of that week, when the initiative has a launch date. */
  readonly date: string | null;
  readonly channel: PlanChannel;
  readonly title: string;
  readonly detail: string;
  /** The feature the action is about, if any. */
  readonly featureId: string | null;
}

/** A "spell it out" message for one segment, written from the segment's own current workflow. */
export interface SpellItOutMessage {
  /** Stable id the bot's acknowledgement counts are keyed by. */
  readonly id: string;
  /** `group` when the message is for the whole group or for segments merged under k. */
  readonly dimension: SegmentDimension | 'group';
  /** The segment's value ("Sales"), or "everyone else" / the initiative's group for merged messages. */
  readonly audience: string;
  readonly size: number;
  readonly currentMode: WorkMode | null;
  readonly shareLearningSocial: number | null;
  readonly week: number;
  readonly channel: PlanChannel;
  readonly title: string;
  readonly text: string;
  /** The label of the Adaptive Card's acknowledgement button. */
  readonly acknowledge: string;
}

/** Everything the change plan holds. */
export interface ChangePlanData {
  readonly intensity: PlanIntensity;
  /** The released workflow-fit score the intensity follows, or null (then the plan is intensive). */
  readonly fitScore: number | null;
  readonly cutOffs: { readonly light: number; readonly moderate: number };
  /** The mode announcements use: the open mode most of the group already uses weekly. */
  readonly announcementChannel: PlanChannel;
  /** Actions by week, then ADKAR stage. */
  readonly actions: readonly PlanAction[];
  readonly actionsByStage: Readonly<Record<AdkarStage, number>>;
  readonly messages: readonly SpellItOutMessage[];
  /** The org attribute messages are split by. */
  readonly segmentDimension: SegmentDimension;
  /** Segments under k folded into one "everyone else" message, and segments left out entirely. */
  readonly mergedSegments: number;
  readonly omittedSegments: number;
}

/** The change plan's result. */
export type ChangePlanResult = DiagnosticResult<'changePlan', ChangePlanData>;
