// @vitest-environment jsdom
import type { SharingState } from '@learnfit/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiRequest } from '../../api/client';
import { myProfileFixture, routedClient, type Routes } from '../../test-fixtures/employee-fixtures';
import { renderWithApi } from '../../test-fixtures/render-with-api';
import ProfilePage from './ProfilePage';

afterEach(cleanup);

const notShared: SharingState = {
  initiativeId: 'i2',
  initiativeName: 'Service academy',
  shared: false,
  sharedAt: null,
};

function routes(overrides: Partial<Routes> = {}): Routes {
  return {
    'GET /api/me/profile': () => Promise.resolve(myProfileFixture),
    'GET /api/me/sharing': () => Promise.resolve({ items: [notShared] }),
    ...overrides,
  } as Routes;
}

describe('ProfilePage', () => {
  it('shows the four habits, observed beside self-rated, with evidence and how to change each', async () => {
    renderWithApi(<ProfilePage locale="en-us" />, routedClient(routes()));
    await waitFor(() => expect(screen.getByTestId('page-profile').dataset['state']).toBe('ready'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My social-learning profile');
    expect(screen.getByText(/Only you can see this page/)).toBeTruthy();
    expect(screen.getByTestId('profile-summary').textContent).toMatch(/You meet 3 of 4 habits/);
    for (const name of ['Participatory', 'Timely', 'Transparent', 'Current'])
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();

    const participatory = screen.getByTestId('profile-participatory');
    expect(screen.getByTestId('profile-participatory-score').textContent).toBe('72 of 100');
    expect(screen.getByTestId('profile-participatory-self').textContent).toBe('4 of 5');
    expect(participatory.textContent).toMatch(/Meets the bar \(50\)/);
    expect(participatory.textContent).toMatch(/Channel posts: 14/);
    expect(participatory.textContent).toMatch(/How to change it/);

    expect(screen.getByTestId('profile-timely').textContent).toMatch(/95 min/);
    expect(screen.getByTestId('profile-transparent').textContent).toMatch(/Below the bar/);
    expect(screen.getByTestId('profile-transparent-self').textContent).toMatch(/Answer a pulse/);
    expect(screen.getByTestId('profile-current-score').textContent).toBe('Not scored');
    expect(screen.getByTestId('profile-current').textContent).toMatch(/: no data/);
  });

  it('shares with a design team only when the person switches it on, and says since when', async () => {
    const put = vi.fn((call: ApiRequest<unknown>) =>
      Promise.resolve({
        ...notShared,
        shared: (call.body as { share: boolean }).share,
        sharedAt: '2026-11-30T10:00:00.000Z',
      }),
    );
    renderWithApi(<ProfilePage locale="en-us" />, routedClient(routes({ 'PUT /api/me/sharing': put })));
    const sharing = await screen.findByTestId('profile-sharing');
    expect(sharing.textContent).toMatch(/your manager does not unless they are on that team/);
    const toggle = await within(sharing).findByRole('switch', {
      name: 'Share with the design team of Service academy',
    });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(put).not.toHaveBeenCalled();

    fireEvent.click(toggle);
    await waitFor(() => expect(sharing.textContent).toMatch(/Shared since Nov 30, 2026/));
    expect(put).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'PUT', body: { initiativeId: 'i2', share: true } }),
    );
    expect((toggle as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the switch off and explains when sharing fails', async () => {
    const put = () => Promise.reject(new ApiError({ status: 403, code: 'forbidden', title: 'no' }));
    renderWithApi(<ProfilePage />, routedClient(routes({ 'PUT /api/me/sharing': put })));
    const toggle = await screen.findByRole('switch');
    fireEvent.click(toggle);
    expect((await screen.findByTestId('tab-error')).textContent).toMatch(/You do not have access to this/);
    expect((toggle as HTMLInputElement).checked).toBe(false);
  });

  it('says there is no profile yet (empty, not an error) and still offers sharing', async () => {
    const missing = () =>
      Promise.reject(new ApiError({ status: 404, code: 'not_found', title: 'No profile' }));
    renderWithApi(
      <ProfilePage />,
      routedClient(
        routes({
          'GET /api/me/profile': missing,
          'GET /api/me/sharing': () => Promise.resolve({ items: [] }),
        }),
      ),
    );
    await waitFor(() => expect(screen.getByTestId('page-profile').dataset['state']).toBe('empty'));
    expect(screen.getByTestId('profile-none').textContent).toMatch(/No profile for you yet/);
    expect(screen.queryByTestId('tab-error')).toBeNull();
    expect((await screen.findByTestId('profile-sharing')).textContent).toMatch(/not on any design team/);
  });
});
