import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, screenshot, startTabSession, type TabSession } from '../support/tab-session';

interface SettingsView {
  k: number;
  retentionDays: number;
  initiativeCreators: string;
  nameManagersInParticipation: boolean;
  savedAt: string | null;
}

describe('the admin in the Teams host emulator', () => {
  let session: TabSession | undefined;

  beforeAll(async () => {
    session = await startTabSession();
    await session.usePersona('admin');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('changes the privacy settings in the tab and finds them saved after a reload', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    const before = await session.api<SettingsView>('admin', 'GET', '/api/admin/settings');
    expect(before.status).toBe(200);
    const nextK = before.body.k + 2;
    const nextRetention = before.body.retentionDays === 120 ? 150 : 120;

    await session.open('#/admin', 'admin');
    await checkAccessibility(frame, 'admin settings');
    await screenshot(page, 'admin-settings');
    const k = tab.getByLabel('Smallest group shown (k)');
    const retention = tab.getByLabel('Keep collected data for (days)');
    expect(await k.inputValue()).toBe(String(before.body.k));

    await k.fill(String(nextK));
    await retention.fill(String(nextRetention));
    await tab.getByRole('switch', { name: 'Name managers in management-participation reports' }).click();
    await tab.getByTestId('admin-settings-save').click();
    await tab.getByTestId('admin-settings-success').waitFor();
    expect(await tab.getByTestId('admin-settings-saved-at').textContent()).toMatch(/^Last saved /);
    await checkAccessibility(frame, 'admin settings saved');
    await screenshot(page, 'admin-settings-saved');

    const after = await session.api<SettingsView>('admin', 'GET', '/api/admin/settings');
    expect(after.body).toMatchObject({
      k: nextK,
      retentionDays: nextRetention,
      nameManagersInParticipation: !before.body.nameManagersInParticipation,
    });
    expect(after.body.savedAt).not.toBeNull();

    await session.reload('admin');
    expect(await tab.getByLabel('Smallest group shown (k)').inputValue()).toBe(String(nextK));
    expect(await tab.getByLabel('Keep collected data for (days)').inputValue()).toBe(String(nextRetention));
  });

  it('refuses a k below the floor in the form and sends nothing', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab } = session;
    const before = await session.api<SettingsView>('admin', 'GET', '/api/admin/settings');
    const k = tab.getByLabel('Smallest group shown (k)');
    await k.fill('1');
    await tab.getByTestId('admin-settings-save').click();
    expect(await k.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => k.evaluate((element) => element === document.activeElement)).toBe(true);
    const after = await session.api<SettingsView>('admin', 'GET', '/api/admin/settings');
    expect(after.body).toEqual(before.body);
    await tab.getByRole('button', { name: 'Discard changes' }).click();
    expect(await k.inputValue()).toBe(String(before.body.k));
  });

  it('shows consent and the audit log, which records the settings change', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await tab.getByRole('tab', { name: 'Consent and coverage' }).click();
    await tab.getByRole('tabpanel').getByRole('heading', { name: 'Microsoft Graph consent' }).waitFor();
    await checkAccessibility(frame, 'admin consent');
    await screenshot(page, 'admin-consent');

    await tab.getByRole('tab', { name: 'Audit log' }).click();
    await tab.locator('[data-testid="admin-audit"][data-state="ready"]').waitFor();
    const rows = tab.getByTestId('admin-audit-row').filter({ hasText: 'Changed settings' });
    expect(await rows.count()).toBe(1);
    await checkAccessibility(frame, 'admin audit log');
    await screenshot(page, 'admin-audit');
    expect(session.pageErrors).toEqual([]);
  });
});
