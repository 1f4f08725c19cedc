import { initiativeDetailSchema } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;
let leader: string;
let learner: string;
let teamId: string;
let people: string[];

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  leader = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  learner = await demo.identity.issueSsoToken(demo.tenant.personas.learner);
  teamId = demo.tenant.sampleInitiative.targetTeamId;
  people = demo.tenant.users.slice(0, 3).map((user) => user.id);
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

const listIds = async (): Promise<string[]> =>
  (
    (await (await call('GET', '/api/initiatives', leader)).json()) as { items: Array<{ id: string }> }
  ).items.map((item) => item.id);

function design() {
  return {
    targetGroup: { kind: 'teams', ids: [teamId] },
    designTeam: { kind: 'people', ids: people },
    features: [
      {
        id: 'f1',
        name: 'Weekly peer Q&A in the team channel',
        mode: 'channelPosts',
        cadence: 'weekly',
        synchronous: false,
      },
      {
        id: 'f2',
        name: 'Live session',
        mode: 'meetings',
        cadence: 'biweekly',
        synchronous: true,
        plannedTimes: [{ dayOfWeek: 2, hour: 14, durationMinutes: 45 }],
        groupSize: 12,
      },
    ],
    kpis: [
      {
        id: 'k1',
        name: 'Customer satisfaction',
        kirkpatrickLevel: 4,
        unit: 'pts',
        direction: 'increase',
        source: 'entered',
      },
    ],
    launchDate: '2027-01-11',
  };
}

describe('initiatives over HTTP', () => {
  it('creates a draft with its design, reads it back, edits and archives it', async () => {
    const created = await call('POST', '/api/initiatives', leader, {
      name: 'Sales peer learning',
      goal: 'Reps learn from each other in the channel',
      design: design(),
    });
    expect(created.status).toBe(201);
    const detail = initiativeDetailSchema.parse(await created.json());
    expect(created.headers.get('location')).toBe(`/api/initiatives/${detail.id}`);
    expect(detail).toMatchObject({ status: 'draft', targetGroupSize: 0 });
    expect(detail.design?.features.map((feature) => feature.id)).toEqual(['f1', 'f2']);
    expect(detail.design?.features[0]).toMatchObject({ plannedTimes: [], groupSize: null });
    expect(await listIds()).toContain(detail.id);

    // A learner may read it (it is about them) but not change it.
    const read = initiativeDetailSchema.parse(
      await (await call('GET', `/api/initiatives/${detail.id}`, learner)).json(),
    );
    expect(read.design).toEqual(detail.design);
    await expectProblem(
      await call('PATCH', `/api/initiatives/${detail.id}`, learner, { name: 'Mine now' }),
      403,
      'forbidden',
    );

    const renamed = initiativeDetailSchema.parse(
      await (
        await call('PATCH', `/api/initiatives/${detail.id}`, leader, {
          status: 'active',
          design: { ...design(), targetGroup: { kind: 'people', ids: people } },
        })
      ).json(),
    );
    expect(renamed).toMatchObject({ status: 'active', name: 'Sales peer learning', targetGroupSize: 3 });

    const archived = await call('POST', `/api/initiatives/${detail.id}/archive`, leader);
    expect(initiativeDetailSchema.parse(await archived.json()).status).toBe('archived');
    await expectProblem(
      await call('PATCH', `/api/initiatives/${detail.id}`, leader, { name: 'Again' }),
      409,
      'conflict',
    );
    expect(await listIds()).not.toContain(detail.id);
  });

  it('refuses bad designs with 400 and writes nothing', async () => {
    const before = await listIds();
    const bad: unknown[] = [
      {},
      { name: '', design: design() },
      { name: 'x'.repeat(121), design: design() },
      { name: 'No design' },
      { name: 'Bad GUID', design: { ...design(), targetGroup: { kind: 'teams', ids: ['not-a-guid'] } } },
      { name: 'Empty group', design: { ...design(), targetGroup: { kind: 'people', ids: [] } } },
      { name: 'Unknown kind', design: { ...design(), targetGroup: { kind: 'everyone', ids: [teamId] } } },
      {
        name: 'Twice f1',
        design: { ...design(), features: [design().features[0], { ...design().features[1], id: 'f1' }] },
      },
      {
        name: 'Bad hour',
        design: {
          ...design(),
          features: [
            { ...design().features[1], plannedTimes: [{ dayOfWeek: 9, hour: 25, durationMinutes: 1 }] },
          ],
        },
      },
      { name: 'Level 5', design: { ...design(), kpis: [{ ...design().kpis[0], kirkpatrickLevel: 5 }] } },
      { name: 'Bad date', design: { ...design(), launchDate: '11/01/2027' } },
      { name: 'Extra', design: design(), owner: 'me' },
    ];
    for (const body of bad)
      await expectProblem(await call('POST', '/api/initiatives', leader, body), 400, 'bad_request');
    await expectProblem(
      await call('POST', '/api/initiatives', learner, { name: 'Learner', design: design() }),
      403,
      'forbidden',
    );
    expect(await listIds()).toEqual(before);
  });

  it('answers 404 for initiatives it does not have', async () => {
    await expectProblem(
      await call('GET', '/api/initiatives/00000000-0000-4000-8000-000000000000', leader),
      404,
      'not_found',
    );
    await expectProblem(
      await call('PATCH', '/api/initiatives/nope', leader, { name: 'x' }),
      404,
      'not_found',
    );
    await expectProblem(await call('POST', '/api/initiatives/nope/archive', leader), 404, 'not_found');
  });

  it('lets managers create initiatives only once an admin allows it', async () => {
    const demo = server.composed.demo!;
    const admin = await demo.identity.issueSsoToken(demo.tenant.personas.admin);
    const manager = await demo.identity.issueSsoToken(demo.tenant.personas.manager);
    const body = { name: 'A manager plan', design: design() };
    await expectProblem(await call('POST', '/api/initiatives', manager, body), 403, 'forbidden');
    // The view adds when it was saved; a PUT takes the settings alone.
    const { savedAt: _savedAt, ...settings } = (await (
      await call('GET', '/api/admin/settings', admin)
    ).json()) as Record<string, unknown>;
    const saved = await call('PUT', '/api/admin/settings', admin, {
      ...settings,
      initiativeCreators: 'learningLeadersAndManagers',
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect((await call('POST', '/api/initiatives', manager, body)).status).toBe(201);
    // A learner who manages no one is still refused, with the rule in the detail.
    const refused = await call('POST', '/api/initiatives', learner, body);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toContain('people managers');
    await call('PUT', '/api/admin/settings', admin, settings);
  });
});
