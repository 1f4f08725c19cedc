// @vitest-environment jsdom
import type { DiagnosticsResponse } from '@learnfit/core';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { tableRows } from '../../../components/charts/chart-test-utils';
import { diagnosticsFixture } from '../../../test-fixtures/diagnostics-response';
import { renderWithClient, routedClient } from '../diagnostics-test-utils';
import LearnersView, { learnersNextStep } from './LearnersView';

afterEach(cleanup);

type Learners = DiagnosticsResponse['results']['learners'];

function withLearners(data: Partial<Learners['data']>): DiagnosticsResponse {
  const learners = diagnosticsFixture.results.learners;
  return {
    ...diagnosticsFixture,
    results: {
      ...diagnosticsFixture.results,
      learners: { ...learners, data: { ...learners.data, ...data } },
    },
  };
}

function renderView(data: DiagnosticsResponse = diagnosticsFixture) {
  return renderWithClient(routedClient({}).client, <LearnersView data={data} />);
}

describe('LearnersView', () => {
  it('shows the share who learn social and one distribution per habit', () => {
    renderView();
    expect(screen.getByTestId('diagnostic-headline').textContent).toBe('67%Learners who learn social');
    expect(screen.getByTestId('learners-social-share').textContent).toBe(
      '52 of 78 people learn social: they meet at least 3 of the 4 bars.',
    );
    const participatory = screen.getByTestId('distribution-participatory');
    expect(
      within(participatory).getByText('Participatory: scores from 0 to 100 (99% meet the bar)', {
        selector: 'figcaption',
      }),
    ).toBeTruthy();
    expect(
      tableRows(participatory)
        .slice(0, 5)
        .map((row) => row[1]),
    ).toEqual(['0', '0', '5', '12', '61']);
  });

  it('shows released segments and says why the others are hidden', () => {
    renderView();
    const departments = screen.getByTestId('segments-department');
    expect(tableRows(departments)).toEqual([
      ['Sales', '42', '69%', 'Email'],
      ['Customer Success', 'hidden, so that it cannot be worked out from the others'],
      ['Executive', 'hidden: fewer than 5 people'],
    ]);
  });

  it('shows the adopter groups against the typical curve', () => {
    renderView();
    expect(tableRows(screen.getByTestId('learners-adopters'))).toEqual([
      ['Innovators', '0%', '3%'],
      ['Early adopters', '0%', '14%'],
      ['Early majority', '65%', '34%'],
      ['Late majority', '8%', '34%'],
      ['Laggards', '27%', '16%'],
    ]);
  });

  it('explains a withheld pulse and KPIs without values yet', () => {
    renderView();
    expect(screen.getByTestId('learners-pulse').textContent).toMatch(
      /Fewer than 5 people answered the pulse/,
    );
    const kpis = screen.getByTestId('learners-kpis');
    expect(kpis.querySelector('[data-kpi="first-deal-days"]')?.textContent).toBe(
      'Days to first closed deal for new sellers4 · Results– (n = 0)– (n = 0)no values yet',
    );
    expect(screen.queryByTestId('kpi-did')).toBeNull();
  });

  it('shows a KPI change with its likely range, effect size and the comparison with the control group', () => {
    const [first] = diagnosticsFixture.results.learners.data.kpis;
    if (!first) throw new Error('fixture has KPIs');
    renderView(
      withLearners({
        kpis: [
          {
            ...first,
            status: 'ok',
            baseline: { n: 40, mean: 1.5 },
            followUp: { n: 40, mean: 2.5 },
            difference: { estimate: 1, low: 0.4, high: 1.6 },
            hedgesG: { estimate: 0.62, low: 0.2, high: 1 },
            magnitude: 'medium-or-larger',
            improved: true,
            differenceInDifferences: { estimate: 0.7, low: -0.1, high: 1.5 },
            intervalMethod: 'percentile-bootstrap',
          },
        ],
      }),
    );
    expect(tableRows(screen.getByTestId('kpi-effects'))).toEqual([
      ['Channel replies per person per week', '1 replies', '0.4 – 1.6'],
    ]);
    expect(tableRows(screen.getByTestId('kpi-did'))).toEqual([
      ['Channel replies per person per week', '0.7 replies', '-0.1 – 1.5'],
    ]);
    expect(screen.getByTestId('learners-kpis').textContent).toContain(
      'improved; Effect size 0.62 (a medium or larger effect)',
    );
  });

  it('shows answers to the posted cards only when the result carries them', () => {
    renderView();
    expect(screen.queryByTestId('learners-card-answers')).toBeNull();
    cleanup();
    renderView(withLearners({ acknowledgements: { posts: 2, in: 17, notForMe: 3, withheldPosts: 1 } }));
    const answers = screen.getByTestId('learners-card-answers');
    expect(answers.textContent).toContain('2 cards posted: 17 people answered “I’m in” and 3 “Not for me”.');
    expect(answers.textContent).toContain('1 cards have answers from fewer than 5 people');
  });

  it('aims the next step at the weakest habit', () => {
    expect(learnersNextStep(diagnosticsFixture.results.learners.data)).toMatch(/weakest habit, transparent/);
  });
});
