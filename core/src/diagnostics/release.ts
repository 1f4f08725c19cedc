import type { PrivacyGuard } from '../privacy/types';

/** Releases one figure over n people through the guard, counting what it withholds. */
export interface Release {
  (n: number, value: number): number | null;
  /** Figures withheld so far (NaN, "not computable", is not counted as withheld). */
  readonly withheld: () => number;
}

/** A releaser over the guard that counts withheld figures for `suppressedCells`. */
export function counted(guard: PrivacyGuard): Release {
  let withheld = 0;
  const release = (n: number, value: number): number | null => {
    if (Number.isNaN(value)) return null;
    const released = guard.releaseValue(n, value);
    if (released === null) withheld++;
    return released;
  };
  return Object.assign(release, { withheld: () => withheld });
}
