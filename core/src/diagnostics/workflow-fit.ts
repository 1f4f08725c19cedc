import { indexesOf } from '../attributes/groups';
import { workModes, type SolutionFeature } from '../model/initiative';
import type { DataSource } from '../model/snapshot';
import type { WorkflowFitSettings } from '../settings/workflow-fit';
import { resultCoverage } from './coverage';
import type { DiagnosticInput } from './input';
import {
  cadencePerYear,
  isObservable,
  modeSignals,
  observableModes,
  rhythmCadences,
  type RhythmCadence,
} from './work-modes';
import type {
  FeatureFit,
  ModeMixEntry,
  ModeUsage,
  WorkflowFitData,
  WorkflowFitResult,
} from './workflow-fit-types';
import { workflowFindings } from './workflow-findings';
import { observeWorkflow, type ModeObservation, type WorkflowObservation } from './workflow-profile';
import { recommend } from './workflow-recommendations';
import { featureTiming, releaseHeatmap } from './workflow-timing';

/** Rounds for display and so that results compare equal whatever the order of the input. */
function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Counts what the guard withheld while releasing figures. */
class Releaser {
  suppressed = 0;
  constructor(private readonly guard: DiagnosticInput['guard']) {}
  get k(): number {
    return this.guard.k;
  }
  value(n: number, value: number | null): number | null {
    const released = this.guard.releaseValue(n, value);
    if (released === null && value !== null) this.suppressed += 1;
    return released;
  }
}

function releaseModes(observation: WorkflowObservation, release: Releaser): ModeUsage[] {
  const { members, weeks } = observation;
  return workModes.map((mode): ModeUsage => {
    if (!isObservable(mode)) {
      return {
        mode,
        measurable: false,
        signals: [],
        weeklyUsers: null,
        averageWeekActive: null,
        medianPerActiveWeek: null,
        rhythmMatch: { daily: null, weekly: null, biweekly: null, monthly: null },
      };
    }
    const seen = observation.modes[mode];
    const known = seen.measurable && members > 0;
    const personWeeks = members * weeks;
    return {
      mode,
      measurable: seen.measurable,
      signals: modeSignals[mode].use,
      weeklyUsers: known ? release.value(members, round(seen.regularUsers / members, 4)) : null,
      averageWeekActive:
        known && personWeeks > 0
          ? release.value(members, round(seen.activePersonWeeks / personWeeks, 4))
          : null,
      medianPerActiveWeek: known ? release.value(seen.anyUsers, seen.medianPerActiveWeek) : null,
      rhythmMatch: Object.fromEntries(
        rhythmCadences.map((cadence) => {
          const match = known ? cadenceMatchOf(seen, weeks, cadence) : null;
          return [cadence, release.value(seen.anyUsers, match === null ? null : round(match, 4))];
        }),
      ) as Record<RhythmCadence, number | null>,
    };
  });
}

/** The mean match of the mode's users with a rhythm cadence, 0–1, before the guard. */
export function cadenceMatchOf(
  seen: ModeObservation,
  weeks: number,
  cadence: SolutionFeature['cadence'],
): number | null {
  const index = rhythmCadences.indexOf(cadence as RhythmCadence);
  const perYear = cadencePerYear[cadence];
  if (index < 0 || perYear === null || seen.anyUsers === 0 || weeks === 0) return null;
  return (seen.cadenceMatchSums[index] ?? 0) / (seen.anyUsers * weeks * perYear);
}

/** The weighted mean of the parts that apply, on 0–100; null when adoption is unknown. */
export function combineParts(
  parts: Readonly<Record<keyof WorkflowFitSettings['featureWeights'], number | null>>,
  weights: WorkflowFitSettings['featureWeights'],
): number | null {
  if (parts.adoption === null) return null;
  let sum = 0;
  let weight = 0;
  for (const key of ['adoption', 'intensity', 'timing', 'cadence'] as const) {
    const value = parts[key];
    if (value === null) continue;
    sum += weights[key] * value;
    weight += weights[key];
  }
  return weight === 0 ? null : round((100 * sum) / weight, 1);
}

function fitFeature(
  feature: SolutionFeature,
  observation: WorkflowObservation,
  heatmap: readonly (number | null)[],
  settings: WorkflowFitSettings,
  release: Releaser,
): FeatureFit {
  const timingRaw = featureTiming(heatmap, feature.plannedTimes, settings.typicalActiveHoursPerWeek);
  const timing = timingRaw === null ? null : round(timingRaw, 4);
  const base = {
    featureId: feature.id,
    name: feature.name,
    mode: feature.mode,
    cadence: feature.cadence,
    synchronous: feature.synchronous,
  };
  const seen = isObservable(feature.mode) ? observation.modes[feature.mode] : null;
  if (seen === null || !seen.measurable || observation.members === 0) {
    const outside = feature.mode === 'externalLms';
    return {
      ...base,
      measurable: false,
      adoption: null,
      intensity: null,
      timing,
      cadenceMatch: null,
      score: null,
      outsideCurrentWork: outside,
    };
  }
  const adoption = release.value(observation.members, round(seen.regularUsers / observation.members, 4));
  const habit = settings.habitLevels[seen.mode];
  const intensityRaw =
    seen.medianPerActiveWeek === null ? null : Math.min(1, seen.medianPerActiveWeek / habit);
  const intensity = release.value(seen.anyUsers, intensityRaw === null ? null : round(intensityRaw, 4));
  const matchRaw = cadenceMatchOf(seen, observation.weeks, feature.cadence);
  const cadenceMatch = release.value(seen.anyUsers, matchRaw === null ? null : round(matchRaw, 4));
  const rhythmic = cadencePerYear[feature.cadence] !== null;
  // Fewer than k users of the mode: too few to speak of a habit, so intensity and rhythm count as 0.
  const fewUsers = adoption !== null && seen.anyUsers < release.k;
  const score = combineParts(
    {
      adoption,
      intensity: fewUsers ? 0 : intensity,
      timing,
      cadence: rhythmic && fewUsers ? 0 : cadenceMatch,
    },
    settings.featureWeights,
  );
  return {
    ...base,
    measurable: true,
    adoption,
    intensity,
    timing,
    cadenceMatch,
    score,
    outsideCurrentWork: adoption !== null && adoption < settings.outsideWorkAdoption,
  };
}

