import { minimumK, type PrivacySettings } from '../settings/privacy';
import { PrivacyError } from './privacy-error';
import type { AggregateCell, Owned, PrivacyGuard, ReleasedCell, ReleasedTable } from './types';

export { PrivacyError, type PrivacyErrorCode } from './privacy-error';

/** A stable key for a cell's coordinates, so the choice of complementary cells ignores input order. */
function dimsKey(dims: Readonly<Record<string, string>>): string {
  return Object.keys(dims)
    .sort()
    .map((name) => `${name}\u0000${dims[name] ?? ''}`)
    .join('\u0001');
}

/**
 * Decides which cells of a partition to withhold. Primary: every cell under k. Complementary: the
 * hidden part of the partition (withheld cells plus people in no cell, which anyone can get by
 * subtracting the released cells from the total) must hold either nobody or at least k people, so that
 * no subtraction recovers a group under k; the smallest released cells are added until it does.
 */
function suppressionPlan(
  cells: readonly AggregateCell[],
  k: number,
  total: number | undefined,
): ReleasedCell['suppressed'][] {
  const plan: ReleasedCell['suppressed'][] = cells.map((cell) => (cell.n < k ? 'below-k' : null));
  let covered = 0;
  let hidden = 0;
  cells.forEach((cell, index) => {
    covered += cell.n;
    if (plan[index] !== null) hidden += cell.n;
  });
  if (total !== undefined) hidden += Math.max(0, total - covered);
  if (hidden === 0 || hidden >= k) return plan;

  const candidates = cells
    .map((cell, index) => ({ index, n: cell.n, key: dimsKey(cell.dims) }))
    .filter((entry) => plan[entry.index] === null && entry.n > 0)
    .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  for (const candidate of candidates) {
    if (hidden >= k) break;
    plan[candidate.index] = 'complementary';
    hidden += candidate.n;
  }
  return plan;
}

/** The guard every aggregate passes before it leaves `core/`; refuses a k below the floor. */
export function createPrivacyGuard(settings: PrivacySettings): PrivacyGuard {
  if (!Number.isFinite(settings.k) || settings.k < minimumK) {
    throw new PrivacyError(
      'threshold-too-low',
      `The minimum group size can be raised but never set below ${minimumK}.`,
    );
  }
  const k = Math.ceil(settings.k);

  return {
    k,
    releaseTable(cells: readonly AggregateCell[], total?: number): ReleasedTable {
      const plan = suppressionPlan(cells, k, total);
      let suppressedCells = 0;
      const released = cells.map((cell, index): ReleasedCell => {
        const suppressed = plan[index] ?? null;
        if (suppressed === null) return { dims: cell.dims, n: cell.n, value: cell.value, suppressed };
        suppressedCells += 1;
        return { dims: cell.dims, n: null, value: null, suppressed };
      });
      return { cells: released, suppressedCells };
    },
    releaseValue(n: number, value: number | null): number | null {
      return n >= k ? value : null;
    },
    assertGroupSize(n: number, what: string): void {
      if (!(n >= k)) {
        throw new PrivacyError(
          'group-too-small',
          `${what} would describe fewer than ${k} people, so it is not shown.`,
        );
      }
    },
    releaseOwned<T>(owned: Owned<T>, viewerKey: string): T | null {
      if (viewerKey === owned.ownerKey || owned.sharedWith.includes(viewerKey)) return owned.value;
      return null;
    },
  };
}
