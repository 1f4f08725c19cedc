import { describe, expect, it } from 'vitest';
import { PrivacyError } from '../privacy/guard';
import { fixtureInput } from '../testing/diagnostic-input';
import { buildSnapshot, type FixturePerson } from '../testing/snapshot-builder';
import type { DiagnosticInput } from './input';
import { filterLearners } from './learners-filter';

const people: FixturePerson[] = [
  ...Array.from({ length: 8 }, (_, i): FixturePerson => ({
    key: `e${i}`,
    department: 'Engineering',
    location: i < 6 ? 'Oslo' : 'Bergen',
  })),
  ...Array.from({ length: 6 }, (_, i): FixturePerson => ({
    key: `s${i}`,
    department: ' sales ',
    location: 'Oslo',
  })),
  ...Array.from({ length: 6 }, (_, i): FixturePerson => ({ key: `n${i}`, location: 'Bergen' })),
];
const input = fixtureInput(buildSnapshot({ people }), {
  initiative: { targetGroup: people.map((p) => p.key) },
});
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof PrivacyError ? error.code : 'other';
  }
  return null;
};

describe('drilling into the target group', () => {
  it('selects matching people, case- and space-insensitively, and people without a value as "(not set)"', () => {
    expect(filterLearners(input, { department: 'Sales' })).toHaveLength(6);
    expect(filterLearners(input, { department: '(not set)' })).toHaveLength(6);
    expect(filterLearners(input, { location: 'Oslo', department: 'engineering' })).toHaveLength(6);
    expect(filterLearners(input, {})).toHaveLength(20);
  });

  it('refuses a combination that isolates fewer than k people', () => {
    expect(refusal(() => filterLearners(input, { department: 'Engineering', location: 'Bergen' }))).toBe(
      'group-too-small',
    );
    expect(refusal(() => filterLearners(input, { department: 'Marketing' }))).toBe('group-too-small');
  });

  it('refuses a filter whose complement is under k, which subtraction from the group would reveal', () => {
    const small: DiagnosticInput = {
      ...input,
      initiative: { ...input.initiative, targetGroup: ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 's0', 's1'] },
    };
    expect(refusal(() => filterLearners(small, { location: 'Oslo' }))).toBeNull();
    expect(refusal(() => filterLearners(small, { department: 'Engineering' }))).toBe('group-too-small');
  });
});
