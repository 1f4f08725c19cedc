import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, screenshot, startTabSession, type TabSession } from '../support/tab-session';

describe('a manager in the Teams host emulator', () => {
  let session: TabSession | undefined;

  beforeAll(async () => {
    session = await startTabSession();
    await session.usePersona('manager');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('reads the report of their org and exports it as CSV', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await session.open('#/home', 'home');
    await tab.getByRole('navigation').getByRole('link', { name: 'Report' }).click();
    const root = await session.waitForPage('report', ['ready']);
    expect(await root.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Workflow fit of your org/);
    await checkAccessibility(frame, 'manager report');
    await screenshot(page, 'manager-report');

    const answered = page.waitForResponse((response) => /\/api\/reports\/my-org\.csv/.test(response.url()));
    const downloaded = page.waitForEvent('download');
    await tab.getByTestId('report-export-csv').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^learnfit-my-org-workflow-fit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toBe('section,item,measure,value,unit,n,text');
    expect(rows.filter((row) => row !== '').length).toBeGreaterThan(0);
    // Aggregates only: no one in the manager's org is named in the export.
    const learner = session.persona('learner');
    expect(csv).not.toContain(learner.displayName);
    await tab.getByTestId('report-action-status').getByText('CSV saved').waitFor();
    await checkAccessibility(frame, 'manager report after export');
    await screenshot(page, 'manager-report-exported');
  });

  it('is told plainly that the admin page is not for them', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await session.open('#/admin', 'admin', ['error']);
    await tab.getByTestId('admin-not-admin').waitFor();
    await checkAccessibility(frame, 'manager on the admin page');
    await screenshot(page, 'manager-admin-refused');
    expect(session.pageErrors).toEqual([]);
  });
});
