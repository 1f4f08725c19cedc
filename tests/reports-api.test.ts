import { workflowReportSchema, type WorkflowReport } from '@learnfit/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;
let tenant: DemoTenant;
let leader: string;
let learner: string;
let manager: string;
let initiativeId: string;

/** Hostile names: a spreadsheet formula, markup, and a quote and comma that need CSV quoting. */
const hostile = {
  initiative: '<script>alert(1)</script> Onboarding',
  formula: '=HYPERLINK("http://x","y")',
  at: '@SUM(A1:A2)',
  markup: '<img src=x onerror=alert(1)>, "quoted"',
};

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  tenant = demo.tenant;
  leader = await demo.identity.issueSsoToken(tenant.personas.learningLeader);
  learner = await demo.identity.issueSsoToken(tenant.personas.learner);
  manager = await demo.identity.issueSsoToken(tenant.personas.manager);
  const list = (await (await callApi(server.baseUrl, 'GET', '/api/initiatives', leader)).json()) as {
    items: Array<{ id: string; name: string }>;
  };
  initiativeId = list.items.find((item) => item.name === tenant.sampleInitiative.name)!.id;
  const detail = (await (
    await callApi(server.baseUrl, 'GET', `/api/initiatives/${initiativeId}`, leader)
  ).json()) as {
    design: Record<string, unknown>;
  };
  const feature = (id: string, name: string, mode: string) => ({
    id,
    name,
    mode,
    cadence: 'weekly',
    synchronous: false,
  });
  const patched = await callApi(server.baseUrl, 'PATCH', `/api/initiatives/${initiativeId}`, leader, {
    name: hostile.initiative,
    design: {
      ...detail.design,
      features: [
        feature('f1', hostile.formula, 'channelPosts'),
        feature('f2', hostile.at, 'email'),
        feature('f3', hostile.markup, 'engage'),
      ],
    },
  });
  if (patched.status !== 200) throw new Error(`setup: PATCH answered ${patched.status}`);
});
afterAll(async () => {
  await server?.close();
});

const call = (path: string, token: string): Promise<Response> => callApi(server.baseUrl, 'GET', path, token);

/** A strict RFC 4180 parser: quoted fields with doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let at = 0;
  let quoted = false;
  while (at < text.length) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      at++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[at + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      at++;
    } else if (char === '"' || char === '\n' || char === '\r')
      throw new Error(`stray ${JSON.stringify(char)} at ${at}`);
    else field += char;
    at++;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** People below a user in the demo tenant's reporting lines. */
function peopleBelow(userId: string): number {
  const reports = new Map<string, string[]>();
  for (const user of tenant.users)
    if (user.managerId) reports.set(user.managerId, [...(reports.get(user.managerId) ?? []), user.id]);
  let count = 0;
  const queue = [...(reports.get(userId) ?? [])];
  while (queue.length > 0) {
    count++;
    queue.push(...(reports.get(queue.pop()!) ?? []));
  }
  return count;
}

/** Objects of a JSON value that carry a released figure over `n` people. */
function releasedCounts(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const item of value) releasedCounts(item, out);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['n'] === 'number' && record['value'] !== null && record['value'] !== undefined)
      out.push(record['n']);
    for (const child of Object.values(record)) releasedCounts(child, out);
  }
  return out;
}

