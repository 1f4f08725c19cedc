// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import type { MeResponse } from '@learnfit/core';
import { ApiError, type ApiClient } from '../../api/client';
import { MeProvider } from '../../api/me-context';
import { meFixture } from '../../test-fixtures/me-response';
import { fakeClient } from '../../test-fixtures/fake-client';
import { fakeHost } from '../../test-fixtures/fake-host';
import { initiativeFixture } from '../../test-fixtures/initiative-detail';
import ChannelPage from './ChannelPage';

afterEach(cleanup);

const placement = {
  teamId: '19:team',
  groupId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  teamName: 'Sales EMEA',
  channelId: '19:general',
  channelName: 'General',
};

function renderAt(hash: string, client: ApiClient) {
  window.location.hash = hash;
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <MeProvider>
          <ChannelPage host={fakeHost(placement).host} />
        </MeProvider>
      </ApiClientProvider>
    </FluentProvider>,
  );
}

const leader = { ...meFixture, roles: ['LearningLeader' as const], primaryRole: 'LearningLeader' as const };
const learner = { ...meFixture, roles: ['Learner' as const], primaryRole: 'Learner' as const };

const page = () => screen.getByTestId('page-channel');
const initiativeOnly = (answer: () => Promise<unknown>, me: MeResponse = leader): ApiClient =>
  fakeClient({
    getMe: () => Promise.resolve(me),
    request: ((call) =>
      call.path === '/api/initiatives/init-1'
        ? answer()
        : Promise.reject(new Error(`unexpected ${call.path}`))) as ApiClient['request'],
  });

describe('ChannelPage', () => {
  it('says so when the tab was saved without an initiative', () => {
    renderAt('#/channel', fakeClient({}));
    expect(page().getAttribute('data-state')).toBe('empty');
    expect(page().getAttribute('data-reason')).toBe('no-initiative');
    expect(page().textContent).toMatch(/shows no initiative yet/);
  });

  it('shows the initiative and its diagnostics for the team', async () => {
    renderAt(
      '#/channel?initiative=init-1&view=workflow-fit',
      initiativeOnly(() => Promise.resolve(initiativeFixture)),
    );
    expect(page().getAttribute('data-state')).toBe('loading');
    await waitFor(() => expect(page().getAttribute('data-state')).toBe('ready'));
    expect(page().getAttribute('data-view')).toBe('workflow-fit');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sales onboarding');
    expect(screen.queryByRole('link', { name: 'Edit design' })).toBeNull();
    expect(await screen.findByTestId('diagnostics-view', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('shows a member without a leader role what the initiative plans, not its diagnostics', async () => {
    renderAt(
      '#/channel?initiative=init-1',
      initiativeOnly(() => Promise.resolve(initiativeFixture), learner),
    );
    await waitFor(() => expect(page().getAttribute('data-state')).toBe('ready'));
    expect(page().getAttribute('data-view')).toBe('member');
    expect(screen.queryByTestId('diagnostics-view')).toBeNull();
    expect(screen.getByTestId('design-summary')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Answer the pulse (2 minutes)' }).getAttribute('href')).toBe(
      '#/pulse/init-1',
    );
  });

  it('explains an archived initiative and links to it in the app', async () => {
    renderAt(
      '#/channel?initiative=init-1',
      initiativeOnly(() => Promise.resolve({ ...initiativeFixture, status: 'archived' })),
    );
    await waitFor(() => expect(page().getAttribute('data-reason')).toBe('archived'));
    expect(page().textContent).toMatch(/This initiative is archived/);
    expect(screen.getByRole('link', { name: 'Open the initiative in LearnFit' }).getAttribute('href')).toBe(
      '#/initiatives/init-1',
    );
  });

  it('tells a viewer who may not see the initiative what to do', async () => {
    renderAt(
      '#/channel?initiative=init-1',
      initiativeOnly(() =>
        Promise.reject(new ApiError({ status: 404, code: 'not_found', title: 'No such initiative' })),
      ),
    );
    await waitFor(() => expect(page().getAttribute('data-reason')).toBe('not-visible'));
    expect(page().getAttribute('data-state')).toBe('error');
    expect(page().textContent).toMatch(/Ask the team owner/);
  });
});
