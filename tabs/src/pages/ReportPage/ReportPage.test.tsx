// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient, type ApiRequest } from '../../api/client';
import { fakeClient } from '../../test-fixtures/fake-client';
import { fakeHost } from '../../test-fixtures/fake-host';
import type { ReportActionDeps } from './ReportActions';
import ReportPage from './ReportPage';
import { reportFixture, withheldFixture } from './report-fixture';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

beforeEach(() => {
  window.location.hash = '#/report';
});

function deps(overrides: Partial<ReportActionDeps> = {}): ReportActionDeps {
  return {
    sharing: { isSupported: () => false, shareLink: vi.fn(() => Promise.resolve()) },
    openPrintView: vi.fn(() => 'window' as const),
    copyText: vi.fn(() => Promise.resolve()),
    origin: 'https://learnfit.example',
    ...overrides,
  };
}

function answering(report: unknown, extra: Partial<ApiClient> = {}) {
  const request = vi.fn(<T,>(call: ApiRequest<T>) => {
    const parsed = call.schema?.safeParse(report);
    return parsed?.success ? Promise.resolve(parsed.data) : Promise.reject(new Error('bad fixture'));
  });
  return { client: fakeClient({ request: request as ApiClient['request'], ...extra }), request };
}

function renderPage(client: ApiClient, actionDeps: ReportActionDeps = deps()) {
  const { host } = fakeHost();
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <ReportPage host={host} deps={actionDeps} />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

async function ready() {
  await waitFor(() => expect(screen.getByTestId('page-report').dataset.state).toBe('ready'));
}

describe('ReportPage', () => {
  it('shows a skeleton while loading, then the headline, data-as-of and group size', async () => {
    const { client, request } = answering(reportFixture);
    renderPage(client);
    expect(screen.getByTestId('page-report').dataset.state).toBe('loading');
    await ready();
    expect(request.mock.calls[0]?.[0].path).toBe('/api/reports/my-org');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Workflow fit of your org: Sales onboarding',
    );
    expect(screen.getByTestId('report-score').textContent).toBe('61');
    expect(screen.getByTestId('report-data-as-of').textContent).toBe('Data as of Nov 28, 2026');
    expect(screen.getByTestId('report-group-size').textContent).toBe('42 people in your org');
  });

  it('shows modes and features as released: hidden cells read Hidden, nothing is estimated', async () => {
    renderPage(answering(reportFixture).client);
    await ready();
    const modes = within(screen.getByTestId('report-modes'));
    const modeRows = modes.getAllByTestId('report-modes-row').map((row) => row.textContent);
    // The external learning platform has no signal, so it is not a row; Engage is hidden, not zero.
    expect(modeRows).toEqual([
      'Teams channels64%41%3',
      'Teams chat93%88%41.5',
      'Viva EngageHiddenHiddenHidden',
    ]);
    expect(modes.getByRole('img').getAttribute('aria-label')).toBe(
      'How your org works today: Teams channels 64%, Teams chat 93%, Viva Engage Hidden.',
    );

    const features = within(screen.getByTestId('report-features'));
    const featureRows = features.getAllByTestId('report-features-row').map((row) => row.textContent);
    expect(featureRows).toEqual([
      'Weekly Q&A threadTeams channels7264%50%Hidden60%',
      'Engage communityViva EngageHiddenHiddenHiddenHiddenHidden',
      'LMS moduleExternal learning platformNot measurableNot measurableNot measurableNot measurableDoes not apply',
    ]);
    const bars = screen.getByTestId('report-features').querySelectorAll('g');
    expect([...bars].map((bar) => bar.getAttribute('data-hidden'))).toEqual(['false', 'true', 'true']);
    expect(screen.getByTestId('report-coverage').textContent).toMatch(/Hidden: fewer than 5 people/);
  });

  it('says the figures are withheld when the org is under k, with no figures at all', async () => {
    renderPage(answering(withheldFixture).client);
    await waitFor(() => expect(screen.getByTestId('page-report').dataset.state).toBe('empty'));
    expect(screen.getByTestId('report-withheld').textContent).toMatch(/fewer than 7 people/);
    expect(screen.queryByTestId('report-modes')).toBeNull();
    expect(screen.queryByTestId('report-export-csv')).toBeNull();
  });

  it('explains the report is for managers when the API refuses with 403', async () => {
    const error = new ApiError({ status: 403, code: 'forbidden', title: 'This report is for managers' });
    renderPage(fakeClient({ request: () => Promise.reject(error) }));
    await waitFor(() => expect(screen.getByTestId('page-report').dataset.state).toBe('error'));
    expect(screen.getByTestId('report-not-manager').textContent).toMatch(/nobody reporting to you/);
  });

  it('says there is no data yet when no snapshot exists', async () => {
    const error = new ApiError({ status: 404, code: 'not_found', title: 'No snapshot yet' });
    renderPage(fakeClient({ request: () => Promise.reject(error) }));
    await waitFor(() => expect(screen.getByTestId('page-report').dataset.state).toBe('empty'));
    expect(screen.getByTestId('report-no-snapshot').textContent).toMatch(/run a collection/);
  });

  it('exports the CSV as a downloaded file named after the data date', async () => {
    const download = vi.fn(() => Promise.resolve({ text: 'section,item\r\n', contentType: 'text/csv' }));
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderPage(answering(reportFixture, { download }).client);
    await ready();

    fireEvent.click(screen.getByTestId('report-export-csv'));
    await screen.findByText('CSV saved');
    expect(download).toHaveBeenCalledWith('/api/reports/my-org.csv');
    expect(clicked.map((link) => [link.download, link.getAttribute('href')])).toEqual([
      ['learnfit-my-org-workflow-fit-2026-11-28.csv', 'blob:report'],
    ]);
    expect(await created[0]?.text()).toBe('section,item\r\n');
  });

  it('passes the initiative through to the API, the exports and the shared link', async () => {
    window.location.hash = '#/report?initiativeId=i-1';
    const download = vi.fn(() => Promise.resolve({ text: '<html></html>', contentType: 'text/html' }));
    const { client, request } = answering(reportFixture, { download });
    const actionDeps = deps();
    renderPage(client, actionDeps);
    await ready();
    expect(request.mock.calls[0]?.[0].path).toBe('/api/reports/my-org?initiativeId=i-1');

    fireEvent.click(screen.getByTestId('report-print'));
    await screen.findByText('Print view ready');
    expect(download).toHaveBeenCalledWith('/api/reports/my-org.html?initiativeId=i-1');
    expect(actionDeps.openPrintView).toHaveBeenCalledWith('<html></html>', 'Printable workflow-fit report');

    fireEvent.click(screen.getByTestId('report-share'));
    await screen.findByText('Link copied');
    expect(actionDeps.copyText).toHaveBeenCalledWith(
      'https://learnfit.example/tab/index.html#/report?initiativeId=i-1',
    );
  });

  it('shares through the Teams dialog when the host supports it', async () => {
    const shareLink = vi.fn(() => Promise.resolve());
    const actionDeps = deps({ sharing: { isSupported: () => true, shareLink } });
    renderPage(answering(reportFixture).client, actionDeps);
    await ready();
    fireEvent.click(screen.getByTestId('report-share'));
    await screen.findByText('Report shared');
    expect(shareLink).toHaveBeenCalledWith(
      'https://learnfit.example/tab/index.html#/report',
      'Workflow fit of my org in LearnFit',
    );
    expect(actionDeps.copyText).not.toHaveBeenCalled();
  });

  it('falls back to copying the link, and shows it to copy by hand when the clipboard is refused', async () => {
    const actionDeps = deps({ copyText: vi.fn(() => Promise.reject(new Error('denied'))) });
    renderPage(answering(reportFixture).client, actionDeps);
    await ready();
    fireEvent.click(screen.getByTestId('report-share'));
    const status = within(screen.getByTestId('report-action-status'));
    expect((await status.findByText('Copy the link')).textContent).toBe('Copy the link');
    expect(status.getByText(/paste it into a chat; LearnFit turns it into a report card/)).toBeTruthy();
    expect((status.getByTestId('report-share-link') as HTMLInputElement).value).toBe(
      'https://learnfit.example/tab/index.html#/report',
    );
  });

  it('shows a failed export with the reason and keeps the report', async () => {
    const error = new ApiError({ status: 503, code: 'graph_unavailable', title: 'Graph' });
    renderPage(answering(reportFixture, { download: () => Promise.reject(error) }).client);
    await ready();
    fireEvent.click(screen.getByTestId('report-export-csv'));
    await screen.findByText('Microsoft Graph could not be reached, try again');
    expect(screen.getByTestId('page-report').dataset.state).toBe('ready');
  });
});
