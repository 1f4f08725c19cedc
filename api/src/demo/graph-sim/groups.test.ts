import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import type { DemoGroup, DemoTeam } from '../tenant/model';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const groups = new Map(tenant.groups.map((g) => [g.id, g]));
const all = tenant.groups.find((g) => g.displayName === 'All Employees') as DemoGroup;
const target = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId) as DemoTeam;
let sim: TestSimulator;

interface Page {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
}

async function get<T>(url: string, token = 'app', headers: Record<string, string> = {}) {
  const res = await sim.fetch(url, { token, headers });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

async function collect(url: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let next: string | undefined = url; next;) {
    const { status, body }: { status: number; body: Page } = await get<Page>(next);
    expect(status).toBe(200);
    out.push(...body.value);
    next = body['@odata.nextLink'];
  }
  return out;
}

function transitiveUsers(g: DemoGroup, seen = new Set<string>()): Set<string> {
  const users = new Set(g.memberIds);
  for (const id of g.memberGroupIds) {
    const nested = groups.get(id);
    if (!nested || seen.has(id)) continue;
    seen.add(id);
    for (const u of transitiveUsers(nested, seen)) users.add(u);
  }
  return users;
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('groups', () => {
  it('returns a team group and a security group with Graph property names', async () => {
    const team = await get<Record<string, unknown>>(`/v1.0/groups/${target.id}`);
    expect(team.body).toMatchObject({
      id: target.id,
      displayName: target.displayName,
      groupTypes: ['Unified'],
      mailEnabled: true,
      securityEnabled: false,
      resourceProvisioningOptions: ['Team'],
      visibility: 'Public',
    });
    const security = await get<Record<string, unknown>>(`/v1.0/groups/${all.id}?$select=id,securityEnabled`);
    expect(security.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups/$entity',
      id: all.id,
      securityEnabled: true,
    });
    expect((await get(`/v1.0/groups/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('lists direct members (users and nested groups) with @odata.type, paging by $top', async () => {
    const members = await collect(`/v1.0/groups/${all.id}/members?$top=2`);
    const types = members.map((m) => m['@odata.type']);
    expect(types.filter((t) => t === '#microsoft.graph.user')).toHaveLength(all.memberIds.length);
    expect(types.filter((t) => t === '#microsoft.graph.group')).toHaveLength(all.memberGroupIds.length);
    const teamMembers = await collect(`/v1.0/groups/${target.id}/members?$select=id,displayName`);
    expect(teamMembers.map((m) => m['id']).sort()).toEqual([...target.memberIds].sort());
    expect(Object.keys(teamMembers[0] ?? {}).sort()).toEqual(['@odata.type', 'displayName', 'id']);
  });

  it('expands nested groups in transitiveMembers, and casts to users only', async () => {
    const expected = transitiveUsers(all);
    const users = await collect(`/v1.0/groups/${all.id}/transitiveMembers/microsoft.graph.user?$top=999`);
    expect(users.every((u) => u['@odata.type'] === undefined)).toBe(true);
    expect(new Set(users.map((u) => u['id']))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(all.memberIds.length);
    const first = await get<Page>(`/v1.0/groups/${all.id}/transitiveMembers/microsoft.graph.user?$top=5`);
    expect(first.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
    expect(first.body['@odata.nextLink']).toMatch(
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/groups\/[\w-]+\/transitiveMembers\/microsoft\.graph\.user\?\$skiptoken=/,
    );
    const counted = await get<Page>(`/v1.0/groups/${all.id}/transitiveMembers?$count=true&$top=1`, 'app', {
      ConsistencyLevel: 'eventual',
    });
    expect(counted.body['@odata.count']).toBeGreaterThan(expected.size);
  });

  it('answers bad input and missing permissions with Graph codes', async () => {
    expect((await get(`/v1.0/groups/${all.id}/members?$top=1000`)).status).toBe(400);
    expect((await get(`/v1.0/groups/${all.id}/members/microsoft.graph.device`)).status).toBe(404);
    expect((await get(`/v1.0/groups/${all.id}/members?$skiptoken=bogus`)).status).toBe(400);
    const denied = await get<{ error: { code: string } }>(
      `/v1.0/groups/${all.id}/members`,
      'app:User.Read.All',
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('Authorization_RequestDenied');
  });
});
