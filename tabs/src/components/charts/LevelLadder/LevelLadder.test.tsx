// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { LevelLadder } from './LevelLadder';

afterEach(cleanup);

describe('LevelLadder', () => {
  it('shows each level with its share and verdict, nearest level listed first in the table', () => {
    const { container } = renderChart(
      <LevelLadder
        title="Chain"
        k={5}
        levels={[
          { level: 1, managers: 14, genuine: 6, shareGenuine: 0.4286, status: 'not' },
          { level: 2, managers: 3, genuine: null, shareGenuine: null, status: 'withheld' },
          { level: 3, managers: 0, genuine: null, shareGenuine: null, status: 'none' },
        ]}
      />,
    );
    expect(tableRows(container)).toEqual([
      ['Level 1', '14', '6', '43%', 'does not model it yet'],
      ['Level 2', '3', 'withheld', 'hidden: fewer than 5 people', 'hidden to protect privacy'],
      ['Level 3', '0', 'withheld', 'no managers', 'no managers at this level'],
    ]);
    expect(container.querySelector('[data-level="1"]')?.getAttribute('data-status')).toBe('not');
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Level 1: 43% genuinely model social learning; does not model it yet\./,
    );
  });

  it('explains when no levels exist', () => {
    renderChart(<LevelLadder title="Chain" k={5} levels={[]} />);
    expect(screen.getByText('No management levels were found above the group.')).toBeTruthy();
  });
});
