// The message extension end to end: invoke activities POSTed to /api/messages of the demo server, the
// conversation roster served by a loopback fake Bot Framework connector (the activities' serviceUrl).
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { biggestGaps, maxCardBytes } from '@learnfit/bot';
import {
  createPrivacyGuard,
  diagnoseWorkflowFit,
  seededRandom,
  type SolutionFeature,
  type WorkflowReport,
} from '@learnfit/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPseudonymKey } from '../api/src/config';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { newestOf, seedOf, settingsWithK } from '../api/src/services/diagnostics-service';
import { orgBelow } from '../api/src/services/report-service';
import { createCollectionStore } from '../api/src/store/collection-store';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let tenant: DemoTenant;
let initiativeId: string;
let connector: { server: Server; url: string; members: string[]; requests: string[] };
const otherTenant = '99999999-9999-4999-8999-999999999999';
const publicUrl = 'https://learnfit.example.com';
/** Set through TEAMS_APP_ID (not the demo's default), so the deep links prove the configured id is used. */
const teamsAppId = '9f3d2a71-4c5e-4b8a-8e21-6d0c7b9a1e52';

interface Attachment {
  contentType: string;
  content: { version: string; body: unknown[]; actions?: Array<{ title: string; url: string }> };
  preview: { contentType: string; content: { title: string; text: string } };
}
interface ExtensionBody {
  composeExtension: { type: string; attachmentLayout: string; attachments: Attachment[] };
}

function activity(name: string, who: string, value: unknown, extra: Record<string, unknown> = {}) {
  const tenantId = (extra['tenantId'] as string | undefined) ?? tenant.tenantId;
  return {
    type: 'invoke',
    name,
    id: `f:${name}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: `29:${who}`, name: 'Someone', aadObjectId: who },
    recipient: { id: '28:00000000-0000-4000-8000-00000000b07d', name: 'LearnFit' },
    conversation: { id: '19:chat-1@thread.v2', conversationType: 'groupChat', tenantId },
    channelData: { tenant: { id: (extra['channelTenant'] as string | undefined) ?? tenantId } },
    locale: 'en-US',
    value,
  };
}

async function invoke(body: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(`${server.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null, text };
}

/** Invokes and returns the attachments, asserting the result shape and every card's size. */
async function attachments(body: unknown): Promise<Attachment[]> {
  const { status, json } = await invoke(body);
  expect(status).toBe(200);
  const result = (json as ExtensionBody).composeExtension;
  expect(result.type).toBe('result');
  for (const attachment of result.attachments) {
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.version).toBe('1.5');
    expect(Buffer.byteLength(JSON.stringify(attachment))).toBeLessThanOrEqual(maxCardBytes);
    // Theme-safe: semantic colours only, never a colour value.
    expect(JSON.stringify(attachment)).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  }
  return result.attachments;
}

const search = (who: string, text: string, extra: Record<string, unknown> = {}) =>
  attachments(
    activity(
      'composeExtension/query',
      who,
      {
        commandId: 'searchInitiatives',
        parameters: [{ name: 'query', value: text }],
        queryOptions: { skip: 0, count: 10 },
      },
      extra,
    ),
  );
const unfurl = (who: string, url: string, extra: Record<string, unknown> = {}) =>
  attachments(activity('composeExtension/queryLink', who, { url }, extra));

const discussionChannel: SolutionFeature = {
  id: 'discussion-channel',
  name: 'Discussion channel',
  mode: 'channelPosts',
  cadence: 'weekly',
  synchronous: false,
  plannedTimes: [],
  groupSize: null,
};

/** The estimate core computes for these members (Entra ids) and features, as the bot must show it. */
async function expectedEstimate(memberIds: readonly string[], features: SolutionFeature[]) {
  const { info, snapshot, pseudonymize } = await snapshotOfTenant();
  const present = new Set(snapshot.people.map((person) => person.key));
  const keys = [...new Set(memberIds.map(pseudonymize))].filter((key) => present.has(key)).sort();
  return diagnoseWorkflowFit({
    snapshot,
    initiative: {
      id: 'quick-fit-check',
      name: 'Quick fit check',
      targetGroup: keys,
      designTeam: [],
      comparisonGroup: null,
      features,
      kpis: [],
      launchDate: null,
    },
    pulse: [],
    settings: settingsWithK(5),
    random: seededRandom(seedOf(info.id)),
    guard: createPrivacyGuard({ k: 5 }),
  });
}

