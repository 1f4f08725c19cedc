/** Weights of the four parts of a feature's fit; parts that do not apply share their weight out. */
export interface FeatureFitWeights {
  readonly adoption: number;
  readonly intensity: number;
  readonly timing: number;
  readonly cadence: number;
}

/** Contributions per active week at which a mode's intensity scores full marks. */
export interface ModeHabitLevels {
  readonly channelPosts: number;
  readonly chat: number;
  readonly meetings: number;
  readonly calls: number;
  readonly email: number;
  readonly engage: number;
  readonly sharedFiles: number;
}

/** Thresholds of the workflow-fit diagnostic (see docs/methodology.md, "Workflow fit"). */
export interface WorkflowFitSettings {
  /** A person uses a mode "weekly" when active in it in at least this share of the window's weeks. */
  readonly regularUseShareOfWeeks: number;
  readonly featureWeights: FeatureFitWeights;
  /** Weight of the mean feature fit in the overall score; the mode-mix agreement gets the rest. */
  readonly featureFitWeight: number;
  readonly habitLevels: ModeHabitLevels;
  /**
   * Hours a week in which a person is typically reachable; a session scores full timing when the share
   * of the group's activity in its hours is at least its length divided by this.
   */
  readonly typicalActiveHoursPerWeek: number;
  /** A feature whose mode fewer than this share of the group uses weekly sits outside current work. */
  readonly outsideWorkAdoption: number;
  /** A part scoring below this is named in the recommendations. */
  readonly weakPart: number;
  /** A better slot or mode is proposed only when it gains at least this much (0–1) on the part. */
  readonly minimumGain: number;
  /** A feature scoring at least this (0–100) is recommended as it is. */
  readonly keepFromScore: number;
  /** Mode-mix distance (total variation) from which the mix is reported as a warning. */
  readonly mixDistanceWarning: number;
}

/** Defaults of the workflow-fit diagnostic; each one is argued in docs/methodology.md. */
export const defaultWorkflowFitSettings: WorkflowFitSettings = {
  regularUseShareOfWeeks: 0.5,
  featureWeights: { adoption: 0.4, intensity: 0.1, timing: 0.2, cadence: 0.3 },
  featureFitWeight: 0.8,
  habitLevels: {
    channelPosts: 3,
    chat: 20,
    meetings: 5,
    calls: 2,
    email: 10,
    engage: 2,
    sharedFiles: 2,
  },
  typicalActiveHoursPerWeek: 40,
  outsideWorkAdoption: 0.16,
  weakPart: 0.5,
  minimumGain: 0.2,
  keepFromScore: 75,
  mixDistanceWarning: 0.5,
};
