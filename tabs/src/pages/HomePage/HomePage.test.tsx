// @vitest-environment jsdom
import { fakeClient } from '../../test-fixtures/fake-client';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { MeResponse } from '@learnfit/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient } from '../../api/client';
import { meConcealedFixture, meFixture } from '../../test-fixtures/me-response';
import HomePage, { HomeView } from './HomePage';

afterEach(cleanup);

function themed(children: ReactNode) {
  return <FluentProvider theme={teamsLightTheme}>{children}</FluentProvider>;
}

describe('HomeView', () => {
  it('shows name, job title and the role as a person reads it', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" />));
    expect(screen.getByTestId('me-name').textContent).toBe('Ines Okafor');
    expect(screen.getByTestId('me-job-title').textContent).toBe('Learning experience designer');
    expect(screen.getByTestId('me-role').textContent).toBe('Learning leader');
  });

  it('lists the management chain nearest manager first, with levels', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" />));
    const items = within(screen.getByTestId('me-chain')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Level 1 · direct managerAiko TanakaHead of Learning Design',
      'Level 2Tomasz WiśniewskiDirector of Learning',
      'Level 3Grace Mensah',
    ]);
  });

  it('shows channel and chat counts beside the bars, described for screen readers', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" />));
    expect(screen.getByTestId('me-channel-count').textContent).toBe('37');
    expect(screen.getByTestId('me-chat-count').textContent).toBe('1,204');
    expect(
      screen.getByRole('figure', {
        name: 'Teams messages in the last 30 days: 37 in channels, 1,204 in chats.',
      }),
    ).toBeTruthy();
    expect(screen.getByTestId('me-data-as-of').textContent).toBe('Data as of Nov 28, 2026.');
    expect(screen.getByText(/3% of your Teams messages were in channels/)).toBeTruthy();
  });

  it('explains why the counts are missing when the report is unavailable', () => {
    render(themed(<HomeView me={meConcealedFixture} locale="en-us" />));
    expect(screen.queryByTestId('me-channel-count')).toBeNull();
    expect(screen.getByTestId('me-activity-unavailable').textContent).toMatch(/conceals user names/);
  });

  it('says so when no manager is recorded', () => {
    const me: MeResponse = { ...meFixture, managementChain: [] };
    render(themed(<HomeView me={me} />));
    expect(screen.getByTestId('me-chain').textContent).toMatch(/No manager is recorded/);
  });
});

describe('HomePage', () => {
  function renderWith(client: ApiClient) {
    return render(
      themed(<ApiClientProvider client={client}>{<HomePage locale="en-us" />}</ApiClientProvider>),
    );
  }

  it('shows a spinner, then the profile', async () => {
    renderWith(fakeClient({ getMe: () => Promise.resolve(meFixture) }));
    expect(screen.getByText('Loading your profile…')).toBeTruthy();
    expect((await screen.findByTestId('me-name')).textContent).toBe('Ines Okafor');
  });

  it('shows the failure with Retry, and loads again when Retry is selected', async () => {
    const getMe = vi
      .fn<ApiClient['getMe']>()
      .mockRejectedValueOnce(
        new ApiError({ status: 503, code: 'graph_unavailable', title: 'Graph unavailable' }),
      )
      .mockResolvedValueOnce(meFixture);
    renderWith(fakeClient({ getMe }));

    const panel = await screen.findByTestId('tab-error');
    expect(panel.textContent).toMatch(/Microsoft Graph could not be reached, try again/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry' }));

    expect((await screen.findByTestId('me-name')).textContent).toBe('Ines Okafor');
    expect(getMe).toHaveBeenCalledTimes(2);
  });
});
