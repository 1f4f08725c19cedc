// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart, tableRows } from '../chart-test-utils';
import { PlanTimeline } from './PlanTimeline';

afterEach(cleanup);

const stages = [
  { key: 'awareness', label: 'Awareness' },
  { key: 'ability', label: 'Ability' },
];

describe('PlanTimeline', () => {
  it('places actions by week and stage, naming the owner, in week order', () => {
    const { container } = renderChart(
      <PlanTimeline
        title="Plan"
        stages={stages}
        actions={[
          {
            id: 'b',
            week: 2,
            stage: 'ability',
            owner: 'Champions',
            title: 'Office hours',
            channel: 'Teams meetings',
          },
          {
            id: 'a',
            week: -2,
            stage: 'awareness',
            owner: 'Sponsor',
            title: 'Say why',
            channel: 'Viva Engage',
          },
        ]}
      />,
    );
    expect(
      screen.getByRole('img', { name: '2 actions from Week −2 to Week +2, by ADKAR stage.' }),
    ).toBeTruthy();
    expect(tableRows(container)).toEqual([
      ['Week −2', 'Awareness', 'Sponsor', 'Say why', 'Viva Engage'],
      ['Week +2', 'Ability', 'Champions', 'Office hours', 'Teams meetings'],
    ]);
    expect(container.querySelector('[data-action="a"]')?.textContent).toContain('Sponsor');
    expect(screen.getAllByText('Launch').length).toBeGreaterThan(0);
  });

  it('explains an empty plan', () => {
    renderChart(<PlanTimeline title="Plan" stages={stages} actions={[]} />);
    expect(screen.getByText('The plan has no actions.')).toBeTruthy();
  });
});
