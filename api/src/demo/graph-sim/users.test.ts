import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import type { DemoUser } from '../tenant/model';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const byId = new Map(tenant.users.map((u) => [u.id, u]));
const ceo = tenant.users.find(
  (u) => u.managerId === null && tenant.users.some((r) => r.managerId === u.id),
) as DemoUser;
const learner = byId.get(tenant.personas.learner) as DemoUser;
const eventual = { ConsistencyLevel: 'eventual' };
let sim: TestSimulator;

interface Page {
  '@odata.context'?: string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
}
interface GraphErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

async function get<T>(
  url: string,
  headers: Record<string, string> = {},
  token = 'app',
): Promise<{ status: number; body: T }> {
  const res = await sim.fetch(url, { token, headers });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('GET /users', () => {
  it('pages through every user exactly once with absolute Graph nextLinks', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/v1.0/users?$top=50&$select=id,displayName';
    let pages = 0;
    while (url) {
      const { status, body }: { status: number; body: Page } = await get<Page>(url);
      expect(status).toBe(200);
      expect(body.value.length).toBeLessThanOrEqual(50);
      for (const u of body.value) expect(Object.keys(u)).toEqual(['id', 'displayName']);
      seen.push(...body.value.map((u) => String(u['id'])));
      url = body['@odata.nextLink'];
      if (url) expect(url).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\?\$skiptoken=[\w-]+$/);
      pages++;
    }
    expect(pages).toBe(6);
    expect(seen.sort()).toEqual(tenant.users.map((u) => u.id).sort());
  });

  it('uses a default page of 100 and the default property set', async () => {
    const { body } = await get<Page>('/v1.0/users');
    expect(body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
    expect(body.value).toHaveLength(100);
    expect(Object.keys(body.value[0] ?? {}).sort()).toEqual([
      'businessPhones',
      'displayName',
      'givenName',
      'id',
      'jobTitle',
      'mail',
      'mobilePhone',
      'officeLocation',
      'preferredLanguage',
      'surname',
      'userPrincipalName',
    ]);
  });

  it('rejects $top outside 1..999 with Request_UnsupportedQuery', async () => {
    const { status, body } = await get<GraphErrorBody>('/v1.0/users?$top=1000');
    expect(status).toBe(400);
    expect(body.error.code).toBe('Request_UnsupportedQuery');
    expect(body.error.message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
    expect((await get<GraphErrorBody>('/v1.0/users?$top=0')).status).toBe(400);
    expect((await get<Page>('/v1.0/users?$top=999')).body.value).toHaveLength(300);
  });

  it('filters on accountEnabled and department, and rejects other filters', async () => {
    const enabled = await get<Page>(
      '/v1.0/users?$top=999&$filter=accountEnabled eq true&$select=id,accountEnabled',
    );
    expect(enabled.body.value).toHaveLength(tenant.users.filter((u) => u.accountEnabled).length);
    const dept = encodeURIComponent("department eq 'Learning & Development'");
    const lnd = await get<Page>(`/v1.0/users?$top=999&$filter=${dept}&$select=id,department`);
    expect(lnd.body.value.map((u) => u['id']).sort()).toEqual(
      tenant.users
        .filter((u) => u.department === 'Learning & Development')
        .map((u) => u.id)
        .sort(),
    );
    const bad = await get<GraphErrorBody>(
      `/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'A')")}`,
    );
    expect(bad.status).toBe(400);
    const unsupported = await get<GraphErrorBody>('/v1.0/users?$filter=createdDateTime eq 1');
    expect(unsupported.status).toBe(400);
  });

  it('counts only with ConsistencyLevel: eventual, and only on the first page', async () => {
    expect((await get<GraphErrorBody>('/v1.0/users?$count=true')).status).toBe(400);
    const first = await get<Page>('/v1.0/users?$count=true&$top=200', eventual);
    expect(first.body['@odata.count']).toBe(300);
    const second = await get<Page>(first.body['@odata.nextLink'] ?? '');
    expect(second.body['@odata.count']).toBeUndefined();
    expect(second.body.value).toHaveLength(100);
  });

  it('expands each manager on a list', async () => {
    const { body } = await get<Page>('/v1.0/users?$top=999&$select=id&$expand=manager($select=id)');
    for (const row of body.value) {
      const user = byId.get(String(row['id'])) as DemoUser;
      const manager = row['manager'] as { id: string } | undefined;
      expect(manager?.id ?? null).toBe(user.managerId);
    }
    const levels = await get<GraphErrorBody>('/v1.0/users?$expand=manager($levels=2)', eventual);
    expect(levels.status).toBe(400);
  });
});

describe('single users and the manager chain', () => {
  it('returns a user by id or UPN, with extra properties only via $select', async () => {
    const byUpn = await get<Record<string, unknown>>(`/v1.0/users/${learner.userPrincipalName}`);
    expect(byUpn.body['id']).toBe(learner.id);
    expect(byUpn.body['department']).toBeUndefined();
    const selected = await get<Record<string, unknown>>(
      `/v1.0/users/${learner.id}?$select=id,department,accountEnabled,userType`,
    );
    expect(selected.body).toMatchObject({
      id: learner.id,
      department: learner.department,
      accountEnabled: true,
      userType: 'Member',
    });
    const missing = await get<GraphErrorBody>('/v1.0/users/00000000-0000-0000-0000-000000000001');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('answers 404 Request_ResourceNotFound for the CEO manager', async () => {
    const { status, body } = await get<GraphErrorBody>(`/v1.0/users/${ceo.id}/manager`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('Request_ResourceNotFound');
    expect(body.error.message).toBe(
      "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
    );
    const ok = await get<Record<string, unknown>>(`/v1.0/users/${learner.id}/manager`);
    expect(ok.body).toMatchObject({ '@odata.type': '#microsoft.graph.user', id: learner.managerId });
  });

  it('needs ConsistencyLevel for $levels and then returns the nested chain', async () => {
    const url = `/v1.0/users/${learner.id}?$select=id&$expand=manager($levels=3;$select=id,displayName)`;
    const without = await get<GraphErrorBody>(url);
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('Request_UnsupportedQuery');
    const { body } = await get<Record<string, unknown>>(url, eventual);
    const expected: string[] = [];
    for (let m = byId.get(learner.managerId ?? ''); m && expected.length < 3; m = byId.get(m.managerId ?? ''))
      expected.push(m.id);
    const got: string[] = [];
    for (
      let node = body['manager'] as Record<string, unknown> | undefined;
      node;
      node = node['manager'] as typeof node
    ) {
      got.push(String(node['id']));
      expect(node['displayName']).toBe(byId.get(String(node['id']))?.displayName);
    }
    expect(got).toEqual(expected);
  });

  it('serves /me and /me/directReports for delegated callers only', async () => {
    const me = await get<Record<string, unknown>>('/v1.0/me', {}, `user:${learner.id}`);
    expect(me.body['id']).toBe(learner.id);
    expect((await get<GraphErrorBody>('/v1.0/me')).status).toBe(400);
    const manager = tenant.personas.manager;
    const reports = tenant.users.filter((u) => u.managerId === manager);
    const dr = await get<Page>(
      '/v1.0/me/directReports?$count=true&$top=1&$select=id',
      eventual,
      `user:${manager}`,
    );
    expect(dr.body['@odata.count']).toBe(reports.length);
    expect(dr.body.value).toHaveLength(1);
    expect(dr.body['@odata.nextLink']).toMatch(
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/users\/[\w-]+\/directReports\?\$skiptoken=/,
    );
    const all = await get<Page>(`/v1.0/users/${manager}/directReports`);
    expect(all.body.value.map((u) => u['id']).sort()).toEqual(reports.map((u) => u.id).sort());
  });

  it('denies callers without a directory permission', async () => {
    const { status, body } = await get<GraphErrorBody>('/v1.0/users', {}, 'app:Reports.Read.All');
    expect(status).toBe(403);
    expect(body.error.code).toBe('Authorization_RequestDenied');
    expect(
      (await get<GraphErrorBody>(`/v1.0/users/${learner.id}/manager`, {}, 'app:User.ReadBasic.All')).status,
    ).toBe(403);
  });
});
