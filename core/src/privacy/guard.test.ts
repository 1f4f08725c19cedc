import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/index';
import { createPrivacyGuard, PrivacyError } from './guard';
import type { AggregateCell } from './types';

const guard = createPrivacyGuard(defaultSettings.privacy);
const cell = (name: string, n: number): AggregateCell => ({ dims: { department: name }, n, value: n * 2 });

describe('privacy guard', () => {
  it('uses k = 5 by default, accepts a higher k and refuses a lower one', () => {
    expect(guard.k).toBe(5);
    expect(createPrivacyGuard({ k: 10 }).k).toBe(10);
    expect(() => createPrivacyGuard({ k: 3 })).toThrow(PrivacyError);
    try {
      createPrivacyGuard({ k: 4 });
    } catch (error) {
      expect(error instanceof PrivacyError && error.code).toBe('threshold-too-low');
    }
  });

  it('releases a value only over at least k people', () => {
    expect(guard.releaseValue(5, 0.4)).toBe(0.4);
    expect(guard.releaseValue(4, 0.4)).toBeNull();
    expect(guard.releaseValue(0, 0.4)).toBeNull();
  });

  it('refuses a filter that isolates fewer than k people without saying how many', () => {
    expect(() => guard.assertGroupSize(5, 'Sales in Oslo')).not.toThrow();
    try {
      guard.assertGroupSize(3, 'Sales in Oslo');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PrivacyError);
      expect((error as PrivacyError).code).toBe('group-too-small');
      expect((error as PrivacyError).message).not.toMatch(/\b3\b/);
    }
  });

  it('suppresses the next-smallest cell when one cell is under k', () => {
    const table = guard.releaseTable([cell('A', 3), cell('B', 12), cell('C', 7), cell('D', 30)], 52);
    expect(table.cells.map((entry) => entry.suppressed)).toEqual(['below-k', null, 'complementary', null]);
    expect(table.suppressedCells).toBe(2);
    expect(table.cells[0]).toMatchObject({ n: null, value: null });
  });

  it('protects people who fall in no cell (subtracting the cells from the total)', () => {
    const table = guard.releaseTable([cell('A', 10), cell('B', 8)], 20);
    expect(table.cells.map((entry) => entry.suppressed)).toEqual([null, 'complementary']);
    expect(guard.releaseTable([cell('A', 10), cell('B', 8)], 25).suppressedCells).toBe(0);
  });

  it('keeps adding cells until the hidden part holds k people', () => {
    const table = guard.releaseTable([cell('A', 1), cell('B', 1), cell('C', 5), cell('D', 6)]);
    expect(table.cells.map((entry) => entry.suppressed)).toEqual([
      'below-k',
      'below-k',
      'complementary',
      null,
    ]);
  });

  it('withholds everything when the whole partition is under k', () => {
    const table = guard.releaseTable([cell('A', 2), cell('B', 1)], 3);
    expect(table.suppressedCells).toBe(2);
  });

  it('releases individual results to the owner and to whom they shared with only', () => {
    const owned = { ownerKey: 'ana', sharedWith: ['ben'], value: { score: 70 } };
    expect(guard.releaseOwned(owned, 'ana')).toEqual({ score: 70 });
    expect(guard.releaseOwned(owned, 'ben')).toEqual({ score: 70 });
    expect(guard.releaseOwned(owned, 'cy')).toBeNull();
  });
});

describe('privacy guard properties', () => {
  const partition = fc.record({
    sizes: fc.array(fc.nat({ max: 25 }), { minLength: 1, maxLength: 8 }),
    outside: fc.option(fc.nat({ max: 12 }), { nil: undefined }),
    k: fc.integer({ min: 5, max: 9 }),
  });

  it('never releases a cell under k nor lets subtraction recover fewer than k people', () => {
    fc.assert(
      fc.property(partition, ({ sizes, outside, k }) => {
        const strict = createPrivacyGuard({ k });
        const cells = sizes.map((n, index) => cell(`d${index}`, n));
        const covered = sizes.reduce((sum, n) => sum + n, 0);
        const total = outside === undefined ? undefined : covered + outside;
        const table = strict.releaseTable(cells, total);
        let released = 0;
        for (const entry of table.cells) {
          if (entry.suppressed === null) {
            expect(entry.n).toBeGreaterThanOrEqual(k);
            released += entry.n ?? 0;
          } else {
            expect(entry.n).toBeNull();
            expect(entry.value).toBeNull();
          }
        }
        // Whatever a reader can recover by subtraction (from the total, or from the partition's sum
        // when no total is given) holds nobody or at least k people.
        const recoverable = (total ?? covered) - released;
        expect(recoverable === 0 || recoverable >= k || released === 0).toBe(true);
        if (released === 0) expect(table.suppressedCells).toBe(cells.length);
      }),
    );
  });

  it('suppresses the same cells whatever the order of the input', () => {
    fc.assert(
      fc.property(
        partition,
        fc.array(fc.double({ noNaN: true }), { minLength: 8, maxLength: 8 }),
        ({ sizes, outside, k }, order) => {
          const strict = createPrivacyGuard({ k });
          const cells = sizes.map((n, index) => cell(`d${index}`, n));
          const shuffled = cells
            .map((entry, index) => ({ entry, rank: order[index] ?? 0 }))
            .sort((a, b) => a.rank - b.rank)
            .map(({ entry }) => entry);
          const total = outside === undefined ? undefined : sizes.reduce((s, n) => s + n, 0) + outside;
          const verdict = (table: ReturnType<typeof strict.releaseTable>) =>
            Object.fromEntries(table.cells.map((entry) => [entry.dims.department, entry.suppressed]));
          expect(verdict(strict.releaseTable(shuffled, total))).toEqual(
            verdict(strict.releaseTable(cells, total)),
          );
        },
      ),
    );
  });

  it('releases a table untouched when every cell and the remainder are safe', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 40 }), { minLength: 1, maxLength: 6 }), (sizes) => {
        const table = guard.releaseTable(sizes.map((n, index) => cell(`d${index}`, n)));
        expect(table.suppressedCells).toBe(0);
      }),
    );
  });
});
