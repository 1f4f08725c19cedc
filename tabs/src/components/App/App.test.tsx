// @vitest-environment jsdom
import { fakeClient } from '../../test-fixtures/fake-client';
import { fakeHost } from '../../test-fixtures/fake-host';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import { connectToTeams, type HostConnection } from '../../teams/host';
import { meFixture } from '../../test-fixtures/me-response';
import { App } from './App';

afterEach(cleanup);
beforeEach(() => {
  window.location.hash = '#/home';
});

const client: ApiClient = fakeClient({ getMe: () => Promise.resolve(meFixture) });

describe('App', () => {
  it('explains how to open LearnFit when it is not inside Teams', async () => {
    // The real teams-js: jsdom has no parent window, so it must fail at once rather than wait for the timeout.
    render(<App connect={() => connectToTeams(60_000)} />);
    const notice = await screen.findByTestId('not-in-teams');
    expect(notice.textContent).toMatch(/Open LearnFit from Microsoft Teams/);
    expect(notice.textContent).toMatch(/\/dev\/host/);
    expect(notice.textContent).toMatch(/No Parent window found/);
  });

  it('shows the navigation and Home inside Teams, and follows theme changes', async () => {
    const { host, pushTheme } = fakeHost();
    const connection: HostConnection = { kind: 'teams', host };
    render(<App connect={() => Promise.resolve(connection)} createClient={() => client} />);

    expect((await screen.findByTestId('me-name')).textContent).toBe('Ines Okafor');
    expect(screen.getByRole('navigation', { name: 'LearnFit pages' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');

    const root = screen.getByTestId('app-root');
    expect(root.dataset['theme']).toBe('default');
    act(() => pushTheme('dark'));
    expect(root.dataset['theme']).toBe('dark');
    act(() => pushTheme('contrast'));
    expect(root.dataset['theme']).toBe('contrast');
  });

  it('opens About with real content from its hash route', async () => {
    window.location.hash = '#/about';
    const { host } = fakeHost();
    render(<App connect={() => Promise.resolve({ kind: 'teams', host })} createClient={() => client} />);
    expect(await screen.findByRole('heading', { name: 'About LearnFit' })).toBeTruthy();
    expect(screen.getByText(/never reads, stores or logs what a message says/)).toBeTruthy();
  });

  it('says a page does not exist instead of showing a blank page', async () => {
    window.location.hash = '#/nowhere';
    const { host } = fakeHost();
    render(<App connect={() => Promise.resolve({ kind: 'teams', host })} createClient={() => client} />);
    expect(await screen.findByTestId('page-not-found')).toBeTruthy();
  });
});
