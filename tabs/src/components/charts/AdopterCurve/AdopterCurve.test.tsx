// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { AdopterCurve } from './AdopterCurve';

afterEach(cleanup);

describe('AdopterCurve', () => {
  it('shows the group beside the typical curve, earliest first', () => {
    const { container } = renderChart(
      <AdopterCurve
        title="Adopters"
        k={5}
        categories={[
          { label: 'Innovators', share: 0.05, expected: 0.025 },
          { label: 'Laggards', share: 0.27, expected: 0.16 },
        ]}
      />,
    );
    expect(tableRows(container)).toEqual([
      ['Innovators', '5%', '3%'],
      ['Laggards', '27%', '16%'],
    ]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'How the group adopted social features, earliest first: Innovators 5% (typical 3%); Laggards 27% (typical 16%).',
    );
  });

  it('hides a withheld category and says why', () => {
    const { container } = renderChart(
      <AdopterCurve
        title="Adopters"
        k={5}
        categories={[
          { label: 'Innovators', share: null, expected: 0.025 },
          { label: 'Laggards', share: 0.3, expected: 0.16 },
        ]}
      />,
    );
    expect(tableRows(container)[0]).toEqual(['Innovators', 'hidden: fewer than 5 people', '3%']);
  });

  it('explains when nothing was released', () => {
    renderChart(
      <AdopterCurve
        title="Adopters"
        k={5}
        categories={[{ label: 'Innovators', share: null, expected: 0.025 }]}
      />,
    );
    expect(screen.getByText('No adopter groups were released.')).toBeTruthy();
  });
});
