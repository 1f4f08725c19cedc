// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { HourHeatmap } from './HourHeatmap';

afterEach(cleanup);

function week(): (number | null)[] {
  const values: (number | null)[] = Array.from({ length: 168 }, () => 0.1);
  values[24 + 10] = 0.5; // Tuesday 10:00
  values[3] = null; // Monday 03:00
  return values;
}

/** A week with a 90-minute clinic planned on Tuesday at 14:00. */
function ClinicWeek() {
  return (
    <HourHeatmap
      title="Week"
      k={5}
      values={week()}
      sessions={[{ label: 'Clinic', dayOfWeek: 1, hour: 14, durationMinutes: 90 }]}
    />
  );
}

describe('HourHeatmap', () => {
  it('names the busiest hour, hidden hours and planned sessions', () => {
    renderChart(<ClinicWeek />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'The busiest hour is Tuesday at 10:00, when 50% of the group are active in channels. 1 hours are hidden because fewer than 5 people were active then. 1 planned sessions are outlined.',
    );
  });

  it('lays out 7 days by 24 hours and marks planned and hidden cells in the table', () => {
    const { container } = renderChart(<ClinicWeek />);
    const rows = tableRows(container);
    expect(rows).toHaveLength(7);
    expect(rows[0]?.[0]).toBe('Monday');
    expect(rows[0]?.[4]).toBe('hidden');
    expect(rows[1]?.[15]).toBe('10% (planned session)');
    expect(rows[1]?.[16]).toBe('10% (planned session)');
    expect(rows[1]?.[17]).toBe('10%');
    expect(container.querySelectorAll('[data-planned="Clinic"]')).toHaveLength(2);
    expect(container.querySelector('[data-bin="3"]')?.getAttribute('data-withheld')).toBe('true');
  });

  it('explains when no hour was released', () => {
    renderChart(
      <HourHeatmap title="Week" k={5} values={Array.from({ length: 168 }, () => null)} sessions={[]} />,
    );
    expect(screen.getByText('No hour-of-week activity was released.')).toBeTruthy();
  });
});
