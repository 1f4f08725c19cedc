import { buildCollaborationSnapshot, type ChannelMessageRecord } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectedPerson } from '../api/src/graph/collectors/journal';
import { createCollectionStore, type CollectionStore } from '../api/src/store/collection-store';
import { openStore, type Store, type StoreLocation } from '../api/src/store/database';
import { createQuotaLedger } from '../api/src/store/quota-ledger';
import { createScratchDatabase, requirePostgres } from './support/postgres';

const tenantA = '11111111-1111-4111-8111-111111111111';
const tenantB = '22222222-2222-4222-8222-222222222222';

const person = (id: string, upn: string): CollectedPerson => ({
  id,
  department: 'Sales',
  location: null,
  jobTitle: 'Rep',
  managerId: null,
  accountEnabled: true,
  utcOffsetHours: 0,
  userPrincipalName: upn,
  guest: false,
});

const message = (id: string, fromId: string, createdAt: number): ChannelMessageRecord => ({
  id,
  teamId: 't1',
  channelId: 'c1',
  replyToId: null,
  fromId,
  createdAt,
  mentionIds: ['p2'],
  reactions: [{ userId: 'p2', createdAt: createdAt + 1000 }],
});

const postgresRuns = await requirePostgres();
const scratch = postgresRuns ? await createScratchDatabase() : null;

const locations: Array<[string, () => StoreLocation, boolean]> = [
  ['PGlite (embedded)', () => ({ kind: 'pglite', dataDir: null }), true],
  ['PostgreSQL server', () => ({ kind: 'postgres', url: scratch?.url ?? '' }), postgresRuns],
];

afterAll(async () => {
  await scratch?.drop();
});

