// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tabConfig } from '../../config';
import { fakeHost } from '../../test-fixtures/fake-host';
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

function renderPage() {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ConfigPage host={fakeHost().host} />
    </FluentProvider>,
  );
}

describe('ConfigPage', () => {
  it('marks the page valid and, on Save, saves a channel tab that opens on Home', async () => {
    vi.mocked(pages.config.setConfig).mockResolvedValue(undefined);
    renderPage();

    expect(pages.config.setValidityState).toHaveBeenCalledWith(true);
    const handler = vi.mocked(pages.config.registerOnSaveHandler).mock.calls[0]?.[0];
    if (!handler) throw new Error('no save handler registered');

    const event = { result: {}, notifySuccess: vi.fn(), notifyFailure: vi.fn() };
    handler(event);
    await waitFor(() => expect(event.notifySuccess).toHaveBeenCalledOnce());
    expect(pages.config.setConfig).toHaveBeenCalledWith({
      entityId: 'learnfit-team',
      contentUrl: `${window.location.origin}${tabConfig.basePath}index.html#/home`,
      suggestedDisplayName: 'LearnFit',
    });
    expect(screen.queryByTestId('config-unsupported')).toBeNull();
  });

  it('tells Teams when saving failed', async () => {
    vi.mocked(pages.config.setConfig).mockRejectedValue(new Error('host refused'));
    renderPage();
    const handler = vi.mocked(pages.config.registerOnSaveHandler).mock.calls[0]?.[0];
    const event = { result: {}, notifySuccess: vi.fn(), notifyFailure: vi.fn() };
    handler?.(event);
    await waitFor(() => expect(event.notifyFailure).toHaveBeenCalledWith('host refused'));
  });

  it('explains itself when opened outside the "add a tab" dialog', () => {
    vi.mocked(pages.config.registerOnSaveHandler).mockImplementation(() => {
      throw new Error('This call is only allowed in following contexts: ["settings"].');
    });
    renderPage();
    expect(screen.getByTestId('config-unsupported').textContent).toMatch(/only used while adding LearnFit/);
  });
});
