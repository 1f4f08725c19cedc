// @vitest-environment jsdom
import type { DiagnosticsResponse } from '@learnfit/core';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnosticsFixture } from '../../../test-fixtures/diagnostics-response';
import { tableRows } from '../../../components/charts/chart-test-utils';
import { renderWithClient, routedClient } from '../diagnostics-test-utils';
import LeadersView, { leadersNextStep } from './LeadersView';

afterEach(cleanup);

function renderView(data: DiagnosticsResponse = diagnosticsFixture) {
  return renderWithClient(routedClient({}).client, <LeadersView data={data} />);
}

describe('LeadersView', () => {
  it('shows the headline, the design team against the learners, and the findings', () => {
    renderView();
    const view = screen.getByTestId('diagnostic-leaders');
    expect(within(view).getByTestId('diagnostic-headline').textContent).toBe(
      '20%Design-team leaders who learn social',
    );
    expect(tableRows(screen.getByTestId('leaders-bars'))).toEqual([
      ['Participatory', '40%', '99%'],
      ['Timely', '60%', '97%'],
      ['Transparent', '40%', '0%'],
      ['Current', '20%', '81%'],
    ]);
    expect(screen.getByTestId('diagnostic-findings').textContent).toContain(
      '1 of 5 design-team leaders learn social (20%).',
    );
    expect(screen.getByTestId('leaders-channel-contrast').textContent).toBe(
      'Posts and replies in channels per person per week: design team 1, learners 2.8.',
    );
  });

  it('shows self against observed, saying when no one has rated themselves', () => {
    renderView();
    expect(tableRows(screen.getByTestId('leaders-self'))[0]).toEqual(['Participatory', 'no answers', '28']);
    expect(screen.getByText(/has not answered the pulse yet/)).toBeTruthy();
  });

  it('shows only the viewer’s own profile and counts the private ones', () => {
    renderView();
    expect(screen.getByTestId('leaders-own-profile').textContent).toContain(
      'You meet 2 of the 4 bars; you do not learn social yet.',
    );
    expect(screen.getByText(/4 other design-team profiles are private/)).toBeTruthy();
  });

  it('names coverage and a next step', () => {
    renderView();
    expect(screen.getByTestId('diagnostic-coverage').textContent).toContain('Confidence: high');
    expect(screen.getByTestId('diagnostic-next-step').textContent).toMatch(/model the habits it wants/);
  });

  it('chooses the next step from the comparison', () => {
    const data = diagnosticsFixture.results.leaders.data;
    expect(leadersNextStep({ ...data, shareLearnSocial: 0.9 })).toMatch(/already learns social/);
    expect(leadersNextStep({ ...data, shareLearnSocial: null })).toMatch(/Run a collection/);
  });
});
