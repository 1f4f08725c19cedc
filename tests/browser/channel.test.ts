import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAccessibility,
  sampleInitiative,
  screenshot,
  startTabSession,
  type InitiativeSummary,
  type TabSession,
} from '../support/tab-session';

describe('LearnFit as a channel tab in the Teams host emulator', () => {
  let session: TabSession | undefined;
  let sample: InitiativeSummary = { id: '', name: '' };

  beforeAll(async () => {
    session = await startTabSession();
    sample = await sampleInitiative(session);
    await session.usePersona('learningLeader');
  });

  afterAll(async () => {
    await session?.close();
  });

  it(
    'is configured with an initiative when added to a channel, and then shows it',
    { timeout: 90_000 },
    async () => {
      if (!session) throw new Error('the session did not start');
      const { tab, frame, page } = session;
      const team = session.directory.team;
      if (!team) throw new Error('the demo has no team for a channel tab');

      await session.usePlacement('config');
      await session.waitForPage('config', ['ready']);
      const save = page.locator('#config-save');
      expect(await save.isDisabled()).toBe(true);
      await tab.getByRole('combobox', { name: 'Initiative' }).selectOption({ label: sample.name });
      expect(await tab.getByTestId('config-choice').textContent()).toBe(
        `The tab will show "${sample.name}". Select Save to add it.`,
      );
      await page.locator('#config-save:not([disabled])').waitFor();
      await checkAccessibility(frame, 'channel tab configuration');
      await screenshot(page, 'channel-config');

      await session.afterTabLoad(() => save.click());
      const root = await session.waitForPage('channel', ['ready']);
      expect(new URL(frame.url()).hash).toContain(`initiative=${encodeURIComponent(sample.id)}`);
      expect(await page.locator('#placement').textContent()).toBe(`${team.teamName} › ${team.channelName}`);
      expect(await root.getByTestId('initiative-header').innerText()).toContain(sample.name);
      await session.waitForPage('diagnostics', ['ready']);
      await checkAccessibility(frame, 'channel tab content');
      await screenshot(page, 'channel-content');
    },
  );

  it(
    'shows a channel member what the initiative plans, and no diagnostics',
    { timeout: 60_000 },
    async () => {
      if (!session) throw new Error('the session did not start');
      const { tab, frame, page } = session;
      await session.usePersona('learner');
      const root = await session.waitForPage('channel', ['ready']);
      expect(await root.getAttribute('data-view')).toBe('member');
      expect(await root.getByTestId('initiative-header').innerText()).toContain(sample.name);
      expect(await root.getByTestId('design-summary').isVisible()).toBe(true);
      // Diagnostics are for the people who run the initiative; nothing of them reaches a member.
      expect(await tab.getByTestId('diagnostics-view').count()).toBe(0);
      expect(await root.getByRole('link', { name: 'Answer the pulse (2 minutes)' }).isVisible()).toBe(true);
      await checkAccessibility(frame, 'channel tab content for a member');
      await screenshot(page, 'channel-content-learner');
      expect(session.pageErrors).toEqual([]);
    },
  );
});
