import { quantileSorted } from './descriptive';

/** How a percentile bootstrap runs. */
export interface BootstrapOptions {
  readonly resamples: number;
  /** Two-sided level, e.g. 0.95. */
  readonly confidence: number;
  /** Uniform in [0, 1), injected so results are reproducible. */
  readonly random: () => number;
}

/** A percentile interval per statistic; NaN bounds when no resample gave a finite value. */
export interface BootstrapInterval {
  readonly low: number;
  readonly high: number;
  /** Resamples whose statistic was finite (e.g. a resample with zero spread has no effect size). */
  readonly valid: number;
}

/**
 * Computes statistics of independent samples over resamples. `statistic` reads one resample of each
 * sample (reused buffers of the original sizes) and writes `outputs` numbers into `out`.
 */
export type ResampledStatistic = (resampled: readonly Float64Array[], out: Float64Array) => void;

/**
 * Percentile bootstrap (Efron): resample every sample with replacement, independently, `resamples`
 * times, and read each statistic's interval from the α/2 and 1 − α/2 quantiles of its resampled values.
 * Buffers are allocated once, so the cost is Σn × resamples draws and no garbage.
 */
export function percentileBootstrap(
  samples: readonly ArrayLike<number>[],
  outputs: number,
  statistic: ResampledStatistic,
  options: BootstrapOptions,
): BootstrapInterval[] {
  const buffers = samples.map((sample) => new Float64Array(sample.length));
  const out = new Float64Array(outputs);
  const collected = Array.from({ length: outputs }, () => new Float64Array(options.resamples));
  const valid = new Uint32Array(outputs);
  const random = options.random;
  const sources = samples.map((sample) => Float64Array.from(sample));
  for (let r = 0; r < options.resamples; r++) {
    for (let s = 0; s < sources.length; s++) {
      const sample = sources[s] ?? new Float64Array(0);
      const buffer = buffers[s] ?? new Float64Array(0);
      const n = sample.length;
      for (let i = 0; i < n; i++) buffer[i] = sample[(random() * n) | 0] ?? 0;
    }
    out.fill(Number.NaN);
    statistic(buffers, out);
    for (let o = 0; o < outputs; o++) {
      const value = out[o] ?? Number.NaN;
      const column = collected[o];
      const at = valid[o] ?? 0;
      if (column !== undefined && Number.isFinite(value)) {
        column[at] = value;
        valid[o] = at + 1;
      }
    }
  }
  const alpha = 1 - options.confidence;
  return collected.map((column, o) => {
    const count = valid[o] ?? 0;
    const sorted = column.subarray(0, count).sort();
    return {
      low: quantileSorted(sorted, alpha / 2),
      high: quantileSorted(sorted, 1 - alpha / 2),
      valid: count,
    };
  });
}
