import {
  myProfileSchema,
  sharingListSchema,
  sharingStateSchema,
  type CollaborationSnapshot,
} from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPseudonymKey } from '../api/src/config';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { createCollectionStore } from '../api/src/store/collection-store';
import { createSharingStore, sharingErasable } from '../api/src/store/sharing-store';
import { buildSnapshot } from '../core/src/testing/snapshot-builder';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;
let tenantId: string;
let keyOf: (userId: string) => string;
const tokens: Record<'learner' | 'manager' | 'learningLeader', string> = {
  learner: '',
  manager: '',
  learningLeader: '',
};
let personas: { learner: string; manager: string; learningLeader: string };

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  tenantId = demo.tenant.tenantId;
  personas = demo.tenant.personas;
  keyOf = createPseudonymizer(demoPseudonymKey, tenantId);
  for (const persona of ['learner', 'manager', 'learningLeader'] as const)
    tokens[persona] = await demo.identity.issueSsoToken(personas[persona]);
  // The demo seeds a snapshot of everyone; these tests store their own, starting from none.
  await server.composed.store.db.deleteFrom('snapshot').execute();
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, token: string, body?: unknown) =>
  callApi(server.baseUrl, method, path, token, body);

async function save(id: string, dataAsOf: string, snapshot: CollaborationSnapshot): Promise<void> {
  await createCollectionStore(server.composed.store.db).saveSnapshot({
    id,
    tenantId,
    runId: `run-${id}`,
    initiativeId: null,
    kind: 'adhoc',
    dataAsOf: new Date(dataAsOf),
    weeks: snapshot.weekStarts.length,
    summary: {},
    snapshot,
    frozen: false,
  });
}

describe('GET /api/me/profile', () => {
  it('is a 404 with a helpful detail while no snapshot has the caller', async () => {
    const detail = await expectProblem(
      await call('GET', '/api/me/profile', tokens.learner),
      404,
      'not_found',
    );
    expect(detail).toMatch(/collection/);
  });

  it("shows the caller's own scores and evidence from the latest snapshot that has them", async () => {
    const learner = keyOf(personas.learner);
    const other = keyOf(personas.manager);
    // Oldest: has the learner with other figures; newest: does not have the learner at all.
    await save(
      'snap-old',
      '2026-10-01T00:00:00Z',
      buildSnapshot({ dataAsOf: '2026-10-01T00:00:00.000Z', people: [{ key: learner }, { key: 'x' }] }),
    );
    await save(
      'snap-mine',
      '2026-11-01T00:00:00Z',
      buildSnapshot({
        dataAsOf: '2026-11-01T00:00:00.000Z',
        people: [
          {
            key: learner,
            weekly: {
              channelPosts: [1, 1, 1, 1],
              reactionsGiven: [1, 1, 1, 1],
              privateChatMessages: [2, 0, 0, 0],
            },
            lastSocialActivity: '2026-10-30',
          },
          { key: other, weekly: { channelPosts: [9, 9, 9, 9] } },
        ],
      }),
    );
    await save(
      'snap-new',
      '2026-11-20T00:00:00Z',
      buildSnapshot({ dataAsOf: '2026-11-20T00:00:00.000Z', people: [{ key: other }] }),
    );

    const response = await call('GET', '/api/me/profile', tokens.learner);
    expect(response.status).toBe(200);
    const profile = myProfileSchema.parse(await response.json());
    expect(profile).toMatchObject({
      snapshotId: 'snap-mine',
      initiativeId: null,
      dataAsOf: '2026-11-01T00:00:00.000Z',
      weeks: 4,
      bar: 50,
    });
    expect(profile.attributes.participatory).toMatchObject({
      score: 100,
      meetsBar: true,
      selfAssessment: null,
    });
    expect(profile.attributes.current).toMatchObject({ score: 100, meetsBar: true });
    expect(profile.attributes.timely).toMatchObject({ score: null, meetsBar: null });
    const evidence = (name: keyof typeof profile.attributes) =>
      Object.fromEntries(profile.attributes[name].evidence.map((item) => [item.signal, item.value]));
    expect(evidence('participatory')).toEqual({
      channelPosts: 4,
      channelReplies: 0,
      engagePosts: 0,
      repliesToOthers: 0,
      reactionsGiven: 4,
      engageLikes: 0,
    });
    expect(evidence('timely')).toEqual({ replyLatency: null, replySamples: 0 });
    expect(evidence('current')).toEqual({ lastSocialActivity: 2 });
    expect(evidence('transparent')).toMatchObject({ privateChatMessages: 2, channelPosts: 4 });
    // The other person's figures never appear in the learner's profile.
    expect(JSON.stringify(profile)).not.toContain('36');
  });

  it('shows each person only their own profile', async () => {
    const response = await call('GET', '/api/me/profile', tokens.manager);
    const profile = myProfileSchema.parse(await response.json());
    expect(profile.snapshotId).toBe('snap-new');
    expect(
      profile.attributes.participatory.evidence.find((item) => item.signal === 'channelPosts')?.value,
    ).toBe(0);
  });
});