describe.each(locations)('collection store on %s', (_name, location, runs) => {
  let store: Store;
  let collections: CollectionStore;

  beforeAll(async () => {
    if (!runs) return;
    store = await openStore(location());
    collections = createCollectionStore(store.db, () => new Date('2026-11-30T08:00:00Z'));
  });
  afterAll(async () => {
    if (runs) await store.close();
  });

  it.skipIf(!runs)('replaying a committed page writes nothing twice and keeps first-seen order', async () => {
    const journal = collections.journal('run-1', tenantA);
    const page1 = { people: [person('p2', 'b@x'), person('p1', 'a@x')] };
    await journal.commit('users', { state: 'next', link: 'https://graph/next' }, page1);
    // A crash after the write and before the next request replays page 1, then page 2 follows.
    await journal.commit('users', { state: 'next', link: 'https://graph/next' }, page1);
    await journal.commit('users', { state: 'done', info: {} }, { people: [person('p3', 'c@x')] });
    const at = Date.parse('2026-11-20T10:00:00Z');
    const messages = [message('m1', 'p1', at), message('m2', 'p2', at + 5000)];
    await journal.commit('channel:t1:c1', { state: 'next', link: 'https://graph/m2' }, { messages });
    await journal.commit('channel:t1:c1', { state: 'done', info: {} }, { messages });
    const day = {
      report: 'getEmailActivityUserDetail',
      day: '2026-11-23',
      rows: [
        [0, 3, 4],
        [2, 0, 1],
      ],
    };
    await journal.commit(
      'report:getEmailActivityUserDetail:2026-11-23',
      { state: 'done', info: {} },
      { reportDay: day },
    );
    await journal.commit(
      'report:getEmailActivityUserDetail:2026-11-23',
      { state: 'done', info: {} },
      { reportDay: day },
    );

    expect((await journal.people()).map((p) => p.id)).toEqual(['p2', 'p1', 'p3']);
    expect((await journal.messages()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(messages);
    expect(await journal.reportDays()).toEqual([day]);
    const units = await journal.units();
    expect(units.get('users')).toEqual({ state: 'done', info: {} });
    expect(units.get('channel:t1:c1')).toEqual({ state: 'done', info: {} });
    // Another tenant's journal with the same run id sees nothing.
    expect(await collections.journal('run-1', tenantB).people()).toEqual([]);
  });

  it.skipIf(!runs)('a failed transaction leaves neither rows nor the cursor behind', async () => {
    const journal = collections.journal('run-2', tenantA, (work) =>
      store.db.transaction().execute(async (trx) => {
        await work(trx);
        throw new Error('lease lost');
      }),
    );
    await expect(
      journal.commit('users', { state: 'done', info: {} }, { people: [person('p9', 'z@x')] }),
    ).rejects.toThrow('lease lost');
    const plain = collections.journal('run-2', tenantA);
    expect(await plain.people()).toEqual([]);
    expect((await plain.units()).size).toBe(0);
  });

  it.skipIf(!runs)('saves a snapshot once, drops the staging rows and applies retention', async () => {
    const journal = collections.journal('run-3', tenantA);
    await journal.commit('users', { state: 'done', info: {} }, { people: [person('p1', 'a@x')] });
    const snapshot = buildCollaborationSnapshot({
      tenantId: tenantA,
      dataAsOf: new Date('2026-11-30T00:00:00Z'),
      weeks: 2,
      people: [person('p1', 'a@x')],
      messages: [message('m1', 'p1', Date.parse('2026-11-24T10:00:00Z'))],
      daily: [],
      coverage: [{ source: 'directory', status: 'complete', coveredPeople: 1, detail: null }],
      pseudonymize: (id) => `key-${id}`,
    });
    const input = {
      id: 'snap-run-3',
      tenantId: tenantA,
      runId: 'run-3',
      initiativeId: 'i-1',
      kind: 'baseline' as const,
      dataAsOf: new Date('2026-11-30T00:00:00Z'),
      weeks: 2,
      summary: { people: 1 },
      snapshot,
      frozen: true,
    };
    const saved = await collections.saveSnapshot(input);
    const again = await collections.saveSnapshot({ ...input, id: 'snap-other', frozen: false });
    expect(again).toEqual(saved);
    expect(saved).toMatchObject({ kind: 'baseline', frozen: true, people: 1, initiativeId: 'i-1' });
    expect(await collections.loadSnapshot(tenantA, 'snap-run-3')).toEqual(snapshot);
    expect(await collections.loadSnapshot(tenantB, 'snap-run-3')).toBeNull();
    expect(await journal.people()).toEqual([]);
    expect((await journal.units()).size).toBe(0);
    expect((await collections.listSnapshots(tenantA, 'i-1')).map((s) => s.id)).toEqual(['snap-run-3']);
    expect(await collections.listSnapshots(tenantB)).toEqual([]);

    expect(await collections.tenantsWithData()).toContain(tenantA);
    // run-1's staging rows were last touched at the store clock (2026-11-30T08:00Z).
    const kept = await collections.applyRetention(tenantA, new Date('2026-11-29T00:00:00Z'));
    expect(kept).toEqual({ snapshots: 0, stagedRuns: 0 });
    const removed = await collections.applyRetention(tenantA, new Date('2026-12-01T00:00:00Z'));
    expect(removed).toEqual({ snapshots: 1, stagedRuns: 1 });
    expect(await collections.journal('run-1', tenantA).people()).toEqual([]);
  });

  it.skipIf(!runs)(
    'shares the report quota: no more than the limit in any window, whoever asks',
    async () => {
      // Two ledgers stand for two processes; on PostgreSQL the second has its own connection pool.
      const other = location().kind === 'postgres' ? await openStore(location()) : store;
      try {
        const first = createQuotaLedger(store.db, tenantA);
        const second = createQuotaLedger(other.db, tenantA);
        const at = Date.parse('2026-11-30T09:00:00Z');
        const window = 605_000;
        const waits = await Promise.all(
          Array.from({ length: 30 }, (_, index) =>
            (index % 2 ? first : second).take('report:getEmailActivityUserDetail', 14, window, at + index),
          ),
        );
        expect(waits.filter((wait) => wait === 0)).toHaveLength(14);
        expect(Math.min(...waits.filter((wait) => wait > 0))).toBeGreaterThan(window - 30);
        // Another report and another tenant have their own quota.
        expect(await first.take('report:getYammerActivityUserDetail', 14, window, at)).toBe(0);
        expect(
          await createQuotaLedger(store.db, tenantB).take(
            'report:getEmailActivityUserDetail',
            14,
            window,
            at,
          ),
        ).toBe(0);
        // Once the window has passed, slots free up again.
        expect(await second.take('report:getEmailActivityUserDetail', 14, window, at + window + 100)).toBe(0);
      } finally {
        if (other !== store) await other.close();
      }
    },
  );
});
