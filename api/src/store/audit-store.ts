import { sql, type Kysely } from 'kysely';
import type { AuditEntry, AuditLog } from '../services/ports';
import type { Database } from './schema';

/** An audit entry as stored. */
export interface StoredAuditEntry extends Required<AuditEntry> {
  readonly id: string;
  readonly at: Date;
}

/** The audit log: appended by every service, read page by page by admins. */
export interface AuditStore extends AuditLog {
  /** Entries newest first; `before` is the id of the oldest entry already read. */
  list(tenantId: string, page: { limit: number; before?: string | undefined }): Promise<StoredAuditEntry[]>;
}

/**
 * The audit log in SQL. Pass a transaction as `db` to make an entry part of the change it records.
 * Ids are a database sequence, so "newest first" is the order entries were written in.
 */
export function createAuditStore(db: Kysely<Database>, now: () => Date = () => new Date()): AuditStore {
  return {
    async record(tenantId, entry) {
      await db
        .insertInto('audit_entry')
        .values({
          tenant_id: tenantId,
          at: now(),
          actor_id: entry.actorId,
          action: entry.action,
          target: entry.target,
          detail: JSON.stringify(entry.detail ?? {}),
        })
        .execute();
    },
    async list(tenantId, page) {
      let query = db
        .selectFrom('audit_entry')
        .select([sql<string>`id::text`.as('id'), 'at', 'actor_id', 'action', 'target', 'detail'])
        .where('tenant_id', '=', tenantId);
      if (page.before !== undefined) query = query.where('id', '<', page.before);
      const rows = await query.orderBy('audit_entry.id', 'desc').limit(page.limit).execute();
      return rows.map((row) => ({
        id: row.id,
        at: new Date(row.at),
        actorId: row.actor_id,
        action: row.action,
        target: row.target,
        detail: row.detail as Record<string, string | number | boolean>,
      }));
    },
  };
}
