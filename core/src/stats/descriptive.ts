/** Arithmetic mean; NaN for no values. */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum / values.length;
}

/** Sample variance (n − 1 denominator, two-pass for accuracy); NaN for fewer than two values. */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const centre = mean(values);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const deviation = (values[i] ?? 0) - centre;
    sum += deviation * deviation;
  }
  return sum / (n - 1);
}

/**
 * Quantile of ascending values by linear interpolation between order statistics (Hyndman & Fan type 7,
 * the default of R, NumPy and spreadsheet PERCENTILE.INC); NaN for no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = Math.min(Math.max(p, 0), 1) * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (position - lower);
}

/** The non-NaN values, ascending, in a new array. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const copy = new Float64Array(values.length);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? Number.NaN;
    if (!Number.isNaN(value)) copy[size++] = value;
  }
  return copy.subarray(0, size).sort();
}

/** Quantiles (type 7) of the non-NaN values; one sort for all of them. */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = sortedFinite(values);
  return ps.map((p) => quantileSorted(sorted, p));
}

/** Median of the non-NaN values; NaN when there are none. */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedFinite(values), 0.5);
}
