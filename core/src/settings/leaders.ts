/** Thresholds of the leader diagnostic. */
export interface LeaderSettings {
  /** Self-assessment minus observed score (0–100 points) from which the gap is reported. */
  readonly selfGapPoints: number;
  /** Leaders' share learning social this many points below the learners' is a warning. */
  readonly behindLearnersPoints: number;
  /** A channel-posting ratio (leaders / learners) below this is a warning; above its inverse, a strength. */
  readonly postingRatioWarning: number;
}

/** Defaults of the leader diagnostic. */
export const defaultLeaderSettings: LeaderSettings = {
  selfGapPoints: 20,
  behindLearnersPoints: 10,
  postingRatioWarning: 0.75,
};
