/** Thresholds of the participatory score (see docs/methodology.md, "Learns-social attributes"). */
export interface ParticipatorySettings {
  /** Share of weeks with a channel or Engage contribution that scores full marks for consistency. */
  readonly contributionWeeksForFull: number;
  /** Share of weeks with a reply to or reaction on someone else's post that scores full marks for give-and-take. */
  readonly givingWeeksForFull: number;
  /** Weight of consistency; give-and-take gets the rest. */
  readonly contributionWeight: number;
}

/** Thresholds of the timely score. */
export interface TimelySettings {
  /** Median latency (minutes) at or below which the median part scores 100. */
  readonly fastMinutes: number;
  /** Median latency (minutes) at or above which the median part scores 0 (log scale in between). */
  readonly slowMinutes: number;
  /** A reply "within a business day": 24 wall-clock hours, because samples carry no time of day. */
  readonly businessDayMinutes: number;
  /** Weight of the median part; the share within a business day gets the rest. */
  readonly medianWeight: number;
  /** People with fewer latency samples than this are not scored for timeliness. */
  readonly minSamples: number;
}

/** Thresholds of the transparent score. */
export interface TransparentSettings {
  /** Open share (channel + Engage over all messages sent) that scores 100; linear below. */
  readonly openShareForFull: number;
}

/** Thresholds of the current score. */
export interface CurrentSettings {
  /** Days since the last social contribution that still score 100. */
  readonly fullDays: number;
  /** The window of the rule: active within this many days scores at least the bar (50). */
  readonly windowDays: number;
  /** Days at or beyond which the score is 0. */
  readonly zeroDays: number;
}

/** The four learns-social attributes and the rule that combines them. */
export interface AttributeSettings {
  readonly participatory: ParticipatorySettings;
  readonly timely: TimelySettings;
  readonly transparent: TransparentSettings;
  readonly current: CurrentSettings;
  /** Score (0–100) at or above which an attribute meets its bar. */
  readonly bar: number;
  /** Attributes (of four) that must meet the bar for a person to learn social. */
  readonly minAttributesMet: number;
}

/** Defaults for the learns-social attributes; each one is argued in docs/methodology.md. */
export const defaultAttributeSettings: AttributeSettings = {
  participatory: { contributionWeeksForFull: 0.75, givingWeeksForFull: 0.5, contributionWeight: 0.5 },
  timely: {
    fastMinutes: 60,
    slowMinutes: 2880,
    businessDayMinutes: 1440,
    medianWeight: 0.5,
    minSamples: 1,
  },
  transparent: { openShareForFull: 0.3 },
  current: { fullDays: 7, windowDays: 14, zeroDays: 28 },
  bar: 50,
  minAttributesMet: 3,
};
