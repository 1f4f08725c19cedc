// @vitest-environment jsdom
import { diagnosticsResponseSchema } from '@learnfit/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { diagnosticsFixture, diagnosticsFixtureJson } from '../../test-fixtures/diagnostics-response';
import { renderWithClient, routedClient } from './diagnostics-test-utils';
import DiagnosticsView from './DiagnosticsView';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const id = diagnosticsFixture.initiative.id;
const diagnosticsKey = `GET /api/initiatives/${id}/diagnostics`;
const initiativeKey = `GET /api/initiatives/${id}`;
const notFound = new ApiError({ status: 404, code: 'not_found', title: 'Not found' });
const detail = {
  id,
  name: diagnosticsFixture.initiative.name,
  goal: '',
  status: 'active',
  targetGroupSize: 78,
  createdAt: '2026-11-30T16:54:28.796Z',
  updatedAt: '2026-11-30T16:54:28.796Z',
  design: null,
};

describe('the diagnostics fixture', () => {
  it('is a real answer the contract accepts', () => {
    expect(diagnosticsResponseSchema.safeParse(diagnosticsFixtureJson).success).toBe(true);
  });
});

describe('DiagnosticsView', () => {
  it('shows a skeleton, then the data-as-of line, the five tabs and the chosen diagnostic', async () => {
    const { client } = routedClient({
      [diagnosticsKey]: { ok: diagnosticsFixtureJson },
      [initiativeKey]: { ok: detail },
    });
    renderWithClient(client, <DiagnosticsView initiativeId={id} view="learners" />);
    expect(screen.getByTestId('diagnostics-view').getAttribute('data-state')).toBe('loading');
    await screen.findByTestId('diagnostic-learners');
    expect(screen.getByTestId('diagnostics-view').getAttribute('data-state')).toBe('ready');
    expect(screen.getByTestId('diagnostics-data-as-of').textContent).toBe(
      'Data as of Nov 30, 2026 · Baseline · 6 weeks of data about 300 people.',
    );
    expect(screen.getByTestId('diagnostics-demo-data')).toBeTruthy();
    const tabs = within(screen.getByRole('tablist', { name: 'The five diagnostics' })).getAllByRole('tab');
    expect(tabs).toHaveLength(5);
    for (const name of ['Leaders', 'Learners', 'Workflow fit', 'Change plan', 'Management'])
      expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(tabs[1]?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel')).toBeTruthy();
  });

  it('moves to the diagnostic’s own address when a tab is chosen', async () => {
    const { client } = routedClient({
      [diagnosticsKey]: { ok: diagnosticsFixtureJson },
      [initiativeKey]: { ok: detail },
    });
    renderWithClient(client, <DiagnosticsView initiativeId={id} view="leaders" />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Management' }));
    expect(window.location.hash).toBe(`#/initiatives/${id}/management`);
  });

  it('explains that a collection must run when there is no snapshot yet, with a link to the overview', async () => {
    const { client } = routedClient({
      [diagnosticsKey]: { error: notFound },
      [initiativeKey]: { ok: detail },
    });
    renderWithClient(client, <DiagnosticsView initiativeId={id} view="leaders" />);
    const empty = await screen.findByTestId('diagnostics-empty');
    expect(screen.getByTestId('diagnostics-view').getAttribute('data-state')).toBe('empty');
    expect(empty.textContent).toMatch(/needs one collection/);
    expect(
      within(empty).getByRole('link', { name: 'Go to the initiative overview' }).getAttribute('href'),
    ).toBe(`#/initiatives/${id}`);
  });

  it('asks for a design first when the API says the initiative has none', async () => {
    const conflict = new ApiError({ status: 409, code: 'conflict', title: 'No design' });
    const { client } = routedClient({
      [diagnosticsKey]: { error: conflict },
      [initiativeKey]: { ok: detail },
    });
    renderWithClient(client, <DiagnosticsView initiativeId={id} view="leaders" />);
    expect((await screen.findByTestId('diagnostics-empty')).textContent).toMatch(/has no design yet/);
  });

  it('shows an error, not the empty state, when the initiative itself does not exist', async () => {
    const { client } = routedClient({
      [diagnosticsKey]: { error: notFound },
      [initiativeKey]: { error: notFound },
    });
    renderWithClient(client, <DiagnosticsView initiativeId={id} view="leaders" />);
    expect((await screen.findByTestId('tab-error')).getAttribute('data-error-code')).toBe('not_found');
    expect(screen.getByTestId('diagnostics-view').getAttribute('data-state')).toBe('error');
  });

  it('loads again when Retry is selected after a failure', async () => {
    let attempts = 0;
    const { client } = routedClient({
      [diagnosticsKey]: () => {
        attempts += 1;
        return attempts === 1
          ? { error: new ApiError({ status: 503, code: 'graph_unavailable', title: 'Down' }) }
          : { ok: diagnosticsFixtureJson };
      },
      [initiativeKey]: { ok: detail },
    });
    renderWithClient(client, <DiagnosticsView initiativeId={id} view="management" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('diagnostic-management')).toBeTruthy();
    await waitFor(() => expect(attempts).toBe(2));
  });
});
