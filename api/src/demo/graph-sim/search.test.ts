import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import { parseSearch, searchWords } from './search';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 2, asOf: new Date('2026-11-30T00:00:00Z') });
const eventual = { ConsistencyLevel: 'eventual' };
const user = `user:${tenant.personas.learningLeader}:User.ReadBasic.All,Group.ReadBasic.All`;
let sim: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

async function get(path: string, headers: Record<string, string> = eventual) {
  const res = await sim.fetch(path, { token: user, headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const search = (expr: string) => encodeURIComponent(expr);

describe('$search expressions', () => {
  it('parse clauses with escapes, AND before OR, and parentheses', () => {
    expect(parseSearch('"displayName:a \\"b\\" \\\\c" OR "mail:x" AND ("mail:y")')).toEqual({
      kind: 'or',
      left: { kind: 'clause', property: 'displayName', text: 'a "b" \\c' },
      right: {
        kind: 'and',
        left: { kind: 'clause', property: 'mail', text: 'x' },
        right: { kind: 'clause', property: 'mail', text: 'y' },
      },
    });
  });

  it('refuse what Graph refuses', () => {
    for (const bad of [
      '',
      'ada',
      '"displayName:ada',
      '"ada"',
      '"mail:a" and "mail:b"',
      '"mail:\\x"',
      '("mail:a"',
    ])
      expect(() => parseSearch(bad), bad).toThrow(/Syntax error/);
  });

  it('split words on spaces, symbols, digits and lower-to-upper case changes', () => {
    expect(searchWords('HelloWorld hello.world HELLOworld x123y')).toEqual([
      'hello',
      'world',
      'hello',
      'world',
      'helloworld',
      'x',
      '123',
      'y',
    ]);
  });
});

describe('GET /users with $search', () => {
  const person = tenant.users[7]!;

  it('needs ConsistencyLevel: eventual', async () => {
    const { status, body } = await get(`/v1.0/users?$search=${search('"displayName:a"')}`, {});
    expect(status).toBe(400);
    expect(body['error']).toMatchObject({ code: 'Request_UnsupportedQuery' });
  });

  it('finds a person by a word of the display name in any order, or by the start of mail and UPN', async () => {
    const surname = person.surname.slice(0, 3).toLowerCase();
    const byName = await get(
      `/v1.0/users?$search=${search(`"displayName:${surname} ${person.givenName}"`)}&$select=id,displayName&$top=999`,
    );
    expect(byName.status).toBe(200);
    const ids = (byName.body['value'] as { id: string }[]).map((u) => u.id);
    expect(ids).toContain(person.id);
    const expected = tenant.users.filter(
      (u) =>
        searchWords(u.displayName).some((w) => w.startsWith(surname)) &&
        searchWords(u.displayName).some((w) => w.startsWith(person.givenName.toLowerCase())),
    );
    expect(ids).toEqual(expected.map((u) => u.id));

    const upn = person.userPrincipalName.slice(0, 6);
    const byUpn = await get(
      `/v1.0/users?$search=${search(`"displayName:zzzzqq" OR "userPrincipalName:${upn}"`)}&$select=id&$count=true`,
    );
    const upnMatches = tenant.users.filter((u) =>
      u.userPrincipalName.toLowerCase().startsWith(upn.toLowerCase()),
    );
    expect(byUpn.body['@odata.count']).toBe(upnMatches.length);
    expect((byUpn.body['value'] as { id: string }[]).map((u) => u.id)).toEqual(upnMatches.map((u) => u.id));
  });

  it('keeps the search on later pages without the header', async () => {
    const first = await get(`/v1.0/users?$search=${search('"mail:a" OR "mail:b"')}&$select=id&$top=2`);
    const next = first.body['@odata.nextLink'] as string;
    expect(next).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\?\$skiptoken=/);
    const second = await sim.fetch(next, { token: user });
    const expected = tenant.users.filter((u) => /^[ab]/i.test(u.mail)).slice(2, 4);
    expect(((await second.json()) as { value: { id: string }[] }).value.map((u) => u.id)).toEqual(
      expected.map((u) => u.id),
    );
  });

  it('rejects unknown properties and malformed expressions with 400', async () => {
    expect((await get(`/v1.0/users?$search=${search('"shoeSize:4"')}`)).status).toBe(400);
    expect((await get(`/v1.0/users?$search=${search('"displayName:unclosed')}`)).status).toBe(400);
  });
});

describe('GET /groups', () => {
  const team = tenant.groups.find((g) => g.teamId !== null)!;
  const security = tenant.groups.find((g) => g.kind === 'security')!;

  it('needs a group permission', async () => {
    const res = await sim.fetch('/v1.0/groups', {
      token: `user:${tenant.personas.learner}:User.ReadBasic.All`,
    });
    expect(res.status).toBe(403);
  });

  it('lists teams with the resourceProvisioningOptions filter and a search', async () => {
    const word = searchWords(team.displayName)[0]!;
    const filter = encodeURIComponent("resourceProvisioningOptions/Any(x:x eq 'Team')");
    const { status, body } = await get(
      `/v1.0/groups?$filter=${filter}&$search=${search(`"displayName:${word}"`)}&$select=id,displayName,resourceProvisioningOptions&$top=999`,
    );
    expect(status).toBe(200);
    const expected = tenant.groups.filter(
      (g) => g.teamId !== null && searchWords(g.displayName).some((w) => w.startsWith(word)),
    );
    expect(body['value']).toEqual(
      expected.map((g) => ({ id: g.id, displayName: g.displayName, resourceProvisioningOptions: ['Team'] })),
    );
  });

  it('finds security groups and filters on securityEnabled', async () => {
    const word = searchWords(security.displayName).at(-1)!;
    const { body } = await get(
      `/v1.0/groups?$filter=${encodeURIComponent('securityEnabled eq true')}&$search=${search(`"displayName:${word}"`)}&$select=id,securityEnabled`,
    );
    const ids = (body['value'] as { id: string; securityEnabled: boolean }[]).map((g) => g.id);
    expect(ids).toContain(security.id);
    expect((body['value'] as { securityEnabled: boolean }[]).every((g) => g.securityEnabled)).toBe(true);
  });

  it('pages with $top and rejects unknown filters', async () => {
    const first = await get('/v1.0/groups?$top=2&$select=id');
    expect((first.body['value'] as unknown[]).length).toBe(2);
    const next = await sim.fetch(first.body['@odata.nextLink'] as string, { token: user });
    expect(((await next.json()) as { value: { id: string }[] }).value.map((g) => g.id)).toEqual(
      tenant.groups.slice(2, 4).map((g) => g.id),
    );
    expect((await get(`/v1.0/groups?$filter=${encodeURIComponent('visibility eq 1')}`)).status).toBe(400);
  });
});
