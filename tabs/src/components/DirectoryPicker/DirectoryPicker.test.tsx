// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient, type ApiRequest } from '../../api/client';
import type { DirectoryItem } from '../../api/directory';
import { fakeClient } from '../../test-fixtures/fake-client';
import { DirectoryPicker } from './DirectoryPicker';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const team = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  displayName: 'Sales EMEA',
  description: 'Sellers',
  mail: null,
  visibility: 'private',
};

function Harness({ delayMs, onChange }: { delayMs: number; onChange?: (items: DirectoryItem[]) => void }) {
  const [selected, setSelected] = useState<DirectoryItem[]>([]);
  return (
    <DirectoryPicker
      kind="teams"
      label="Target group: Teams"
      selected={selected}
      delayMs={delayMs}
      onChange={(items) => {
        setSelected(items);
        onChange?.(items);
      }}
    />
  );
}

function renderPicker(client: ApiClient, delayMs: number, onChange?: (items: DirectoryItem[]) => void) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <Harness delayMs={delayMs} {...(onChange ? { onChange } : {})} />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

describe('DirectoryPicker', () => {
  it('searches once after the pause in typing, not on every key', async () => {
    vi.useFakeTimers();
    const request = vi.fn((call: ApiRequest<unknown>) =>
      Promise.resolve(
        call.schema?.safeParse({ items: [team] }).success ? ({ items: [team] } as never) : (null as never),
      ),
    );
    renderPicker(fakeClient({ request }), 300);
    const input = screen.getByRole('combobox', { name: 'Target group: Teams' });
    for (const text of ['S', 'Sa', 'Sal']) {
      fireEvent.change(input, { target: { value: text } });
      await act(() => vi.advanceTimersByTimeAsync(100));
    }
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Searching…');
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0].path).toBe('/api/directory/teams?q=Sal');
    expect(screen.getByRole('status').textContent).toBe('1 match. Use the arrow keys to choose.');
  });

  it('lets the person choose a result with the keyboard and shows it as a removable tag', async () => {
    const onChange = vi.fn();
    renderPicker(fakeClient({ request: () => Promise.resolve({ items: [team] } as never) }), 0, onChange);
    const input = screen.getByRole('combobox', { name: 'Target group: Teams' });
    fireEvent.change(input, { target: { value: 'Sales' } });
    const option = await screen.findByRole('option', { name: /Sales EMEA/ });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(option.textContent).toMatch(/Sellers/);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith([{ id: team.id, label: 'Sales EMEA', secondary: 'Sellers' }]);
    const tag = screen.getByRole('option', { name: /Sales EMEA/ });
    fireEvent.click(tag);
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('explains admin consent when the directory answers consent_required, keeping the typed text', async () => {
    const consent = new ApiError({ status: 403, code: 'consent_required', title: 'Consent required' });
    renderPicker(fakeClient({ request: () => Promise.reject(consent) }), 0);
    const input = screen.getByRole('combobox', { name: 'Target group: Teams' });
    fireEvent.change(input, { target: { value: 'Sales' } });
    const panel = await screen.findByTestId('picker-consent');
    expect(panel.textContent).toMatch(/An admin must grant consent/);
    expect(panel.textContent).toMatch(/Grant admin consent/);
    expect((input as HTMLInputElement).value).toBe('Sales');
  });

  it('shows other failures as errors without the consent advice', async () => {
    const down = new ApiError({ status: 503, code: 'graph_unavailable', title: 'Graph down' });
    renderPicker(fakeClient({ request: () => Promise.reject(down) }), 0);
    fireEvent.change(screen.getByRole('combobox', { name: 'Target group: Teams' }), {
      target: { value: 'x' },
    });
    expect((await screen.findByTestId('picker-error')).textContent).toMatch(
      /Microsoft Graph could not be reached/,
    );
    expect(screen.queryByTestId('picker-consent')).toBeNull();
  });
});
