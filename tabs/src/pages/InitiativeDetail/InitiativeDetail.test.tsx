// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { MeResponse, SnapshotSummary } from '@learnfit/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import type { ApiClient, ApiRequest } from '../../api/client';
import { CollectionStreamProvider } from '../../api/collection-stream-context';
import { MeProvider } from '../../api/me-context';
import { collectionRun } from '../../test-fixtures/collection-run';
import { fakeClient } from '../../test-fixtures/fake-client';
import { initiativeFixture } from '../../test-fixtures/initiative-detail';
import { meFixture } from '../../test-fixtures/me-response';
import InitiativeDetail from './InitiativeDetail';

afterEach(cleanup);

const fast = { pollMs: 5, reconnectMs: 5, maxStreamFailures: 1 };
const learner: MeResponse = { ...meFixture, roles: ['Learner'], primaryRole: 'Learner' };
const baseline: SnapshotSummary = {
  id: 'snap-0',
  runId: 'run-0',
  initiativeId: 'init-1',
  kind: 'baseline',
  frozen: true,
  dataAsOf: '2026-11-20T00:00:00.000Z',
  weeks: 6,
  people: 1240,
  coverage: [{ source: 'usageReports', status: 'concealed', coveredPeople: 0, detail: null }],
  createdAt: '2026-11-20T01:00:00.000Z',
};

function api(routes: Record<string, (call: ApiRequest<unknown>) => unknown>, me: MeResponse = meFixture) {
  const request = vi.fn((call: ApiRequest<unknown>) => {
    const key = `${call.method ?? 'GET'} ${call.path}`;
    const handler = routes[key];
    return handler ? Promise.resolve(handler(call)) : Promise.reject(new Error(`unexpected ${key}`));
  });
  return {
    client: fakeClient({ getMe: () => Promise.resolve(me), request: request as ApiClient['request'] }),
    request,
  };
}

function renderDetail(client: ApiClient, view: 'learners' | null = null) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <MeProvider>
          <CollectionStreamProvider open={null}>
            <InitiativeDetail initiativeId="init-1" view={view} locale="en-us" timing={fast} />
          </CollectionStreamProvider>
        </MeProvider>
      </ApiClientProvider>
    </FluentProvider>,
  );
}

const page = () => screen.getByTestId('page-initiative');

