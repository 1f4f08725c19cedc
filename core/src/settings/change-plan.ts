/** Thresholds of the change plan (see docs/methodology.md, "Change plan"). */
export interface ChangePlanSettings {
  /** Workflow fit (0–100) at or above which the plan is light-touch: 4 or more on ADKAR's 1–5 scale. */
  readonly lightFromFit: number;
  /** Workflow fit at or above which the plan is moderate: above ADKAR's barrier point of 3 of 5. */
  readonly moderateFromFit: number;
  /** Weeks before launch that the first awareness action starts, per intensity. */
  readonly leadWeeks: { readonly light: number; readonly moderate: number; readonly intensive: number };
  /** Weeks after launch that reinforcement runs to, per intensity. */
  readonly reinforceWeeks: { readonly light: number; readonly moderate: number; readonly intensive: number };
  /** A segment learning social below this share gets the "start small" version of its message. */
  readonly lowSocialShare: number;
  /** The org attribute the "spell it out" messages are written per (one of the learner segments). */
  readonly messageSegmentBy: 'department' | 'location' | 'role';
}

/** Defaults of the change plan; each one is argued in docs/methodology.md. */
export const defaultChangePlanSettings: ChangePlanSettings = {
  lightFromFit: 75,
  moderateFromFit: 50,
  leadWeeks: { light: 2, moderate: 4, intensive: 6 },
  reinforceWeeks: { light: 4, moderate: 8, intensive: 12 },
  lowSocialShare: 0.3,
  messageSegmentBy: 'department',
};
