import { pulseQuestions, type PulseAnswer } from '@learnfit/core';
import type { FrameLocator, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAccessibility,
  sampleInitiative,
  screenshot,
  startTabSession,
  type TabSession,
} from '../support/tab-session';
import { backgroundOf, colourOf, luminance } from '../support/colours';

interface PulseViewBody {
  wave: { id: string } | null;
  myAnswer: PulseAnswer | null;
}

function question(tab: FrameLocator, id: string): Locator {
  return tab.getByTestId(`pulse-question-${id}`);
}

function rowsOf(id: string): ReadonlyArray<{ value: string; label: string }> {
  const found = pulseQuestions.find((candidate) => candidate.id === id);
  if (!found || !('rows' in found)) throw new Error(`the pulse has no grid question ${id}`);
  return found.rows;
}

function optionsOf(id: string): ReadonlyArray<{ value: string; label: string }> {
  const found = pulseQuestions.find((candidate) => candidate.id === id);
  if (!found || !('options' in found)) throw new Error(`the pulse has no question with options ${id}`);
  return found.options;
}

/** The radio of one row of a grid question (a Field labelled by the row, holding a radio group). */
function gridRadio(tab: FrameLocator, questionId: string, rowLabel: string, option: string): Locator {
  return question(tab, questionId)
    .getByRole('radiogroup', { name: rowLabel, exact: true })
    .getByRole('radio', { name: option, exact: true });
}

