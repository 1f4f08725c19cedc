import { mean, sampleVariance } from './descriptive';

/** Pooled standard deviation of two independent samples; NaN when either has fewer than two values. */
export function pooledStandardDeviation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return Number.NaN;
  return Math.sqrt(((na - 1) * sampleVariance(a) + (nb - 1) * sampleVariance(b)) / (na + nb - 2));
}

/** Cohen's d of `after` versus `before`: mean difference over the pooled SD; NaN when the SD is 0. */
export function cohensD(before: ArrayLike<number>, after: ArrayLike<number>): number {
  const sd = pooledStandardDeviation(before, after);
  if (!(sd > 0)) return Number.NaN;
  return (mean(after) - mean(before)) / sd;
}

/** Hedges' small-sample correction J = 1 − 3 / (4 (n₁ + n₂) − 9). */
export function hedgesCorrection(n1: number, n2: number): number {
  return 1 - 3 / (4 * (n1 + n2) - 9);
}

/** Hedges' g: Cohen's d with the small-sample correction, unbiased for small groups. */
export function hedgesG(before: ArrayLike<number>, after: ArrayLike<number>): number {
  return cohensD(before, after) * hedgesCorrection(before.length, after.length);
}

/** Large-sample variance of Hedges' g (Hedges & Olkin 1985): (n₁ + n₂)/(n₁n₂) + g²/(2(n₁ + n₂)). */
export function hedgesGVariance(g: number, n1: number, n2: number): number {
  return (n1 + n2) / (n1 * n2) + (g * g) / (2 * (n1 + n2));
}
