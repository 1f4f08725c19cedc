import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import { oneDriveShare } from './report-csv';
import { startTestSimulator, type TestSimulator } from './test-harness';

// Copied from the documented report pages (graph-wire-contract.md §1.3), not from the implementation.
const SHAREPOINT_HEADERS =
  'Report Refresh Date,User Principal Name,Is Deleted,Deleted Date,Last Activity Date,Viewed Or Edited File Count,Synced File Count,Shared Internally File Count,Shared Externally File Count,Visited Page Count,Assigned Products,Report Period';
const ONEDRIVE_HEADERS =
  'Report Refresh Date,User Principal Name,Is Deleted,Deleted Date,Last Activity Date,Viewed Or Edited File Count,Synced File Count,Shared Internally File Count,Shared Externally File Count,Assigned Products,Report Period';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const settingsRoles = 'app:Reports.Read.All,ReportSettings.ReadWrite.All';
let sim: TestSimulator;

async function csv(call: string): Promise<{ header: string; rows: Record<string, string>[] }> {
  const redirect = await sim.fetch(`/v1.0/reports/${call}`, { token: 'app' });
  expect(redirect.status).toBe(302);
  const res = await sim.fetch(redirect.headers.get('location') ?? '');
  const text = Buffer.from(await res.arrayBuffer())
    .subarray(3)
    .toString('utf8');
  const [header = '', ...lines] = text.trimEnd().split('\r\n');
  const names = header.split(',');
  return {
    header,
    rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i] ?? '', v]))),
  };
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('SharePoint and OneDrive activity reports', () => {
  it('serve the documented headers and split each person’s file activity between them', async () => {
    const sp = await csv("getSharePointActivityUserDetail(period='D30')");
    const od = await csv('getOneDriveActivityUserDetail(date=2026-11-20)');
    expect(sp.header).toBe(SHAREPOINT_HEADERS);
    expect(od.header).toBe(ONEDRIVE_HEADERS);
    expect(sp.rows).toHaveLength(tenant.users.length);
    const learner = tenant.users.find((u) => u.id === tenant.personas.learner);
    if (!learner) throw new Error('learner missing');
    const all = await csv("getOneDriveActivityUserDetail(period='D30')");
    const spRow = sp.rows.find((r) => r['User Principal Name'] === learner.userPrincipalName);
    const odRow = all.rows.find((r) => r['User Principal Name'] === learner.userPrincipalName);
    const start = 41 - 30; // window days 11..40: the report ends two days before asOf
    const total = Array.from(learner.daily.filesViewedOrEdited.subarray(start, start + 30)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(
      Number(spRow?.['Viewed Or Edited File Count']) + Number(odRow?.['Viewed Or Edited File Count']),
    ).toBe(total);
    expect(Number(odRow?.['Viewed Or Edited File Count'])).toBe(Math.floor(total * oneDriveShare(learner)));
  });
});

describe('/admin/reportSettings', () => {
  it('reads the tenant switch and, when patched, conceals names in every later download', async () => {
    const read = await sim.fetch('/v1.0/admin/reportSettings', { token: 'app' });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      '@odata.type': '#microsoft.graph.adminReportSettings',
      displayConcealedNames: false,
    });
    const denied = await sim.fetch('/v1.0/admin/reportSettings', {
      token: 'app',
      method: 'PATCH',
      body: { displayConcealedNames: true },
    });
    expect(denied.status).toBe(403);
    const bad = await sim.fetch('/v1.0/admin/reportSettings', {
      token: settingsRoles,
      method: 'PATCH',
      body: { displayConcealedNames: 'yes' },
    });
    expect(bad.status).toBe(400);
    const patched = await sim.fetch('/v1.0/admin/reportSettings', {
      token: settingsRoles,
      method: 'PATCH',
      body: { displayConcealedNames: true },
    });
    expect(patched.status).toBe(204);
    const hidden = await csv("getSharePointActivityUserDetail(period='D7')");
    expect(hidden.rows.every((r) => /^[0-9A-F]{32}$/.test(r['User Principal Name'] ?? ''))).toBe(true);
    const after = await sim.fetch('/v1.0/admin/reportSettings', { token: settingsRoles });
    expect(((await after.json()) as { displayConcealedNames: boolean }).displayConcealedNames).toBe(true);
    await sim.fetch('/v1.0/admin/reportSettings', {
      token: settingsRoles,
      method: 'PATCH',
      body: { displayConcealedNames: false },
    });
    const shown = await csv("getSharePointActivityUserDetail(period='D7')");
    expect(shown.rows.some((r) => r['User Principal Name']?.includes('@'))).toBe(true);
  });
});
