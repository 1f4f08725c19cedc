import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import type { DemoTeam } from '../tenant/model';
import type { SimRequest } from './context';
import { classify, identityCost } from './routes';
import { startTestSimulator, type TestSimulator } from './test-harness';
import { GRAPH_LIMITS, identityBudget } from './throttle';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId) as DemoTeam;
const channels = team.channels.map((c) => `/v1.0/teams/${team.id}/channels/${c.id}/messages?$top=1`);
const general = channels[0] ?? '';
let clock = new Date('2026-11-30T09:00:00Z');
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
let sim: TestSimulator;

interface ThrottleBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

const request = (url: string, query = ''): SimRequest => ({
  method: 'GET',
  path: url,
  query: new URLSearchParams(query),
  header: () => undefined,
  body: undefined,
});

beforeAll(async () => {
  sim = await startTestSimulator(tenant, { now: () => clock, throttling: {} });
});
afterAll(() => sim.close());

describe('throttling rules', () => {
  it('size the identity budget by tenant and cost requests as documented', () => {
    expect([identityBudget(49), identityBudget(50), identityBudget(500), identityBudget(501)]).toEqual([
      3500, 5000, 5000, 8000,
    ]);
    const cost = (path: string[], query = '') =>
      identityCost(classify(path) ?? { template: '', service: 'identity' }, request('/', query));
    expect(cost(['users'])).toBe(2);
    expect(cost(['users'], '$select=id')).toBe(1);
    expect(cost(['users'], '$expand=manager&$top=999')).toBe(3);
    expect(cost(['users', 'x'], '$select=id&$top=5')).toBe(1);
    expect(cost(['groups', 'g', 'members'])).toBe(3);
    expect(cost(['groups', 'g', 'transitiveMembers', 'microsoft.graph.user'], '$top=10')).toBe(4);
    expect(classify(['teams', 't', 'channels', 'c', 'messages', 'delta'])?.teamsClass).toBe('channelMessage');
    expect(GRAPH_LIMITS.teamsPerSecond).toMatchObject({
      channelMessage: 20,
      teamMembers: 60,
      channels: 60,
      teamGet: 30,
    });
  });

  it('allows 4 requests per second on one channel, then 429 TooManyRequests with Retry-After', async () => {
    tick(60_000);
    for (let i = 0; i < 4; i++) expect((await sim.fetch(general, { token: 'app' })).status).toBe(200);
    expect((await sim.fetch(channels[1] ?? '', { token: 'app' })).status).toBe(200); // another channel
    const refused = await sim.fetch(general, { token: 'app' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = (await refused.json()) as ThrottleBody;
    expect(body.error.code).toBe('TooManyRequests');
    expect(body.error.innerError).toMatchObject({
      code: '429',
      status: '429',
      message: 'Please retry after',
    });
    expect((await sim.fetch(general, { token: 'app@another-app' })).status).toBe(200); // limits are per app
    tick(1000);
    expect((await sim.fetch(general, { token: 'app' })).status).toBe(200);
  });

  it('caps channel-message reads per app per tenant at 20 per second across channels', async () => {
    tick(60_000);
    const statuses: number[] = [];
    const units = tenant.teams.filter((t) => t.kind === 'unit').slice(0, 21);
    for (const unit of units)
      statuses.push(
        (
          await sim.fetch(`/v1.0/teams/${unit.id}/channels/${unit.channels[0]?.id}/messages`, {
            token: 'app',
          })
        ).status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('spends identity resource units from a 10-second bucket and reports them in headers', async () => {
    // A small budget keeps the test short; the documented S/M/L budgets are checked above.
    const small = await startTestSimulator(tenant, {
      now: () => clock,
      throttling: { identityUnitsPer10s: 40 },
    });
    try {
      const ok = await small.fetch('/v1.0/users?$top=5', { token: 'app' });
      expect(ok.headers.get('x-ms-resource-unit')).toBe('1');
      const members = `/v1.0/groups/${tenant.groups[0]?.id}/transitiveMembers`;
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 8; i++) {
        last = await small.fetch(members, { token: 'app' });
        statuses.push(last.status);
        expect(last.headers.get('x-ms-resource-unit')).toBe('5');
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 429]); // 1 + 7 × 5 = 36 of 40 spent
      expect(last?.headers.get('x-ms-throttle-information')).toBe('ResourceUnitLimitExceeded');
      expect(last?.headers.get('x-ms-throttle-scope')).toBe(
        `Tenant_Application/ReadWrite/fake-app/${tenant.tenantId}`,
      );
      expect(last?.headers.get('retry-after')).toBe('1'); // 1 unit short, refilled at 4 units per second
      tick(1000);
      const again = await small.fetch(members, { token: 'app' });
      expect(again.status).toBe(200);
      expect(again.headers.get('x-ms-throttle-limit-percentage')).toBe('0.9'); // 37 of 40
    } finally {
      await small.close();
    }
  });

  it('allows 14 CSV reports per 10 minutes per app and report, 40 for all apps', async () => {
    tick(3_600_000);
    const teams = "/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')";
    for (let i = 0; i < 14; i++) expect((await sim.fetch(teams, { token: 'app@r1' })).status).toBe(302);
    const refused = await sim.fetch(teams, { token: 'app@r1' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(600);
    expect(
      (await sim.fetch("/v1.0/reports/getEmailActivityUserDetail(period='D7')", { token: 'app@r1' })).status,
    ).toBe(302);
    for (const app of ['r2', 'r3'])
      for (let i = 0; i < 13; i++) await sim.fetch(teams, { token: `app@${app}` });
    expect((await sim.fetch(teams, { token: 'app@r4' })).status).toBe(429); // 14 + 13 + 13 = 40 for all apps
    tick(600_000);
    expect((await sim.fetch(teams, { token: 'app@r1' })).status).toBe(302);
  });

  it('throttles $batch items one by one: 429 with Retry-After inside an outer 200', async () => {
    tick(60_000);
    const requests = Array.from({ length: 6 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: general.replace('/v1.0', ''),
    }));
    const res = await sim.fetch('/v1.0/$batch', { token: 'app', method: 'POST', body: { requests } });
    expect(res.status).toBe(200);
    const { responses } = (await res.json()) as {
      responses: { status: number; headers: Record<string, string>; body: ThrottleBody }[];
    };
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    for (const r of throttled) {
      expect(r.headers['Retry-After']).toBe('1');
      expect(r.body.error.code).toBe('TooManyRequests');
    }
  });

  it('never throttles the demo’s own reads (profile, manager chain, reports) at realistic limits', async () => {
    tick(3_600_000);
    const me = `user:${tenant.personas.learner}:User.Read,User.ReadBasic.All`;
    const eventual = { ConsistencyLevel: 'eventual' };
    for (let i = 0; i < 20; i++) {
      const calls = [
        sim.fetch('/v1.0/me?$select=id,displayName&$expand=manager($levels=3;$select=id,displayName)', {
          token: me,
          headers: eventual,
        }),
        sim.fetch('/v1.0/me/directReports?$select=id&$count=true&$top=1', { token: me, headers: eventual }),
      ];
      for (const res of await Promise.all(calls)) expect(res.status).toBe(200);
    }
    for (const period of ['D7', 'D30', 'D90'])
      expect(
        (
          await sim.fetch(`/v1.0/reports/getTeamsUserActivityUserDetail(period='${period}')`, {
            token: 'app@demo',
          })
        ).status,
      ).toBe(302);
  });
});
