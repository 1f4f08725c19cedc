import type { Cadence, WorkMode } from '../model/initiative';
import type { Evidence, DiagnosticResult } from '../model/result';
import type { SignalName } from '../model/signals';
import type { FeatureFitWeights } from '../settings/workflow-fit';
import type { RhythmCadence } from './work-modes';
import type { HourOfWeekHeatmap } from './workflow-timing';

/** How the target group uses one work mode today, after the privacy guard. */
export interface ModeUsage {
  readonly mode: WorkMode;
  /** False for `externalLms` (no Graph signal) and for modes whose sources are missing or concealed. */
  readonly measurable: boolean;
  /** The signals that count as use of the mode. */
  readonly signals: readonly SignalName[];
  /** Share of the group using the mode in at least half the weeks ("weekly"). */
  readonly weeklyUsers: number | null;
  /** Share of person-weeks with use: the group's average week. */
  readonly averageWeekActive: number | null;
  /** Median contributions in a week with use, over the people who use the mode. */
  readonly medianPerActiveWeek: number | null;
  /** How much of each rhythm the mode's users already keep (0–1), for suggesting a lighter cadence. */
  readonly rhythmMatch: Readonly<Record<RhythmCadence, number | null>>;
}

/** One feature of the design against the group's current work; parts are 0–1, the score 0–100. */
export interface FeatureFit {
  readonly featureId: string;
  readonly name: string;
  readonly mode: WorkMode;
  readonly cadence: Cadence;
  readonly synchronous: boolean;
  readonly measurable: boolean;
  /** Share of the group that uses the feature's mode weekly. */
  readonly adoption: number | null;
  /** Median contributions per active week against the mode's habit level, capped at 1. */
  readonly intensity: number | null;
  /** Planned hours against the group's active hours; null without planned times or hour data. */
  readonly timing: number | null;
  /** How much of the cadence's rhythm the mode's users already keep; null for `once` and `onDemand`. */
  readonly cadenceMatch: number | null;
  readonly score: number | null;
  /** The feature relies on a mode fewer than `outsideWorkAdoption` of the group uses weekly, or on the LMS. */
  readonly outsideCurrentWork: boolean;
}

/** One mode in the design-versus-observed comparison (measurable modes only). */
export interface ModeMixEntry {
  readonly mode: WorkMode;
  /** Share of the design's features (in measurable modes) that rely on this mode. */
  readonly design: number;
  /** Share of the group's active person-weeks in this mode. */
  readonly observed: number | null;
}

/** A concrete move for one feature, built only from released figures. */
export interface Recommendation {
  readonly featureId: string;
  /** `move-mode`, `keep`, `move-time`, `lighter-cadence`, `seed-activity` or `bridge-habit`. */
  readonly code: string;
  readonly text: string;
  readonly evidence: readonly Evidence[];
}

/** Everything the workflow-fit diagnostic found, after the privacy guard. */
export interface WorkflowFitData {
  /** People of the target group found in the snapshot. */
  readonly groupSize: number;
  /** 0–100; null when no feature could be measured or the group is under k. */
  readonly overallScore: number | null;
  /** Mean of the measurable features' scores (0–100). */
  readonly featureFitMean: number | null;
  /** Total variation distance between the design's and the group's mode mix, 0–1. */
  readonly modeMixDistance: number | null;
  readonly modeMix: readonly ModeMixEntry[];
  /** Share of the design's features in modes LearnFit cannot see (external LMS, missing sources). */
  readonly unmeasuredDesignShare: number;
  readonly modes: readonly ModeUsage[];
  readonly features: readonly FeatureFit[];
  /** Feature ids that sit outside the group's current work. */
  readonly outsideCurrentWork: readonly string[];
  readonly heatmap: HourOfWeekHeatmap;
  readonly recommendations: readonly Recommendation[];
  /** The weights behind the scores, so that the tab can show the method beside the figures. */
  readonly method: {
    readonly featureWeights: FeatureFitWeights;
    readonly featureFitWeight: number;
    readonly distance: 'total-variation';
  };
}

/** The workflow-fit diagnostic's result. */
export type WorkflowFitResult = DiagnosticResult<'workflowFit', WorkflowFitData>;