describe('initiative workflow-fit report', () => {
  let report: WorkflowReport;

  it('serves the JSON report to a learning leader', async () => {
    const response = await call(`/api/initiatives/${initiativeId}/report`, leader);
    expect(response.status).toBe(200);
    report = workflowReportSchema.parse(await response.json());
    expect(report.scope).toBe('initiative');
    expect(report.title).toBe(`Workflow fit: ${hostile.initiative}`);
    expect(report.snapshot.source).toBe('demo-seed');
    const team = tenant.teams.find((candidate) => candidate.id === tenant.sampleInitiative.targetTeamId)!;
    expect(report.groupSize).toBe(team.memberIds.length);
    expect(report.workflowFit?.data.features.map((feature) => feature.name)).toEqual([
      hostile.formula,
      hostile.at,
      hostile.markup,
    ]);
    expect(report.cells.filter((cell) => cell.section === 'heatmap')).toHaveLength(168);
  });

  it('releases no cell over fewer than k people', () => {
    const counts = releasedCounts(report);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((n) => n < report.k)).toEqual([]);
  });

  it('exports the same cells as CSV, quoted and safe from formula injection', async () => {
    const response = await call(`/api/initiatives/${initiativeId}/report.csv`, leader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?workflow-fit\.csv"?$/,
    );
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(['section', 'item', 'measure', 'value', 'unit', 'n', 'text']);
    expect(rows).toHaveLength(report.cells.length + 1);
    const items = rows.map((row) => row[1]);
    expect(items).toContain(`'${hostile.formula}`);
    expect(items).toContain(`'${hostile.at}`);
    expect(items).toContain(hostile.markup);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(7);
      for (const [index, field] of row.entries()) {
        // value and n are numbers the report computed; every other field is text.
        if (index === 3 || index === 5) expect(field).toMatch(/^(-?\d+(\.\d+)?(e-?\d+)?)?$/);
        else expect(field).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('renders a printable HTML page with no script and every name escaped', async () => {
    const response = await call(`/api/initiatives/${initiativeId}/report.html`, leader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Onboarding');
    expect(html).toContain('@media print');
    expect(html).toContain('Demo data');
    expect(html).toMatch(/<svg[^>]*class="heatmap"/);
  });

  it('refuses a learner and a manager without the LearningLeader role', async () => {
    await expectProblem(await call(`/api/initiatives/${initiativeId}/report`, learner), 403, 'forbidden');
    await expectProblem(await call(`/api/initiatives/${initiativeId}/report.csv`, manager), 403, 'forbidden');
  });

  it('records views and exports in the audit log', async () => {
    const result = await sql<{ action: string; detail: { format: string } }>`
      select action, detail from audit_entry where target = ${`initiative:${initiativeId}`}
      order by id`.execute(server.composed.store.db);
    expect(result.rows.map((row) => [row.action, row.detail.format])).toEqual([
      ['report.view', 'json'],
      ['report.export', 'csv'],
      ['report.export', 'html'],
    ]);
  });
});

describe('my-org workflow-fit report', () => {
  it('gives a manager the workflow fit of everyone below them, aggregates only', async () => {
    const response = await call('/api/reports/my-org', manager);
    expect(response.status).toBe(200);
    const report = workflowReportSchema.parse(await response.json());
    expect(report.scope).toBe('my-org');
    expect(report.initiative).toBeNull();
    expect(report.withheld).toBeNull();
    expect(report.groupSize).toBe(peopleBelow(tenant.personas.manager));
    expect(report.groupSize).toBeGreaterThanOrEqual(report.k);
    expect(releasedCounts(report).filter((n) => n < report.k)).toEqual([]);
  });

  it('holds the org against an initiative design when asked', async () => {
    const response = await call(`/api/reports/my-org?initiativeId=${initiativeId}`, manager);
    const report = workflowReportSchema.parse(await response.json());
    expect(report.initiative).toEqual({ id: initiativeId, name: hostile.initiative });
    expect(report.workflowFit?.data.features).toHaveLength(3);
    await expectProblem(await call('/api/reports/my-org?initiativeId=nope', manager), 404, 'not_found');
  });

  it('exports the org report as CSV and HTML', async () => {
    const csv = await call('/api/reports/my-org.csv', manager);
    expect(csv.status).toBe(200);
    expect(parseCsv(await csv.text())[0]).toEqual([
      'section',
      'item',
      'measure',
      'value',
      'unit',
      'n',
      'text',
    ]);
    const html = await call('/api/reports/my-org.html', manager);
    expect(html.status).toBe(200);
    expect(await html.text()).not.toMatch(/<script/i);
  });

  it('refuses someone nobody reports to with 403', async () => {
    const detail = await expectProblem(await call('/api/reports/my-org', learner), 403, 'forbidden');
    expect(detail).toMatch(/nobody reporting to you/);
    await expectProblem(await call('/api/reports/my-org.csv', learner), 403, 'forbidden');
  });
  // Last: it raises the tenant's k for the rest of this file.
  it('withholds the figures of an org under k with a message, not an error', async () => {
    const admin = await server.composed.demo!.identity.issueSsoToken(tenant.personas.admin);
    const saved = await callApi(server.baseUrl, 'PUT', '/api/admin/settings', admin, {
      k: 7,
      retentionDays: 180,
      initiativeCreators: 'learningLeaders',
      nameManagersInParticipation: false,
    });
    expect(saved.status).toBe(200);
    // The diagnostics trust tenant settings for up to 2 s (an input cache); wait that out.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const small = tenant.users.find((user) => {
      const below = peopleBelow(user.id);
      return below >= 5 && below < 7 && user.accountEnabled;
    })!;
    const token = await server.composed.demo!.identity.issueSsoToken(small.id);
    const response = await call('/api/reports/my-org', token);
    expect(response.status).toBe(200);
    const report = workflowReportSchema.parse(await response.json());
    expect(report.k).toBe(7);
    expect(report.withheld?.reason).toBe('group-too-small');
    expect(report.withheld?.message).toMatch(/fewer than 7 people/);
    expect(report.workflowFit).toBeNull();
    expect(report.groupSize).toBeNull();
    expect(report.cells.every((cell) => cell.value === null && cell.n === null)).toBe(true);
    const csv = parseCsv(await (await call('/api/reports/my-org.csv', token)).text());
    expect(csv.map((row) => row[2])).toEqual(['measure', 'dataAsOf', 'withheld']);
  });
});
