import { describe, expect, it } from 'vitest';
import { formatCount, formatReportDate } from './format';

describe('formatReportDate', () => {
  it('shows the report day itself, whatever the time zone', () => {
    expect(formatReportDate('2026-11-28', 'en-US')).toBe('Nov 28, 2026');
  });

  it('returns text it cannot read unchanged', () => {
    expect(formatReportDate('last week', 'en-US')).toBe('last week');
  });
});

describe('formatCount', () => {
  it('groups thousands for the locale and survives a malformed locale', () => {
    expect(formatCount(1204, 'en-us')).toBe('1,204');
    expect(formatCount(1204, 'not a locale!')).toMatch(/^1.?204$/);
  });
});
