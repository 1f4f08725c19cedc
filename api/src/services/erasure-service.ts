import type { Kysely } from 'kysely';
import { tenantErasureSchema, type ErasureResult } from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import { createAuditStore } from '../store/audit-store';
import { coreErasures, eraseTenantRows } from '../store/erasure-tables';
import type { Database } from '../store/schema';
import { requireAdmin } from './admin-service';
import type { ErasableTables } from './ports';

/** Erasure on request: one person, or everything a tenant stored. */
export interface ErasureService {
  /** Idempotent: a person with nothing stored (or erased before) gets zero counts. */
  erasePerson(identity: SsoIdentity, userId: string): Promise<ErasureResult>;
  eraseTenant(identity: SsoIdentity, body: unknown): Promise<ErasureResult>;
}

/** What the erasure service needs. */
export interface ErasureServiceDeps {
  readonly db: Kysely<Database>;
  /** The tenant's keyed pseudonyms, as the collection stores them in snapshots. */
  pseudonymizerFor(tenantId: string): (userId: string) => string;
  /** Tables other features own (pulse answers, KPI values, sharing, ...), erased in the same transaction. */
  readonly erasables: readonly ErasableTables[];
  readonly now: () => Date;
  /** Called once an erasure committed, so caches of the tenant's data forget what was erased. */
  readonly onErased?: (tenantId: string) => Promise<void>;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Wires erasure to the store: every table is changed in one transaction, with its audit entry. */
export function createErasureService(deps: ErasureServiceDeps): ErasureService {
  const names = new Set<string>();
  for (const erasable of [...coreErasures, ...deps.erasables]) {
    if (names.has(erasable.name)) throw new Error(`Two erasable table sets are named ${erasable.name}.`);
    names.add(erasable.name);
  }
  return {
    async erasePerson(identity, rawUserId) {
      requireAdmin(identity);
      if (!guid.test(rawUserId))
        throw new HttpProblem(
          400,
          'bad_request',
          'The user id is not valid',
          "Give the person's Entra object id (a GUID).",
        );
      const userId = rawUserId.toLowerCase();
      const personKey = deps.pseudonymizerFor(identity.tenantId)(userId);
      const erased = await deps.db.transaction().execute(async (trx) => {
        const counts: Record<string, number> = {};
        for (const erasable of [...coreErasures, ...deps.erasables])
          counts[erasable.name] = await erasable.erasePerson(trx, identity.tenantId, userId, personKey);
        // Neither the id nor the key goes into the entry: it would undo the erasure it records.
        await createAuditStore(trx, deps.now).record(identity.tenantId, {
          actorId: identity.userId,
          action: 'erasure.person',
          target: 'person:erased',
          detail: counts,
        });
        return { counts };
      });
      await deps.onErased?.(identity.tenantId);
      return erased;
    },
    async eraseTenant(identity, body) {
      requireAdmin(identity);
      const { confirm } = tenantErasureSchema.parse(body);
      if (confirm.trim().toLowerCase() !== identity.tenantId.toLowerCase())
        throw new HttpProblem(
          400,
          'bad_request',
          'The confirmation does not match',
          "Type your organisation's tenant id in `confirm` to erase all of its LearnFit data.",
        );
      const erased = await deps.db.transaction().execute(async (trx) => {
        const counts: Record<string, number> = {};
        for (const erasable of [...coreErasures, ...deps.erasables])
          counts[erasable.name] = await erasable.eraseTenant(trx, identity.tenantId);
        // Then every other table with a tenant id: settings, jobs, quota use, and any table added later.
        for (const [table, removed] of Object.entries(await eraseTenantRows(trx, identity.tenantId)))
          if (removed > 0) counts[table] = (counts[table] ?? 0) + removed;
        // The one row the tenant keeps: the record that its data was erased, and by whom.
        await createAuditStore(trx, deps.now).record(identity.tenantId, {
          actorId: identity.userId,
          action: 'erasure.tenant',
          target: 'tenant',
          detail: counts,
        });
        return { counts };
      });
      await deps.onErased?.(identity.tenantId);
      return erased;
    },
  };
}
