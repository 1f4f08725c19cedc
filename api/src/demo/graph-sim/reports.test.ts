import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import { startTestSimulator, type TestSimulator } from './test-harness';

// Copied from the documented report pages (graph-wire-contract.md §1.3), not from the implementation.
const TEAMS_HEADERS =
  'Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Is Licensed,Report Period';
const EMAIL_HEADERS =
  'Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Send Count,Receive Count,Read Count,Meeting Created Count,Meeting Interacted Count,Assigned Products,Report Period';
const YAMMER_HEADERS =
  'Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const concealed = { ...tenant, reportsConcealed: true };
let clock = new Date('2026-11-30T09:00:00Z');
let sim: TestSimulator;
let hidden: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator(tenant, { now: () => clock });
  hidden = await startTestSimulator(concealed);
});
afterAll(async () => {
  await Promise.all([sim.close(), hidden.close()]);
});

/** Requests a report, checks the 302, follows Location and returns the raw bytes. */
async function download(s: TestSimulator, call: string, token = 'app'): Promise<Buffer> {
  const redirect = await s.fetch(`/v1.0/reports/${call}`, { token });
  expect(redirect.status).toBe(302);
  expect(redirect.headers.get('content-type')).toBe('text/plain');
  const location = redirect.headers.get('location') ?? '';
  expect(location).toMatch(/^https:\/\/reports\.office\.com\/data\/download\/[\w-]+$/);
  const res = await s.fetch(location);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/octet-stream');
  return Buffer.from(await res.arrayBuffer());
}

function parse(bytes: Buffer): { header: string; rows: Record<string, string>[] } {
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  const header = lines[0] ?? '';
  const names = header.split(',');
  return {
    header,
    rows: lines
      .slice(1)
      .map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i] ?? '', v]))),
  };
}

describe('usage reports', () => {
  it('redirects to reports.office.com and serves a BOM-prefixed CRLF CSV with the documented headers', async () => {
    const bytes = await download(sim, "getTeamsUserActivityUserDetail(period='D7')");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').replace(/\r\n/g, '').includes('\n')).toBe(false);
    const { header, rows } = parse(bytes);
    expect(header).toBe(TEAMS_HEADERS);
    expect(header.split(',')).toHaveLength(33);
    expect(rows).toHaveLength(tenant.users.length);
    expect(new Set(rows.map((r) => r['Report Refresh Date']))).toEqual(new Set(['2026-11-28']));
    expect(new Set(rows.map((r) => r['Report Period']))).toEqual(new Set(['7']));
  });

  it("counts the learner's channel activity exactly as the tenant's messages say", async () => {
    const id = tenant.personas.learner;
    for (const [period, days] of [
      ['D7', 7],
      ['D30', 30],
    ] as const) {
      const { rows } = parse(await download(sim, `getTeamsUserActivityUserDetail(period='${period}')`));
      const row = rows.find((r) => r['User Id'] === id);
      const end = Date.parse('2026-11-29T00:00:00Z');
      const start = end - days * 86_400_000;
      const mine = tenant.messages.filter((m) => {
        const at = Date.parse(m.createdDateTime);
        return m.fromUserId === id && at >= start && at < end;
      });
      const posts = mine.filter((m) => m.replyToId === null).length;
      if (period === 'D30') expect(mine.length).toBeGreaterThan(0);
      const user = tenant.users.find((u) => u.id === id);
      const chat = Array.from(user?.daily.privateChatMessages ?? [])
        .slice(41 - days, 41)
        .reduce((a, b) => a + b, 0);
      expect(row?.['Team Chat Message Count']).toBe(String(mine.length));
      expect(row?.['Post Messages']).toBe(String(posts));
      expect(row?.['Reply Messages']).toBe(String(mine.length - posts));
      expect(row?.['Private Chat Message Count']).toBe(String(chat));
      expect(row?.['User Principal Name']).toBe(user?.userPrincipalName);
    }
  });

  it('accepts date= quoted or unquoted within the past 30 days', async () => {
    for (const call of [
      'getTeamsUserActivityUserDetail(date=2026-11-20)',
      "getTeamsUserActivityUserDetail(date='2026-11-20')",
    ]) {
      const { rows } = parse(await download(sim, call));
      expect(rows[0]?.['Report Period']).toBe('1');
      expect(rows[0]?.['Report Refresh Date']).toBe('2026-11-20');
    }
    const old = await sim.fetch('/v1.0/reports/getTeamsUserActivityUserDetail(date=2026-10-01)', {
      token: 'app',
    });
    expect(old.status).toBe(400);
    const period = await sim.fetch("/v1.0/reports/getTeamsUserActivityUserDetail(period='D8')", {
      token: 'app',
    });
    expect(period.status).toBe(400);
  });

  it('serves the email and Viva Engage reports with their headers', async () => {
    expect(parse(await download(sim, "getEmailActivityUserDetail(period='D30')")).header).toBe(EMAIL_HEADERS);
    const yammer = parse(await download(sim, "getYammerActivityUserDetail(period='D90')"));
    expect(yammer.header).toBe(YAMMER_HEADERS);
    expect(yammer.rows).toHaveLength(tenant.users.length);
  });

  it('hides names and ids behind stable 32-hex digests when concealment is on', async () => {
    const bytes = await download(hidden, "getTeamsUserActivityUserDetail(period='D7')");
    const text = bytes.toString('utf8');
    for (const u of tenant.users) {
      expect(text).not.toContain(u.userPrincipalName);
      expect(text).not.toContain(u.id);
    }
    const { rows } = parse(bytes);
    for (const r of rows) {
      expect(r['User Principal Name']).toMatch(/^[0-9A-F]{32}$/);
      expect(r['User Id']).toMatch(/^[0-9A-F]{32}$/);
    }
    const email = parse(await download(hidden, "getEmailActivityUserDetail(period='D7')"));
    expect(email.rows.map((r) => r['User Principal Name'])).toEqual(
      rows.map((r) => r['User Principal Name']),
    );
    expect(email.rows.every((r) => /^[0-9A-F]{32}$/.test(r['Display Name'] ?? ''))).toBe(true);
  });

  it('requires Reports.Read.All and a token, but not for the download link', async () => {
    const denied = await sim.fetch("/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')", {
      token: 'app:User.Read.All',
    });
    expect(denied.status).toBe(403);
    const missing = await sim.fetch("/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')");
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { error: { code: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBe(missing.headers.get('request-id'));
    const delegated = await sim.fetch("/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')", {
      token: `user:${tenant.personas.admin}:Reports.Read.All`,
    });
    expect(delegated.status).toBe(302);
  });

  it('expires download links after a few minutes', async () => {
    const redirect = await sim.fetch("/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')", {
      token: 'app',
    });
    const location = redirect.headers.get('location') ?? '';
    clock = new Date(clock.getTime() + 6 * 60_000);
    expect((await sim.fetch(location)).status).toBe(404);
  });
});
