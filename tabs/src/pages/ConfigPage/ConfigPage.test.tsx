// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { InitiativeSummary, MeResponse } from '@learnfit/core';
import { pages } from '@microsoft/teams-js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import type { ApiClient, ApiRequest } from '../../api/client';
import { tabConfig } from '../../config';
import { fakeClient } from '../../test-fixtures/fake-client';
import { fakeHost } from '../../test-fixtures/fake-host';
import { initiativeFixture } from '../../test-fixtures/initiative-detail';
import { meFixture } from '../../test-fixtures/me-response';
import type { ChannelPlacement } from '../../teams/host';
import ConfigPage from './ConfigPage';

vi.mock('@microsoft/teams-js', () => ({
  pages: {
    config: { registerOnSaveHandler: vi.fn(), setValidityState: vi.fn(), setConfig: vi.fn() },
  },
}));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const placement: ChannelPlacement = {
  teamId: '19:team',
  groupId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  teamName: 'Sales EMEA',
  channelId: '19:general',
  channelName: 'General',
};
const summary = (
  id: string,
  name: string,
  status: InitiativeSummary['status'] = 'active',
): InitiativeSummary => ({
  id,
  name,
  goal: '',
  status,
  targetGroupSize: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
});
const learner: MeResponse = { ...meFixture, roles: ['Learner'], primaryRole: 'Learner' };

function renderPage(
  options: {
    items?: InitiativeSummary[];
    me?: MeResponse;
    onCreate?: (call: ApiRequest<unknown>) => unknown;
  } = {},
) {
  const request = vi.fn((call: ApiRequest<unknown>) => {
    if ((call.method ?? 'GET') === 'GET' && call.path === '/api/initiatives')
      return Promise.resolve({ items: options.items ?? [] });
    if (call.method === 'POST' && call.path === '/api/initiatives' && options.onCreate)
      return Promise.resolve(options.onCreate(call));
    return Promise.reject(new Error(`unexpected ${call.path}`));
  });
  const client = fakeClient({
    getMe: () => Promise.resolve(options.me ?? meFixture),
    request: request as ApiClient['request'],
  });
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <ConfigPage host={fakeHost(placement).host} />
      </ApiClientProvider>
    </FluentProvider>,
  );
  return { request };
}

function saveHandler() {
  const handler = vi.mocked(pages.config.registerOnSaveHandler).mock.calls[0]?.[0];
  if (!handler) throw new Error('no save handler registered');
  const event = { result: {}, notifySuccess: vi.fn(), notifyFailure: vi.fn() };
  handler(event);
  return event;
}

describe('ConfigPage', () => {
  it('is valid only once an initiative is chosen, and saves a tab that opens it', async () => {
    vi.mocked(pages.config.setConfig).mockResolvedValue(undefined);
    renderPage({ items: [summary('init-1', 'Sales onboarding'), summary('old', 'Old one', 'archived')] });
    expect(pages.config.setValidityState).toHaveBeenLastCalledWith(false);
    const select = await screen.findByLabelText('Initiative');
    expect([...(select as HTMLSelectElement).options].map((option) => option.textContent)).toEqual([
      'Choose an initiative',
      'Sales onboarding',
    ]);
    fireEvent.change(select, { target: { value: 'init-1' } });
    expect(pages.config.setValidityState).toHaveBeenLastCalledWith(true);
    expect(screen.getByTestId('config-choice').textContent).toMatch(/The tab will show "Sales onboarding"/);

    const event = saveHandler();
    await waitFor(() => expect(event.notifySuccess).toHaveBeenCalledOnce());
    expect(pages.config.setConfig).toHaveBeenCalledWith({
      entityId: 'learnfit-initiative-init-1',
      contentUrl: `${window.location.origin}${tabConfig.basePath}index.html#/channel?initiative=init-1`,
      suggestedDisplayName: 'LearnFit: Sales onboarding',
    });
    expect(screen.getByTestId('page-config').getAttribute('data-state')).toBe('ready');
  });

  it('creates an initiative whose target group is this team, with the creator as design team', async () => {
    vi.mocked(pages.config.setConfig).mockResolvedValue(undefined);
    const { request } = renderPage({
      onCreate: (call) => ({
        ...initiativeFixture,
        id: 'init-new',
        name: (call.body as { name: string }).name,
      }),
    });
    expect(await screen.findByTestId('config-no-initiatives')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'A new initiative for this team' }));
    expect((screen.getByLabelText(/Name of the new initiative/) as HTMLInputElement).value).toBe(
      'Sales EMEA learning',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create initiative' }));
    await waitFor(() => expect(pages.config.setValidityState).toHaveBeenLastCalledWith(true));
    const post = request.mock.calls.find(([call]) => call.method === 'POST')?.[0];
    expect(post?.body).toEqual({
      name: 'Sales EMEA learning',
      goal: '',
      design: {
        targetGroup: { kind: 'teams', ids: [placement.groupId] },
        designTeam: { kind: 'people', ids: [meFixture.user.id] },
      },
    });
    const event = saveHandler();
    await waitFor(() => expect(event.notifySuccess).toHaveBeenCalledOnce());
    expect(vi.mocked(pages.config.setConfig).mock.calls[0]?.[0].contentUrl).toMatch(
      /#\/channel\?initiative=init-new$/,
    );
  });

  it('explains that only learning leaders create initiatives for a learner', async () => {
    renderPage({ me: learner });
    fireEvent.click(await screen.findByRole('radio', { name: 'A new initiative for this team' }));
    expect((await screen.findByTestId('config-cannot-create')).textContent).toMatch(
      /Only learning leaders and admins/,
    );
    expect(screen.queryByRole('button', { name: 'Create initiative' })).toBeNull();
  });

  it('refuses to save before a choice, telling Teams why', async () => {
    renderPage({ items: [summary('init-1', 'Sales onboarding')] });
    await screen.findByLabelText('Initiative');
    const event = saveHandler();
    expect(event.notifyFailure).toHaveBeenCalledWith('Choose an initiative, then select Save.');
    expect(pages.config.setConfig).not.toHaveBeenCalled();
  });

  it('tells Teams when saving failed', async () => {
    vi.mocked(pages.config.setConfig).mockRejectedValue(new Error('host refused'));
    renderPage({ items: [summary('init-1', 'Sales onboarding')] });
    fireEvent.change(await screen.findByLabelText('Initiative'), { target: { value: 'init-1' } });
    const event = saveHandler();
    await waitFor(() => expect(event.notifyFailure).toHaveBeenCalledWith('host refused'));
  });

  it('explains itself when opened outside the "add a tab" dialog', async () => {
    vi.mocked(pages.config.registerOnSaveHandler).mockImplementationOnce(() => {
      throw new Error('This call is only allowed in following contexts: ["settings"].');
    });
    renderPage();
    expect((await screen.findByTestId('config-unsupported')).textContent).toMatch(
      /only used while adding LearnFit/,
    );
  });
});
