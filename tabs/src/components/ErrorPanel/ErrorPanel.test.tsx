// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { problemCodes, type RoleName } from '@learnfit/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, clientErrorCodes, type ApiErrorCode } from '../../api/client';
import { messageForCode } from '../../messages/problem-messages';
import { routedClient } from '../../test-fixtures/employee-fixtures';
import { meFixture } from '../../test-fixtures/me-response';
import { renderWithApi } from '../../test-fixtures/render-with-api';
import { ErrorPanel } from './ErrorPanel';

afterEach(cleanup);

function renderPanel(code: ApiErrorCode, status: number, onRetry = vi.fn()) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ErrorPanel
        error={new ApiError({ status, code, title: 'server wording the tab must not show' })}
        onRetry={onRetry}
      />
    </FluentProvider>,
  );
  return onRetry;
}

describe('ErrorPanel', () => {
  it.each([...problemCodes, ...clientErrorCodes])('shows the message for %s and the code', (code) => {
    renderPanel(code, 400);
    const panel = screen.getByTestId('tab-error');
    const message = messageForCode(code);
    expect(panel.textContent).toContain(message.title);
    expect(panel.textContent).toContain(message.body);
    expect(panel.textContent).toContain(code);
    expect(panel.textContent).not.toContain('server wording');
    expect(screen.queryByRole('button', { name: 'Retry' }) !== null).toBe(message.canRetry);
  });

  it('calls back when Retry is selected', () => {
    const onRetry = renderPanel('graph_unavailable', 503);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('tells the person their sign-in could not be verified on a 401', () => {
    renderPanel('token_expired', 401);
    expect(screen.getByTestId('tab-error').textContent).toMatch(
      /Your sign-in could not be verified.*HTTP 401/,
    );
  });

  it('gives a way forward when an admin must grant consent: the Admin page for admins', async () => {
    cleanup();
    const admin = { ...meFixture, roles: ['Learner', 'Admin'] as RoleName[], primaryRole: 'Admin' as const };
    renderWithApi(
      <ErrorPanel error={new ApiError({ status: 403, code: 'consent_required', title: 'consent' })} />,
      routedClient({}, () => Promise.resolve(admin)),
    );
    const link = await screen.findByRole('link', { name: 'Open the Admin page to grant consent' });
    expect(link.getAttribute('href')).toBe('#/admin');
  });

  it('tells a person who is not an admin to ask their admin for consent, without an Admin link', async () => {
    cleanup();
    renderWithApi(
      <ErrorPanel error={new ApiError({ status: 403, code: 'consent_required', title: 'consent' })} />,
      routedClient({}, () => Promise.resolve({ ...meFixture, roles: ['Learner'], primaryRole: 'Learner' })),
    );
    expect(await screen.findByText(/Ask your Microsoft 365 admin to grant consent/)).toBeTruthy();
    expect(screen.queryByTestId('consent-admin-link')).toBeNull();
  });
});