describe('a learner in the Teams host emulator', () => {
  let session: TabSession | undefined;
  let initiativeId = '';
  let initiativeName = '';

  beforeAll(async () => {
    session = await startTabSession();
    // Set-up through the API: the learning leader opens a pulse on the sample initiative.
    const sample = await sampleInitiative(session);
    initiativeId = sample.id;
    initiativeName = sample.name;
    const closesAt = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString();
    const wave = await session.api('learningLeader', 'POST', `/api/initiatives/${initiativeId}/pulse/waves`, {
      closesAt,
    });
    expect(wave.status).toBe(201);
    await session.usePersona('learner');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sees the waiting pulse on Home', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await session.open('#/home', 'home');
    const pulseCard = tab.getByTestId('home-pulse');
    await pulseCard.getByText('A two-minute pulse is waiting for your answer.').waitFor();
    await checkAccessibility(frame, 'learner home');
    await screenshot(page, 'learner-home');
  });

  it('answers the pulse, which is saved as they go and kept after a reload', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await tab.getByRole('link', { name: `Answer the pulse for ${initiativeName}` }).click();
    await session.waitForPage('pulse');
    await checkAccessibility(frame, 'learner pulse (unanswered)');

    // Every way of learning gets a frequency, cycling through the scale.
    const frequencies = optionsOf('currentModes');
    const chosenFrequency = rowsOf('currentModes').map((mode, index) => {
      const frequency = frequencies[index % frequencies.length];
      if (!frequency) throw new Error('the frequency scale is empty');
      return { mode, frequency };
    });
    for (const { mode, frequency } of chosenFrequency)
      await gridRadio(tab, 'currentModes', mode.label, frequency.label).check();
    expect(await tab.getByTestId('pulse-progress').textContent()).toBe('1 of 4 questions answered');

    const choices = optionsOf('preferredModes');
    const picked = [choices[0], choices[2]].filter((choice) => choice !== undefined);
    for (const choice of picked)
      await question(tab, 'preferredModes')
        .getByRole('checkbox', { name: choice.label, exact: true })
        .check();

    await question(tab, 'expectedHelp').getByRole('radio', { name: /^4/ }).check();
    const habits = rowsOf('selfAssessment');
    const ratings = [3, 4, 2, 5];
    for (const [index, habit] of habits.entries()) {
      const rating = ratings[index] ?? 3;
      await question(tab, 'selfAssessment')
        .getByRole('radiogroup', { name: habit.label, exact: true })
        .getByRole('radio', { name: new RegExp(`^${rating}`) })
        .check();
    }
    expect(await tab.getByTestId('pulse-progress').textContent()).toBe('4 of 4 questions answered');
    await tab.locator('[data-testid="pulse-save-status"][data-status="saved"]').waitFor();

    const expected: PulseAnswer = {
      currentModes: Object.fromEntries(
        chosenFrequency.map(({ mode, frequency }) => [mode.value, frequency.value]),
      ) as PulseAnswer['currentModes'],
      preferredModes: picked.map((choice) => choice.value) as PulseAnswer['preferredModes'],
      expectedHelp: 4,
      selfAssessment: { participatory: 3, timely: 4, transparent: 2, current: 5 },
    };
    const stored = await session.api<PulseViewBody>(
      'learner',
      'GET',
      `/api/initiatives/${initiativeId}/pulse`,
    );
    expect(stored.body.myAnswer).toEqual(expected);
    await checkAccessibility(frame, 'learner pulse (answered)');
    await screenshot(page, 'learner-pulse');

    // A fresh load of the tab without this browser's saved draft: the answers come back from the service.
    await frame.evaluate(() => window.localStorage.clear());
    await session.reload('pulse');
    for (const { mode, frequency } of chosenFrequency)
      expect(await gridRadio(tab, 'currentModes', mode.label, frequency.label).isChecked()).toBe(true);
    for (const choice of picked) {
      const box = question(tab, 'preferredModes').getByRole('checkbox', { name: choice.label, exact: true });
      expect(await box.isChecked()).toBe(true);
    }
    expect(await question(tab, 'expectedHelp').getByRole('radio', { name: /^4/ }).isChecked()).toBe(true);

    await tab.getByRole('button', { name: 'Finish' }).click();
    await tab.getByTestId('pulse-done').waitFor();
    await checkAccessibility(frame, 'learner pulse finished');
    await screenshot(page, 'learner-pulse-done');
  });

  it('opens their own profile', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await tab.getByRole('link', { name: 'My profile' }).first().click();
    const root = await session.waitForPage('profile');
    expect(await root.getByRole('heading', { level: 1 }).textContent()).toBe('My social-learning profile');
    expect(await root.innerText()).toContain('Only you can see this page.');
    await checkAccessibility(frame, 'learner profile');
    await screenshot(page, 'learner-profile');
  });

  it('reads what LearnFit measures and never measures under Help', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await tab.getByRole('navigation').getByRole('link', { name: 'Help' }).click();
    const root = await session.waitForPage('about', ['ready']);
    expect(await root.getByRole('heading', { level: 1 }).textContent()).toBe('About LearnFit');
    await root.getByRole('heading', { name: 'What LearnFit never measures' }).waitFor();
    expect(new URL(frame.url()).hash).toBe('#/about');
    await checkAccessibility(frame, 'about');
    await screenshot(page, 'learner-about');
  });

  it('follows the Teams theme: default, dark, high contrast', async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    await session.open('#/home', 'home');
    const seen: Array<{ background: string; text: string }> = [];
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await session.useTheme(theme);
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
      const root = tab.getByTestId('app-root');
      const colours = { background: await backgroundOf(root), text: await colourOf(root) };
      if (theme === 'default') expect(luminance(colours.background)).toBeGreaterThan(0.5);
      else expect(luminance(colours.background)).toBeLessThan(0.1);
      expect(Math.abs(luminance(colours.text) - luminance(colours.background))).toBeGreaterThan(0.4);
      seen.push(colours);
      await checkAccessibility(frame, `learner home, ${theme} theme`);
      await screenshot(page, `learner-home-${theme}`);
    }
    expect(new Set(seen.map((colours) => `${colours.background}/${colours.text}`)).size).toBe(3);
    await session.useTheme('default');
    expect(session.pageErrors).toEqual([]);
  });
});
