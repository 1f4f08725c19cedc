import { gunzipSync } from 'node:zlib';
import { buildCollaborationSnapshot, erasureResultSchema, type CollaborationSnapshot } from '@learnfit/core';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPseudonymKey } from '../api/src/config';
import { truthSources } from '../api/src/demo/tenant-records';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import type { ErasableTables } from '../api/src/services/ports';
import { createErasureService } from '../api/src/services/erasure-service';
import { createAuditStore } from '../api/src/store/audit-store';
import { createCollectionStore, createStoreJournal } from '../api/src/store/collection-store';
import { createInitiativeStore } from '../api/src/store/initiative-store';
import type { Database } from '../api/src/store/schema';
import { createFingerprint } from './support/fuzz';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

const tenantB = '0b0b0b0b-1111-4222-8333-444455556666';

let server: TestServer;
let db: Kysely<Database>;
let tenant: DemoTenant;
let tenantA: string;
let admin: string;
let leader: string;
/** The person erased: the demo manager (six reports, posts and replies in channels). */
let victim: string;
let victimKey: string;
/** Two people of the staging run: one reporting to the victim. */
let before: string;
let after: string;
let fingerprint: () => Promise<string>;

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

function snapshotOf(tenantId: string): CollaborationSnapshot {
  return buildCollaborationSnapshot({
    ...truthSources(tenant),
    tenantId,
    pseudonymize: createPseudonymizer(demoPseudonymKey, tenantId),
  });
}

async function saveSnapshot(tenantId: string, runId: string, targetGroupKeys: string[]): Promise<void> {
  await createCollectionStore(db).saveSnapshot({
    id: `snap-${runId}`,
    tenantId,
    runId,
    initiativeId: null,
    kind: 'adhoc',
    dataAsOf: new Date(tenant.asOf),
    weeks: tenant.weeks,
    summary: { targetGroupKeys, people: tenant.users.length },
    snapshot: snapshotOf(tenantId),
    frozen: runId.endsWith('baseline'),
  });
}

/** A collection run part-way: the victim sits between two people, one of whom reports to them. */
async function stageRun(tenantId: string, runId: string): Promise<void> {
  const journal = createStoreJournal(db, runId, tenantId);
  const person = (id: string, managerId: string | null) => ({
    id,
    department: 'Sales',
    location: null,
    jobTitle: null,
    managerId,
    accountEnabled: true,
    utcOffsetHours: 0,
    userPrincipalName: `${id}@example.test`,
    guest: false,
  });
  await journal.commit(
    'users',
    { state: 'next', link: 'https://graph.microsoft.com/v1.0/users?$skiptoken=x' },
    { people: [person(before, null), person(victim, null), person(after, victim)] },
  );
  await journal.commit('team:t1', {
    state: 'done',
    info: { memberIds: [before, victim, after], channelIds: ['c1'] },
  });
  const at = Date.parse(tenant.asOf) - 86_400_000;
  await journal.commit(
    'channel:t1:c1',
    { state: 'next', link: 'https://graph.microsoft.com/v1.0/next' },
    {
      messages: [
        {
          id: 'm1',
          teamId: 't1',
          channelId: 'c1',
          replyToId: null,
          fromId: victim,
          createdAt: at,
          mentionIds: [],
          reactions: [],
        },
        {
          id: 'm2',
          teamId: 't1',
          channelId: 'c1',
          replyToId: 'm1',
          fromId: before,
          createdAt: at + 60_000,
          mentionIds: [victim, after],
          reactions: [{ userId: victim, createdAt: at + 120_000 }],
        },
      ],
    },
  );
  for (const day of ['2026-01-01', '2026-01-02'])
    await journal.commit(
      `report:teams:${day}`,
      { state: 'done', info: {} },
      {
        reportDay: {
          report: 'teams',
          day,
          rows: [
            [0, 1, 2],
            [1, 3, 4],
            [2, 5, 6],
          ],
        },
      },
    );
}

