// The message extension end to end: search and link unfurling through invoke activities POSTed to
// /api/messages of the demo server (the quick workflow-fit check is in bot-quick-fit.test.ts).
import type { WorkflowReport } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { callApi } from './support/http';
import {
  otherTenant,
  publicUrl,
  startMessageExtensionHarness,
  teamsAppId,
  type Attachment,
  type MessageExtensionHarness,
} from './support/message-extension';
import type { TestServer } from './support/server';

let harness: MessageExtensionHarness;
let server: TestServer;
let tenant: DemoTenant;
let initiativeId: string;

const activity = (name: string, who: string, value: unknown, extra: Record<string, unknown> = {}) =>
  harness.activity(name, who, value, extra);
const attachments = (body: unknown): Promise<Attachment[]> => harness.attachments(body);

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

beforeAll(async () => {
  harness = await startMessageExtensionHarness();
  ({ server, tenant, initiativeId } = harness);
}, 120_000);

afterAll(async () => {
  await harness?.close();
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
