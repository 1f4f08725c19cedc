import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store, type StoreLocation } from '../api/src/store/database';
import { createInitiativeStore } from '../api/src/store/initiative-store';
import type { InitiativeRecord } from '../api/src/services/ports';
import { createScratchDatabase, requirePostgres } from './support/postgres';

const tenantA = '11111111-1111-4111-8111-111111111111';
const tenantB = '22222222-2222-4222-8222-222222222222';

function record(overrides: Partial<InitiativeRecord>): InitiativeRecord {
  return {
    id: 'i-1',
    tenantId: tenantA,
    name: 'Peer coaching circles',
    goal: 'Managers coach each other in the leadership channel',
    status: 'active',
    targetGroupSize: 40,
    createdBy: 'u-1',
    createdAt: new Date('2026-11-01T09:00:00Z'),
    ...overrides,
  };
}

const postgresRuns = await requirePostgres();
const scratch = postgresRuns ? await createScratchDatabase() : null;

const locations: Array<[string, () => StoreLocation, boolean]> = [
  ['PGlite (embedded)', () => ({ kind: 'pglite', dataDir: null }), true],
  ['PostgreSQL server', () => ({ kind: 'postgres', url: scratch?.url ?? '' }), postgresRuns],
];

afterAll(async () => {
  await scratch?.drop();
});

describe.each(locations)('store on %s', (_name, location, runs) => {
  let store: Store;

  beforeAll(async () => {
    if (!runs) return;
    store = await openStore(location());
  });
  afterAll(async () => {
    if (runs) await store.close();
  });

  it.skipIf(!runs)('migrates an empty database and again without change', async () => {
    const { migrateToLatest } = await import('../api/src/store/database');
    expect(await migrateToLatest(store.db)).toEqual([]);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toContain('initiative');
  });

  it.skipIf(!runs)('keeps tenants apart and finds initiatives by name or goal', async () => {
    const initiatives = createInitiativeStore(store.db);
    await initiatives.create(record({ id: 'a-1' }));
    await initiatives.create(
      record({
        id: 'a-2',
        name: 'Onboarding buddies',
        goal: 'New starters ask in chat',
        createdAt: new Date('2026-11-02T09:00:00Z'),
      }),
    );
    await initiatives.create(record({ id: 'b-1', tenantId: tenantB, name: 'Peer coaching for tenant B' }));

    expect((await initiatives.list(tenantA)).map((item) => item.id)).toEqual(['a-2', 'a-1']);
    expect((await initiatives.list(tenantB)).map((item) => item.id)).toEqual(['b-1']);
    expect((await initiatives.search(tenantA, 'coach', 10)).map((item) => item.id)).toEqual(['a-1']);
    expect((await initiatives.search(tenantA, 'CHAT', 10)).map((item) => item.id)).toEqual(['a-2']);
    expect(await initiatives.search(tenantB, 'onboarding', 10)).toEqual([]);
  });

  it.skipIf(!runs)('treats LIKE wildcards in search text literally', async () => {
    const initiatives = createInitiativeStore(store.db);
    await initiatives.create(
      record({ id: 'w-1', name: 'Reach 50% weekly posting', createdAt: new Date('2026-11-03T09:00:00Z') }),
    );
    expect((await initiatives.search(tenantA, '50%', 10)).map((item) => item.id)).toEqual(['w-1']);
    expect((await initiatives.search(tenantA, '%', 10)).map((item) => item.id)).toEqual(['w-1']);
    expect(await initiatives.search(tenantA, '_', 10)).toEqual([]);
    expect(await initiatives.search(tenantA, "'; drop table initiative; --", 10)).toEqual([]);
  });

  it.skipIf(!runs)('writes a row once even when seeding runs twice', async () => {
    const initiatives = createInitiativeStore(store.db);
    await initiatives.create(record({ id: 'seed-1', tenantId: tenantB, name: 'Seeded' }));
    await initiatives.create(record({ id: 'seed-1', tenantId: tenantB, name: 'Seeded' }));
    expect((await initiatives.list(tenantB)).filter((item) => item.id === 'seed-1')).toHaveLength(1);
  });
});
