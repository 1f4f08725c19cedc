// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { FitGauge } from './FitGauge';

afterEach(cleanup);

describe('FitGauge', () => {
  it('shows the score out of 100 with its marks', () => {
    const { container } = renderChart(
      <FitGauge title="Fit" score={80} marks={[{ value: 75, label: 'Light plan from' }]} />,
    );
    expect(screen.getByRole('img', { name: 'Workflow fit: 80 of 100.' })).toBeTruthy();
    expect(container.querySelector('[data-score="80"]')).toBeTruthy();
    expect(tableRows(container)).toEqual([
      ['Score', '80 / 100'],
      ['Light plan from', '75'],
    ]);
  });

  it('explains a missing score instead of drawing zero', () => {
    renderChart(<FitGauge title="Fit" score={null} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/could not be computed/)).toBeTruthy();
  });
});
