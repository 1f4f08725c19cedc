// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient } from '../../api/client';
import { fakeHost } from '../../test-fixtures/fake-host';
import AdminPage from './AdminPage';
import { routedClient, savedSettings } from './admin-test-client';

afterEach(cleanup);

function renderPage(client: ApiClient) {
  const { host } = fakeHost();
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <AdminPage host={host} />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

const state = () => screen.getByTestId('page-admin').dataset.state;

function setValue(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('AdminPage', () => {
  it('explains who may use the page when the person is not an admin', async () => {
    const error = new ApiError({ status: 403, code: 'forbidden', title: 'Only admins' });
    renderPage(routedClient({ 'GET /api/admin/settings': { error } }).client);
    expect(state()).toBe('loading');
    await waitFor(() => expect(state()).toBe('error'));
    expect(screen.getByTestId('admin-not-admin').textContent).toMatch(/Admin role in LearnFit/);
  });

  it('shows the saved settings and when they were saved', async () => {
    renderPage(routedClient({ 'GET /api/admin/settings': { body: savedSettings } }).client);
    await waitFor(() => expect(state()).toBe('ready'));
    expect((screen.getByTestId('admin-settings-k') as HTMLInputElement).value).toBe('5');
    expect((screen.getByTestId('admin-settings-retention') as HTMLInputElement).value).toBe('180');
    expect(screen.getByTestId('admin-settings-saved-at').textContent).toMatch(/^Last saved Nov 20, 2026/);
    expect((screen.getByTestId('admin-settings-save') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('SettingsForm', () => {
  it('refuses values the contract refuses, inline, and sends nothing', async () => {
    const { client, calls } = routedClient({ 'GET /api/admin/settings': { body: savedSettings } });
    renderPage(client);
    await waitFor(() => expect(state()).toBe('ready'));
    setValue('admin-settings-k', '3');
    setValue('admin-settings-retention', '10');
    fireEvent.click(screen.getByTestId('admin-settings-save'));
    expect(await screen.findByText('Enter a whole number from 5 to 100.')).toBeTruthy();
    expect(screen.getByText('Enter a whole number of days from 30 to 730.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('admin-settings-k'));
    expect(calls.filter((call) => call.method === 'PUT')).toEqual([]);
  });

  it('sends only the editable fields, never savedAt, and shows the saved state', async () => {
    const { client, calls } = routedClient({
      'GET /api/admin/settings': { body: savedSettings },
      'PUT /api/admin/settings': (call) => ({
        body: { ...(call.body as object), savedAt: '2026-12-01T08:00:00.000Z' },
      }),
      'GET /api/admin/audit?limit=50': { body: { items: [], nextBefore: null } },
    });
    renderPage(client);
    await waitFor(() => expect(state()).toBe('ready'));
    setValue('admin-settings-k', '8');
    fireEvent.click(screen.getByRole('radio', { name: 'Learning leaders and managers' }));
    fireEvent.click(screen.getByRole('switch', { name: /Name managers/ }));
    fireEvent.click(screen.getByTestId('admin-settings-save'));

    expect((await screen.findByTestId('admin-settings-success')).textContent).toMatch(/Settings saved/);
    expect(calls.filter((call) => call.method === 'PUT')).toEqual([
      {
        method: 'PUT',
        path: '/api/admin/settings',
        body: {
          k: 8,
          retentionDays: 180,
          initiativeCreators: 'learningLeadersAndManagers',
          nameManagersInParticipation: true,
        },
      },
    ]);
    expect(screen.getByTestId('admin-settings-saved-at').textContent).toMatch(/^Last saved Dec 1, 2026/);

    // Another section and back: the form shows what was saved, not what was first loaded.
    fireEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    await screen.findByTestId('admin-audit-empty');
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect((screen.getByTestId('admin-settings-k') as HTMLInputElement).value).toBe('8');
  });

  it('asks for a valid retention when the server default lies outside what an admin may choose', async () => {
    const { client, calls } = routedClient({
      'GET /api/admin/settings': { body: { ...savedSettings, retentionDays: 1000, savedAt: null } },
    });
    renderPage(client);
    await waitFor(() => expect(state()).toBe('ready'));
    expect(screen.getByTestId('admin-settings-saved-at').textContent).toMatch(/defaults apply/);
    setValue('admin-settings-k', '6');
    fireEvent.click(screen.getByTestId('admin-settings-save'));
    expect(await screen.findByText('Enter a whole number of days from 30 to 730.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows the problem the API answers with and keeps what was typed', async () => {
    const error = new ApiError({ status: 429, code: 'rate_limited', title: 'Too many requests' });
    renderPage(
      routedClient({
        'GET /api/admin/settings': { body: savedSettings },
        'PUT /api/admin/settings': { error },
      }).client,
    );
    await waitFor(() => expect(state()).toBe('ready'));
    setValue('admin-settings-k', '9');
    fireEvent.click(screen.getByTestId('admin-settings-save'));
    const panel = await screen.findByTestId('tab-error');
    expect(panel.dataset.errorCode).toBe('rate_limited');
    expect((screen.getByTestId('admin-settings-k') as HTMLInputElement).value).toBe('9');
  });
});
