// Seeded pseudo-random numbers for the synthetic tenant. Nothing here reads the platform's random source or the clock,
// so the same seed always yields the same sequence on every platform.
import { normalQuantile } from '@learnfit/core';

/** Mixes a 32-bit value (splitmix32 finaliser); used to seed streams and to hash small inputs. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes a string to an unsigned 32-bit integer (FNV-1a followed by mix32). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h >>> 0);
}

/** Standard normal values at the midpoints of 4096 equal-probability bins, for fast approximate draws. */
const NORMAL_TABLE = Float64Array.from({ length: 4096 }, (_, i) => normalQuantile((i + 0.5) / 4096));

/** A seeded generator (sfc32) with the sampling helpers the tenant generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Creates a stream from a seed; different seeds give unrelated streams. */
  constructor(seed: number) {
    this.a = mix32(seed);
    this.b = mix32(this.a ^ 0x1b873593);
    this.c = mix32(this.b ^ 0xcc9e2d51);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Derives an independent stream from this seed and a label, without consuming from this stream. */
  static derive(seed: number, label: string): Rng {
    return new Rng(mix32(seed ^ hashString(label)));
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty array');
    return item;
  }

  /** One element chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty array');
    return last[0];
  }

  /** Normal draw with the given mean and standard deviation (one uniform through a quantile table; tails end near ±3.7 sd). */
  normal(mean = 0, sd = 1): number {
    return mean + sd * (NORMAL_TABLE[this.nextUint32() >>> 20] ?? 0);
  }

  /** Lognormal draw whose median is `median` and whose log has standard deviation `sigma`. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Poisson draw with mean lambda (Knuth for small means, rounded normal above 15). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 15) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /**
   * Poisson draw with mean lambda when exp(-lambda) is already known (hot loops precompute it): one
   * uniform and a sequential search for means up to 8, the normal approximation above.
   */
  poissonFast(lambda: number, expNegLambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 15)
      return Math.max(
        0,
        Math.round(lambda + Math.sqrt(lambda) * (NORMAL_TABLE[this.nextUint32() >>> 20] ?? 0)),
      );
    const u = this.next();
    let k = 0;
    let p = expNegLambda;
    let cumulative = p;
    while (u > cumulative && k < 100) {
      k++;
      p *= lambda / k;
      cumulative += p;
    }
    return k;
  }

  /** Fisher-Yates shuffle of a copy of the array. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** Lower-case hex string of the given length. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** A version-4 shaped GUID drawn from this stream. */
  guid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[parseInt(h[16] ?? '0', 16) & 3] ?? '8';
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/** Weighted sampler over a fixed list, O(log n) per draw; build once, draw many times. */
export class WeightedSampler<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];

  /** Keeps only items with a positive weight. */
  constructor(entries: Iterable<readonly [T, number]>) {
    let total = 0;
    for (const [item, w] of entries) {
      if (!(w > 0)) continue;
      total += w;
      this.items.push(item);
      this.cumulative.push(total);
    }
  }

  /** Number of items with a positive weight. */
  get size(): number {
    return this.items.length;
  }

  /** Draws one item, or undefined when every weight was zero. */
  draw(rng: Rng): T | undefined {
    const total = this.cumulative[this.cumulative.length - 1];
    if (total === undefined) return undefined;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
