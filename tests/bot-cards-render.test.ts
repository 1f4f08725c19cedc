// Every card the bot sends, validated and rendered with the Adaptive Cards JS library (adaptivecards
// 3.0.6) in Chromium, in light, dark and high-contrast host configs; screenshots land in
// tests/artifacts/cards/. No official Adaptive Card 1.5 JSON schema ships in an npm package (the
// designer's embedded schema is the 1.0 one, without Action.Execute), so the library's own parser and
// property validation are the check: any parse or validation event fails the test.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnosticsResponseSchema } from '@learnfit/core';
import {
  fitFormCard,
  fitOutcomeAttachment,
  helpCard,
  noReportCard,
  notificationCard,
  notificationsCard,
  spellItOutCard,
  statusCard,
  unknownCommandCard,
  welcomeCard,
} from '@learnfit/bot';
import type * as AdaptiveCardsLibrary from 'adaptivecards';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAdded, message, postActivity, type ActivityScope } from './support/bot-activities';
import { launchChromium } from './support/browser';
import { backgroundOf, hostConfigOf, type CardTheme } from './support/card-host-configs';
import { startFakeConnector, type FakeConnector } from './support/fake-connector';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'tests', 'artifacts', 'cards');
const library = path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js');
const themes: readonly CardTheme[] = ['light', 'dark', 'contrast'];
const maxBytes = 28 * 1024;

let server: TestServer;
let connector: FakeConnector;
let browser: Browser;
const cards = new Map<string, unknown>();

/** B1's cards as the server sends them: search results and the `report` answer, with real data. */
async function liveCards(): Promise<void> {
  const demo = server.composed.demo!;
  const tenantId = demo.tenant.tenantId;
  const leader = demo.tenant.personas.learningLeader;
  await callApi(server.baseUrl, 'GET', '/api/me', await demo.identity.issueSsoToken(leader));
  const scope: ActivityScope = {
    tenantId,
    serviceUrl: connector.serviceUrl,
    userId: leader,
    conversationId: `a:cards-${leader}`,
    kind: 'personal',
  };
  const search = await postActivity(server.baseUrl, {
    ...botAdded(scope),
    type: 'invoke',
    name: 'composeExtension/query',
    value: {
      commandId: 'searchInitiatives',
      parameters: [{ name: 'query', value: demo.tenant.sampleInitiative.name.split(' ')[0] }],
      queryOptions: { skip: 0, count: 5 },
    },
  });
  const attachments =
    (search.body as { composeExtension?: { attachments?: Array<{ content: unknown }> } }).composeExtension
      ?.attachments ?? [];
  attachments
    .slice(0, 2)
    .forEach((attachment, index) => cards.set(`search-result-${index + 1}`, attachment.content));
  await postActivity(server.baseUrl, message(scope, `report ${demo.tenant.sampleInitiative.name}`));
  const report = connector.to(scope.conversationId).at(-1)?.body.attachments?.[0]?.content;
  if (report) cards.set('report', report);

  // The quick fit check's dialog, and its answer built from the sample initiative's released workflow fit.
  cards.set('fit-form', fitFormCard(['peerQa', 'liveSession']));
  const leaderToken = await demo.identity.issueSsoToken(leader);
  const list = await callApi(server.baseUrl, 'GET', '/api/initiatives', leaderToken);
  const { items } = (await list.json()) as { items: Array<{ id: string; name: string }> };
  const sampleId = items.find((item) => item.name === demo.tenant.sampleInitiative.name)?.id ?? '';
  const diagnostics = await callApi(
    server.baseUrl,
    'GET',
    `/api/initiatives/${encodeURIComponent(sampleId)}/diagnostics`,
    leaderToken,
  );
  const released = diagnosticsResponseSchema.parse(await diagnostics.json());
  const links = { web: `${server.baseUrl}/tab/index.html#/profile`, teams: null };
  const estimate = fitOutcomeAttachment(
    {
      kind: 'estimate',
      scope: 'conversation',
      rosterSize: 12,
      snapshot: released.snapshot,
      k: released.k,
      result: released.results.workflowFit,
    },
    links,
  );
  cards.set('fit-estimate', estimate.content);
  const tooSmall = fitOutcomeAttachment(
    { kind: 'too-small', scope: 'my-org', rosterSize: 9, found: 3, k: 5 },
    links,
  );
  cards.set('fit-too-small', tooSmall.content);
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  connector = await startFakeConnector();
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  browser = await launchChromium();
  const link = 'https://learnfit.example.com/tab/index.html';
  cards.set('welcome-personal', welcomeCard('personal', 'Adele Vance', link));
  cards.set('welcome-team', welcomeCard('channel', null, link));
  cards.set('welcome-group-chat', welcomeCard('groupChat', 'Adele Vance', link));
  cards.set('help-on', helpCard(true, link));
  cards.set('help-off', helpCard(false, link));
  cards.set('unknown-command', unknownCommandCard('what is the weather', link));
  cards.set('notifications-off', notificationsCard(false));
  cards.set(
    'status',
    statusCard(
      {
        kind: 'runs',
        runs: [
          {
            initiative: 'Sales onboarding 2026',
            kind: 'baseline',
            state: 'running',
            phase: 'messages',
            percent: 62,
            at: '2026-11-30T09:00:00.000Z',
          },
          {
            initiative: 'Sales onboarding 2026',
            kind: 'followup',
            state: 'queued',
            phase: null,
            percent: null,
            at: '2026-12-28T09:00:00.000Z',
          },
          {
            initiative: 'Engineering guild',
            kind: 'baseline',
            state: 'succeeded',
            phase: null,
            percent: null,
            at: '2026-11-12T14:31:00.000Z',
          },
        ],
      },
      link,
    ),
  );
  cards.set(
    'status-not-allowed',
    statusCard(
      { kind: 'not-allowed', reason: 'Collection progress is shown to learning leaders and admins.' },
      link,
    ),
  );
  cards.set('no-report', noReportCard('There is no report you may read yet.', link));
  const closesAt = '2026-12-07T17:00:00.000Z';
  cards.set(
    'notification-collection',
    notificationCard(
      { kind: 'collectionFinished', initiative: 'Sales onboarding 2026', people: 312, openUrl: link },
      true,
    ),
  );
  cards.set(
    'notification-followup-channel',
    notificationCard({ kind: 'followUpReady', initiative: 'Sales onboarding 2026', openUrl: link }, false),
  );
  cards.set(
    'notification-pulse',
    notificationCard(
      { kind: 'pulseInvitation', initiative: 'Sales onboarding 2026', closesAt, openUrl: link },
      true,
    ),
  );
  cards.set(
    'notification-reminder',
    notificationCard(
      { kind: 'pulseReminder', initiative: 'Sales onboarding 2026', closesAt, openUrl: link },
      true,
    ),
  );
  const spell = {
    postId: 'post-1',
    title: 'Ask your questions where you already work',
    text: 'Most of the sales team already posts in the Deals channel every week. From Monday, the onboarding Q&A runs there too: post a question as a new thread, and a champion answers within a business day.',
    audience: 'Sales (Berlin)',
    acknowledge: "Click I'm in if you'll try it this week.",
  };
  cards.set('spell-it-out', spellItOutCard(spell, { in: 0, notForMe: 0 }, 5));
  cards.set(
    'spell-it-out-answered',
    spellItOutCard(spell, { in: 12, notForMe: 0, withheld: ['notForMe'] }, 5, 'in'),
  );
  await liveCards();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await connector?.close();
});

