import { kpiListSchema, kpiWriteResultSchema, type KpiList } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKpiStore } from '../api/src/store/kpi-store';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;
let tenantId: string;
let leader: string;
let admin: string;
let learner: string;

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  tenantId = demo.tenant.tenantId;
  leader = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  admin = await demo.identity.issueSsoToken(demo.tenant.personas.admin);
  learner = await demo.identity.issueSsoToken(demo.tenant.personas.learner);
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

const upload = (
  initiativeId: string,
  csv: string,
  token = leader,
  contentType = 'text/csv',
): Promise<Response> =>
  fetch(`${server.baseUrl}/api/initiatives/${initiativeId}/kpis/values.csv`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
    body: csv,
  });

async function createInitiative(): Promise<string> {
  const demo = server.composed.demo!;
  const response = await call('POST', '/api/initiatives', leader, {
    name: 'KPI test',
    design: {
      targetGroup: { kind: 'teams', ids: [demo.tenant.sampleInitiative.targetTeamId] },
      designTeam: { kind: 'people', ids: [demo.tenant.personas.learningLeader] },
      kpis: [
        {
          id: 'csat',
          name: 'Customer satisfaction',
          kirkpatrickLevel: 4,
          unit: 'pts',
          direction: 'increase',
          source: 'entered',
        },
        {
          id: 'aht',
          name: 'Handling time',
          kirkpatrickLevel: 4,
          unit: 'min',
          direction: 'decrease',
          source: 'entered',
        },
        { id: 'posts', name: 'Channel posts', kirkpatrickLevel: 3, direction: 'increase', source: 'graph' },
      ],
    },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function list(initiativeId: string): Promise<KpiList> {
  const response = await call('GET', `/api/initiatives/${initiativeId}/kpis`, leader);
  expect(response.status).toBe(200);
  return kpiListSchema.parse(await response.json());
}

/** `kpi/phase/group → [n, mean, values]` of every non-empty series. */
async function filled(initiativeId: string): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const kpi of (await list(initiativeId)).items)
    for (const series of kpi.series)
      if (series.n > 0)
        result[`${kpi.id}/${series.phase}/${series.group}`] = [series.n, series.mean, series.values];
  return result;
}

describe('KPI values over HTTP', () => {
  it('lists definitions with empty series, then replaces one series at a time', async () => {
    const initiativeId = await createInitiative();
    const empty = await list(initiativeId);
    expect(empty.items.map((kpi) => [kpi.id, kpi.source, kpi.series.length])).toEqual([
      ['csat', 'entered', 4],
      ['aht', 'entered', 4],
      ['posts', 'graph', 4],
    ]);
    expect(empty.items[0]?.series[0]).toEqual({
      phase: 'baseline',
      group: 'target',
      n: 0,
      mean: null,
      values: [],
      updatedAt: null,
    });

    const put = await call('PUT', `/api/initiatives/${initiativeId}/kpis/csat/values`, leader, {
      phase: 'baseline',
      group: 'target',
      values: [1, 2, 3.5, 4.5],
    });
    expect(kpiWriteResultSchema.parse(await put.json())).toEqual({
      series: [{ kpiId: 'csat', phase: 'baseline', group: 'target', count: 4 }],
    });
    await call('PUT', `/api/initiatives/${initiativeId}/kpis/csat/values`, admin, {
      phase: 'followUp',
      group: 'comparison',
      values: [-2, 0],
    });
    expect(await filled(initiativeId)).toEqual({
      'csat/baseline/target': [4, 2.75, [1, 2, 3.5, 4.5]],
      'csat/followUp/comparison': [2, -1, [-2, 0]],
    });

    // A PUT replaces the series, it does not append.
    await call('PUT', `/api/initiatives/${initiativeId}/kpis/csat/values`, leader, {
      phase: 'baseline',
      group: 'target',
      values: [10],
    });
    expect((await filled(initiativeId))['csat/baseline/target']).toEqual([1, 10, [10]]);

    // The diagnostics read the same series through the port.
    const values = await createKpiStore(server.composed.store.db).values(tenantId, initiativeId);
    expect(values.get('csat')).toEqual({
      baseline: [10],
      followUp: [],
      comparisonBaseline: [],
      comparisonFollowUp: [-2, 0],
    });

    // The largest series the contract allows round-trips.
    const large = Array.from({ length: 100_000 }, (_, index) => index % 7);
    const big = await call('PUT', `/api/initiatives/${initiativeId}/kpis/aht/values`, leader, {
      phase: 'followUp',
      group: 'target',
      values: large,
    });
    expect(big.status).toBe(200);
    const aht = (await list(initiativeId)).items[1]?.series.find((series) => series.phase === 'followUp');
    expect(aht?.values).toEqual(large);
  });

  it('refuses graph KPIs, unknown ids, bad values and learners, writing nothing', async () => {
    const initiativeId = await createInitiative();
    const body = { phase: 'baseline', group: 'target', values: [1] };
    await expectProblem(
      await call('PUT', `/api/initiatives/${initiativeId}/kpis/posts/values`, leader, body),
      400,
      'bad_request',
    );
    await expectProblem(
      await call('PUT', `/api/initiatives/${initiativeId}/kpis/nope/values`, leader, body),
      404,
      'not_found',
    );
    await expectProblem(
      await call('PUT', `/api/initiatives/nope/kpis/csat/values`, leader, body),
      404,
      'not_found',
    );
    await expectProblem(
      await call('PUT', `/api/initiatives/${initiativeId}/kpis/csat/values`, learner, body),
      403,
      'forbidden',
    );
    await expectProblem(
      await call('GET', `/api/initiatives/${initiativeId}/kpis`, learner),
      403,
      'forbidden',
    );
    for (const bad of [
      { ...body, values: ['1'] },
      { ...body, values: [1, null] },
      { ...body, phase: 'after' },
      { ...body, group: 'everyone' },
      { ...body, person: 'someone@contoso.com' },
      { ...body, values: Array.from({ length: 100_001 }, () => 0) },
    ])
      await expectProblem(
        await call('PUT', `/api/initiatives/${initiativeId}/kpis/csat/values`, leader, bad),
        400,
        'bad_request',
      );
    expect(await filled(initiativeId)).toEqual({});
  });

  it('takes a CSV upload all or nothing', async () => {
    const initiativeId = await createInitiative();
    await call('PUT', `/api/initiatives/${initiativeId}/kpis/aht/values`, leader, {
      phase: 'baseline',
      group: 'target',
      values: [7, 8],
    });
    const before = await filled(initiativeId);

    // A bad third line: 400 naming it, and not even the good second line is written.
    const detail = await expectProblem(
      await upload(initiativeId, 'kpi,phase,group,value\naht,baseline,target,1\naht,baseline,target,fast\n'),
      400,
      'bad_request',
    );
    expect(detail).toBe('Line 3, column value: The value must be a number such as 42 or -3.5.');
    expect(await filled(initiativeId)).toEqual(before);
    expect(
      await expectProblem(
        await upload(
          initiativeId,
          'kpi,phase,group,value\ncsat,baseline,target,1\nposts,baseline,target,2\n',
        ),
        400,
        'bad_request',
      ),
    ).toMatch(/^Line 3, column kpi: /);
    expect(await filled(initiativeId)).toEqual(before);

    const good = await upload(
      initiativeId,
      'KPI,Phase,Group,Value\r\ncsat,baseline,target,3\r\ncsat,baseline,target,4\r\naht,baseline,target,5\r\ncsat,followUp,comparison,2.5\r\n',
    );
    expect(good.status).toBe(200);
    expect(kpiWriteResultSchema.parse(await good.json())).toEqual({
      series: [
        { kpiId: 'csat', phase: 'baseline', group: 'target', count: 2 },
        { kpiId: 'aht', phase: 'baseline', group: 'target', count: 1 },
        { kpiId: 'csat', phase: 'followUp', group: 'comparison', count: 1 },
      ],
    });
    expect(await filled(initiativeId)).toEqual({
      'csat/baseline/target': [2, 3.5, [3, 4]],
      'csat/followUp/comparison': [1, 2.5, [2.5]],
      // Replaced, not appended to.
      'aht/baseline/target': [1, 5, [5]],
    });
  });

  it('takes only CSV on the upload route, and only from leaders', async () => {
    const initiativeId = await createInitiative();
    await expectProblem(
      await call('POST', `/api/initiatives/${initiativeId}/kpis/values.csv`, leader, {
        csv: 'kpi,phase,group,value\ncsat,baseline,target,1\n',
      }),
      415,
      'unsupported_media_type',
    );
    await expectProblem(
      await upload(initiativeId, 'kpi,phase,group,value\ncsat,baseline,target,1\n', leader, 'text/plain'),
      415,
      'unsupported_media_type',
    );
    await expectProblem(
      await upload(initiativeId, 'kpi,phase,group,value\ncsat,baseline,target,1\n', learner),
      403,
      'forbidden',
    );
    await expectProblem(
      await upload('nope', 'kpi,phase,group,value\ncsat,baseline,target,1\n'),
      404,
      'not_found',
    );
    expect(await filled(initiativeId)).toEqual({});

    await call('POST', `/api/initiatives/${initiativeId}/archive`, leader);
    await expectProblem(
      await upload(initiativeId, 'kpi,phase,group,value\ncsat,baseline,target,1\n'),
      409,
      'conflict',
    );
  });
});
