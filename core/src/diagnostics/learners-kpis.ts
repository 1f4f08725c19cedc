import type { Initiative, Kpi } from '../model/initiative';
import type { PrivacyGuard } from '../privacy/types';
import type { KpiSettings } from '../settings/learners';
import { percentileBootstrap } from '../stats/bootstrap';
import { mean, sampleVariance } from '../stats/descriptive';
import { differenceInDifferences, standardErrorOfMeans } from '../stats/difference-in-differences';
import { hedgesCorrection, hedgesG, hedgesGVariance } from '../stats/effect-size';
import { normalQuantile } from '../stats/normal';
import type { Interval, KpiResult } from './learners-types';

/** The finite values, sorted so that the bootstrap's draws do not depend on the order of entry. */
function finite(values: readonly number[]): Float64Array {
  return Float64Array.from(values.filter((value) => Number.isFinite(value))).sort();
}

/** Hedges' g and mean difference of two resampled buffers; the same formulas as the point estimates. */
function resampledEffects(resampled: readonly Float64Array[], out: Float64Array): void {
  const before = resampled[0] ?? new Float64Array(0);
  const after = resampled[1] ?? new Float64Array(0);
  const m0 = mean(before);
  const m1 = mean(after);
  out[0] = m1 - m0;
  const n0 = before.length;
  const n1 = after.length;
  const pooled = Math.sqrt(
    ((n0 - 1) * sampleVariance(before) + (n1 - 1) * sampleVariance(after)) / (n0 + n1 - 2),
  );
  out[1] = pooled > 0 ? ((m1 - m0) / pooled) * hedgesCorrection(n0, n1) : Number.NaN;
  if (resampled.length === 4) {
    out[2] = m1 - m0 - (mean(resampled[3] ?? []) - mean(resampled[2] ?? []));
  }
}

function magnitude(g: number, settings: KpiSettings): KpiResult['magnitude'] {
  if (Number.isNaN(g)) return null;
  const size = Math.abs(g);
  return size < settings.smallEffect
    ? 'negligible'
    : size < settings.mediumEffect
      ? 'small'
      : 'medium-or-larger';
}

/**
 * One KPI before and after: Hedges' g and the mean difference with a percentile-bootstrap interval
 * (normal approximation when the samples are so large that the bootstrap would exceed its draw budget),
 * and difference-in-differences against the comparison group when it has enough values.
 */
export function analyseKpi(
  kpi: Kpi,
  hasComparisonGroup: boolean,
  settings: KpiSettings,
  guard: PrivacyGuard,
  random: () => number,
): KpiResult {
  const before = finite(kpi.baseline);
  const after = finite(kpi.followUp);
  const comparisonBefore = finite(kpi.comparisonBaseline);
  const comparisonAfter = finite(kpi.comparisonFollowUp);
  const smallest = Math.min(before.length, after.length);
  const status: KpiResult['status'] =
    smallest === 0
      ? 'no-data'
      : smallest < guard.k
        ? 'withheld'
        : smallest < settings.minSampleSize
          ? 'too-small'
          : 'ok';
  const shown = (values: Float64Array) => (values.length >= guard.k ? mean(values) : null);
  const base = {
    id: kpi.id,
    name: kpi.name,
    kirkpatrickLevel: kpi.kirkpatrickLevel,
    unit: kpi.unit,
    direction: kpi.direction,
    source: kpi.source,
    status,
    baseline: { n: before.length, mean: shown(before) },
    followUp: { n: after.length, mean: shown(after) },
  };
  const none = {
    difference: null,
    hedgesG: null,
    magnitude: null,
    improved: null,
    differenceInDifferences: null,
    intervalMethod: null,
  };
  if (status !== 'ok') return { ...base, ...none };

  const withComparison =
    hasComparisonGroup &&
    Math.min(comparisonBefore.length, comparisonAfter.length) >= Math.max(guard.k, settings.minSampleSize);
  const samples = withComparison ? [before, after, comparisonBefore, comparisonAfter] : [before, after];
  const difference = mean(after) - mean(before);
  const g = hedgesG(before, after);
  const did = withComparison
    ? differenceInDifferences(before, after, comparisonBefore, comparisonAfter)
    : Number.NaN;
  const draws = samples.reduce((sum, sample) => sum + sample.length, 0) * settings.resamples;
  const bootstrap = draws <= settings.maxBootstrapDraws;
  let intervals: { low: number; high: number }[];
  if (bootstrap) {
    intervals = percentileBootstrap(samples, 3, resampledEffects, {
      resamples: settings.resamples,
      confidence: settings.confidence,
      random,
    });
  } else {
    const z = normalQuantile(1 - (1 - settings.confidence) / 2);
    const around = (estimate: number, se: number) => ({ low: estimate - z * se, high: estimate + z * se });
    intervals = [
      around(difference, standardErrorOfMeans([before, after])),
      around(g, Math.sqrt(hedgesGVariance(g, before.length, after.length))),
      around(did, withComparison ? standardErrorOfMeans(samples) : Number.NaN),
    ];
  }
  const interval = (estimate: number, index: number): Interval | null => {
    const bounds = intervals[index];
    if (Number.isNaN(estimate) || bounds === undefined || Number.isNaN(bounds.low)) return null;
    return { estimate, low: bounds.low, high: bounds.high };
  };
  const differenceInterval = interval(difference, 0);
  const sign = kpi.direction === 'increase' ? 1 : -1;
  const improved =
    differenceInterval === null
      ? null
      : sign * differenceInterval.low > 0 && sign * differenceInterval.high > 0
        ? true
        : sign * differenceInterval.low < 0 && sign * differenceInterval.high < 0
          ? false
          : null;
  return {
    ...base,
    difference: differenceInterval,
    hedgesG: interval(g, 1),
    magnitude: magnitude(g, settings),
    improved,
    differenceInDifferences: withComparison ? interval(did, 2) : null,
    intervalMethod: bootstrap ? 'percentile-bootstrap' : 'normal-approximation',
  };
}

/** Every KPI of the initiative, in the initiative's order. */
export function analyseKpis(
  initiative: Pick<Initiative, 'kpis' | 'comparisonGroup'>,
  settings: KpiSettings,
  guard: PrivacyGuard,
  random: () => number,
): KpiResult[] {
  return initiative.kpis.map((kpi) =>
    analyseKpi(kpi, initiative.comparisonGroup !== null, settings, guard, random),
  );
}
