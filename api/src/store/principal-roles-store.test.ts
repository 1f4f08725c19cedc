import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { createPrincipalRolesStore, principalRolesErasable } from './principal-roles-store';

let store: Store;

beforeAll(async () => {
  store = await openStore({ kind: 'pglite', dataDir: null });
});
afterAll(async () => {
  await store?.close();
});

const monday = new Date('2026-03-02T09:00:00.123Z');
const tuesday = new Date('2026-03-03T10:30:00.456Z');

describe('principal roles store', () => {
  it('knows nobody it never saw, and keeps one row per person with the roles sorted and unique', async () => {
    const roles = createPrincipalRolesStore(store.db);
    expect(await roles.get('t1', 'never-seen')).toBeNull();
    await roles.record('t1', 'U-1', ['LearningLeader', 'Admin', 'LearningLeader'], monday);
    expect(await roles.get('t1', 'u-1')).toEqual({ roles: ['Admin', 'LearningLeader'], seenAt: monday });
    // Entra object ids are GUIDs: the same person whatever their case.
    expect(await roles.get('t1', 'U-1')).toEqual({ roles: ['Admin', 'LearningLeader'], seenAt: monday });
  });

  it('replaces the roles and the time on the next visit, so a removed role is gone', async () => {
    const roles = createPrincipalRolesStore(store.db);
    await roles.record('t1', 'u-2', ['LearningLeader'], monday);
    await roles.record('t1', 'u-2', [], tuesday);
    expect(await roles.get('t1', 'u-2')).toEqual({ roles: [], seenAt: tuesday });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from principal_roles where user_id = 'u-2'`.execute(store.db);
    expect(rows[0]?.n).toBe(1);
  });

  it('keeps tenants apart', async () => {
    const roles = createPrincipalRolesStore(store.db);
    await roles.record('t1', 'u-3', ['Admin'], monday);
    await roles.record('t2', 'u-3', [], tuesday);
    expect((await roles.get('t1', 'u-3'))?.roles).toEqual(['Admin']);
    expect((await roles.get('t2', 'u-3'))?.roles).toEqual([]);
    expect(await roles.get('t3', 'u-3')).toBeNull();
  });

  it('reads a damaged row as no roles rather than failing or granting any', async () => {
    await sql`insert into principal_roles (tenant_id, user_id, roles, seen_at)
      values ('t1', 'u-4', 'not json', ${monday.toISOString()}),
             ('t1', 'u-5', '{"0":"Admin"}', ${monday.toISOString()}),
             ('t1', 'u-6', '["Admin", 7, null]', ${monday.toISOString()})`.execute(store.db);
    const roles = createPrincipalRolesStore(store.db);
    expect((await roles.get('t1', 'u-4'))?.roles).toEqual([]);
    expect((await roles.get('t1', 'u-5'))?.roles).toEqual([]);
    expect((await roles.get('t1', 'u-6'))?.roles).toEqual(['Admin']);
  });

  it('erases one person on request and a whole tenant', async () => {
    const roles = createPrincipalRolesStore(store.db);
    await roles.record('t9', 'u-a', ['Admin'], monday);
    await roles.record('t9', 'u-b', ['LearningLeader'], monday);
    await roles.record('t8', 'u-a', ['Admin'], monday);
    const erased = await store.db
      .transaction()
      .execute((trx) => principalRolesErasable.erasePerson(trx, 't9', 'U-A', 'key-unused'));
    expect(erased).toBe(1);
    expect(await roles.get('t9', 'u-a')).toBeNull();
    expect(await roles.get('t9', 'u-b')).not.toBeNull();
    expect(await roles.get('t8', 'u-a')).not.toBeNull();
    expect(await store.db.transaction().execute((trx) => principalRolesErasable.eraseTenant(trx, 't9'))).toBe(
      1,
    );
    expect(await roles.get('t9', 'u-b')).toBeNull();
    expect(await roles.get('t8', 'u-a')).not.toBeNull();
  });
});
