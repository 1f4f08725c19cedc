// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient } from '../../api/client';
import { ConsentPanel } from './ConsentPanel';
import { routedClient } from './admin-test-client';

afterEach(cleanup);

const consentUrl = 'https://login.microsoftonline.com/t1/adminconsent?client_id=app';
const consent = {
  checkedAt: '2026-12-01T08:00:00.000Z',
  adminConsentUrl: consentUrl,
  applicationPermissions: [
    {
      permission: 'User.Read.All',
      status: 'granted',
      features: ['Org chart of every snapshot'],
      withoutIt: 'No collection can run.',
      sources: ['directory'],
    },
    {
      permission: 'ChannelMessage.Read.All',
      status: 'missing',
      features: ['Who posted, replied, mentioned and reacted in channels, and when (never the text)'],
      withoutIt: 'Channel activity is missing from every diagnostic.',
      sources: ['channelMessages'],
    },
  ],
  delegatedScopes: [
    { permission: 'User.Read', status: 'requested on sign-in', features: ["The signed-in person's profile"] },
  ],
  coverage: [
    {
      source: 'channelMessages',
      status: 'missing',
      coveredPeople: 0,
      detail: 'ChannelMessage.Read.All is not granted.',
      snapshotId: 's1',
      dataAsOf: '2026-11-28T00:00:00.000Z',
    },
    {
      source: 'engageActivityReport',
      status: 'notCollected',
      coveredPeople: 0,
      detail: null,
      snapshotId: null,
      dataAsOf: null,
    },
  ],
};

function renderPanel(client: ApiClient) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <ConsentPanel locale="en-us" />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

describe('ConsentPanel', () => {
  it('names missing permissions, what each is for, the consent link and coverage per source', async () => {
    renderPanel(routedClient({ 'GET /api/admin/consent': { body: consent } }).client);
    await waitFor(() => expect(screen.getByTestId('admin-consent').dataset.state).toBe('ready'));
    expect(screen.getByTestId('admin-consent-missing').textContent).toMatch(/^Permissions missing: 1/);
    expect(screen.getByTestId('admin-consent-link').getAttribute('href')).toBe(consentUrl);
    const permissions = screen.getAllByTestId('admin-permission-row').map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    expect(permissions[1]).toEqual([
      'ChannelMessage.Read.All',
      'Missing',
      'Who posted, replied, mentioned and reacted in channels, and when (never the text)',
      'Channel activity is missing from every diagnostic.',
    ]);
    const coverage = screen.getAllByTestId('admin-coverage-row').map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    expect(coverage.map((cells) => cells.slice(0, 3))).toEqual([
      ['Teams channel messages', 'missing', '0'],
      ['Viva Engage usage report', 'not collected yet', '0'],
    ]);
    expect(coverage[1]?.[3]).toBe('Not yet');
  });

  it('shows why the check failed, with Retry', async () => {
    const error = new ApiError({ status: 503, code: 'graph_unavailable', title: 'Identity platform down' });
    renderPanel(routedClient({ 'GET /api/admin/consent': { error } }).client);
    await waitFor(() => expect(screen.getByTestId('admin-consent').dataset.state).toBe('error'));
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
