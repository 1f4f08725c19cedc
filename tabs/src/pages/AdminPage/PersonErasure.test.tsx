// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import type { ApiClient } from '../../api/client';
import { PersonErasure } from './PersonErasure';
import { routedClient } from './admin-test-client';

afterEach(cleanup);

const personId = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const erased = { body: { counts: { pulseAnswers: 3, snapshotRows: 12 } } };

function renderWith(client: ApiClient, children: ReactNode) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </FluentProvider>,
  );
}

const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe('PersonErasure', () => {
  it('sends nothing until the erasure is confirmed, and nothing after Cancel', async () => {
    const { client, calls } = routedClient({ [`DELETE /api/admin/people/${personId}`]: erased });
    renderWith(client, <PersonErasure />);
    expect(button('admin-erase-person-start').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('admin-person-id'), { target: { value: 'not-an-id' } });
    expect(screen.getByText(/An Entra object id looks like/)).toBeTruthy();
    expect(button('admin-erase-person-start').disabled).toBe(true);

    fireEvent.change(screen.getByTestId('admin-person-id'), { target: { value: personId } });
    fireEvent.click(button('admin-erase-person-start'));
    expect(await screen.findByRole('alertdialog')).toBeTruthy();
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByTestId('admin-confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls).toEqual([]);

    fireEvent.click(button('admin-erase-person-start'));
    fireEvent.click(await screen.findByTestId('admin-confirm-confirm'));
    const result = await screen.findByTestId('admin-erase-person-result');
    expect(result.textContent).toMatch(/15 records were removed or rewritten/);
    expect(calls).toEqual([{ method: 'DELETE', path: `/api/admin/people/${personId}`, body: undefined }]);
  });

  it('finds people by name and erases the one picked', async () => {
    const { client, calls } = routedClient({
      'GET /api/directory/people?q=ines': {
        body: {
          items: [
            {
              id: personId,
              displayName: 'Ines Okafor',
              mail: 'ines@contoso.example',
              userPrincipalName: null,
              jobTitle: 'Designer',
              department: null,
            },
          ],
        },
      },
      [`DELETE /api/admin/people/${personId}`]: erased,
    });
    renderWith(client, <PersonErasure />);
    fireEvent.change(screen.getByTestId('admin-person-search'), { target: { value: 'ines' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Select Ines Okafor' }));
    expect(screen.getByTestId('admin-erase-person-target').textContent).toBe('Chosen: Ines Okafor');
    fireEvent.click(button('admin-erase-person-start'));
    expect((await screen.findByRole('alertdialog')).textContent).toMatch(
      /Erase all LearnFit data about Ines Okafor\?/,
    );
    fireEvent.click(screen.getByTestId('admin-confirm-confirm'));
    await screen.findByTestId('admin-erase-person-result');
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /api/directory/people?q=ines',
      `DELETE /api/admin/people/${personId}`,
    ]);
  });
});
