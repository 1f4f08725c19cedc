import type { Initiative, PulseResponse } from '../model/initiative';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { PrivacyGuard } from '../privacy/types';
import type { DiagnosticSettings } from '../settings/index';

/** Everything a diagnostic reads. Time comes from `snapshot.dataAsOf`, randomness from `random`. */
export interface DiagnosticInput {
  readonly snapshot: CollaborationSnapshot;
  readonly initiative: Initiative;
  /** Pulse answers; answers from people outside the group a diagnostic looks at are ignored by it. */
  readonly pulse: readonly PulseResponse[];
  readonly settings: DiagnosticSettings;
  /** Uniform in [0, 1); seeded by the caller so that bootstrap intervals are reproducible. */
  readonly random: () => number;
  readonly guard: PrivacyGuard;
  /** Design-team members who opted in to share their own profile with the rest of the design team. */
  readonly sharedProfiles?: readonly string[];
}
