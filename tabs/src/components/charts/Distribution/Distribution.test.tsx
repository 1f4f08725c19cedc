// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { Distribution } from './Distribution';

afterEach(cleanup);

const bins = [
  { from: 0, to: 50, count: 3 },
  { from: 50, to: 100, count: 12 },
];

describe('Distribution', () => {
  it('summarises the median and middle half and lists each bin', () => {
    const { container } = renderChart(
      <Distribution title="Participatory" bins={bins} p25={40} median={62} p75={81} k={5} />,
    );
    expect(
      screen.getByRole('img', {
        name: 'Scores of 15 people from 0 to 100: half score above 62; the middle half lies between 40 and 81.',
      }),
    ).toBeTruthy();
    expect(tableRows(container)).toEqual([
      ['0–50', '3'],
      ['50–100', '12'],
      ['Median', '62'],
      ['Middle half of the group', '40–81'],
    ]);
  });

  it('marks a withheld bin as hidden with the privacy threshold', () => {
    const { container } = renderChart(
      <Distribution
        title="Timely"
        bins={[...bins, { from: 100, to: 100, count: null }]}
        p25={null}
        median={null}
        p75={null}
        k={7}
      />,
    );
    expect(container.querySelector('[data-withheld="true"]')).toBeTruthy();
    expect(tableRows(container)[2]).toEqual(['100–100', 'hidden: fewer than 7 people']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/median is withheld/);
  });

  it('explains when no bins were released', () => {
    renderChart(<Distribution title="Current" bins={[]} p25={null} median={null} p75={null} k={5} />);
    expect(screen.getByText('No scores were released for this attribute.')).toBeTruthy();
  });
});
