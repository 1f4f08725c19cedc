import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import type { DemoTeam } from '../tenant/model';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId) as DemoTeam;
const learner = tenant.personas.learner;
let sim: TestSimulator;

interface Page {
  '@odata.count': number;
  value: Record<string, unknown>[];
}

async function get<T>(url: string, token = 'app') {
  const res = await sim.fetch(url, { token });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('teams and their members', () => {
  it('returns a team with its settings and summary', async () => {
    const { status, body } = await get<Record<string, unknown>>(`/v1.0/teams/${team.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: team.id,
      displayName: team.displayName,
      internalId: `19:${team.id.replace(/-/g, '')}@thread.tacv2`,
      visibility: 'public',
      isArchived: false,
      tenantId: tenant.tenantId,
      summary: { ownersCount: team.ownerIds.length },
    });
    const slim = await get<Record<string, unknown>>(`/v1.0/teams/${team.id}?$select=id,displayName`);
    expect(Object.keys(slim.body).sort()).toEqual(['@odata.context', 'displayName', 'id']);
  });

  it('lists members as aadUserConversationMember with owner roles and opaque ids', async () => {
    const { body } = await get<Page>(`/v1.0/teams/${team.id}/members`);
    expect(body.value).toHaveLength(team.memberIds.length);
    expect(body['@odata.count']).toBe(team.memberIds.length);
    for (const m of body.value) {
      expect(m['@odata.type']).toBe('#microsoft.graph.aadUserConversationMember');
      expect(m['roles']).toEqual(team.ownerIds.includes(String(m['userId'])) ? ['owner'] : []);
      expect(String(m['id'])).not.toContain(String(m['userId']));
    }
    const one = await get<Page>(
      `/v1.0/teams/${team.id}/members?$filter=${encodeURIComponent(`(microsoft.graph.aadUserConversationMember/userId eq '${learner}')`)}`,
    );
    expect(one.body.value.map((m) => m['userId'])).toEqual([learner]);
    const owners = await get<Page>(
      `/v1.0/teams/${team.id}/members?$filter=${encodeURIComponent("roles/any(r:r eq 'owner')")}`,
    );
    expect(owners.body.value.map((m) => m['userId']).sort()).toEqual([...team.ownerIds].sort());
    expect((await get(`/v1.0/teams/${team.id}/members?$filter=startswith(displayName,'A')`)).status).toBe(
      400,
    );
  });

  it('needs TeamMember permissions and membership for delegated callers', async () => {
    const denied = await get<{ error: { code: string; message: string } }>(
      `/v1.0/teams/${team.id}/members`,
      'app:Channel.ReadBasic.All',
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('Forbidden');
    expect(denied.body.error.message).toContain('TeamMember.Read.All');
    const outsider = tenant.users.find((u) => u.userType === 'Member' && !team.memberIds.includes(u.id));
    expect((await get(`/v1.0/teams/${team.id}`, `user:${outsider?.id}:Team.ReadBasic.All`)).status).toBe(403);
  });

  it('lists joined teams for /me (delegated) and /users/{id} (app), direct memberships only', async () => {
    const expected = tenant.teams
      .filter((t) => t.memberIds.includes(learner))
      .map((t) => t.id)
      .sort();
    const mine = await get<Page>('/v1.0/me/joinedTeams', `user:${learner}:Team.ReadBasic.All`);
    expect(mine.body.value.map((t) => t['id']).sort()).toEqual(expected);
    expect(Object.keys(mine.body.value[0] ?? {}).sort()).toEqual(['description', 'displayName', 'id']);
    const app = await get<Page>(`/v1.0/users/${learner}/joinedTeams`);
    expect(app.body.value.map((t) => t['id']).sort()).toEqual(expected);
    expect((await get('/v1.0/me/joinedTeams')).status).toBe(400);
    const other = tenant.personas.manager;
    expect((await get(`/v1.0/users/${other}/joinedTeams`, `user:${learner}:Team.ReadBasic.All`)).status).toBe(
      403,
    );
    expect((await get(`/v1.0/users/${learner}/joinedTeams?$top=5`)).status).toBe(400);
  });
});
