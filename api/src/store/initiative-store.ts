import type { Kysely, Selectable } from 'kysely';
import type { InitiativeDesign } from '@learnfit/core';
import type { InitiativeRecord, InitiativeStore } from '../services/ports';
import type { Database, InitiativeTable } from './schema';

function toRecord(row: Selectable<InitiativeTable>): InitiativeRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    goal: row.goal,
    status: row.status,
    targetGroupSize: row.target_group_size,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    design: (row.design ?? null) as InitiativeDesign | null,
    updatedAt: new Date(row.updated_at),
  };
}

/** Escapes LIKE wildcards so a search for "50%" matches the text, not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Initiatives in the SQL store; every query is scoped by tenant id. */
export function createInitiativeStore(db: Kysely<Database>): InitiativeStore {
  return {
    async list(tenantId) {
      const rows = await db
        .selectFrom('initiative')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('status', '!=', 'archived')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async search(tenantId, text, limit) {
      let query = db
        .selectFrom('initiative')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('status', '!=', 'archived');
      const trimmed = text.trim();
      if (trimmed.length > 0) {
        const pattern = likePattern(trimmed);
        query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('goal', 'ilike', pattern)]));
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
      return rows.map(toRecord);
    },
    async create(record) {
      await db
        .insertInto('initiative')
        .values({
          id: record.id,
          tenant_id: record.tenantId,
          name: record.name,
          goal: record.goal,
          status: record.status,
          target_group_size: record.targetGroupSize,
          created_by: record.createdBy,
          created_at: record.createdAt,
          updated_at: record.createdAt,
          design: record.design ? JSON.stringify(record.design) : null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async get(tenantId, id) {
      const row = await db
        .selectFrom('initiative')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async update(tenantId, id, change, at) {
      const row = await db
        .updateTable('initiative')
        .set({
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.goal !== undefined ? { goal: change.goal } : {}),
          ...(change.status !== undefined ? { status: change.status } : {}),
          ...(change.targetGroupSize !== undefined ? { target_group_size: change.targetGroupSize } : {}),
          ...(change.design !== undefined ? { design: JSON.stringify(change.design) } : {}),
          updated_at: at,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
  };
}
