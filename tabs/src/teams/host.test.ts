// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { connectToTeams, toTeamsTheme } from './host';

describe('connectToTeams', () => {
  it('reports "not in Teams" at once when the page has no parent frame', async () => {
    // The timeout is longer than the test's own, so this passes only if teams-js fails without waiting.
    const connection = await connectToTeams(60_000);
    expect(connection).toEqual({
      kind: 'not-in-teams',
      reason: expect.stringMatching(/No Parent window found/),
    });
  });
});

describe('toTeamsTheme', () => {
  it('keeps the three Teams themes and shows anything else as default', () => {
    expect(toTeamsTheme('dark')).toBe('dark');
    expect(toTeamsTheme('contrast')).toBe('contrast');
    expect(toTeamsTheme('default')).toBe('default');
    expect(toTeamsTheme('glass')).toBe('default');
    expect(toTeamsTheme(undefined)).toBe('default');
  });
});
