import type { Browser, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { callApi } from './http';
import { startTestServer, type TestServer } from './server';

export { checkAccessibility, screenshot } from './tab-checks';

/** The four demo people the host emulator signs in as. */
export type PersonaKey = 'learner' | 'manager' | 'learningLeader' | 'admin';
/** The Teams themes the emulator pushes to the tab. */
export type HostTheme = 'default' | 'dark' | 'contrast';
/** How the emulator opens the tab: personal app, channel tab, or the "add a tab" configuration dialog. */
export type HostPlacement = 'personal' | 'channel' | 'config';
/** States of a page root (`data-state`). */
export type PageState = 'loading' | 'ready' | 'empty' | 'error';

/** Page roots by name: `<article data-testid="page-<name>">`, and the diagnostics view's section. */
export const pageNames = [
  'home',
  'initiatives',
  'wizard',
  'initiative',
  'config',
  'channel',
  'pulse',
  'profile',
  'about',
  'report',
  'admin',
  'diagnostics',
] as const;

/** A page root the session can wait for. */
export type PageName = (typeof pageNames)[number];

/** The test id of a page root. */
export function pageTestId(name: PageName): string {
  return name === 'diagnostics' ? 'diagnostics-view' : `page-${name}`;
}

/** A demo person as `/dev/personas` lists them. */
export interface Persona {
  readonly key: PersonaKey;
  readonly userId: string;
  readonly displayName: string;
  readonly roleLabel: string;
}

/** `/dev/personas`: the tenant, its personas and the team a channel tab is placed in. */
export interface PersonaDirectory {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly personas: readonly Persona[];
  readonly team: {
    teamId: string;
    groupId: string;
    channelId: string;
    teamName: string;
    channelName: string;
  } | null;
}

/** An API answer for test set-up and checks. */
export interface ApiAnswer<T> {
  readonly status: number;
  readonly contentType: string;
  readonly body: T;
}

/** A demo server, one Chromium and the host emulator page with the tab in its frame. */
export interface TabSession {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly page: Page;
  /** The tab's iframe; the same Frame across loads. */
  readonly frame: Frame;
  readonly tab: FrameLocator;
  readonly directory: PersonaDirectory;
  /** Uncaught errors of the host page and the tab, in order. */
  readonly pageErrors: string[];
  /** Console errors of the host page and the tab, in order (failure messages quote the last ones). */
  readonly consoleErrors: string[];
  persona(key: PersonaKey): Persona;
  /** Signs in as another persona through the emulator's control; the tab reloads on the same route. */
  usePersona(key: PersonaKey): Promise<void>;
  /** Switches the Teams theme; waits until the tab's app root follows. */
  useTheme(theme: HostTheme): Promise<void>;
  /** Opens the tab as a personal app, a channel tab, or in the configuration dialog (a fresh load). */
  usePlacement(placement: HostPlacement): Promise<void>;
  /** Moves the tab to a route (`#/…`) without reloading and waits for the page root. */
  open(route: string, name: PageName, states?: readonly PageState[]): Promise<Locator>;
  /** Reloads the tab with the emulator's "Reload tab" button and waits for the page root. */
  reload(name: PageName, states?: readonly PageState[]): Promise<Locator>;
  /** Waits until a page root is ready or empty (or another accepted state); fails fast on an error state. */
  waitForPage(name: PageName, states?: readonly PageState[]): Promise<Locator>;
  /** Runs a tab-changing action that makes the emulator load the tab afresh, and waits for the new load. */
  afterTabLoad(action: () => Promise<unknown>): Promise<void>;
  /** Calls the API as a persona (test set-up and checks; the UI is what is tested). */
  api<T>(key: PersonaKey, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>;
  close(): Promise<void>;
}

/** An initiative as `GET /api/initiatives` lists it, in the fields the browser tests use. */
export interface InitiativeSummary {
  readonly id: string;
  readonly name: string;
}

/** The demo's sample initiative: the first the learning leader's list holds (fails if there is none). */
export async function sampleInitiative(session: TabSession): Promise<InitiativeSummary> {
  const list = await session.api<{ items: InitiativeSummary[] }>('learningLeader', 'GET', '/api/initiatives');
  const first = list.body.items[0];
  if (!first) throw new Error('the demo has no initiative');
  return first;
}

const defaultStates: readonly PageState[] = ['ready', 'empty'];
const pageTimeoutMs = 20_000;
const closeWaitMs = 10_000;

/** Starts the demo server and Chromium, opens `/dev/host` and waits until the tab's shell is connected. */
export async function startTabSession(options: { env?: Record<string, string> } = {}): Promise<TabSession> {
  const server = await startTestServer(options.env);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    return await openHost(server, browser);
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

async function openHost(server: TestServer, browser: Browser): Promise<TabSession> {
  const directory = (await (await fetch(`${server.baseUrl}/dev/personas`)).json()) as PersonaDirectory;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  // Shorter than the test timeout, so a missing element fails with its locator rather than a bare timeout.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text().slice(0, 500));
  });
  await page.goto(`${server.baseUrl}/dev/host`);
  await page.locator('#persona:not([disabled])').waitFor();
  const frame = await (await page.locator('#tab-frame').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the host emulator has no tab frame');
  const tab = page.frameLocator('#tab-frame');
  const tokens = new Map<PersonaKey, string>();

  const persona = (key: PersonaKey): Persona => {
    const found = directory.personas.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`/dev/personas has no ${key}`);
    return found;
  };

  const waitForPage = async (name: PageName, states: readonly PageState[] = defaultStates) => {
    const testId = pageTestId(name);
    const settled = ['ready', 'empty', 'error']
      .map((state) => `[data-testid="${testId}"][data-state="${state}"]`)
      .concat('[data-testid="tab-error"]')
      .join(', ');
    const found = tab.locator(settled).first();
    try {
      await found.waitFor({ timeout: pageTimeoutMs });
    } catch {
      const present = await tab.locator(`[data-testid="${testId}"]`).count();
      const state = present ? await tab.getByTestId(testId).first().getAttribute('data-state') : null;
      throw new Error(
        `${testId} did not settle within ${pageTimeoutMs / 1000} s at ${frame.url()}: ` +
          (present ? `data-state=${String(state)}` : 'no such element in the tab'),
      );
    }
    const [foundId, state] = await found.evaluate((element) => [
      element.getAttribute('data-testid'),
      element.getAttribute('data-state'),
    ]);
    if (foundId !== testId || !states.includes(state as PageState)) {
      const text = (await found.innerText()).replace(/\s+/g, ' ').slice(0, 400);
      const recent = consoleErrors
        .slice(-3)
        .map((line) => `\n  console: ${line}`)
        .join('');
      throw new Error(
        `${testId} expected ${states.join('|')} but the tab shows ${foundId}[${state}]: ${text}${recent}`,
      );
    }
    return tab.locator(`[data-testid="${testId}"]`).first();
  };

  const afterTabLoad = async (action: () => Promise<unknown>) => {
    const iframe = page.locator('#tab-frame');
    const before = await iframe.getAttribute('src');
    await action();
    await page.waitForFunction(
      (previous) => document.getElementById('tab-frame')?.getAttribute('src') !== previous,
      before,
    );
    const load = new URL((await iframe.getAttribute('src')) ?? '', server.baseUrl).searchParams.get('load');
    await frame.waitForURL((url) => url.searchParams.get('load') === load);
  };

  const session: TabSession = {
    server,
    browser,
    page,
    frame,
    tab,
    directory,
    pageErrors,
    consoleErrors,
    persona,
    waitForPage,
    afterTabLoad,
    async usePersona(key) {
      persona(key);
      await afterTabLoad(() => page.selectOption('#persona', key));
    },
    async useTheme(theme) {
      await page.selectOption('#theme', theme);
      await tab
        .locator(`[data-testid="app-root"][data-theme="${theme}"]`)
        .waitFor({ timeout: pageTimeoutMs });
    },
    async usePlacement(placement) {
      await afterTabLoad(() => page.selectOption('#context', placement));
    },
    async open(route, name, states) {
      if (!route.startsWith('#/')) throw new Error(`a tab route starts with #/: ${route}`);
      // Resolves after the tab's hashchange listeners ran, so the old page root is not mistaken for the new.
      await frame.evaluate(async (hash) => {
        if (window.location.hash === hash) return;
        const changed = new Promise((resolve) =>
          window.addEventListener('hashchange', resolve, { once: true }),
        );
        window.location.hash = hash;
        await changed;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }, route);
      return waitForPage(name, states);
    },
    async reload(name, states) {
      await afterTabLoad(() => page.click('#reload'));
      return waitForPage(name, states);
    },
    async api<T>(key: PersonaKey, method: string, path: string, body?: unknown) {
      let token = tokens.get(key);
      if (!token) {
        const demo = server.composed.demo;
        if (!demo) throw new Error('the test server is not in demo mode');
        token = await demo.identity.issueSsoToken(persona(key).userId);
        tokens.set(key, token);
      }
      const response = await callApi(server.baseUrl, method, path, token, body);
      const contentType = response.headers.get('content-type') ?? '';
      const text = await response.text();
      const parsed: unknown = contentType.includes('json') && text ? JSON.parse(text) : text;
      return { status: response.status, contentType, body: parsed as T };
    },
    async close() {
      await browser.close();
      // A collection waiting on the demo Graph's usage-report limit does not stop when cancelled, and the
      // worker waits for it on shutdown (minutes). The test process ends soon after, so stop waiting then.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<'gave-up'>((resolve) => {
        timer = setTimeout(() => resolve('gave-up'), closeWaitMs);
      });
      const outcome = await Promise.race([server.close().then(() => 'closed' as const), gaveUp]);
      clearTimeout(timer);
      if (outcome === 'gave-up')
        console.warn(
          `tab-session: the server was still closing after ${closeWaitMs / 1000} s (a job still running)`,
        );
    },
  };
  // The shell (navigation and <main>) shows once teams-js connected; pages are waited for by name.
  await tab.locator('[data-testid="app-root"] main').waitFor({ timeout: pageTimeoutMs });
  return session;
}
