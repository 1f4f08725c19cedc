import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { luminance } from '../support/colours';
import { startTestServer } from '../support/server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const screenshotPath = path.join(repoRoot, 'test-results', 'host-dark.png');

interface Persona {
  key: 'learner' | 'manager' | 'learningLeader' | 'admin';
  userId: string;
  displayName: string;
  roleLabel: string;
}

interface PersonaDirectory {
  tenantId: string;
  tenantName: string;
  personas: Persona[];
}

interface Counts {
  channel: number;
  chat: number;
}

function persona(directory: PersonaDirectory, key: Persona['key']): Persona {
  const found = directory.personas.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`/dev/personas has no ${key}`);
  return found;
}

function parseCount(text: string | null): number {
  const digits = (text ?? '').replace(/[\s,.\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`not a count: ${JSON.stringify(text)}`);
  return Number(digits);
}

/** Waits until the framed tab shows this person's name, then reads their two message counts. */
async function profileOf(tab: FrameLocator, person: Persona): Promise<Counts> {
  await tab.locator('[data-testid=me-name]', { hasText: person.displayName }).waitFor({ timeout: 20_000 });
  expect(await tab.getByTestId('me-name').textContent()).toBe(person.displayName);
  expect((await tab.getByTestId('me-role').textContent())?.length).toBeGreaterThan(0);
  return {
    channel: parseCount(await tab.getByTestId('me-channel-count').textContent()),
    chat: parseCount(await tab.getByTestId('me-chat-count').textContent()),
  };
}

async function appBackground(tab: FrameLocator): Promise<string> {
  return tab.getByTestId('app-root').evaluate((element) => getComputedStyle(element).backgroundColor);
}

async function waitForDarkBackground(tab: FrameLocator): Promise<string> {
  const deadline = Date.now() + 10_000;
  let color = await appBackground(tab);
  while (luminance(color) >= 0.1 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    color = await appBackground(tab);
  }
  return color;
}

describe('Teams host emulator with the built tab', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'signs in each persona through teams-js SSO and follows the Teams theme',
    { timeout: 120_000 },
    async () => {
      if (!server) throw new Error('server did not start');
      const directory = (await (await fetch(`${server.baseUrl}/dev/personas`)).json()) as PersonaDirectory;
      const learner = persona(directory, 'learner');
      const manager = persona(directory, 'manager');

      await page.goto(`${server.baseUrl}/dev/host`);
      const tab = page.frameLocator('#tab-frame');
      await page.locator('#persona:not([disabled])').waitFor();

      await page.selectOption('#persona', 'learner');
      const learnerCounts = await profileOf(tab, learner);

      await page.selectOption('#persona', 'manager');
      const managerCounts = await profileOf(tab, manager);
      expect(managerCounts).not.toEqual(learnerCounts);

      expect(luminance(await appBackground(tab))).toBeGreaterThan(0.5);
      await page.selectOption('#theme', 'dark');
      expect(luminance(await waitForDarkBackground(tab))).toBeLessThan(0.1);
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');

      const callLog = (await page.locator('#call-log').textContent()) ?? '';
      expect(callLog).toContain('authentication.getAuthToken');
      expect(callLog).toContain('themeChange');
      expect(callLog).not.toMatch(/eyJ[\w-]+\./);
      expect(await tab.getByTestId('tab-error').count()).toBe(0);
      expect(pageErrors).toEqual([]);

      await mkdir(path.dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath });
    },
  );
});
