// Hostile and malformed input: Graph's own status and error codes, never a 5xx or a crash.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import type { DemoTeam } from '../tenant/model';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId) as DemoTeam;
const channel = team.channels[0]?.id ?? '';
const user = tenant.personas.learner;
const group = tenant.groups[0]?.id ?? '';
const paths = [
  '/v1.0/users',
  `/v1.0/users/${user}`,
  `/v1.0/users/${user}/manager`,
  `/v1.0/users/${user}/directReports`,
  `/v1.0/users/${user}/joinedTeams`,
  `/v1.0/groups/${group}/members`,
  `/v1.0/groups/${group}/transitiveMembers/microsoft.graph.user`,
  `/v1.0/teams/${team.id}`,
  `/v1.0/teams/${team.id}/members`,
  `/v1.0/teams/${team.id}/channels`,
  `/v1.0/teams/${team.id}/channels/${channel}/messages`,
  `/v1.0/teams/${team.id}/channels/${channel}/messages/delta`,
  "/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')",
  '/v1.0/admin/reportSettings',
];
let sim: TestSimulator;

interface ErrorBody {
  error: { code: string; message: string };
}

async function expectError(
  url: string,
  status: number,
  code?: string,
  init: Parameters<TestSimulator['fetch']>[1] = {},
) {
  const res = await sim.fetch(url, { token: 'app', ...init });
  expect(res.status, url).toBe(status);
  const body = (await res.json()) as ErrorBody;
  if (code) expect(body.error.code, url).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('bad input', () => {
  it('answers malformed OData with 400 and Graph codes', async () => {
    await expectError('/v1.0/users?$top=1000', 400, 'Request_UnsupportedQuery');
    await expectError('/v1.0/users?$top=abc', 400, 'Request_UnsupportedQuery');
    await expectError('/v1.0/users?$select=', 400, 'BadRequest');
    await expectError('/v1.0/users?$select=id,nope', 400, 'BadRequest');
    await expectError('/v1.0/users?$expand=manager,directReports', 400, 'Request_UnsupportedQuery');
    await expectError(`/v1.0/users?$filter=${encodeURIComponent("displayName eq 'x")}`, 400, 'BadRequest');
    await expectError('/v1.0/users?$count=maybe', 400, 'BadRequest');
    await expectError('/v1.0/users?$orderby=displayName', 400, 'Request_UnsupportedQuery');
    await expectError(`/v1.0/teams/${team.id}/channels/${channel}/messages?$top=51`, 400, 'BadRequest');
    await expectError(`/v1.0/users/%E0%A4%A`, 400, 'BadRequest');
  });

  it('answers unknown paths and bad ids with 404, wrong methods with 405', async () => {
    await expectError('/v1.0/widgets', 404, 'UnknownError');
    await expectError('/beta/users', 404, 'UnknownError');
    await expectError('/v1.0/users/not-a-user', 404, 'Request_ResourceNotFound');
    await expectError('/v1.0/groups/not-a-group/members', 404, 'Request_ResourceNotFound');
    await expectError('/v1.0/teams/not-a-team', 404, 'NotFound');
    await expectError(`/v1.0/teams/${team.id}/channels/19:nope@thread.tacv2/messages`, 404, 'NotFound');
    await expectError(`/v1.0/teams/${team.id}/channels/${channel}/messages/123/replies`, 404, 'NotFound');
    await expectError(`/v1.0/users/${user}/calendar`, 404, 'UnknownError');
    await expectError("/v1.0/reports/getNothing(period='D7')", 404, 'UnknownError');
    await expectError('/v1.0/users', 405, 'Request_BadRequest', { method: 'DELETE' });
  });

  it('rejects batches over 20, with duplicate ids or without requests, and runs a good one', async () => {
    const item = (id: string) => ({ id, method: 'GET', url: '/users?$top=1' });
    const batch = (body: unknown) => sim.fetch('/v1.0/$batch', { token: 'app', method: 'POST', body });
    for (const body of [
      { requests: Array.from({ length: 21 }, (_, i) => item(String(i))) },
      { requests: [item('a'), item('A')] },
      { requests: 'nope' },
      {},
    ]) {
      const res = await batch(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe('BadRequest');
    }
    expect((await batch({ requests: Array.from({ length: 20 }, (_, i) => item(String(i))) })).status).toBe(
      200,
    );
  });

  it('never answers 5xx to random query strings on any served path', async () => {
    const key = fc.constantFrom(
      '$top',
      '$select',
      '$filter',
      '$expand',
      '$count',
      '$skiptoken',
      '$deltatoken',
      '$skip',
      '$search',
      'x',
      '$format',
    );
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '1',
        '0',
        '-1',
        '999',
        '1000',
        'true',
        'id,displayName',
        'manager($levels=2)',
        "x eq 'y'",
        '((',
        "'",
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.array(fc.tuple(key, value), { maxLength: 3 }),
        async (path, pairs) => {
          const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const res = await sim.fetch(`${path}${query ? `?${query}` : ''}`, {
            token: 'app',
            headers: { ConsistencyLevel: 'eventual' },
          });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(((await res.json()) as ErrorBody).error.code).toMatch(/^\w+$/);
          else await res.arrayBuffer();
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });

  it('never answers 5xx to random path segments or batch items', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        async (segments) => {
          const path = `/v1.0/${segments.map(encodeURIComponent).join('/')}`;
          expect((await sim.fetch(path, { token: 'app' })).status).toBeLessThan(500);
          const res = await sim.fetch('/v1.0/$batch', {
            token: 'app',
            method: 'POST',
            body: { requests: [{ id: '1', method: 'GET', url: path.replace('/v1.0', '') }] },
          });
          expect(res.status).toBe(200);
          const { responses } = (await res.json()) as { responses: { status: number }[] };
          expect(responses[0]?.status).toBeLessThan(500);
        },
      ),
      { numRuns: 80, seed: 7 },
    );
  });
});
