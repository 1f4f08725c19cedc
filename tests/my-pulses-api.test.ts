import { randomUUID } from 'node:crypto';
import { myPulseListSchema, type MyPulseItem } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPseudonymKey } from '../api/src/config';
import { Rng } from '../api/src/demo/tenant/random';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { createCollectionStore } from '../api/src/store/collection-store';
import { buildSnapshot } from '../core/src/testing/snapshot-builder';
import { callApi } from './support/http';
import { expectProblem } from './support/problem';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let tenantId: string;
let personas: { learner: string; manager: string; learningLeader: string; admin: string };
const tokens = { learner: '', manager: '', learningLeader: '', otherTenant: '' };

const demoTenant = Rng.derive(42, 'tenant').guid(); // the demo tenant of DEMO_SEED=42 (the default)
const otherTenant = '0c0c0c0c-2222-4333-8444-555566667777';

beforeAll(async () => {
  server = await startTestServer({
    WORKER_CONCURRENCY: '0',
    AAD_ALLOWED_TENANTS: `${demoTenant},${otherTenant}`,
  });
  const demo = server.composed.demo!;
  tenantId = demo.tenant.tenantId;
  personas = demo.tenant.personas;
  tokens.learner = await demo.identity.issueSsoToken(personas.learner);
  tokens.manager = await demo.identity.issueSsoToken(personas.manager);
  tokens.learningLeader = await demo.identity.issueSsoToken(personas.learningLeader);
  // A leader of another tenant, signed by the same (simulated) Entra: every claim that names them differs.
  tokens.otherTenant = await demo.identity.issueSsoToken(personas.admin, {
    tid: otherTenant,
    iss: `https://login.microsoftonline.com/${otherTenant}/v2.0`,
    oid: randomUUID(),
    roles: ['LearningLeader', 'Admin'],
  });
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

async function myPulses(token: string): Promise<MyPulseItem[]> {
  const response = await call('GET', '/api/me/pulses', token);
  expect(response.status).toBe(200);
  return myPulseListSchema.parse(await response.json()).items;
}

async function createInitiative(
  name: string,
  targetGroup: unknown,
  designTeam: unknown = { kind: 'people', ids: [personas.learningLeader] },
  token = tokens.learningLeader,
): Promise<string> {
  const response = await call('POST', '/api/initiatives', token, {
    name,
    design: { targetGroup, designTeam },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function openWave(initiativeId: string, days = 7, token = tokens.learningLeader): Promise<string> {
  const response = await call('POST', `/api/initiatives/${initiativeId}/pulse/waves`, token, {
    closesAt: new Date(Date.now() + days * 86_400_000).toISOString(),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const fullAnswer = {
  currentModes: { chat: 'daily' },
  preferredModes: ['channelPosts'],
  expectedHelp: 4,
  selfAssessment: { participatory: 3, timely: 4, transparent: 2, current: 5 },
};

const byId = (items: MyPulseItem[], id: string): MyPulseItem | undefined =>
  items.find((item) => item.initiativeId === id);

describe('GET /api/me/pulses', () => {
  it('is 401 without a token', async () => {
    const response = await fetch(`${server.baseUrl}/api/me/pulses`);
    await expectProblem(response, 401, 'missing_token');
  });

  it('lists the open pulse waiting for a learner, then marks it answered once they answer', async () => {
    const id = await createInitiative('Named learners', { kind: 'people', ids: [personas.learner] });
    const waveId = await openWave(id);

    const before = byId(await myPulses(tokens.learner), id);
    expect(before).toMatchObject({
      initiativeName: 'Named learners',
      relations: ['learner'],
      invited: true,
      wave: { id: waveId },
      answeredAt: null,
    });

    const saved = await call(
      'PUT',
      `/api/initiatives/${id}/pulse/waves/${waveId}/answer`,
      tokens.learner,
      fullAnswer,
    );
    expect(saved.status).toBe(200);
    const after = byId(await myPulses(tokens.learner), id);
    expect(after?.answeredAt).not.toBeNull();
  });

  it('shows the lead their initiative without asking them to answer, and hides it from people outside it', async () => {
    const id = await createInitiative(
      'Lead only',
      { kind: 'people', ids: [personas.learner] },
      { kind: 'people', ids: [personas.learner] },
    );
    await openWave(id);
    expect(byId(await myPulses(tokens.learningLeader), id)).toMatchObject({
      relations: ['lead'],
      invited: false,
    });
    expect(byId(await myPulses(tokens.learner), id)?.relations).toEqual(['designTeam', 'learner']);
    expect(byId(await myPulses(tokens.manager), id)).toBeUndefined();
  });

  it('knows target-group members chosen by team from the latest collection of the initiative', async () => {
    const demo = server.composed.demo!;
    const id = await createInitiative('By team', {
      kind: 'teams',
      ids: [demo.tenant.sampleInitiative.targetTeamId],
    });
    expect(byId(await myPulses(tokens.manager), id)).toBeUndefined();

    const managerKey = createPseudonymizer(demoPseudonymKey, tenantId)(personas.manager);
    await createCollectionStore(server.composed.store.db).saveSnapshot({
      id: `snap-${id}`,
      tenantId,
      runId: `run-${id}`,
      initiativeId: id,
      kind: 'baseline',
      dataAsOf: new Date('2026-11-01T00:00:00Z'),
      weeks: 4,
      summary: { targetGroupKeys: [managerKey] },
      snapshot: buildSnapshot({ dataAsOf: '2026-11-01T00:00:00.000Z', people: [{ key: managerKey }] }),
      frozen: false,
    });
    expect(byId(await myPulses(tokens.manager), id)).toMatchObject({ relations: ['learner'], wave: null });
  });

  it('puts waiting pulses first and leaves archived initiatives out', async () => {
    const quiet = await createInitiative('No pulse yet', { kind: 'people', ids: [personas.learner] });
    const waiting = await createInitiative('Waiting', { kind: 'people', ids: [personas.learner] });
    await openWave(waiting, 3);
    const archived = await createInitiative('Archived', { kind: 'people', ids: [personas.learner] });
    expect((await call('POST', `/api/initiatives/${archived}/archive`, tokens.learningLeader)).status).toBe(
      200,
    );

    const items = await myPulses(tokens.learner);
    const order = items.map((item) => item.initiativeId);
    expect(order.indexOf(waiting)).toBeLessThan(order.indexOf(quiet));
    expect(items.filter((item) => item.wave && item.answeredAt === null)[0]?.initiativeId).toBe(waiting);
    expect(byId(items, archived)).toBeUndefined();
  });

  it("never shows another tenant's initiatives", async () => {
    expect(tenantId).toBe(demoTenant);
    const id = await createInitiative('Tenant A only', { kind: 'people', ids: [personas.learner] });
    await openWave(id);
    // The other tenant's leader creates one of their own, so their list is not empty for want of data.
    const theirs = await createInitiative(
      'Tenant B',
      { kind: 'people', ids: [personas.learner] },
      { kind: 'people', ids: [personas.learner] },
      tokens.otherTenant,
    );
    const otherItems = await myPulses(tokens.otherTenant);
    expect(otherItems.map((item) => item.initiativeId)).toEqual([theirs]);
    expect(byId(await myPulses(tokens.learner), theirs)).toBeUndefined();
  });
});
