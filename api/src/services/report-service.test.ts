import type { CollaborationSnapshot } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { binLabel, orgBelow } from './report-service';

/** A snapshot with only the org chart filled in: `managers[i]` is the index of person i's manager. */
function org(managers: readonly number[]): CollaborationSnapshot {
  return {
    people: managers.map((managerIndex, index) => ({ key: `p${index}`, managerIndex })),
  } as unknown as CollaborationSnapshot;
}

describe('orgBelow', () => {
  it('walks the whole reporting line below a manager', () => {
    // p0 ← p1 ← p3, p0 ← p2, p4 on its own.
    const snapshot = org([-1, 0, 0, 1, -1]);
    expect(orgBelow(snapshot, 'p0')).toEqual(['p1', 'p2', 'p3']);
    expect(orgBelow(snapshot, 'p1')).toEqual(['p3']);
  });

  it('is null for someone nobody reports to, or who is not in the snapshot', () => {
    const snapshot = org([-1, 0]);
    expect(orgBelow(snapshot, 'p1')).toBeNull();
    expect(orgBelow(snapshot, 'stranger')).toBeNull();
  });

  it('ends on a cycle in a broken org chart', () => {
    expect(orgBelow(org([1, 0]), 'p0')).toEqual(['p1']);
  });
});

describe('binLabel', () => {
  it('names hours of the week from Monday midnight', () => {
    expect(binLabel(0)).toBe('Mon 00:00');
    expect(binLabel(24 + 14)).toBe('Tue 14:00');
    expect(binLabel(167)).toBe('Sun 23:00');
  });
});
