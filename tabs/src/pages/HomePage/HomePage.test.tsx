// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { MeResponse } from '@learnfit/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../api/client';
import { myProfileFixture, myPulseItems, routedClient } from '../../test-fixtures/employee-fixtures';
import { meConcealedFixture, meFixture } from '../../test-fixtures/me-response';
import { renderWithApi } from '../../test-fixtures/render-with-api';
import HomePage, { HomeView, type HomeSections } from './HomePage';

afterEach(cleanup);

function themed(children: ReactNode) {
  return <FluentProvider theme={teamsLightTheme}>{children}</FluentProvider>;
}

const loaded: HomeSections = {
  pulses: { status: 'ready', data: myPulseItems },
  profile: { status: 'ready', data: myProfileFixture },
};

describe('HomeView', () => {
  it('shows name, job title and the role as a person reads it', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" sections={loaded} />));
    expect(screen.getByTestId('me-name').textContent).toBe('Ines Okafor');
    expect(screen.getByTestId('me-job-title').textContent).toBe('Learning experience designer');
    expect(screen.getByTestId('me-role').textContent).toBe('Learning leader');
  });

  it('lists the management chain nearest manager first, with levels', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" sections={loaded} />));
    const items = within(screen.getByTestId('me-chain')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Level 1 · direct managerAiko TanakaHead of Learning Design',
      'Level 2Tomasz WiśniewskiDirector of Learning',
      'Level 3Grace Mensah',
    ]);
  });

  it('shows channel and chat counts beside the bars, described for screen readers', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" sections={loaded} />));
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
    render(themed(<HomeView me={meConcealedFixture} locale="en-us" sections={loaded} />));
    expect(screen.queryByTestId('me-channel-count')).toBeNull();
    expect(screen.getByTestId('me-activity-unavailable').textContent).toMatch(/conceals user names/);
  });

  it('says so when no manager is recorded', () => {
    const me: MeResponse = { ...meFixture, managementChain: [] };
    render(themed(<HomeView me={me} sections={loaded} />));
    expect(screen.getByTestId('me-chain').textContent).toMatch(/No manager is recorded/);
  });

  it('calls the person to answer a waiting pulse, and says which pulses they already answered', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" sections={loaded} />));
    const pulse = screen.getByTestId('home-pulse');
    expect(pulse.textContent).toMatch(/A two-minute pulse is waiting for your answer/);
    const answer = within(pulse).getByRole('link', { name: 'Answer the pulse for Sales onboarding' });
    expect(answer.getAttribute('href')).toBe('#/pulse/i1');
    expect(pulse.textContent).toMatch(/You answered the pulse for Service academy/);
    expect(within(pulse).queryByText(/Leadership circle/)).toBeNull();
  });

  it('lists the initiatives the person is in or leads, and summarises their profile with a link', () => {
    render(themed(<HomeView me={meFixture} locale="en-us" sections={loaded} />));
    const initiatives = within(screen.getByTestId('home-initiatives')).getAllByRole('listitem');
    expect(initiatives.map((item) => item.textContent)).toEqual([
      'Sales onboardingLearnerPulse open',
      'Service academyDesign teamLearnerPulse open',
      'Leadership circleYou lead it',
    ]);
    const profile = screen.getByTestId('home-profile');
    expect(profile.textContent).toMatch(/You meet 3 of 4 social-learning habits/);
    expect(within(profile).getByRole('link', { name: 'See my profile' }).getAttribute('href')).toBe(
      '#/profile',
    );
  });

  it('says there is no profile yet, and no pulse waiting, without an error', () => {
    render(
      themed(
        <HomeView
          me={meFixture}
          sections={{
            pulses: { status: 'ready', data: [] },
            profile: {
              status: 'failed',
              error: new ApiError({ status: 404, code: 'not_found', title: 'none' }),
            },
          }}
        />,
      ),
    );
    expect(screen.getByTestId('home-profile').textContent).toMatch(/No profile yet/);
    expect(screen.getByTestId('home-pulse').textContent).toMatch(/No pulse is waiting for you/);
    expect(screen.queryByTestId('tab-error')).toBeNull();
  });
});

describe('HomePage', () => {
  const sections = {
    'GET /api/me/pulses': () => Promise.resolve({ items: myPulseItems }),
    'GET /api/me/profile': () => Promise.resolve(myProfileFixture),
  };

  it('shows a spinner in a loading page root, then the profile in a ready one', async () => {
    renderWithApi(<HomePage locale="en-us" />, routedClient(sections));
    expect(screen.getByText('Loading your profile…')).toBeTruthy();
    expect(screen.getByTestId('page-home').dataset['state']).toBe('loading');
    expect((await screen.findByTestId('me-name')).textContent).toBe('Ines Okafor');
    expect(screen.getByTestId('page-home').dataset['state']).toBe('ready');
    await waitFor(() => expect(screen.getByTestId('home-profile').textContent).toMatch(/3 of 4/));
  });

  it('shows the failure with Retry, and loads again when Retry is selected', async () => {
    const getMe = vi
      .fn<ApiClient['getMe']>()
      .mockRejectedValueOnce(
        new ApiError({ status: 503, code: 'graph_unavailable', title: 'Graph unavailable' }),
      )
      .mockResolvedValueOnce(meFixture);
    renderWithApi(<HomePage locale="en-us" />, routedClient(sections, getMe));

    const panel = await screen.findByTestId('tab-error');
    expect(screen.getByTestId('page-home').dataset['state']).toBe('error');
    expect(panel.textContent).toMatch(/Microsoft Graph could not be reached, try again/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry' }));

    expect((await screen.findByTestId('me-name')).textContent).toBe('Ines Okafor');
    expect(getMe).toHaveBeenCalledTimes(2);
  });
});
