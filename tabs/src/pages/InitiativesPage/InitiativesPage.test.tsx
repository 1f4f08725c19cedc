// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { InitiativeSummary, MeResponse } from '@learnfit/core';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient } from '../../api/client';
import { fakeClient } from '../../test-fixtures/fake-client';
import { fakeHost } from '../../test-fixtures/fake-host';
import { meFixture } from '../../test-fixtures/me-response';
import InitiativesPage from './InitiativesPage';

const learner: MeResponse = { ...meFixture, roles: ['Learner'], primaryRole: 'Learner' };
const manager: MeResponse = { ...meFixture, roles: ['Learner', 'Manager'], primaryRole: 'Manager' };
const item = (
  id: string,
  name: string,
  createdAt: string,
  status: InitiativeSummary['status'],
): InitiativeSummary => ({
  id,
  name,
  goal: `${name} goal`,
  status,
  targetGroupSize: id === 'a' ? 1240 : 0,
  createdAt,
});

function listClient(items: InitiativeSummary[] | ApiError, me: MeResponse = meFixture): ApiClient {
  return fakeClient({
    getMe: () => Promise.resolve(me),
    request: ((call) =>
      call.path === '/api/initiatives'
        ? items instanceof ApiError
          ? Promise.reject(items)
          : Promise.resolve({ items })
        : Promise.reject(new Error(`unexpected ${call.path}`))) as ApiClient['request'],
  });
}

function renderPage(client: ApiClient) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <InitiativesPage host={fakeHost().host} />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

beforeEach(() => {
  window.location.hash = '#/initiatives';
});
afterEach(cleanup);

const root = () => screen.getByTestId('page-initiatives');

describe('InitiativesPage', () => {
  it('lists the initiatives newest first, each linking to its overview', async () => {
    renderPage(
      listClient([
        item('a', 'Sales onboarding', '2026-10-01T00:00:00Z', 'active'),
        item('b', 'Service desk Q&A', '2026-11-01T00:00:00Z', 'draft'),
      ]),
    );
    expect(root().getAttribute('data-state')).toBe('loading');
    await waitFor(() => expect(root().getAttribute('data-state')).toBe('ready'));
    const cards = within(screen.getByRole('list', { name: 'Initiatives in your organisation' })).getAllByRole(
      'listitem',
    );
    expect(cards.map((card) => within(card).getByRole('link').textContent)).toEqual([
      'Service desk Q&A',
      'Sales onboarding',
    ]);
    expect(
      within(cards[1] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('#/initiatives/a');
    expect(cards[1]?.textContent).toMatch(/Active.*1,240 people in the target group/);
    expect(cards[0]?.textContent).toMatch(/Draft.*Target group counted at the first collection/);
    expect(await screen.findByRole('link', { name: 'New initiative' })).toBeTruthy();
  });

  it('offers a learning leader to create the first initiative when there is none', async () => {
    renderPage(listClient([]));
    await waitFor(() => expect(root().getAttribute('data-state')).toBe('empty'));
    const empty = screen.getByTestId('initiatives-empty');
    expect(empty.textContent).toMatch(/Create the first one/);
    await waitFor(() =>
      expect(within(empty).getByRole('link', { name: 'New initiative' }).getAttribute('href')).toBe(
        '#/initiatives/new',
      ),
    );
  });

  it('tells a learner whom to ask instead of offering a button', async () => {
    renderPage(listClient([], learner));
    await waitFor(() =>
      expect(screen.getByTestId('initiatives-empty').textContent).toMatch(/Ask one to add you/),
    );
    expect(screen.queryByRole('link', { name: 'New initiative' })).toBeNull();
  });

  it('lets a manager try, saying that the admin decides', async () => {
    renderPage(listClient([], manager));
    expect(await screen.findByText(/Your admin decides whether managers may create/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'New initiative' }).length).toBeGreaterThan(0);
  });

  it('shows a failed list with Retry', async () => {
    renderPage(listClient(new ApiError({ status: 503, code: 'graph_unavailable', title: 'down' })));
    await waitFor(() => expect(root().getAttribute('data-state')).toBe('error'));
    expect(within(screen.getByTestId('tab-error')).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('opens the wizard at #/initiatives/new and says so for an unknown address', async () => {
    renderPage(listClient([]));
    act(() => {
      window.location.hash = '#/initiatives/new';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('page-wizard', {}, { timeout: 10_000 })).toBeTruthy();
    act(() => {
      window.location.hash = '#/initiatives/abc/nonsense';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect((await screen.findByTestId('page-initiatives')).textContent).toMatch(/no page named "nonsense"/);
  });
});
