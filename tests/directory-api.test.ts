import {
  directoryGroupListSchema,
  directoryPeopleListSchema,
  directoryTeamListSchema,
  problemSchema,
} from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchWords } from '../api/src/demo/graph-sim/search';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let tenant: DemoTenant;
let learner: string;

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  tenant = server.composed.demo!.tenant;
  learner = await server.composed.demo!.identity.issueSsoToken(tenant.personas.learner);
});
afterAll(async () => {
  await server?.close();
});

const search = (kind: string, q: string) =>
  callApi(server.baseUrl, 'GET', `/api/directory/${kind}?q=${encodeURIComponent(q)}`, learner);

/** What Graph's tokenized display-name search finds: every searched word starts a word of the name. */
const nameMatches = (displayName: string, q: string) =>
  searchWords(q).every((word) => searchWords(displayName).some((candidate) => candidate.startsWith(word)));

describe('GET /api/directory/people', () => {
  it('finds people by display name on behalf of any signed-in user, with titles and departments', async () => {
    const person = tenant.users[11]!;
    const response = await search('people', person.displayName);
    expect(response.status).toBe(200);
    const { items } = directoryPeopleListSchema.parse(await response.json());
    const expected = tenant.users
      .filter(
        (user) =>
          nameMatches(user.displayName, person.displayName) ||
          user.mail.toLowerCase().startsWith(person.displayName.toLowerCase()) ||
          user.userPrincipalName.toLowerCase().startsWith(person.displayName.toLowerCase()),
      )
      .slice(0, 25);
    expect(items.map((item) => item.id)).toEqual(expected.map((user) => user.id));
    expect(items.find((item) => item.id === person.id)).toEqual({
      id: person.id,
      displayName: person.displayName,
      mail: person.mail,
      userPrincipalName: person.userPrincipalName,
      jobTitle: person.jobTitle,
      department: person.department,
    });
  });

  it('finds people by the start of their UPN, and returns at most 25', async () => {
    const person = tenant.users[3]!;
    const prefix = person.userPrincipalName.slice(0, person.userPrincipalName.indexOf('@'));
    const { items } = directoryPeopleListSchema.parse(await (await search('people', prefix)).json());
    expect(items.map((item) => item.id)).toContain(person.id);
    const wide = directoryPeopleListSchema.parse(await (await search('people', 'a')).json());
    expect(wide.items).toHaveLength(25);
  });

  it('escapes quotes, backslashes and URL characters so the text cannot change the Graph query', async () => {
    for (const q of [
      'a"b',
      'back\\slash',
      '" OR "displayName:a',
      '&$top=999',
      'x#y%z+w',
      "O'Brien",
      'a\\"',
    ]) {
      const response = await search('people', q);
      expect(response.status, q).toBe(200);
      const { items } = directoryPeopleListSchema.parse(await response.json());
      const expected = tenant.users.filter(
        (user) =>
          nameMatches(user.displayName, q) ||
          user.mail.toLowerCase().startsWith(q.toLowerCase()) ||
          user.userPrincipalName.toLowerCase().startsWith(q.toLowerCase()),
      );
      expect(
        items.map((item) => item.id),
        q,
      ).toEqual(expected.slice(0, 25).map((user) => user.id));
    }
  });

  it('refuses a missing, empty, blank or over-long q with a 400 problem', async () => {
    for (const path of [
      '/api/directory/people',
      '/api/directory/people?q=',
      '/api/directory/people?q=%20%20',
      `/api/directory/people?q=${'x'.repeat(101)}`,
      '/api/directory/people?q=a&q=b',
    ]) {
      const response = await callApi(server.baseUrl, 'GET', path, learner);
      expect(response.status, path).toBe(400);
      expect(problemSchema.parse(await response.json()).code, path).toBe('bad_request');
    }
    expect((await search('people', 'x'.repeat(100))).status).toBe(200);
  });

  it('needs a sign-in', async () => {
    const response = await fetch(`${server.baseUrl}/api/directory/people?q=ada`);
    expect(response.status).toBe(401);
  });
});

describe('GET /api/directory/groups and /teams', () => {
  it('finds security and Microsoft 365 groups, saying which carry a team', async () => {
    const security = tenant.groups.find((group) => group.kind === 'security')!;
    const { items } = directoryGroupListSchema.parse(
      await (await search('groups', security.displayName)).json(),
    );
    const expected = tenant.groups.filter((group) => nameMatches(group.displayName, security.displayName));
    expect(items.map((item) => item.id)).toEqual(expected.slice(0, 25).map((group) => group.id));
    expect(items.find((item) => item.id === security.id)).toEqual({
      id: security.id,
      displayName: security.displayName,
      description: security.description,
      mail: null,
      kind: 'security',
      isTeam: false,
    });
    const teamGroup = tenant.groups.find((group) => group.teamId !== null)!;
    const teams = directoryGroupListSchema.parse(
      await (await search('groups', teamGroup.displayName)).json(),
    );
    expect(teams.items.find((item) => item.id === teamGroup.id)).toMatchObject({
      kind: 'microsoft365',
      isTeam: true,
      mail: `${teamGroup.mailNickname}@${tenant.domain}`,
    });
  });

  it('finds only teams under /teams', async () => {
    const team = tenant.groups.find((group) => group.teamId !== null)!;
    const word = searchWords(team.displayName)[0]!;
    const { items } = directoryTeamListSchema.parse(await (await search('teams', word)).json());
    const expected = tenant.groups.filter(
      (group) => group.teamId !== null && nameMatches(group.displayName, word),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((item) => item.id)).toEqual(expected.slice(0, 25).map((group) => group.id));
    expect(items.find((item) => item.id === team.id)).toMatchObject({
      displayName: team.displayName,
      visibility: expect.stringMatching(/^(Public|Private)$/),
    });
  });
});
