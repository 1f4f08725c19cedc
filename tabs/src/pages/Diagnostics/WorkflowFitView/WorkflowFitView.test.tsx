// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { tableRows } from '../../../components/charts/chart-test-utils';
import { diagnosticsFixture } from '../../../test-fixtures/diagnostics-response';
import { renderWithClient, routedClient } from '../diagnostics-test-utils';
import WorkflowFitView, { workflowNextStep } from './WorkflowFitView';

afterEach(cleanup);

const planned = [{ featureName: 'Live deal clinic', dayOfWeek: 1, hour: 14, durationMinutes: 60 }];

describe('WorkflowFitView', () => {
  it('shows the score on the gauge with the plan cut-offs', () => {
    renderWithClient(
      routedClient({}).client,
      <WorkflowFitView data={diagnosticsFixture} planned={planned} />,
    );
    expect(screen.getByRole('img', { name: 'Workflow fit: 80 of 100.' })).toBeTruthy();
    expect(tableRows(screen.getByTestId('fit-gauge'))).toEqual([
      ['Score', '80 / 100'],
      ['light', '75'],
      ['moderate', '50'],
    ]);
  });

  it('lists each feature’s fit', () => {
    renderWithClient(
      routedClient({}).client,
      <WorkflowFitView data={diagnosticsFixture} planned={planned} />,
    );
    expect(tableRows(screen.getByTestId('feature-fit-table'))).toEqual([
      [
        'Weekly peer Q&A in the team channel',
        'Teams channels',
        'weekly',
        '76%',
        '100%',
        '–',
        '83%',
        '81',
        'no',
      ],
      ['Live deal clinic', 'Teams meetings', 'every other week', '100%', '100%', '100%', '100%', '100', 'no'],
      [
        'Customer wins community on Viva Engage',
        'Viva Engage',
        'weekly',
        '100%',
        '0%',
        '–',
        '100%',
        '88',
        'no',
      ],
    ]);
  });

  it('compares the design with the group’s mode mix', () => {
    renderWithClient(
      routedClient({}).client,
      <WorkflowFitView data={diagnosticsFixture} planned={planned} />,
    );
    expect(tableRows(screen.getByTestId('mode-mix'))[0]).toEqual(['Teams channels', '33%', '11%']);
    expect(
      screen.getByText('58% of the design would have to move to another way of working to match the group.'),
    ).toBeTruthy();
  });

  it('outlines planned sessions on the hour-of-week heatmap and hides withheld hours', () => {
    renderWithClient(
      routedClient({}).client,
      <WorkflowFitView data={diagnosticsFixture} planned={planned} />,
    );
    const heatmap = screen.getByTestId('hour-heatmap');
    expect(heatmap.querySelectorAll('[data-planned="Live deal clinic"]')).toHaveLength(1);
    expect(tableRows(heatmap)[0]?.[1]).toBe('hidden');
    expect(tableRows(heatmap)[1]?.[15]).toMatch(/\(planned session\)$/);
  });

  it('says when the design has no planned times', () => {
    renderWithClient(routedClient({}).client, <WorkflowFitView data={diagnosticsFixture} planned={[]} />);
    expect(screen.getByText('No planned session times are set in the design.')).toBeTruthy();
  });

  it('lists the suggested moves and picks the next step from the score', () => {
    renderWithClient(
      routedClient({}).client,
      <WorkflowFitView data={diagnosticsFixture} planned={planned} />,
    );
    expect(screen.getByTestId('fit-recommendations').textContent).toContain(
      'Keep “Live deal clinic” in Teams meetings',
    );
    const data = diagnosticsFixture.results.workflowFit.data;
    const cutOffs = { light: 75, moderate: 50 };
    expect(workflowNextStep(data, cutOffs)).toMatch(/Keep the design/);
    expect(workflowNextStep({ ...data, overallScore: 60 }, cutOffs)).toMatch(/Move the features/);
    expect(workflowNextStep({ ...data, overallScore: 20 }, cutOffs)).toMatch(/Rework the design/);
  });
});
