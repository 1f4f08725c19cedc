// @vitest-environment jsdom
import type { DiagnosticsResponse } from '@learnfit/core';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { tableRows } from '../../../components/charts/chart-test-utils';
import { diagnosticsFixture } from '../../../test-fixtures/diagnostics-response';
import { renderWithClient, routedClient } from '../diagnostics-test-utils';
import ManagementView, { levelStatus } from './ManagementView';

afterEach(cleanup);

type Management = DiagnosticsResponse['results']['managementParticipation'];

function withManagement(result: Management): DiagnosticsResponse {
  return {
    ...diagnosticsFixture,
    results: { ...diagnosticsFixture.results, managementParticipation: result },
  };
}

describe('ManagementView', () => {
  it('shows how many levels model the behaviour and the adoption risk', () => {
    renderWithClient(routedClient({}).client, <ManagementView data={diagnosticsFixture} />);
    expect(screen.getByTestId('diagnostic-headline').textContent).toBe(
      '0 of 3Levels of management modelling social learning',
    );
    expect(screen.getByTestId('adoption-risk').textContent).toBe('Adoption risk: high');
    expect(tableRows(screen.getByTestId('level-ladder'))).toEqual([
      ['Level 1', '14', '6', '43%', 'does not model it yet'],
      ['Level 2', '0', 'withheld', 'no managers', 'no managers at this level'],
      ['Level 3', '0', 'withheld', 'no managers', 'no managers at this level'],
    ]);
    expect(screen.getByTestId('diagnostic-next-step').textContent).toMatch(/Brief the level-1 managers/);
  });

  it('lists burst, broadcast-only and absent managers per level that exists', () => {
    renderWithClient(routedClient({}).client, <ManagementView data={diagnosticsFixture} />);
    const rows = tableRows(screen.getByTestId('management-flags'));
    expect(rows.slice(0, 3)).toEqual([
      ['One short burst', '6'],
      ['Broadcasts only', '1'],
      ['Absent', '1'],
    ]);
  });

  it('shows withheld levels and flags as hidden, never as zero', () => {
    const base = diagnosticsFixture.results.managementParticipation;
    const hiddenLevel = {
      ...base.data.levels[0]!,
      level: 2,
      managers: 3,
      genuine: null,
      shareGenuine: null,
      models: null,
      withheld: 'below-k' as const,
      flags: { burst: null, broadcastOnly: null, absent: null, sporadic: null, slow: null, notVisible: null },
    };
    const data = withManagement({
      ...base,
      data: { ...base.data, levels: [base.data.levels[0]!, hiddenLevel], adoptionRisk: null },
    });
    renderWithClient(routedClient({}).client, <ManagementView data={data} />);
    expect(tableRows(screen.getByTestId('level-ladder'))[1]).toEqual([
      'Level 2',
      '3',
      'withheld',
      'hidden: fewer than 5 people',
      'hidden to protect privacy',
    ]);
    expect(tableRows(screen.getByTestId('management-flags'))[0]).toEqual([
      'One short burst',
      '6',
      'hidden: fewer than 5 people',
    ]);
    expect(screen.getByTestId('adoption-risk').textContent).toMatch(/cannot be judged/);
    expect(levelStatus(hiddenLevel)).toBe('withheld');
  });
});
