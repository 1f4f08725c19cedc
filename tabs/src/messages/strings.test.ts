import { describe, expect, it } from 'vitest';
import { fill, strings } from './strings';

describe('fill', () => {
  it('puts values into named placeholders', () => {
    expect(fill(strings.common.dataAsOf, { date: '3 Nov 2026' })).toBe('Data as of 3 Nov 2026');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(fill('Hidden: fewer than {k} people', {})).toBe('Hidden: fewer than {k} people');
  });
});
