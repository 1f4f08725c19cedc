// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { ChartFrame } from './ChartFrame';

afterEach(cleanup);

const table = { columns: ['', 'Value'], rows: [['A', '1']] };

describe('ChartFrame', () => {
  it('labels the drawing for screen readers and keeps the data table in the page', () => {
    const { container } = renderChart(
      <ChartFrame title="Chart" summary="One bar of 1." width={10} height={10} table={table}>
        <rect width="5" height="5" />
      </ChartFrame>,
    );
    expect(screen.getByRole('img', { name: 'One bar of 1.' })).toBeTruthy();
    expect(tableRows(container)).toEqual([['A', '1']]);
  });

  it('shows the table on request and hides it again', () => {
    renderChart(
      <ChartFrame title="Chart" summary="s" width={10} height={10} table={table}>
        <rect width="5" height="5" />
      </ChartFrame>,
    );
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide table' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says why there is nothing to draw instead of an empty drawing', () => {
    renderChart(
      <ChartFrame title="Chart" summary="s" width={10} height={10} table={table} empty="Nothing yet.">
        <rect width="5" height="5" />
      </ChartFrame>,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('Nothing yet.')).toBeTruthy();
  });
});
