import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileBootstrap } from './bootstrap';
import { mean, median, quantileSorted, quantiles, sampleVariance } from './descriptive';
import { differenceInDifferences, standardErrorOfMeans } from './difference-in-differences';
import { cohensD, hedgesCorrection, hedgesG, hedgesGVariance } from './effect-size';
import { normalQuantile } from './normal';
import { seededRandom } from './seeded-random';

describe('descriptive statistics', () => {
  it('interpolates quantiles like R type 7', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5);
    expect(quantileSorted([10], 0.9)).toBe(10);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantiles([5, 1, Number.NaN, 3], [0, 0.5, 1])).toEqual([1, 3, 5]);
  });

  it('ignores NaN in the median and is NaN without values', () => {
    expect(median([3, Number.NaN, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN])).toBeNaN();
  });

  it('computes the sample variance with n − 1', () => {
    expect(mean([1, 2, 3, 4, 5])).toBe(3);
    expect(sampleVariance([1, 2, 3, 4, 5])).toBeCloseTo(2.5);
    expect(sampleVariance([7])).toBeNaN();
  });

  it('keeps quantiles monotone in p and independent of input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, q) => {
          const [low, high] = quantiles(values, [Math.min(p, q), Math.max(p, q)]);
          expect(low).toBeLessThanOrEqual(high ?? Number.NaN);
          expect(median([...values].reverse())).toBe(median(values));
        },
      ),
    );
  });
});

describe('effect sizes', () => {
  const before = [1, 2, 3, 4, 5];
  const after = [3, 4, 5, 6, 7];

  it("computes Cohen's d and Hedges' g against hand-worked values", () => {
    expect(cohensD(before, after)).toBeCloseTo(2 / Math.sqrt(2.5), 6);
    expect(hedgesCorrection(5, 5)).toBeCloseTo(1 - 3 / 31, 9);
    expect(hedgesG(before, after)).toBeCloseTo((2 / Math.sqrt(2.5)) * (1 - 3 / 31), 6);
    expect(hedgesG(after, before)).toBeCloseTo(-hedgesG(before, after), 9);
  });

  it('has no effect size without spread', () => {
    expect(hedgesG([2, 2, 2], [3, 3, 3])).toBeNaN();
    expect(hedgesG([2], [3, 4])).toBeNaN();
  });

  it('gives the Hedges–Olkin variance', () => {
    expect(hedgesGVariance(0.5, 20, 20)).toBeCloseTo(40 / 400 + 0.25 / 80, 9);
  });
});

describe('normal quantile', () => {
  it('matches tabulated values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});

describe('difference-in-differences', () => {
  it('subtracts the comparison group change', () => {
    expect(differenceInDifferences([1, 3], [4, 6], [1, 1], [2, 2])).toBe(2);
    expect(
      standardErrorOfMeans([
        [1, 2, 3],
        [2, 4, 6],
      ]),
    ).toBeCloseTo(Math.sqrt(1 / 3 + 4 / 3), 9);
  });
});

describe('percentile bootstrap', () => {
  const random = seededRandom(7);
  const a = Array.from({ length: 60 }, () => random() * 10);
  const b = a.map((value) => value + 3);
  const difference = (resampled: readonly Float64Array[], out: Float64Array): void => {
    out[0] = mean(resampled[1] ?? []) - mean(resampled[0] ?? []);
  };

  it('is reproducible with the same seed and covers the true shift', () => {
    const options = { resamples: 1000, confidence: 0.95 };
    const [first] = percentileBootstrap([a, b], 1, difference, { ...options, random: seededRandom(1) });
    const [again] = percentileBootstrap([a, b], 1, difference, { ...options, random: seededRandom(1) });
    expect(first).toEqual(again);
    expect(first?.valid).toBe(1000);
    expect(first?.low).toBeLessThan(3);
    expect(first?.high).toBeGreaterThan(3);
    expect((first?.high ?? 0) - (first?.low ?? 0)).toBeLessThan(3);
  });

  it('drops resamples whose statistic is undefined', () => {
    const [interval] = percentileBootstrap(
      [[1, 1, 1, 2]],
      1,
      (resampled, out) => {
        const sample = resampled[0] ?? [];
        out[0] = sampleVariance(sample) > 0 ? mean(sample) : Number.NaN;
      },
      { resamples: 200, confidence: 0.9, random: seededRandom(3) },
    );
    expect(interval?.valid).toBeLessThan(200);
    expect(interval?.valid).toBeGreaterThan(100);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const next = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