describe('GET and PUT /api/me/sharing', () => {
  let initiativeId: string;

  beforeAll(async () => {
    const created = await call('POST', '/api/initiatives', tokens.learningLeader, {
      name: 'Sharing test',
      design: {
        targetGroup: { kind: 'people', ids: [personas.learner, personas.manager] },
        designTeam: { kind: 'people', ids: [personas.learningLeader, personas.learner.toUpperCase()] },
      },
    });
    expect(created.status).toBe(201);
    initiativeId = ((await created.json()) as { id: string }).id;
  });

  const sharedKeys = () =>
    createSharingStore(server.composed.store.db).sharedProfiles(tenantId, initiativeId);

  it('lists the initiatives whose design team names the caller', async () => {
    const mine = sharingListSchema.parse(await (await call('GET', '/api/me/sharing', tokens.learner)).json());
    expect(mine.items.filter((item) => item.initiativeId === initiativeId)).toEqual([
      { initiativeId, initiativeName: 'Sharing test', shared: false, sharedAt: null },
    ]);
    const notMine = sharingListSchema.parse(
      await (await call('GET', '/api/me/sharing', tokens.manager)).json(),
    );
    expect(notMine.items.map((item) => item.initiativeId)).not.toContain(initiativeId);
  });

  it('opts in and out, storing the person key, not the user id', async () => {
    const on = await call('PUT', '/api/me/sharing', tokens.learner, { initiativeId, share: true });
    expect(on.status).toBe(200);
    const state = sharingStateSchema.parse(await on.json());
    expect(state).toMatchObject({ initiativeId, initiativeName: 'Sharing test', shared: true });
    expect(state.sharedAt).not.toBeNull();
    expect(await sharedKeys()).toEqual([keyOf(personas.learner)]);
    // Idempotent: the first opt-in time stays.
    const again = sharingStateSchema.parse(
      await (await call('PUT', '/api/me/sharing', tokens.learner, { initiativeId, share: true })).json(),
    );
    expect(again.sharedAt).toBe(state.sharedAt);
    const rows = await server.composed.store.db.selectFrom('profile_sharing').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(personas.learner);

    const off = await call('PUT', '/api/me/sharing', tokens.learner, { initiativeId, share: false });
    expect(sharingStateSchema.parse(await off.json())).toEqual({
      initiativeId,
      initiativeName: 'Sharing test',
      shared: false,
      sharedAt: null,
    });
    expect(await sharedKeys()).toEqual([]);
  });

  it('refuses people outside the design team, unknown initiatives and bad bodies, writing nothing', async () => {
    const detail = await expectProblem(
      await call('PUT', '/api/me/sharing', tokens.manager, { initiativeId, share: true }),
      403,
      'forbidden',
    );
    expect(detail).toMatch(/design team/);
    await expectProblem(
      await call('PUT', '/api/me/sharing', tokens.learner, {
        initiativeId: 'no-such-initiative',
        share: true,
      }),
      404,
      'not_found',
    );
    for (const body of [{}, { initiativeId, share: 'yes' }, { initiativeId, share: true, extra: 1 }, '{'])
      expect((await call('PUT', '/api/me/sharing', tokens.learner, body)).status).toBeOneOf([400]);
    expect(await sharedKeys()).toEqual([]);
  });

  it('erases a person’s opt-ins by key, and a tenant’s', async () => {
    await call('PUT', '/api/me/sharing', tokens.learner, { initiativeId, share: true });
    await call('PUT', '/api/me/sharing', tokens.learningLeader, { initiativeId, share: true });
    const db = server.composed.store.db;
    const erased = await db
      .transaction()
      .execute((trx) =>
        sharingErasable.erasePerson(trx, tenantId, personas.learner, keyOf(personas.learner)),
      );
    expect(erased).toBe(1);
    expect(await sharedKeys()).toEqual([keyOf(personas.learningLeader)]);
    expect(await db.transaction().execute((trx) => sharingErasable.eraseTenant(trx, 'another-tenant'))).toBe(
      0,
    );
    expect(await db.transaction().execute((trx) => sharingErasable.eraseTenant(trx, tenantId))).toBe(1);
    expect(await sharedKeys()).toEqual([]);
  });
});
