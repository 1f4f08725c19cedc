import { diagnosticsResponseSchema, type DiagnosticsResponse } from '@learnfit/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;
let leader: string;
let learner: string;
let initiativeId: string;

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  leader = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  learner = await demo.identity.issueSsoToken(demo.tenant.personas.learner);
  const list = (await (await callApi(server.baseUrl, 'GET', '/api/initiatives', leader)).json()) as {
    items: Array<{ id: string; name: string }>;
  };
  initiativeId = list.items.find((item) => item.name === demo.tenant.sampleInitiative.name)!.id;
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

/** Every object in a JSON value that states a figure over `n` people (or a segment's `size`). */
function releasedFigures(value: unknown, path = '$', out: Array<{ path: string; n: number }> = []) {
  if (Array.isArray(value)) value.forEach((item, index) => releasedFigures(item, `${path}[${index}]`, out));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['n'] === 'number' && 'value' in record && record['value'] !== null)
      out.push({ path, n: record['n'] });
    if ('dimension' in record && typeof record['size'] === 'number' && record['suppressed'] === null)
      out.push({ path, n: record['size'] });
    for (const [key, child] of Object.entries(record)) releasedFigures(child, `${path}.${key}`, out);
  }
  return out;
}

describe('GET /api/initiatives/:id/diagnostics', () => {
  let body: DiagnosticsResponse;

  it('gives a learning leader all five results over the seeded demo snapshot', async () => {
    const response = await call('GET', `/api/initiatives/${initiativeId}/diagnostics`, leader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    body = diagnosticsResponseSchema.parse(await response.json());
    expect(Object.keys(body.results).sort()).toEqual([
      'changePlan',
      'leaders',
      'learners',
      'managementParticipation',
      'workflowFit',
    ]);
    expect(body.results.leaders.diagnostic).toBe('leaders');
    expect(body.results.managementParticipation.diagnostic).toBe('managementParticipation');
    expect(body.snapshot.source).toBe('demo-seed');
    expect(body.snapshot.kind).toBe('baseline');
    expect(body.targetGroupFrom).toBe('snapshot');
    expect(body.k).toBe(5);
  });

  it('describes the target team and the design team exactly as the demo tenant has them', () => {
    const demo = server.composed.demo!.tenant;
    const team = demo.teams.find((candidate) => candidate.id === demo.sampleInitiative.targetTeamId)!;
    expect(body.results.learners.data.groupSize).toBe(team.memberIds.length);
    expect(body.results.learners.data.notInSnapshot).toBe(0);
    expect(body.results.leaders.data.teamSize).toBe(demo.sampleInitiative.designTeamMemberIds.length);
  });

  it("shows the leader their own profile and withholds their teammates' (nobody opted in)", () => {
    const demo = server.composed.demo!.tenant;
    const { profiles, profilesWithheld } = body.results.leaders.data;
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ userId: demo.personas.learningLeader, own: true });
    expect(profilesWithheld).toBe(demo.sampleInitiative.designTeamMemberIds.length - 1);
  });

  it('releases no figure over fewer than k people', () => {
    const figures = releasedFigures(body.results);
    expect(figures.length).toBeGreaterThan(10);
    expect(figures.filter((figure) => figure.n < body.k)).toEqual([]);
  });

  it('answers the same bytes again, and for the snapshot named explicitly', async () => {
    const again = await (await call('GET', `/api/initiatives/${initiativeId}/diagnostics`, leader)).text();
    expect(JSON.parse(again)).toEqual(body);
    const named = await call(
      'GET',
      `/api/initiatives/${initiativeId}/diagnostics?snapshotId=${encodeURIComponent(body.snapshot.id)}`,
      leader,
    );
    expect(named.status).toBe(200);
    expect(((await named.json()) as DiagnosticsResponse).snapshot.id).toBe(body.snapshot.id);
  });

  it('follows a design change at once (the cache key holds the initiative version)', async () => {
    const detail = (await (await call('GET', `/api/initiatives/${initiativeId}`, leader)).json()) as {
      design: Record<string, unknown>;
    };
    const feature = {
      id: 'qa',
      name: 'Peer Q&A',
      mode: 'channelPosts',
      cadence: 'weekly',
      synchronous: false,
    };
    const patched = await call('PATCH', `/api/initiatives/${initiativeId}`, leader, {
      design: { ...detail.design, features: [feature] },
    });
    expect(patched.status).toBe(200);
    const response = await call('GET', `/api/initiatives/${initiativeId}/diagnostics`, leader);
    const changed = diagnosticsResponseSchema.parse(await response.json());
    expect(changed.results.workflowFit.data.features.map((entry) => entry.featureId)).toEqual(['qa']);
    expect(changed.initiative.updatedAt).not.toBe(body.initiative.updatedAt);
  });

  it('records one diagnostics.view audit entry per viewer and minute', async () => {
    const result = await sql<{ actor_id: string; target: string }>`
      select actor_id, target from audit_entry where action = 'diagnostics.view'`.execute(
      server.composed.store.db,
    );
    const leaderId = server.composed.demo!.tenant.personas.learningLeader;
    // Four successful reads of the same initiative and snapshot within a minute are one view.
    expect(result.rows).toEqual([{ actor_id: leaderId, target: `initiative:${initiativeId}` }]);
  });

  it('refuses a learner with 403', async () => {
    const detail = await expectProblem(
      await call('GET', `/api/initiatives/${initiativeId}/diagnostics`, learner),
      403,
      'forbidden',
    );
    expect(detail).toMatch(/LearningLeader/);
  });

  it('answers 404 for an unknown snapshot, an unknown initiative, and one never collected', async () => {
    await expectProblem(
      await call('GET', `/api/initiatives/${initiativeId}/diagnostics?snapshotId=snap-nope`, leader),
      404,
      'not_found',
    );
    await expectProblem(
      await call('GET', '/api/initiatives/00000000-0000-4000-8000-000000000000/diagnostics', leader),
      404,
      'not_found',
    );
    const demo = server.composed.demo!.tenant;
    const created = await call('POST', '/api/initiatives', leader, {
      name: 'Never collected',
      design: {
        targetGroup: { kind: 'teams', ids: [demo.sampleInitiative.targetTeamId] },
        designTeam: { kind: 'people', ids: [demo.personas.learningLeader] },
      },
    });
    const { id } = (await created.json()) as { id: string };
    const detail = await expectProblem(
      await call('GET', `/api/initiatives/${id}/diagnostics`, leader),
      404,
      'not_found',
    );
    expect(detail).toMatch(/collection/i);
  });

  it('reads another initiative over the seeded snapshot, resolving its target team from the design', async () => {
    const demo = server.composed.demo!.tenant;
    const created = await call('POST', '/api/initiatives', leader, {
      name: 'Same team, other design',
      design: {
        targetGroup: { kind: 'teams', ids: [demo.sampleInitiative.targetTeamId] },
        designTeam: { kind: 'people', ids: [demo.personas.learningLeader] },
      },
    });
    const { id } = (await created.json()) as { id: string };
    const response = await call(
      'GET',
      `/api/initiatives/${id}/diagnostics?snapshotId=${encodeURIComponent(body.snapshot.id)}`,
      leader,
    );
    const other = diagnosticsResponseSchema.parse(await response.json());
    expect(other.targetGroupFrom).toBe('design');
    expect(other.results.learners.data.groupSize).toBe(body.results.learners.data.groupSize);
    expect(other.results.leaders.data.teamSize).toBe(1);
  });
});
