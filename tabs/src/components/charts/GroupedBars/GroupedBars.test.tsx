// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatShare } from '../chart-format';
import { renderChart, tableRows } from '../chart-test-utils';
import { GroupedBars, type GroupedBarsProps } from './GroupedBars';

afterEach(cleanup);

const base: GroupedBarsProps = {
  title: 'Meeting the bar',
  summary: 'Leaders against learners.',
  series: [
    { label: 'Leaders', look: 'primary' },
    { label: 'Learners', look: 'secondary' },
  ],
  groups: [
    { label: 'Participatory', values: [0.4, 0.99] },
    { label: 'Timely', values: [null, 0.97] },
  ],
  max: 1,
  format: (value) => formatShare(value),
  emptyText: 'No data.',
};

describe('GroupedBars', () => {
  it('draws one bar per series and group, with values and a hatched second series', () => {
    const { container } = renderChart(<GroupedBars {...base} />);
    expect(screen.getByRole('img', { name: 'Leaders against learners.' })).toBeTruthy();
    expect(tableRows(container)).toEqual([
      ['Participatory', '40%', '99%'],
      ['Timely', 'withheld', '97%'],
    ]);
    expect(container.querySelectorAll('rect[fill^="url(#bars-hatch"]')).toHaveLength(2);
  });

  it('draws a withheld value as a dashed outline, not as a zero bar', () => {
    const { container } = renderChart(<GroupedBars {...base} missingLabel="no answers" />);
    const timely = container.querySelector('[data-group="Timely"]');
    expect(timely?.querySelector('rect[fill="none"]')).toBeTruthy();
    expect(timely?.textContent).toContain('no answers');
  });

  it('shows the empty text when every value is missing', () => {
    renderChart(<GroupedBars {...base} groups={[{ label: 'Timely', values: [null, null] }]} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('No data.')).toBeTruthy();
  });
});
