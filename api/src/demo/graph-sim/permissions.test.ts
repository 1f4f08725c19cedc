// The 403 rules come from Microsoft's permissions.json (reference copy beside the repository): the table
// must match it, and every served path must refuse a caller holding none of its permissions.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import type { DemoTeam } from '../tenant/model';
import { PATH_PERMISSIONS } from './permission-table';
import { startTestSimulator, type TestSimulator } from './test-harness';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const referenceFile = [
  join(repoRoot, 'reference/graph/permissions.json'),
  join(repoRoot, '../shared/reference/graph/permissions.json'),
].find((file) => existsSync(file));

interface PermissionsFile {
  permissions: Record<
    string,
    { pathSets?: { schemeKeys: string[]; methods: string[]; paths: Record<string, string> }[] }
  >;
}

function derive(file: PermissionsFile, method: string, template: string, scheme: string): string {
  const key = (p: string) => p.toLowerCase().replace(/\{[^}]*\}/g, '{}');
  const names = new Set<string>();
  for (const [name, perm] of Object.entries(file.permissions))
    for (const set of perm.pathSets ?? [])
      if (set.methods.includes(method) && set.schemeKeys.includes(scheme))
        for (const path of Object.keys(set.paths)) if (key(path) === key(template)) names.add(name);
  return [...names].sort().join(' ');
}

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId) as DemoTeam;
const channel = team.channels[0]?.id ?? '';
const root = tenant.messages.find(
  (m) => m.teamId === team.id && m.channelId === channel && m.replyToId === null && !m.event,
);
const reply = tenant.messages.find((m) => m.replyToId === root?.id && m.teamId === team.id);
const user = tenant.personas.learner;
const group = tenant.groups[0]?.id ?? '';
const served: Record<string, string> = {
  'GET /users': '/users',
  'GET /users/{id}': `/users/${user}`,
  'GET /users/{id}/manager': `/users/${user}/manager`,
  'GET /users/{id}/directreports': `/users/${user}/directReports`,
  'GET /users/{id}/joinedteams': `/users/${user}/joinedTeams`,
  'GET /groups': '/groups',
  'GET /groups/{id}': `/groups/${group}`,
  'GET /groups/{id}/members': `/groups/${group}/members`,
  'GET /groups/{id}/transitivemembers': `/groups/${group}/transitiveMembers/microsoft.graph.user`,
  'GET /teams/{id}': `/teams/${team.id}`,
  'GET /teams/{id}/members': `/teams/${team.id}/members`,
  'GET /teams/{id}/channels': `/teams/${team.id}/channels`,
  'GET /teams/{id}/channels/{id}': `/teams/${team.id}/channels/${channel}`,
  'GET /teams/{id}/channels/{id}/messages': `/teams/${team.id}/channels/${channel}/messages`,
  'GET /teams/{id}/channels/{id}/messages/{id}': `/teams/${team.id}/channels/${channel}/messages/${root?.id}`,
  'GET /teams/{id}/channels/{id}/messages/{id}/replies': `/teams/${team.id}/channels/${channel}/messages/${root?.id}/replies`,
  'GET /teams/{id}/channels/{id}/messages/{id}/replies/{id}': `/teams/${team.id}/channels/${channel}/messages/${root?.id}/replies/${reply?.id}`,
  'GET /teams/{id}/channels/{id}/messages/delta': `/teams/${team.id}/channels/${channel}/messages/delta`,
  'GET /admin/reportsettings': '/admin/reportSettings',
};
for (const fn of [
  'getTeamsUserActivityUserDetail',
  'getEmailActivityUserDetail',
  'getYammerActivityUserDetail',
  'getSharePointActivityUserDetail',
  'getOneDriveActivityUserDetail',
]) {
  served[`GET /reports/${fn.toLowerCase()}(period={value})`] = `/reports/${fn}(period='D7')`;
  served[`GET /reports/${fn.toLowerCase()}(date={value})`] = `/reports/${fn}(date=2026-11-20)`;
}

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('permissions', () => {
  it('match permissions.json for every served method and path, both schemes', () => {
    expect(referenceFile, 'copy of reference/graph/permissions.json').toBeDefined();
    const file = JSON.parse(readFileSync(referenceFile ?? '', 'utf8')) as PermissionsFile;
    for (const [key, [delegated, application]] of Object.entries(PATH_PERMISSIONS)) {
      const [method = '', template = ''] = key.split(' ');
      expect(delegated, `${key} delegated`).toBe(derive(file, method, template, 'DelegatedWork'));
      expect(application, `${key} application`).toBe(derive(file, method, template, 'Application'));
    }
  });

  it('refuse an app holding none of the path’s permissions, with Graph’s code for the service', async () => {
    for (const [key, path] of Object.entries(served)) {
      const res = await sim.fetch(`/v1.0${path}`, { token: 'app:Calendars.Read' });
      const body = (await res.json()) as { error: { code: string } };
      expect(res.status, key).toBe(403);
      expect(body.error.code, key).toBe(
        key.includes('/teams/') || key.includes('joinedteams') ? 'Forbidden' : 'Authorization_RequestDenied',
      );
      const allowed = await sim.fetch(`/v1.0${path}`, { token: 'app' });
      expect([200, 302], key).toContain(allowed.status);
    }
    expect(Object.keys(served).filter((k) => !(k in PATH_PERMISSIONS))).toEqual([]);
  });

  it('let User.Read reach only the signed-in user', async () => {
    const other = tenant.personas.manager;
    expect((await sim.fetch(`/v1.0/users/${user}`, { token: `user:${user}:User.Read` })).status).toBe(200);
    expect((await sim.fetch(`/v1.0/users/${other}`, { token: `user:${user}:User.Read` })).status).toBe(403);
    expect(
      (await sim.fetch(`/v1.0/users/${other}`, { token: `user:${user}:User.ReadBasic.All` })).status,
    ).toBe(200);
    expect((await sim.fetch('/v1.0/me/directReports', { token: `user:${other}:User.Read` })).status).toBe(
      200,
    );
  });
});
