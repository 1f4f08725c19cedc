import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../demo/graph-sim/test-harness';
import { generateTenant } from '../demo/tenant/generate';
import { HttpProblem } from '../http/problem';
import { createGraphAudienceMembers } from './audience-members';
import { createGraphClient } from './graph-client';
import { createRateGovernor } from './pacing/governor';
import { createRoutedFetch, microsoftHosts } from './transport';

const asOf = new Date('2026-11-30T00:00:00Z');
const tenant = generateTenant({ seed: 7, people: 120, weeks: 2, asOf });
let sim: TestSimulator;
let membersOf: ReturnType<typeof createGraphAudienceMembers>;

beforeAll(async () => {
  sim = await startTestSimulator(tenant, { now: () => asOf });
  const client = createGraphClient({
    fetch: createRoutedFetch(new Map([[microsoftHosts.graph, sim.base]])),
    accessToken: () => Promise.resolve('app'),
    maxRetries: 0,
  });
  const governor = createRateGovernor({
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  membersOf = createGraphAudienceMembers(
    () => client,
    () => governor,
  );
});
afterAll(async () => {
  await sim?.close();
});

describe('audience members through Graph', () => {
  it("gives a team's members, a nested group's transitive users, and people as named", async () => {
    const team = tenant.teams.find((candidate) => candidate.kind === 'department')!;
    expect(new Set(await membersOf(tenant.tenantId, { kind: 'teams', ids: [team.id] }))).toEqual(
      new Set(team.memberIds),
    );
    const everyone = tenant.groups.find((group) => group.displayName === 'All Employees')!;
    const expected = new Set<string>();
    const walk = (id: string): void => {
      const group = tenant.groups.find((candidate) => candidate.id === id)!;
      for (const member of group.memberIds) expected.add(member);
      for (const nested of group.memberGroupIds) walk(nested);
    };
    walk(everyone.id);
    const found = await membersOf(tenant.tenantId, { kind: 'groups', ids: [everyone.id] });
    expect(new Set(found)).toEqual(expected);
    expect(found.length).toBe(expected.size);
    expect(await membersOf(tenant.tenantId, { kind: 'people', ids: ['a', 'b', 'a'] })).toEqual(['a', 'b']);
  });

  it('answers a group Graph does not know with a 404 problem, not an empty audience', async () => {
    const missing = membersOf(tenant.tenantId, {
      kind: 'groups',
      ids: ['00000000-0000-4000-8000-000000000000'],
    });
    await expect(missing).rejects.toBeInstanceOf(HttpProblem);
    await expect(missing).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});