/** The people in the newest snapshot, with their pseudonymous keys. */
async function snapshotOfTenant() {
  const store = createCollectionStore(server.composed.store.db, () => new Date());
  const info = newestOf(await store.listSnapshots(tenant.tenantId));
  if (!info) throw new Error('no snapshot');
  const snapshot = await store.loadSnapshot(tenant.tenantId, info.id);
  if (!snapshot) throw new Error('snapshot not loadable');
  return { info, snapshot, pseudonymize: createPseudonymizer(demoPseudonymKey, tenant.tenantId) };
}

beforeAll(async () => {
  server = await startTestServer({
    WORKER_CONCURRENCY: '0',
    PUBLIC_URL: publicUrl,
    TEAMS_APP_ID: teamsAppId,
  });
  tenant = server.composed.demo!.tenant;
  const members: string[] = [];
  const requests: string[] = [];
  const fake = http.createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.setHeader('Content-Type', 'application/json');
    if (req.method === 'GET' && /\/v3\/conversations\/[^/]+\/pagedMembers/.test(req.url ?? '')) {
      res.end(
        JSON.stringify({
          members: members.map((id) => ({ id: `29:${id}`, name: 'Member', aadObjectId: id })),
        }),
      );
      return;
    }
    res.end('{}');
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  connector = {
    server: fake,
    url: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/`,
    members,
    requests,
  };
  // Everyone opens the tab once: the API records the app roles their SSO tokens carry.
  const { identity } = server.composed.demo!;
  for (const persona of Object.values(tenant.personas)) {
    const token = await identity.issueSsoToken(persona);
    expect((await callApi(server.baseUrl, 'GET', '/api/initiatives', token)).status).toBe(200);
  }
  const leaderToken = await identity.issueSsoToken(tenant.personas.learningLeader);
  const list = (await (await callApi(server.baseUrl, 'GET', '/api/initiatives', leaderToken)).json()) as {
    items: Array<{ id: string; name: string }>;
  };
  initiativeId = list.items.find((item) => item.name === tenant.sampleInitiative.name)!.id;
  // The role writes run behind the requests; wait until all four are stored.
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from principal_roles`.execute(
      server.composed.store.db,
    );
    if ((rows[0]?.n ?? 0) >= 4) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}, 120_000);

afterAll(async () => {
  connector?.server.close();
  await server?.close();
});

describe('search', () => {
  it('shows a learning leader the report card: fit score, top findings and links into the tab', async () => {
    const leaderToken = await server.composed.demo!.identity.issueSsoToken(tenant.personas.learningLeader);
    const report = (await (
      await callApi(server.baseUrl, 'GET', `/api/initiatives/${initiativeId}/report`, leaderToken)
    ).json()) as WorkflowReport;
    const score = report.workflowFit?.data.overallScore;
    expect(typeof score).toBe('number');
    const word = tenant.sampleInitiative.name.split(' ')[0]!.toLowerCase();
    const found = await search(tenant.personas.learningLeader, word);
    const card = found.find((item) => item.preview.content.title === report.title);
    expect(card).toBeDefined();
    const json = JSON.stringify(card);
    expect(json).toContain(`${Math.round(score!)} of 100`);
    expect(card!.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    const findings = (json.match(/"(Risk|Watch|Note|Strength)"/g) ?? []).length;
    expect(findings).toBeGreaterThan(0);
    expect(findings).toBeLessThanOrEqual(3);
    const urls = card!.content.actions!.map((action) => action.url);
    const deep = new URL(urls[0]!);
    expect(deep.origin + deep.pathname).toBe(
      `https://teams.microsoft.com/l/entity/${teamsAppId}/initiatives`,
    );
    expect(JSON.parse(deep.searchParams.get('context')!)).toEqual({
      subEntityId: `initiatives/${initiativeId}`,
    });
    expect(urls[1]).toMatch(new RegExp(`/tab/index\\.html#/initiatives/${initiativeId}$`));
  });

  it('shows a learner the initiative without figures, and never a manager’s org report', async () => {
    const word = tenant.sampleInitiative.name.split(' ')[0]!.toLowerCase();
    const found = await search(tenant.personas.learner, word);
    expect(found.map((item) => item.preview.content.title)).toContain(tenant.sampleInitiative.name);
    expect(JSON.stringify(found)).not.toMatch(/\d+ of 100/);
    expect(JSON.stringify(found)).toContain('for learning leaders');
    const org = await search(tenant.personas.learner, 'my org');
    expect(org.some((item) => item.preview.content.title.startsWith('Workflow fit of your org'))).toBe(false);
  });

  it('shows a manager their own org report, with the figures the tab shows them', async () => {
    const token = await server.composed.demo!.identity.issueSsoToken(tenant.personas.manager);
    const response = await callApi(server.baseUrl, 'GET', '/api/reports/my-org', token);
    expect(response.status).toBe(200);
    const report = (await response.json()) as WorkflowReport;
    const found = await search(tenant.personas.manager, 'my org');
    const card = found.find((item) => item.preview.content.title === 'Workflow fit of your org');
    expect(card).toBeDefined();
    const json = JSON.stringify(card);
    if (report.withheld) expect(json).toContain('Withheld');
    else expect(json).toContain(`{"title":"People","value":"${report.groupSize}"}`);
    const score = report.workflowFit?.data.overallScore ?? null;
    expect(json).toContain(score === null ? '"text":"–"' : `${Math.round(score)} of 100`);
  });

  it('finds nothing for another tenant, a tenant mismatch, or a text that matches nothing', async () => {
    expect(await search(tenant.personas.learningLeader, '', { tenantId: otherTenant })).toEqual([]);
    expect(await search(tenant.personas.learningLeader, '', { channelTenant: otherTenant })).toEqual([]);
    expect(await search(tenant.personas.learningLeader, 'zzz-no-such-initiative')).toEqual([]);
  });
});

describe('link unfurling', () => {
  const reportUrl = () => `${publicUrl}/tab/index.html#/initiatives/${initiativeId}`;

  it('previews an initiative report for a leader and shows nothing to a learner', async () => {
    const leader = await unfurl(tenant.personas.learningLeader, reportUrl());
    expect(leader).toHaveLength(1);
    expect(JSON.stringify(leader[0])).toMatch(/\d+ of 100/);
    expect(await unfurl(tenant.personas.learner, reportUrl())).toEqual([]);
    expect(await unfurl(tenant.personas.manager, reportUrl())).toEqual([]);
  });

  it('previews a diagnostic view with its headline for a leader', async () => {
    const [card] = await unfurl(tenant.personas.learningLeader, `${reportUrl()}/learners`);
    expect(card?.preview.content.title).toBe(`${tenant.sampleInitiative.name}: learners`);
    expect(await unfurl(tenant.personas.learner, `${reportUrl()}/learners`)).toEqual([]);
  });

  it('previews the org report only for the manager whose org it is', async () => {
    const url = `${publicUrl}/tab/index.html#/report`;
    const [card] = await unfurl(tenant.personas.manager, url);
    expect(card?.preview.content.title).toBe('Workflow fit of your org');
    expect(await unfurl(tenant.personas.learner, url)).toEqual([]);
  });

  it('shows no preview for other URLs, other tenants or unknown initiatives', async () => {
    const leader = tenant.personas.learningLeader;
    expect(
      await unfurl(leader, `https://evil.example.com/tab/index.html#/initiatives/${initiativeId}`),
    ).toEqual([]);
    expect(await unfurl(leader, `${publicUrl}/tab/index.html#/admin`)).toEqual([]);
    expect(await unfurl(leader, `${publicUrl}/tab/index.html#/initiatives/no-such-id`)).toEqual([]);
    expect(await unfurl(leader, reportUrl(), { tenantId: otherTenant })).toEqual([]);
  });
});

describe('quick workflow-fit check', () => {
  it('opens the dialog, pre-filled from a message without echoing its text', async () => {
    const compose = await invoke(
      activity('composeExtension/fetchTask', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
      }),
    );
    expect(compose.status).toBe(200);
    const task = (
      compose.json as { task: { type: string; value: { card: { content: { body: unknown[] } } } } }
    ).task;
    expect(task.type).toBe('continue');
    expect(JSON.stringify(task)).toContain(
      '"id":"templates","label":"Formats","isMultiSelect":true,"style":"expanded","value":""',
    );
    const secret = 'Ferngully-Marker-7731';
    const fromMessage = await invoke(
      activity('composeExtension/fetchTask', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'message',
        messagePayload: {
          id: 'm1',
          body: {
            contentType: 'html',
            content: `<p>${secret}: a live webinar and a Viva Engage community</p>`,
          },
        },
      }),
    );
    expect(fromMessage.text).toContain('"value":"live-session,engage-community"');
    expect(fromMessage.text).not.toContain(secret);
  });

  it("estimates a leader's team with core's own computation and names the three biggest gaps", async () => {
    const team = tenant.teams.find((candidate) => candidate.id === tenant.sampleInitiative.targetTeamId)!;
    connector.members.splice(0, connector.members.length, ...team.memberIds);
    connector.requests.length = 0;
    const [card] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data: {
          templates: 'discussion-channel,live-session,external-lms',
          customMode: '',
          customCadence: 'weekly',
        },
      }),
    );
    expect(
      connector.requests.some((line) =>
        line.startsWith('GET /v3/conversations/19:chat-1@thread.v2/pagedMembers'),
      ),
    ).toBe(true);
    const expected = await expectedEstimate(team.memberIds, [
      discussionChannel,
      {
        id: 'live-session',
        name: 'Live session',
        mode: 'meetings',
        cadence: 'biweekly',
        synchronous: true,
        plannedTimes: [],
        groupSize: null,
      },
      {
        id: 'external-lms',
        name: 'External LMS module',
        mode: 'externalLms',
        cadence: 'monthly',
        synchronous: false,
        plannedTimes: [],
        groupSize: null,
      },
    ]);
    const json = JSON.stringify(card);
    expect(card?.preview.content.text).toBe(
      `${Math.round(expected.data.overallScore!)} of 100 over ${expected.data.groupSize} people`,
    );
    const gaps = biggestGaps(expected).map((feature) => feature.name);
    expect(gaps).toHaveLength(3);
    for (const name of gaps) expect(json).toContain(name);
  });

  it('refuses a group under k with a clear card, and gives a learner no group estimate', async () => {
    connector.members.splice(0, connector.members.length, ...tenant.users.slice(0, 3).map((user) => user.id));
    const data = { templates: 'peer-qa' };
    const [small] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data,
      }),
    );
    expect(small?.preview.content.title).toBe('Group too small for a fit estimate');
    const team = tenant.teams.find((candidate) => candidate.id === tenant.sampleInitiative.targetTeamId)!;
    connector.members.splice(0, connector.members.length, ...team.memberIds);
    const [learner] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.learner, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data,
      }),
    );
    expect(learner?.preview.content.title).toBe('Group estimates are for learning leaders and managers');
    expect(JSON.stringify(learner)).not.toMatch(/\d+ of 100/);
  });

  /** The manager persona's org in the newest snapshot (everyone below them), and people outside it. */
  async function managerOrg() {
    const { snapshot, pseudonymize } = await snapshotOfTenant();
    const below = new Set(orgBelow(snapshot, pseudonymize(tenant.personas.manager)) ?? []);
    const inOrg = tenant.users.filter((user) => below.has(pseudonymize(user.id))).map((user) => user.id);
    const outsiders = tenant.users
      .filter((user) => !below.has(pseudonymize(user.id)) && user.id !== tenant.personas.manager)
      .slice(0, 20)
      .map((user) => user.id);
    return { inOrg, outsiders };
  }

  const managerCheck = async (members: readonly string[]) => {
    connector.members.splice(0, connector.members.length, ...members);
    const [card] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.manager, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data: { templates: 'discussion-channel' },
      }),
    );
    return card;
  };

  it("estimates a manager's own org among the members, and leaves everyone else out", async () => {
    const { inOrg, outsiders } = await managerOrg();
    // The demo's manager persona leads a team of six (seed 42): enough for an estimate at k = 5.
    expect(inOrg.length).toBeGreaterThanOrEqual(5);
    const card = await managerCheck([tenant.personas.manager, ...inOrg, ...outsiders]);
    const expected = await expectedEstimate(inOrg, [discussionChannel]);
    expect(expected.data.groupSize).toBe(inOrg.length);
    expect(card?.preview.content.title).toBe('Quick workflow-fit estimate');
    expect(card?.preview.content.text).toBe(
      `${Math.round(expected.data.overallScore!)} of 100 over ${inOrg.length} people`,
    );
    expect(JSON.stringify(card)).toContain('the members of this conversation in your org');
  });

  it('refuses a manager whose org members in the conversation are fewer than k, however large the chat', async () => {
    const { inOrg, outsiders } = await managerOrg();
    const members = [tenant.personas.manager, ...inOrg.slice(0, 4), ...outsiders];
    const card = await managerCheck(members);
    expect(card?.preview.content.title).toBe('Group too small for a fit estimate');
    expect(card?.preview.content.text).toContain(
      `LearnFit found 4 of ${members.length} the members of this conversation in your org`,
    );
    expect(JSON.stringify(card)).not.toMatch(/\d+ of 100/);
  });
});
