// The principal-roles store on a PostgreSQL server (its unit tests beside the code run on PGlite): the
// migration, the upsert and the timestamptz round trip behave the same on the production database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../api/src/store/database';
import { createPrincipalRolesRecorder } from '../api/src/store/principal-roles-recorder';
import { createPrincipalRolesStore, principalRolesErasable } from '../api/src/store/principal-roles-store';
import { createScratchDatabase, requirePostgres } from './support/postgres';

const postgresRuns = await requirePostgres();
const scratch = postgresRuns ? await createScratchDatabase() : null;
const tenant = '11111111-1111-4111-8111-111111111111';
const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe.skipIf(!postgresRuns)('principal roles on a PostgreSQL server', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ kind: 'postgres', url: scratch?.url ?? '' });
  });
  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it('records what the tab saw, replaces it on the next visit and erases it', async () => {
    const roles = createPrincipalRolesStore(store.db);
    let now = new Date('2026-03-02T09:00:00.123Z');
    const recorder = createPrincipalRolesRecorder({ store: roles, logger: silent, now: () => now });
    const identity = (roles: string[]) => ({
      tenantId: tenant,
      userId: 'AB6F0C1D-0000-4000-8000-000000000001',
      name: null,
      preferredUsername: null,
      roles,
      token: 't',
    });
    recorder.seen(identity(['LearningLeader', 'Admin']));
    await recorder.settled();
    expect(await roles.get(tenant, 'ab6f0c1d-0000-4000-8000-000000000001')).toEqual({
      roles: ['Admin', 'LearningLeader'],
      seenAt: now,
    });
    now = new Date('2026-03-02T09:00:30.456Z');
    recorder.seen(identity([]));
    await recorder.settled();
    expect(await roles.get(tenant, 'ab6f0c1d-0000-4000-8000-000000000001')).toEqual({
      roles: [],
      seenAt: now,
    });
    const erased = await store.db
      .transaction()
      .execute((trx) => principalRolesErasable.eraseTenant(trx, tenant));
    expect(erased).toBe(1);
    expect(await roles.get(tenant, 'ab6f0c1d-0000-4000-8000-000000000001')).toBeNull();
  });
});
