// Optional fault injection and latency, for benchmarks and fault-tolerance tests: a seeded share of
// requests answers 429 (with Retry-After), 503 or 504, or has its connection dropped. Off unless asked for.
// Error codes: 429 TooManyRequests as in throttling (contract §5.2); 503 serviceNotAvailable (contract §6,
// errors.md); the code Graph uses for 504 is not documented in the contract, so 504 uses UnknownError.
import { Rng } from '../tenant/random';
import type { SimResponse } from './context';

/** What can go wrong with an injected fault. */
export type FaultKind = '429' | '503' | '504' | 'drop';

/** Fault injection settings: `rate` is the share of requests (0..1) that fail, drawn from `seed`. */
export interface FaultOptions {
  rate: number;
  seed: number;
  kinds?: readonly FaultKind[];
  /** Retry-After seconds on injected 429s and 503s (default 1). */
  retryAfterSeconds?: number;
}

/** Draws whether (and how) each request fails; deterministic for a seed and a request order. */
export interface FaultInjector {
  next(): FaultKind | null;
}

/** Creates an injector; a rate of 0 never fails. */
export function createFaultInjector(options: FaultOptions): FaultInjector {
  if (!(options.rate >= 0 && options.rate <= 1)) throw new RangeError('fault rate must be within 0..1');
  const kinds = options.kinds ?? ['429', '503', '504', 'drop'];
  if (kinds.length === 0) throw new RangeError('fault kinds must not be empty');
  const rng = Rng.derive(options.seed, 'faults');
  return {
    next: () => (rng.chance(options.rate) ? rng.pick(kinds) : null),
  };
}

/** The response an injected status fault answers with (drops are handled by the server). */
export function faultResponse(kind: Exclude<FaultKind, 'drop'>, retryAfterSeconds = 1): SimResponse {
  const retry = { 'Retry-After': String(retryAfterSeconds) };
  if (kind === '429')
    return {
      status: 429,
      headers: retry,
      error: { code: 'TooManyRequests', message: 'Please retry again later.', inner: THROTTLED_INNER },
    };
  if (kind === '503')
    return {
      status: 503,
      headers: retry,
      error: {
        code: 'serviceNotAvailable',
        message: 'The service is temporarily unavailable. Please retry.',
      },
    };
  return {
    status: 504,
    error: { code: 'UnknownError', message: 'The gateway did not receive a timely response.' },
  };
}

/** Extra innerError fields of Graph's 429 body (contract §5.2). */
export const THROTTLED_INNER: Readonly<Record<string, string>> = {
  code: '429',
  message: 'Please retry after',
  status: '429',
};