/** Every base table of the application (not the migrator's). */
async function tables(): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%'
    order by table_name`.execute(db);
  return result.rows.map((row) => row.table_name);
}

/** Each table's rows as text, for a tenant (or all when null), sorted so order does not matter. */
async function dump(tenantId: string | null): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await tables()) {
    const rows = await sql<{ row: string }>`
      select t::text as row from ${sql.table(table)} t
      where ${tenantId === null ? sql`true` : sql`t.tenant_id = ${tenantId}`}`.execute(db);
    out[table] = rows.rows.map((row) => row.row).sort();
  }
  return out;
}

/** Rows (as text) of a tenant that mention the person by id or key. */
async function rowsMentioning(tenantId: string, userId: string, key: string): Promise<string[]> {
  const all = await dump(tenantId);
  return Object.entries(all).flatMap(([table, rows]) =>
    rows
      .filter((row) => row.toLowerCase().includes(userId.toLowerCase()) || row.includes(key))
      .map((row) => `${table}: ${row.slice(0, 200)}`),
  );
}

/** Every stored snapshot of a tenant, decoded, with its summary. */
async function snapshots(
  tenantId: string,
): Promise<Array<{ snapshot: CollaborationSnapshot; summary: unknown }>> {
  const store = createCollectionStore(db);
  const infos = await store.listSnapshots(tenantId);
  return Promise.all(
    infos.map(async (info) => ({
      snapshot: (await store.loadSnapshot(tenantId, info.id))!,
      summary: info.summary,
    })),
  );
}

async function reportDayRows(tenantId: string): Promise<number[][][]> {
  const rows = await db
    .selectFrom('collection_report_day')
    .select('rows')
    .where('tenant_id', '=', tenantId)
    .orderBy('day')
    .execute();
  return rows.map((row) => JSON.parse(gunzipSync(row.rows).toString('utf8')) as number[][]);
}

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  db = server.composed.store.db;
  tenant = demo.tenant;
  tenantA = tenant.tenantId;
  admin = await demo.identity.issueSsoToken(tenant.personas.admin);
  leader = await demo.identity.issueSsoToken(tenant.personas.learningLeader);
  victim = tenant.personas.manager;
  victimKey = createPseudonymizer(demoPseudonymKey, tenantA)(victim);
  const others = tenant.users.filter((user) => user.id !== victim && user.managerId !== victim);
  before = others[0]!.id;
  after = tenant.users.find((user) => user.managerId === victim)!.id;

  // Tenant A: two snapshots (the victim in the target group of one), a staged run, initiatives, audit.
  await saveSnapshot(tenantA, 'run-a-baseline', [
    victimKey,
    createPseudonymizer(demoPseudonymKey, tenantA)(after),
  ]);
  await saveSnapshot(tenantA, 'run-a-adhoc', []);
  await stageRun(tenantA, 'run-a-staged');
  const initiatives = createInitiativeStore(db);
  const design = (ids: string[]) => ({
    targetGroup: { kind: 'teams' as const, ids: [tenant.sampleInitiative.targetTeamId] },
    designTeam: { kind: 'people' as const, ids },
    comparisonGroup: { kind: 'people' as const, ids: [victim] },
    features: [],
    kpis: [],
    launchDate: null,
  });
  const record = (tenantId: string, id: string, ids: string[]) => ({
    id,
    tenantId,
    name: `Initiative ${id}`,
    goal: '',
    status: 'draft' as const,
    targetGroupSize: 0,
    createdBy: victim,
    createdAt: new Date(tenant.asOf),
    design: design(ids),
  });
  await initiatives.create(record(tenantA, 'init-a-shared', [victim, before]));
  await initiatives.create(record(tenantA, 'init-a-alone', [victim]));
  const audit = createAuditStore(db);
  await audit.record(tenantA, {
    actorId: victim,
    action: 'diagnostics.view',
    target: 'initiative:init-a-shared',
  });
  await audit.record(tenantA, {
    actorId: tenant.personas.learningLeader,
    action: 'profile.view',
    target: `profile:${victimKey}`,
    detail: { owner: victimKey, viewer: 'design-team' },
  });

  // Tenant B holds the same person (one id in two tenants' data) and must not change at all.
  await saveSnapshot(tenantB, 'run-b-baseline', [createPseudonymizer(demoPseudonymKey, tenantB)(victim)]);
  await stageRun(tenantB, 'run-b-staged');
  await initiatives.create(record(tenantB, 'init-b', [victim]));
  await createAuditStore(db).record(tenantB, { actorId: victim, action: 'diagnostics.view', target: 'x' });
  await db
    .insertInto('tenant_settings')
    .values({
      tenant_id: tenantB,
      k: 7,
      retention_days: 90,
      initiative_creators: 'learningLeaders',
      name_managers_in_participation: false,
      updated_at: new Date(),
    })
    .execute();
  fingerprint = await createFingerprint(db);
});
afterAll(async () => {
  await server?.close();
});

describe('erasing one person', () => {
  it('refuses non-admins and bad ids, changing nothing', async () => {
    const start = await fingerprint();
    await expectProblem(await call('DELETE', `/api/admin/people/${victim}`, leader), 403, 'forbidden');
    await expectProblem(await call('DELETE', '/api/admin/people/not-a-guid', admin), 400, 'bad_request');
    expect(await fingerprint()).toBe(start);
  });

  it('removes the person from every table, snapshot and staged run of the tenant, and only there', async () => {
    const tenantBBefore = await dump(tenantB);
    const snapshotsBefore = await snapshots(tenantA);
    expect(await rowsMentioning(tenantA, victim, victimKey)).not.toEqual([]);

    const response = await call('DELETE', `/api/admin/people/${victim.toUpperCase()}`, admin);
    expect(response.status).toBe(200);
    const { counts } = erasureResultSchema.parse(await response.json());
    // The demo seeds a snapshot of its own: count the ones holding the person before erasing.
    const holding = snapshotsBefore.filter(
      ({ snapshot, summary }) =>
        snapshot.people.some((person) => person.key === victimKey) ||
        JSON.stringify(summary).includes(victimKey),
    ).length;
    expect(holding).toBeGreaterThanOrEqual(2);
    // Feature tables wired by the composition (sharing, pulse, ...) report their own counts.
    expect(counts).toMatchObject({
      snapshots: holding,
      // 2 report-days rewritten + the person's row + the report's manager link + 2 messages + 1 unit.
      collectionStaging: 7,
      initiatives: 2,
      auditEntries: 2,
    });

    // No row of any table holds the id or the key (bytea columns are checked decoded below).
    expect(await rowsMentioning(tenantA, victim, victimKey)).toEqual([]);
    for (const [index, { snapshot, summary }] of (await snapshots(tenantA)).entries()) {
      const old = snapshotsBefore[index]!.snapshot;
      expect(snapshot.people.some((person) => person.key === victimKey)).toBe(false);
      expect(snapshot.people.map((person) => person.key)).toEqual(
        old.people.map((person) => person.key).filter((key) => key !== victimKey),
      );
      expect(JSON.stringify(summary)).not.toContain(victimKey);
      // The victim's reports have no manager now; nobody else lost theirs.
      const afterKey = createPseudonymizer(demoPseudonymKey, tenantA)(after);
      expect(snapshot.people.find((person) => person.key === afterKey)!.managerIndex).toBe(-1);
      expect(snapshot.people.filter((person) => person.managerIndex === -1).length).toBe(
        old.people.filter((person) => person.key !== victimKey && person.managerIndex === -1).length + 6,
      );
    }
    const baseline = (await createCollectionStore(db).listSnapshots(tenantA)).find(
      (info) => info.id === 'snap-run-a-baseline',
    );
    expect(baseline?.summary).toMatchObject({
      targetGroupKeys: [createPseudonymizer(demoPseudonymKey, tenantA)(after)],
    });
    // The staged run: the victim's report-day rows are gone and the third person moved up one place.
    expect(await reportDayRows(tenantA)).toEqual([
      [
        [0, 1, 2],
        [1, 5, 6],
      ],
      [
        [0, 1, 2],
        [1, 5, 6],
      ],
    ]);
    const staged = createStoreJournal(db, 'run-a-staged', tenantA);
    expect((await staged.people()).map((person) => [person.id, person.managerId])).toEqual([
      [before, null],
      [after, null],
    ]);
    expect(await staged.messages()).toEqual([
      expect.objectContaining({ id: 'm2', fromId: before, mentionIds: [after], reactions: [] }),
    ]);
    const unit = (await staged.units()).get('team:t1');
    expect(unit).toEqual({ state: 'done', info: { memberIds: [before, after], channelIds: ['c1'] } });

    // Initiatives: out of the design team and comparison group; the one they designed alone lost its design.
    const shared = await createInitiativeStore(db).get(tenantA, 'init-a-shared');
    expect(shared?.createdBy).toBe('erased');
    expect(shared?.design?.designTeam).toEqual({ kind: 'people', ids: [before] });
    expect(shared?.design?.comparisonGroup).toBeNull();
    expect((await createInitiativeStore(db).get(tenantA, 'init-a-alone'))?.design).toBeNull();

    // The audit log keeps the events without the person, and records the erasure without naming them.
    const page = (await (await call('GET', '/api/admin/audit?limit=10', admin)).json()) as {
      items: Array<{ actorId: string; action: string; target: string; detail: Record<string, unknown> }>;
    };
    expect(page.items.map((entry) => [entry.action, entry.actorId, entry.target])).toEqual([
      ['erasure.person', tenant.personas.admin, 'person:erased'],
      ['profile.view', tenant.personas.learningLeader, 'erased'],
      ['diagnostics.view', 'erased', 'initiative:init-a-shared'],
    ]);
    expect(page.items[0]!.detail).toEqual(counts);
    expect(page.items[1]!.detail).toEqual({ owner: 'erased', viewer: 'design-team' });

    // Tenant B, which holds the same person, is untouched.
    expect(await dump(tenantB)).toEqual(tenantBBefore);
  });

  it('is idempotent: a second erasure finds nothing and answers zero counts', async () => {
    const response = await call('DELETE', `/api/admin/people/${victim}`, admin);
    expect(response.status).toBe(200);
    const { counts } = erasureResultSchema.parse(await response.json());
    expect(counts).toMatchObject({ snapshots: 0, collectionStaging: 0, initiatives: 0, auditEntries: 0 });
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
  });

  it('erases feature tables in the same transaction, and a failing one undoes everything', async () => {
    const person = tenant.users.find((user) => user.id !== victim && user.managerId !== victim)!.id;
    const calls: string[] = [];
    const recorder: ErasableTables = {
      name: 'pulseAnswers',
      async erasePerson(trx, tenantId, userId, personKey) {
        calls.push(`${tenantId}|${userId}|${personKey}`);
        // Inside the transaction the snapshots are already rewritten.
        const row = await trx
          .selectFrom('snapshot')
          .select('people')
          .where('id', '=', 'snap-run-a-adhoc')
          .executeTakeFirstOrThrow();
        return row.people;
      },
      eraseTenant: () => Promise.resolve(0),
    };
    const failing: ErasableTables = {
      name: 'sharing',
      erasePerson: () => Promise.reject(new Error('disk full')),
      eraseTenant: () => Promise.reject(new Error('disk full')),
    };
    const identity = {
      tenantId: tenantA,
      userId: tenant.personas.admin,
      name: null,
      preferredUsername: null,
      roles: ['Admin'],
      token: '',
    };
    const deps = {
      db,
      pseudonymizerFor: (tenantId: string) => createPseudonymizer(demoPseudonymKey, tenantId),
      now: () => new Date(),
    };
    const start = await fingerprint();
    await expect(
      createErasureService({ ...deps, erasables: [recorder, failing] }).erasePerson(identity, person),
    ).rejects.toThrow('disk full');
    expect(await fingerprint()).toBe(start);
    const people = tenant.users.length - 1;
    const result = await createErasureService({ ...deps, erasables: [recorder] }).erasePerson(
      identity,
      person,
    );
    expect(result.counts['pulseAnswers']).toBe(people - 1);
    expect(calls.at(-1)).toBe(
      `${tenantA}|${person}|${createPseudonymizer(demoPseudonymKey, tenantA)(person)}`,
    );
    expect(() => createErasureService({ ...deps, erasables: [{ ...recorder, name: 'snapshots' }] })).toThrow(
      /named snapshots/,
    );
  });
});

describe('erasing the tenant', () => {
  it('refuses non-admins and a confirmation that is not the tenant id', async () => {
    const start = await fingerprint();
    await expectProblem(
      await call('DELETE', '/api/admin/tenant-data', leader, { confirm: tenantA }),
      403,
      'forbidden',
    );
    await expectProblem(
      await call('DELETE', '/api/admin/tenant-data', admin, { confirm: tenantB }),
      400,
      'bad_request',
    );
    await expectProblem(await call('DELETE', '/api/admin/tenant-data', admin, {}), 400, 'bad_request');
    await expectProblem(await call('DELETE', '/api/admin/tenant-data', admin), 400, 'bad_request');
    expect(await fingerprint()).toBe(start);
  });

  it("removes every row of the tenant but the erasure's own record, and nothing of another tenant", async () => {
    const tenantBBefore = await dump(tenantB);
    const job = await call('POST', '/api/collections', leader, {
      teamIds: [tenant.sampleInitiative.targetTeamId],
    });
    expect(job.status).toBe(202);
    await call('PUT', '/api/admin/settings', admin, {
      k: 6,
      retentionDays: 60,
      initiativeCreators: 'learningLeaders',
      nameManagersInParticipation: false,
    });
    const beforeErasure = await dump(tenantA);
    expect(beforeErasure['snapshot']!.length).toBeGreaterThanOrEqual(2);
    expect(beforeErasure['job']).toHaveLength(1);
    expect(beforeErasure['tenant_settings']).toHaveLength(1);

    const response = await call('DELETE', '/api/admin/tenant-data', admin, {
      confirm: tenantA.toUpperCase(),
    });
    expect(response.status).toBe(200);
    const { counts } = erasureResultSchema.parse(await response.json());
    expect(counts).toMatchObject({
      snapshots: beforeErasure['snapshot']!.length,
      initiatives: beforeErasure['initiative']!.length,
      job: 1,
      tenant_settings: 1,
    });

    const left = await dump(tenantA);
    for (const [table, rows] of Object.entries(left))
      expect(rows, table).toHaveLength(table === 'audit_entry' ? 1 : 0);
    const audit = (await (await call('GET', '/api/admin/audit', admin)).json()) as {
      items: Array<{ action: string; actorId: string; detail: Record<string, number> }>;
    };
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'erasure.tenant', actorId: tenant.personas.admin, detail: counts }),
    ]);
    expect(await dump(tenantB)).toEqual(tenantBBefore);
  });
});
