import { sql, type Kysely } from 'kysely';
import type { QuotaLedger } from '../graph/pacing/governor';
import type { Database } from './schema';

/**
 * A tenant's Graph quota ledger in SQL: taking a slot counts the lane's uses inside the window under an
 * advisory lock (so two processes cannot both take the last slot) and records the use. Old rows are
 * pruned as it goes.
 */
export function createQuotaLedger(db: Kysely<Database>, tenantId: string): QuotaLedger {
  return {
    take(lane, limit, windowMs, at) {
      return db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`${tenantId}|${lane}`}))`.execute(trx);
        const since = new Date(at - windowMs);
        await trx
          .deleteFrom('graph_quota_use')
          .where('tenant_id', '=', tenantId)
          .where('lane', '=', lane)
          .where('used_at', '<=', since)
          .execute();
        const uses = await trx
          .selectFrom('graph_quota_use')
          .select('used_at')
          .where('tenant_id', '=', tenantId)
          .where('lane', '=', lane)
          .orderBy('used_at')
          .execute();
        if (uses.length < limit) {
          await trx
            .insertInto('graph_quota_use')
            .values({ tenant_id: tenantId, lane, used_at: new Date(at) })
            .execute();
          return 0;
        }
        // Full: the slot frees when the oldest use in the window leaves it.
        const oldest = new Date(uses[uses.length - limit]!.used_at).getTime();
        return Math.max(1, oldest + windowMs - at);
      });
    },
  };
}
