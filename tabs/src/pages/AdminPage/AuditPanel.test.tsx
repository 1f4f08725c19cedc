// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import type { ApiClient } from '../../api/client';
import { AuditPanel } from './AuditPanel';
import { routedClient } from './admin-test-client';

afterEach(cleanup);

function entry(id: number, action: string) {
  return {
    id: String(id),
    at: `2026-11-${String(10 + (id % 10)).padStart(2, '0')}T10:00:00.000Z`,
    actorId: id === 1 ? 'erased' : `user-${id}`,
    action,
    target: 'my-org',
    detail: { format: 'csv' },
  };
}

function renderPanel(client: ApiClient) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <AuditPanel locale="en-us" />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

const rows = () => screen.getAllByTestId('admin-audit-row').map((row) => within(row).getAllByRole('cell'));
const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe('AuditPanel', () => {
  it('pages to older entries with the cursor the API gave, and back to newer ones', async () => {
    const { client, calls } = routedClient({
      'GET /api/admin/audit?limit=50': {
        body: { items: [entry(9, 'report.export'), entry(8, 'settings.update')], nextBefore: '8' },
      },
      'GET /api/admin/audit?limit=50&before=8': {
        body: { items: [entry(1, 'custom.thing')], nextBefore: null },
      },
    });
    renderPanel(client);
    await waitFor(() => expect(screen.getByTestId('admin-audit').dataset.state).toBe('ready'));
    expect(rows().map((cells) => cells[2]?.textContent)).toEqual(['Exported a report', 'Changed settings']);
    expect(rows()[0]?.[4]?.textContent).toBe('format: csv');
    expect(button('admin-audit-newer').disabled).toBe(true);
    expect(screen.getByTestId('admin-audit-page').textContent).toBe('Page 1');

    fireEvent.click(button('admin-audit-older'));
    await waitFor(() => expect(screen.getByTestId('admin-audit-page').textContent).toBe('Page 2'));
    await waitFor(() => expect(screen.getByTestId('admin-audit').dataset.state).toBe('ready'));
    // An action the tab has no words for is shown as its code; an erased actor is named as such.
    expect(rows().map((cells) => [cells[1]?.textContent, cells[2]?.textContent])).toEqual([
      ['erased person', 'custom.thing'],
    ]);
    expect(button('admin-audit-older').disabled).toBe(true);

    fireEvent.click(button('admin-audit-newer'));
    await waitFor(() => expect(screen.getByTestId('admin-audit-page').textContent).toBe('Page 1'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(calls.map((call) => call.path)).toEqual([
      '/api/admin/audit?limit=50',
      '/api/admin/audit?limit=50&before=8',
      '/api/admin/audit?limit=50',
    ]);
  });

  it('starts again from the newest entries when the page size changes', async () => {
    const { client, calls } = routedClient({
      'GET /api/admin/audit?limit=50': { body: { items: [entry(9, 'report.view')], nextBefore: '9' } },
      'GET /api/admin/audit?limit=50&before=9': {
        body: { items: [entry(2, 'report.view')], nextBefore: null },
      },
      'GET /api/admin/audit?limit=100': { body: { items: [], nextBefore: null } },
    });
    renderPanel(client);
    await waitFor(() => expect(screen.getByTestId('admin-audit').dataset.state).toBe('ready'));
    fireEvent.click(button('admin-audit-older'));
    await waitFor(() => expect(screen.getByTestId('admin-audit-page').textContent).toBe('Page 2'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Entries per page' }), {
      target: { value: '100' },
    });
    expect((await screen.findByTestId('admin-audit-empty')).textContent).toBe('No audit entries yet.');
    expect(screen.getByTestId('admin-audit-page').textContent).toBe('Page 1');
    expect(calls.at(-1)?.path).toBe('/api/admin/audit?limit=100');
  });
});
