/** Rogers' adopter categories, earliest first. */
export const adopterCategories = [
  'innovators',
  'earlyAdopters',
  'earlyMajority',
  'lateMajority',
  'laggards',
] as const;

/** One of Rogers' adopter categories. */
export type AdopterCategory = (typeof adopterCategories)[number];

/** How time-to-habit is read from the weekly signals. */
export interface HabitSettings {
  /** A habit holds when more than this share of the weeks from its first week on hold a contribution ("most"). */
  readonly shareOfFollowingWeeks: number;
  /** A habit needs at least this many observed weeks from its first week (shorter runs are "not yet"). */
  readonly minObservedWeeks: number;
  /** Cumulative shares that close each category but the last: Rogers' 2.5 / 16 / 50 / 84 %. */
  readonly rogersCumulative: readonly [number, number, number, number];
}

/** How key performance indicators are compared before and after. */
export interface KpiSettings {
  /** Percentile-bootstrap resamples. */
  readonly resamples: number;
  /** Two-sided confidence level of the intervals. */
  readonly confidence: number;
  /** Fewer values than this in any sample: no effect size is reported. */
  readonly minSampleSize: number;
  /**
   * Largest resampled-value count (sum of sample sizes × resamples) the bootstrap may draw; above it the
   * samples are large enough for the normal approximation, which is used instead and named.
   */
  readonly maxBootstrapDraws: number;
  /** |Hedges' g| below this is "negligible", below `mediumEffect` "small", else "medium or larger". */
  readonly smallEffect: number;
  readonly mediumEffect: number;
}

/** Weights that put the work modes on one scale, in "interaction units" (an email = 1). */
export interface ModeWeights {
  readonly channelPosts: number;
  readonly chat: number;
  readonly meetings: number;
  readonly calls: number;
  readonly email: number;
  readonly engage: number;
  readonly sharedFiles: number;
}

/** Thresholds of the learner diagnostic. */
export interface LearnerSettings {
  readonly habit: HabitSettings;
  readonly kpi: KpiSettings;
  readonly modeWeights: ModeWeights;
  /** Upper edges of the score histogram bins (0–100); the last bin is closed at 100. */
  readonly histogramEdges: readonly number[];
  /** A share learning social below this is a warning, below half of it critical. */
  readonly lowShareLearningSocial: number;
  /** Self-assessment minus observed score (0–100 points) from which the pulse gap is reported. */
  readonly selfGapPoints: number;
  /** A segment whose share learning social is this many points below the group's is reported. */
  readonly segmentBehindPoints: number;
}

/** Defaults of the learner diagnostic; each one is argued in docs/methodology.md. */
export const defaultLearnerSettings: LearnerSettings = {
  habit: {
    shareOfFollowingWeeks: 0.5,
    minObservedWeeks: 4,
    rogersCumulative: [0.025, 0.16, 0.5, 0.84],
  },
  kpi: {
    resamples: 1000,
    confidence: 0.95,
    minSampleSize: 10,
    maxBootstrapDraws: 500_000,
    smallEffect: 0.2,
    mediumEffect: 0.5,
  },
  modeWeights: {
    channelPosts: 0.5,
    chat: 0.125,
    meetings: 1,
    calls: 1,
    email: 1,
    engage: 0.5,
    sharedFiles: 1,
  },
  histogramEdges: [20, 40, 60, 80, 100],
  lowShareLearningSocial: 0.3,
  selfGapPoints: 20,
  segmentBehindPoints: 15,
};
