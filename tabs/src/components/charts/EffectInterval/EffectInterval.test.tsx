// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { EffectInterval } from './EffectInterval';

afterEach(cleanup);

describe('EffectInterval', () => {
  it('draws each estimate on its interval and lists it', () => {
    const { container } = renderChart(
      <EffectInterval
        title="Before and after"
        rows={[
          {
            label: 'Replies',
            interval: { estimate: 1.2, low: 0.4, high: 2 },
            missingText: '',
            unit: 'replies',
          },
          { label: 'Deal days', interval: null, missingText: 'too few people', unit: 'days' },
        ]}
      />,
    );
    expect(tableRows(container)).toEqual([
      ['Replies', '1.2 replies', '0.4 – 2'],
      ['Deal days', 'too few people', ''],
    ]);
    expect(container.querySelectorAll('circle')).toHaveLength(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Replies: change 1.2 replies, likely between 0.4 and 2. Deal days: too few people',
    );
  });

  it('explains when there are no results', () => {
    renderChart(<EffectInterval title="Before and after" rows={[]} />);
    expect(screen.getByText('No before-and-after results yet.')).toBeTruthy();
  });
});
