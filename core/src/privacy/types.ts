/** One aggregate figure over a group of people, before the privacy guard has seen it. */
export interface AggregateCell {
  /** The cell's coordinates, e.g. `{ department: 'Sales', location: 'Oslo' }`. */
  readonly dims: Readonly<Record<string, string>>;
  /** People the figure is computed over. */
  readonly n: number;
  readonly value: number | null;
}

/** Why a cell was withheld. */
export type SuppressionReason = 'below-k' | 'complementary';

/** A cell after the guard: withheld cells have `value` null and `n` null. */
export interface ReleasedCell {
  readonly dims: Readonly<Record<string, string>>;
  readonly n: number | null;
  readonly value: number | null;
  readonly suppressed: SuppressionReason | null;
}

/** A table of cells as it may leave `core/`. */
export interface ReleasedTable {
  readonly cells: readonly ReleasedCell[];
  readonly suppressedCells: number;
}

/** A result about one person; released only to its owner or with the owner's opt-in. */
export interface Owned<T> {
  readonly ownerKey: string;
  /** Person keys the owner chose to share with (e.g. the design team). */
  readonly sharedWith: readonly string[];
  readonly value: T;
}

/**
 * The one gate every aggregate passes before it leaves `core/`: k-threshold, complementary suppression,
 * refusal of filter combinations that isolate fewer than k people, owner-only individual results.
 */
export interface PrivacyGuard {
  readonly k: number;
  /**
   * Releases a table of cells that partition a group of `total` people (when given, a single hidden
   * cell that could be recovered by subtracting the others from the total is protected too).
   */
  releaseTable(cells: readonly AggregateCell[], total?: number): ReleasedTable;
  /** Releases one figure over n people: the value when n ≥ k, else null. */
  releaseValue(n: number, value: number | null): number | null;
  /** Throws `PrivacyError` when a filtered group has fewer than k people. */
  assertGroupSize(n: number, what: string): void;
  /** The owned value when the viewer is the owner or was shared with, else null. */
  releaseOwned<T>(owned: Owned<T>, viewerKey: string): T | null;
}
