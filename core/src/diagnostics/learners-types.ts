import type { AttributeName } from '../attributes/learns-social';
import type { KirkpatrickLevel, WorkMode } from '../model/initiative';
import type { DiagnosticResult } from '../model/result';
import type { SuppressionReason } from '../privacy/types';
import type { AdopterCategory } from '../settings/learners';

/** The org attributes learners are segmented by; `role` is the job title. */
export const segmentDimensions = ['department', 'location', 'role'] as const;

/** One segmentation of the target group. */
export type SegmentDimension = (typeof segmentDimensions)[number];

/** The value that stands for people without the attribute, so segments always partition the group. */
export const notSetSegment = '(not set)';

/** Share of a group's collaboration per work mode, in interaction units; sums to 1. */
export type ModeMix = Readonly<Partial<Record<WorkMode, number>>>;

/** One segment of the target group after the privacy guard; every figure is null when withheld. */
export interface LearnerSegment {
  readonly dimension: SegmentDimension;
  readonly value: string;
  readonly size: number | null;
  readonly shareLearningSocial: number | null;
  /** The mode where most of the segment's collaboration happens today. */
  readonly dominantMode: WorkMode | null;
  readonly modeMix: ModeMix | null;
  readonly suppressed: SuppressionReason | null;
}

/** A histogram bin of attribute scores: `from` inclusive, `to` exclusive except for the last bin. */
export interface ScoreBin {
  readonly from: number;
  readonly to: number;
  readonly count: number | null;
}

/** How one attribute is distributed over the target group. */
export interface AttributeDistribution {
  readonly attribute: AttributeName;
  /** People with a score (the rest had no data for it). */
  readonly scored: number | null;
  readonly meetingBar: number | null;
  readonly shareMeetingBar: number | null;
  readonly p25: number | null;
  readonly median: number | null;
  readonly p75: number | null;
  readonly mean: number | null;
  readonly histogram: readonly ScoreBin[];
}

/** One adopter category: observed size beside Rogers' reference share. */
export interface AdopterSegment {
  readonly category: AdopterCategory;
  readonly count: number | null;
  readonly share: number | null;
  readonly rogersShare: number;
}

/** Adoption of social surfaces over the window, read from time-to-habit. */
export interface AdopterData {
  /** People who formed the social habit within the window. */
  readonly habitFormed: number | null;
  /** Of those, the median week (0 = first week of the window) from which the habit held. */
  readonly medianHabitWeek: number | null;
  /** Share of the group with the habit formed by each week: the adoption curve. */
  readonly cumulativeShareByWeek: readonly (number | null)[];
  readonly categories: readonly AdopterSegment[];
}

/** Mean self-assessment (1–5, and on the 0–100 scale) beside the observed mean of the same people. */
export interface SelfVersusObserved {
  readonly attribute: AttributeName;
  readonly selfMean: number | null;
  readonly selfScore: number | null;
  readonly observedScore: number | null;
  /** Self minus observed, in points of 0–100. */
  readonly gap: number | null;
}

/** What the pulse says, for respondents in the target group. */
export interface PulseSummary {
  readonly respondents: number | null;
  readonly responseRate: number | null;
  readonly attributes: readonly SelfVersusObserved[];
  /** Mean expected help of the social features (1–5). */
  readonly expectedHelp: number | null;
  /** Share of respondents naming each mode as preferred for learning from colleagues. */
  readonly preferredModes: ModeMix | null;
}

/** An estimate with its confidence interval. */
export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** One KPI before and after, with effect size and (when a comparison group exists) difference-in-differences. */
export interface KpiResult {
  readonly id: string;
  readonly name: string;
  readonly kirkpatrickLevel: KirkpatrickLevel;
  readonly unit: string;
  readonly direction: 'increase' | 'decrease';
  readonly source: 'graph' | 'entered';
  /** `too-small`: a sample under the minimum size; `withheld`: under k; `no-data`: a sample is empty. */
  readonly status: 'ok' | 'too-small' | 'withheld' | 'no-data';
  readonly baseline: { readonly n: number; readonly mean: number | null };
  readonly followUp: { readonly n: number; readonly mean: number | null };
  /** Follow-up minus baseline mean, in the KPI's unit. */
  readonly difference: Interval | null;
  /** Hedges' g (follow-up versus baseline, pooled standard deviation). */
  readonly hedgesG: Interval | null;
  readonly magnitude: 'negligible' | 'small' | 'medium-or-larger' | null;
  /** True when the difference's whole interval is on the better side of zero, false on the worse side, else null. */
  readonly improved: boolean | null;
  /** Difference-in-differences against the comparison group, in the KPI's unit. */
  readonly differenceInDifferences: Interval | null;
  readonly intervalMethod: 'percentile-bootstrap' | 'normal-approximation' | null;
}

/** Everything the learner diagnostic found, after the privacy guard. */
export interface LearnersData {
  /** People of the target group found in the snapshot (the group is the leader's own input). */
  readonly groupSize: number;
  /** Target-group keys the snapshot does not know. */
  readonly notInSnapshot: number;
  readonly learnsSocial: number | null;
  readonly shareLearningSocial: number | null;
  /** Attributes that must meet the bar (3 of 4 unless sources are missing). */
  readonly attributesRequired: number;
  readonly distributions: readonly AttributeDistribution[];
  /** The mode mix of the whole group and its dominant mode. */
  readonly modeMix: ModeMix | null;
  readonly dominantMode: WorkMode | null;
  readonly segments: Readonly<Record<SegmentDimension, readonly LearnerSegment[]>>;
  readonly adopters: AdopterData;
  readonly pulse: PulseSummary;
  readonly kpis: readonly KpiResult[];
}

/** The learner diagnostic's result. */
export type LearnersResult = DiagnosticResult<'learners', LearnersData>;