describe('InitiativeDetail', () => {
  it('summarises the design and lists the snapshots for a learning leader', async () => {
    const { client } = api({
      'GET /api/initiatives/init-1': () => initiativeFixture,
      'GET /api/snapshots?initiativeId=init-1': () => ({ items: [baseline] }),
      'GET /api/collections': () => ({ items: [] }),
    });
    renderDetail(client);
    expect(page().getAttribute('data-state')).toBe('loading');
    await waitFor(() => expect(page().getAttribute('data-state')).toBe('ready'));
    const summary = screen.getByTestId('design-summary');
    expect(summary.textContent).toMatch(/Target group1 teamDesign team2 people/);
    expect(summary.textContent).toMatch(
      /Deal clinic: Meetings · Every two weeks · live · 1 planned session · groups of 12/,
    );
    const rows = within(await screen.findByTestId('snapshot-list')).getAllByRole('row');
    expect(rows[1]?.textContent).toMatch(/Baseline.*frozen.*Nov 20, 2026.*1,240.*6.*1 source incomplete/);
    expect(screen.getByRole('button', { name: 'Collect again' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit design' }).getAttribute('href')).toBe(
      '#/initiatives/init-1/edit',
    );
  });

  it('archives only after the leader confirms, then shows the initiative as archived', async () => {
    const { client, request } = api({
      'GET /api/initiatives/init-1': () => initiativeFixture,
      'GET /api/snapshots?initiativeId=init-1': () => ({ items: [baseline] }),
      'GET /api/collections': () => ({ items: [] }),
      'POST /api/initiatives/init-1/archive': () => ({ ...initiativeFixture, status: 'archived' }),
    });
    renderDetail(client);
    fireEvent.click(await screen.findByTestId('initiative-archive'));
    fireEvent.click(await screen.findByTestId('archive-cancel'));
    fireEvent.click(screen.getByTestId('initiative-archive'));
    fireEvent.click(await screen.findByTestId('archive-confirm'));
    await waitFor(() => expect(screen.getByTestId('initiative-status').textContent).toBe('Archived'));
    const archives = request.mock.calls.filter(([call]) => call.method === 'POST');
    expect(archives).toHaveLength(1);
    expect(screen.queryByTestId('initiative-archive')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit design' })).toBeNull();
  });

  it('resumes showing the running collection of this initiative after a reload', async () => {
    const running = collectionRun('running', { phase: 'messages', done: 4, total: 10, etaSeconds: 120 });
    const other = collectionRun('running', null, { id: 'run-9', initiativeId: 'someone-else' });
    const { client } = api({
      'GET /api/initiatives/init-1': () => initiativeFixture,
      'GET /api/snapshots?initiativeId=init-1': () => ({ items: [] }),
      'GET /api/collections': () => ({ items: [other, running] }),
      'GET /api/collections/run-1': () => running,
    });
    renderDetail(client);
    const progress = await screen.findByTestId('collection-progress');
    expect(progress.getAttribute('data-phase')).toBe('messages');
    expect(screen.getByTestId('collection-time-left').textContent).toBe('About 2 min left');
    expect((screen.getByRole('button', { name: 'Take the baseline' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByRole('button', { name: 'Cancel collection' })).toBeTruthy();
  });

  it('starts the baseline with the target teams and follows it to the end', async () => {
    let polls = 0;
    const { client, request } = api({
      'GET /api/initiatives/init-1': () => initiativeFixture,
      'GET /api/snapshots?initiativeId=init-1': () => ({ items: polls > 1 ? [baseline] : [] }),
      'GET /api/collections': () => ({ items: [] }),
      'POST /api/collections': () => collectionRun('queued'),
      'GET /api/collections/run-1': () => {
        polls += 1;
        return polls > 1
          ? collectionRun('succeeded', { phase: 'assembling', done: 9, total: 9, etaSeconds: 0 })
          : collectionRun('running', null);
      },
    });
    renderDetail(client);
    fireEvent.change(await screen.findByLabelText('Weeks of history'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Take the baseline' }));
    await waitFor(() =>
      expect(screen.getByTestId('collection-progress').getAttribute('data-phase')).toBe('succeeded'),
    );
    const post = request.mock.calls.find(([call]) => call.method === 'POST')?.[0];
    expect(post?.body).toEqual({
      initiativeId: 'init-1',
      teamIds: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
      groupIds: [],
      weeks: 12,
      snapshotKind: 'baseline',
    });
    expect(await screen.findByTestId('snapshot-list')).toBeTruthy();
  });

  it('shows neither collections nor snapshots to a learner, and no Edit', async () => {
    const { client, request } = api({ 'GET /api/initiatives/init-1': () => initiativeFixture }, learner);
    renderDetail(client);
    await waitFor(() => expect(page().getAttribute('data-state')).toBe('ready'));
    expect(screen.queryByTestId('collection-panel')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit design' })).toBeNull();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('links the overview to the five diagnostics', async () => {
    const { client } = api({
      'GET /api/initiatives/init-1': () => initiativeFixture,
      'GET /api/snapshots?initiativeId=init-1': () => ({ items: [] }),
      'GET /api/collections': () => ({ items: [] }),
    });
    renderDetail(client);
    await waitFor(() => expect(page().getAttribute('data-state')).toBe('ready'));
    expect(screen.getAllByRole('tab')).toHaveLength(6);
    for (const name of ['Overview', 'Leaders', 'Learners', 'Workflow fit', 'Change plan', 'Management'])
      expect(screen.getByRole('tab', { name })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Workflow fit' }));
    expect(window.location.hash).toBe('#/initiatives/init-1/workflow-fit');
  });

  it('opens a diagnostic under the header, with a way back to the overview', async () => {
    const { client } = api({ 'GET /api/initiatives/init-1': () => initiativeFixture });
    renderDetail(client, 'learners');
    expect(await screen.findByTestId('diagnostics-view', {}, { timeout: 10_000 })).toBeTruthy();
    expect(page().getAttribute('data-view')).toBe('learners');
    expect(screen.getByTestId('initiative-header').textContent).toMatch(/Sales onboarding/);
    expect(screen.getByRole('link', { name: 'Back to the overview' }).getAttribute('href')).toBe(
      '#/initiatives/init-1',
    );
  });
});