function compareMix(
  features: readonly SolutionFeature[],
  modes: readonly ModeUsage[],
  observation: WorkflowObservation,
  release: Releaser,
): { mix: ModeMixEntry[]; distance: number | null; unmeasured: number } {
  const measurable = modes.filter((mode) => mode.measurable).map((mode) => mode.mode);
  const designed = features.filter((feature) => measurable.includes(feature.mode));
  const unmeasured = features.length === 0 ? 0 : round(1 - designed.length / features.length, 4);
  let totalWeeks = 0;
  for (const mode of measurable)
    if (isObservable(mode)) totalWeeks += observation.modes[mode].activePersonWeeks;
  let distance = designed.length > 0 && totalWeeks > 0 ? 0 : null;
  const mix = measurable.map((mode): ModeMixEntry => {
    const design =
      designed.length === 0 ? 0 : designed.filter((f) => f.mode === mode).length / designed.length;
    const weeks = isObservable(mode) ? observation.modes[mode].activePersonWeeks : 0;
    const observed = totalWeeks === 0 ? null : weeks / totalWeeks;
    if (distance !== null && observed !== null) distance += Math.abs(design - observed) / 2;
    return {
      mode,
      design: round(design, 4),
      observed: release.value(observation.members, observed === null ? null : round(observed, 4)),
    };
  });
  return {
    mix,
    distance: release.value(observation.members, distance === null ? null : round(distance, 4)),
    unmeasured,
  };
}

function sourcesRead(features: readonly SolutionFeature[]): DataSource[] {
  const sources = new Set<DataSource>();
  for (const feature of features) {
    if (isObservable(feature.mode))
      for (const source of modeSignals[feature.mode].sources) sources.add(source);
    if (feature.plannedTimes.length > 0) sources.add('channelMessages');
  }
  if (sources.size === 0)
    for (const mode of observableModes) modeSignals[mode].sources.forEach((s) => sources.add(s));
  return [...sources].sort();
}

/**
 * Diagnostic 3: how closely the solution design mimics what the target group already does — per
 * feature (mode adoption, intensity, timing, cadence), overall 0–100, the mode-mix distance, the
 * features outside current work and concrete moves. Only released figures leave this function.
 */
export function diagnoseWorkflowFit(input: DiagnosticInput): WorkflowFitResult {
  const { snapshot, initiative, guard } = input;
  const settings = input.settings.workflowFit;
  const members = indexesOf(snapshot, initiative.targetGroup);
  const observation = observeWorkflow(snapshot, members, settings);
  const release = new Releaser(guard);
  const heatmap = releaseHeatmap(observation.timing, guard);
  const modes = releaseModes(observation, release);
  const features = initiative.features.map((feature) =>
    fitFeature(feature, observation, heatmap.values, settings, release),
  );
  const { mix, distance, unmeasured } = compareMix(initiative.features, modes, observation, release);
  const scored = features.flatMap((feature) => (feature.score === null ? [] : [feature.score]));
  const featureFitMean =
    scored.length === 0 ? null : round(scored.reduce((a, b) => a + b, 0) / scored.length, 1);
  const overallScore =
    featureFitMean === null
      ? null
      : distance === null
        ? featureFitMean
        : round(
            settings.featureFitWeight * featureFitMean +
              (1 - settings.featureFitWeight) * 100 * (1 - distance),
            1,
          );
  const data: WorkflowFitData = {
    groupSize: members.length,
    overallScore,
    featureFitMean,
    modeMixDistance: distance,
    modeMix: mix,
    unmeasuredDesignShare: unmeasured,
    modes,
    features,
    outsideCurrentWork: features.filter((f) => f.outsideCurrentWork).map((f) => f.featureId),
    heatmap,
    recommendations: recommend(initiative.features, features, modes, heatmap, settings, members.length),
    method: {
      featureWeights: settings.featureWeights,
      featureFitWeight: settings.featureFitWeight,
      distance: 'total-variation',
    },
  };
  return {
    diagnostic: 'workflowFit',
    headline: { label: 'Workflow fit', value: overallScore, unit: 'of 100' },
    data,
    findings: workflowFindings(data, guard.k, settings),
    coverage: resultCoverage(snapshot, sourcesRead(initiative.features)),
    suppressedCells: release.suppressed + heatmap.suppressedBins,
  };
}
