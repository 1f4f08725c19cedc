import type { InitiativeDesign, PulseResponse } from '@learnfit/core';
import { buildSnapshot } from '@learnfit/core/testing';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { SnapshotInfo } from '../store/collection-store';
import { createDiagnosticsService, type DiagnosticsDeps } from './diagnostics-service';
import type { AuditEntry, InitiativeRecord } from './ports';
import { createSnapshotCache } from './snapshot-cache';

const tenantId = 'tenant-1';
const users = Array.from({ length: 12 }, (_, index) => `u${index}`);
const keyOf = (id: string): string => `k-${id}`;
// u0 manages everyone; everyone posts in channels every week.
const snapshot = buildSnapshot({
  tenantId,
  people: users.map((id, index) => ({
    key: keyOf(id),
    ...(index === 0 ? {} : { managerKey: keyOf('u0') }),
    weekly: { channelPosts: [2, 2, 2, 2] },
  })),
});

const leader: SsoIdentity = {
  tenantId,
  userId: 'u0',
  name: null,
  preferredUsername: null,
  roles: ['LearningLeader'],
  token: 't',
};

const design: InitiativeDesign = {
  targetGroup: { kind: 'people', ids: users.slice(1, 11) },
  designTeam: { kind: 'teams', ids: ['00000000-0000-4000-8000-000000000001'] },
  comparisonGroup: null,
  features: [],
  kpis: [],
  launchDate: null,
};

function info(id: string, initiativeId: string | null, summary: object): SnapshotInfo {
  return {
    id,
    tenantId,
    runId: `run-${id}`,
    initiativeId,
    kind: 'baseline',
    dataAsOf: new Date('2026-11-02T00:00:00Z'),
    weeks: 4,
    people: users.length,
    coverage: [],
    summary,
    frozen: true,
    createdAt: new Date('2026-11-02T00:00:00Z'),
  };
}

function setup(options: { design?: InitiativeDesign | null; snapshots?: SnapshotInfo[] } = {}) {
  let clock = Date.parse('2026-11-03T00:00:00Z');
  const audits: AuditEntry[] = [];
  const loads: string[] = [];
  const members: string[] = [];
  let pulse: PulseResponse[] = [];
  const record: InitiativeRecord = {
    id: 'i1',
    tenantId,
    name: 'Onboarding',
    goal: '',
    status: 'active',
    targetGroupSize: 10,
    createdBy: 'u0',
    createdAt: new Date(clock),
    design: options.design === undefined ? design : options.design,
  };
  const deps: DiagnosticsDeps = {
    initiatives: {
      list: () => Promise.resolve([record]),
      search: () => Promise.resolve([]),
      create: () => Promise.resolve(),
      get: (_tenant, id) => Promise.resolve(id === record.id ? record : null),
      update: () => Promise.resolve(null),
    },
    snapshots: {
      listSnapshots: () =>
        Promise.resolve(
          options.snapshots ?? [info('s1', 'i1', { targetGroupKeys: users.slice(6).map(keyOf) })],
        ),
      loadSnapshot: (_tenant, id) => {
        loads.push(id);
        return Promise.resolve(snapshot);
      },
    },
    settings: {
      get: () =>
        Promise.resolve({
          k: 5,
          retentionDays: 180,
          initiativeCreators: 'learningLeaders',
          nameManagersInParticipation: false,
        }),
    },
    pulse: { responses: () => Promise.resolve(pulse) },
    kpis: { values: () => Promise.resolve(new Map()) },
    sharing: { sharedProfiles: () => Promise.resolve([]) },
    audit: {
      record: (_tenant, entry) => {
        audits.push(entry);
        return Promise.resolve();
      },
    },
    membersOf: (_tenant, audience) => {
      members.push(audience.kind);
      return Promise.resolve(['u0', 'u1']);
    },
    pseudonymizerFor: () => keyOf,
    cache: createSnapshotCache(),
    now: () => new Date(clock),
  };
  return {
    service: createDiagnosticsService(deps),
    audits,
    loads,
    members,
    advance: (ms: number) => (clock += ms),
    setPulse: (value: PulseResponse[]) => (pulse = value),
  };
}

