/** The ways of working a learning feature can rely on. */
export const workModes = [
  'channelPosts',
  'chat',
  'meetings',
  'calls',
  'email',
  'engage',
  'sharedFiles',
  'externalLms',
] as const;

/** A way of working. */
export type WorkMode = (typeof workModes)[number];

/** How often a feature asks people to take part. */
export const cadences = ['daily', 'weekly', 'biweekly', 'monthly', 'once', 'onDemand'] as const;

/** A feature's cadence. */
export type Cadence = (typeof cadences)[number];

/** A planned session of a feature, in the target group's local time. */
export interface PlannedTime {
  /** 0 = Monday … 6 = Sunday. */
  readonly dayOfWeek: number;
  /** 0–23. */
  readonly hour: number;
  readonly durationMinutes: number;
}

/** One feature of the proposed learning solution. */
export interface SolutionFeature {
  readonly id: string;
  readonly name: string;
  readonly mode: WorkMode;
  readonly cadence: Cadence;
  readonly synchronous: boolean;
  readonly plannedTimes: readonly PlannedTime[];
  /** Intended group size; null when the whole target group takes part. */
  readonly groupSize: number | null;
}

/** Kirkpatrick's four levels: reaction, learning, behaviour, results. */
export type KirkpatrickLevel = 1 | 2 | 3 | 4;

/** A key performance indicator measured before and after launch. */
export interface Kpi {
  readonly id: string;
  readonly name: string;
  readonly kirkpatrickLevel: KirkpatrickLevel;
  readonly unit: string;
  /** Which way is better. */
  readonly direction: 'increase' | 'decrease';
  /** `graph`: measured from the snapshot (level 3 proxies); `entered`: typed or uploaded by the leader. */
  readonly source: 'graph' | 'entered';
  /** Per-person (or per-unit) values of the target group at baseline and follow-up; may be empty. */
  readonly baseline: readonly number[];
  readonly followUp: readonly number[];
  /** The same for the comparison group, when there is one. */
  readonly comparisonBaseline: readonly number[];
  readonly comparisonFollowUp: readonly number[];
}

/** A social learning initiative: who it is for, who designs it, what it asks people to do. */
export interface Initiative {
  readonly id: string;
  readonly name: string;
  /** Person keys of the target group. */
  readonly targetGroup: readonly string[];
  /** Person keys of the design and implementation team. */
  readonly designTeam: readonly string[];
  /** Person keys of a comparison group that does not get the initiative, or null. */
  readonly comparisonGroup: readonly string[] | null;
  readonly features: readonly SolutionFeature[];
  readonly kpis: readonly Kpi[];
  /** ISO date of the planned launch; weeks in the change plan are relative to it. */
  readonly launchDate: string | null;
}

/** One answer to the two-minute pulse. Self-ratings are 1–5. */
export interface PulseResponse {
  readonly personKey: string;
  readonly selfAssessment: {
    readonly participatory: number;
    readonly timely: number;
    readonly transparent: number;
    readonly current: number;
  };
  /** Modes the person says they prefer for learning from colleagues. */
  readonly preferredModes: readonly WorkMode[];
  /** How much the person expects the social features to help (1–5). */
  readonly expectedHelp: number;
}
