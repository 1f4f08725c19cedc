import { mean, sampleVariance } from './descriptive';

/**
 * Difference-in-differences of means: the treated group's change minus the comparison group's change,
 * which removes a shared trend (seasonality, a tenant-wide rollout) under the parallel-trends assumption.
 */
export function differenceInDifferences(
  treatedBefore: ArrayLike<number>,
  treatedAfter: ArrayLike<number>,
  comparisonBefore: ArrayLike<number>,
  comparisonAfter: ArrayLike<number>,
): number {
  return mean(treatedAfter) - mean(treatedBefore) - (mean(comparisonAfter) - mean(comparisonBefore));
}

/** Standard error of a sum or difference of independent sample means: √Σ(s²/n). */
export function standardErrorOfMeans(samples: readonly ArrayLike<number>[]): number {
  let sum = 0;
  for (const sample of samples) sum += sampleVariance(sample) / sample.length;
  return Math.sqrt(sum);
}