async function problemOf(promise: Promise<unknown>): Promise<[number, string]> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof HttpProblem)) throw new Error(`expected an HttpProblem, got ${String(error)}`);
  return [error.status, error.code];
}

describe('diagnostics service', () => {
  it("takes the target group the snapshot's collection stored, and the design team from Teams", async () => {
    const { service, members } = setup();
    const evaluation = await service.evaluate(leader, 'i1');
    expect(evaluation.targetGroupFrom).toBe('snapshot');
    expect(evaluation.all.learners.data.groupSize).toBe(6);
    expect(evaluation.all.leaders.data.teamSize).toBe(2);
    expect(members).toEqual(['teams']);
    expect([...evaluation.designTeam]).toEqual([
      ['k-u0', 'u0'],
      ['k-u1', 'u1'],
    ]);
  });

  it('resolves the target group from the design when the snapshot stored none', async () => {
    const { service } = setup({ snapshots: [info('s1', 'i1', {})] });
    const evaluation = await service.evaluate(leader, 'i1');
    expect(evaluation.targetGroupFrom).toBe('design');
    expect(evaluation.all.learners.data.groupSize).toBe(10);
  });

  it('decodes a snapshot once and recomputes when the pulse changes', async () => {
    const { service, loads, setPulse } = setup();
    const first = await service.evaluate(leader, 'i1');
    expect((await service.evaluate(leader, 'i1')).all).toBe(first.all);
    setPulse([
      {
        personKey: keyOf('u7'),
        selfAssessment: { participatory: 4, timely: 4, transparent: 4, current: 4 },
        preferredModes: ['chat'],
        expectedHelp: 4,
      },
    ]);
    const third = await service.evaluate(leader, 'i1');
    expect(third.all).not.toBe(first.all);
    expect(third.key).not.toBe(first.key);
    expect(loads).toEqual(['s1']);
  });

  it('answers 403, 404 and 409 before reading any snapshot', async () => {
    const learner = { ...leader, roles: [] };
    expect(await problemOf(setup().service.evaluate(learner, 'i1'))).toEqual([403, 'forbidden']);
    expect(await problemOf(setup().service.evaluate(leader, 'nope'))).toEqual([404, 'not_found']);
    expect(await problemOf(setup().service.evaluate(leader, 'i1', 'snap-nope'))).toEqual([404, 'not_found']);
    expect(await problemOf(setup({ snapshots: [] }).service.evaluate(leader, 'i1'))).toEqual([
      404,
      'not_found',
    ]);
    const { service, loads } = setup({ design: null });
    expect(await problemOf(service.evaluate(leader, 'i1'))).toEqual([409, 'conflict']);
    expect(loads).toEqual([]);
  });

  it('audits a view once a minute per viewer and snapshot', async () => {
    const { service, audits, advance } = setup();
    await service.view(leader, 'i1', {});
    await service.view(leader, 'i1', { snapshotId: 's1' });
    expect(audits).toEqual([
      { actorId: 'u0', action: 'diagnostics.view', target: 'initiative:i1', detail: { snapshotId: 's1' } },
    ]);
    advance(60_000);
    await service.view(leader, 'i1', {});
    expect(audits).toHaveLength(2);
  });

  it("releases only the viewer's own design-team profile", async () => {
    const { service } = setup();
    const body = JSON.parse(await service.view(leader, 'i1', {})) as {
      results: {
        leaders: { data: { profiles: Array<{ userId: string; own: boolean }>; profilesWithheld: number } };
      };
    };
    expect(body.results.leaders.data.profiles.map((profile) => [profile.userId, profile.own])).toEqual([
      ['u0', true],
    ]);
    expect(body.results.leaders.data.profilesWithheld).toBe(1);
  });
});