interface Rendered {
  readonly events: string[];
  readonly textBlocks: number;
  /** Lowest contrast ratio of any rendered text against the card's background. */
  readonly minContrast: number;
}

describe('bot cards', () => {
  it('has the message extension and report cards from the live server too', () => {
    expect([...cards.keys()]).toEqual(expect.arrayContaining(['search-result-1', 'report']));
  });

  it('are Adaptive Card 1.5 JSON of at most 28 KB each', () => {
    const sizes: Record<string, number> = {};
    for (const [name, card] of cards) {
      expect((card as { version?: string }).version, name).toBe('1.5');
      sizes[name] = Buffer.byteLength(JSON.stringify(card));
      expect(sizes[name], name).toBeLessThanOrEqual(maxBytes);
    }
    // The sizes beside the screenshots, for the record of how far each card is from the limit.
    writeFileSync(path.join(artifacts, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  });

  it(
    'parse without validation events and stay readable in light, dark and high-contrast themes',
    { timeout: 180_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 480, height: 900 } });
      await page.setContent(
        '<!doctype html><html><body style="margin:0"><div id="host" style="width:440px;padding:12px"></div></body></html>',
      );
      await page.addScriptTag({ path: library });
      const problems: string[] = [];
      for (const [name, card] of cards)
        for (const theme of themes) {
          await page.evaluate((color) => {
            document.body.style.background = color;
          }, backgroundOf(theme));
          const rendered = await page.evaluate(
            ({ json, hostConfig }): Rendered => {
              const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCardsLibrary }).AdaptiveCards;
              const host = document.getElementById('host')!;
              host.innerHTML = '';
              const adaptive = new AC.AdaptiveCard();
              adaptive.hostConfig = new AC.HostConfig(hostConfig);
              const context = new AC.SerializationContext();
              adaptive.parse(json, context);
              const events: string[] = [];
              for (let index = 0; index < context.eventCount; index++)
                events.push(context.getEventAt(index).message);
              for (const event of adaptive.validateProperties().validationEvents) events.push(event.message);
              const element = adaptive.render();
              if (!element)
                return { events: [...events, 'render() returned nothing'], textBlocks: 0, minContrast: 0 };
              host.appendChild(element);
              const rgb = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
              const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
                const linear = (c: number) =>
                  c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
                return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
              };
              const background = luminance(rgb(getComputedStyle(element).backgroundColor));
              let minContrast = 21;
              // Elements that hold text themselves (card text, facts), not buttons, which the host styles.
              const texts = Array.from(
                element.querySelectorAll('.ac-textBlock, .ac-textBlock *, .ac-factset *'),
              ).filter((node) =>
                Array.from(node.childNodes).some(
                  (child) => child.nodeType === 3 && (child.textContent ?? '').trim(),
                ),
              );
              for (const text of texts) {
                const foreground = luminance(rgb(getComputedStyle(text).color));
                const [light, dark] =
                  foreground > background ? [foreground, background] : [background, foreground];
                minContrast = Math.min(minContrast, (light + 0.05) / (dark + 0.05));
              }
              return { events, textBlocks: texts.length, minContrast };
            },
            { json: card, hostConfig: hostConfigOf(theme) },
          );
          await page.locator('#host').screenshot({ path: path.join(artifacts, `${name}-${theme}.png`) });
          if (rendered.events.length > 0) problems.push(`${name} (${theme}): ${rendered.events.join('; ')}`);
          if (rendered.textBlocks === 0) problems.push(`${name} (${theme}): no text rendered`);
          // WCAG AA for large text and UI (3:1) at least, for subtle text too.
          if (rendered.minContrast < 3)
            problems.push(`${name} (${theme}): contrast ${rendered.minContrast.toFixed(2)}`);
        }
      await page.close();
      expect(problems).toEqual([]);
    },
  );
});
