import type { DiagnosticInput } from '../diagnostics/input';
import type { Initiative, Kpi, PulseResponse, SolutionFeature } from '../model/initiative';
import type { CollaborationSnapshot } from '../model/snapshot';
import { createPrivacyGuard } from '../privacy/guard';
import { defaultSettings, type DiagnosticSettings } from '../settings/index';
import { seededRandom } from '../stats/seeded-random';

/** A solution feature with defaults for whatever the test does not care about. */
export function fixtureFeature(
  partial: Partial<SolutionFeature> & Pick<SolutionFeature, 'id'>,
): SolutionFeature {
  return {
    name: partial.id,
    mode: 'channelPosts',
    cadence: 'weekly',
    synchronous: false,
    plannedTimes: [],
    groupSize: null,
    ...partial,
  };
}

/** An initiative with defaults for whatever the test does not care about. */
export function fixtureInitiative(partial: Partial<Initiative> = {}): Initiative {
  return {
    id: 'initiative-1',
    name: 'Social onboarding',
    targetGroup: [],
    designTeam: [],
    comparisonGroup: null,
    features: [],
    kpis: [],
    launchDate: null,
    ...partial,
  };
}

/** A KPI with defaults (a Graph-measured level 3 behaviour, no values) for whatever the test does not care about. */
export function fixtureKpi(partial: Partial<Kpi> & Pick<Kpi, 'id'>): Kpi {
  return {
    name: partial.id,
    kirkpatrickLevel: 3,
    unit: 'replies per week',
    direction: 'increase',
    source: 'graph',
    baseline: [],
    followUp: [],
    comparisonBaseline: [],
    comparisonFollowUp: [],
    ...partial,
  };
}

/** What a test may change about a diagnostic input. */
export interface FixtureInputOptions {
  readonly initiative?: Partial<Initiative>;
  readonly pulse?: readonly PulseResponse[];
  readonly settings?: DiagnosticSettings;
  readonly k?: number;
  readonly seed?: number;
  readonly sharedProfiles?: readonly string[];
}

/** A complete diagnostic input over a snapshot: default settings, k = 5, seeded randomness. */
export function fixtureInput(
  snapshot: CollaborationSnapshot,
  options: FixtureInputOptions = {},
): DiagnosticInput {
  const settings = options.settings ?? defaultSettings;
  return {
    snapshot,
    initiative: fixtureInitiative(options.initiative),
    pulse: options.pulse ?? [],
    settings,
    random: seededRandom(options.seed ?? 1),
    guard: createPrivacyGuard({ ...settings.privacy, k: options.k ?? settings.privacy.k }),
    ...(options.sharedProfiles === undefined ? {} : { sharedProfiles: options.sharedProfiles }),
  };
}
