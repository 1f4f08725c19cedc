/** The lowest k anyone may configure: the floor used by most comparable products (see methodology). */
export const minimumK = 5;

/** Privacy thresholds an admin may tighten but never loosen below the floor. */
export interface PrivacySettings {
  /** Smallest group an aggregate may describe; at least `minimumK`. */
  readonly k: number;
}

/** Default privacy thresholds. */
export const defaultPrivacySettings: PrivacySettings = { k: minimumK };
