import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import {
  decodeSnapshot,
  encodeSnapshot,
  removePeople,
  type Audience,
  type InitiativeDesign,
} from '@learnfit/core';
import type { ErasableTables } from '../services/ports';
import type { Database } from './schema';

// The erasure of one person from the tables the collection, initiative and audit features own. Each
// object runs inside the erasure's transaction; ids arrive lower-cased (Graph's form of object ids).

/** What replaces an erased person's id where a record must keep a value (audit actor, creator). */
export const erasedMarker = 'erased';

/** Whether a text holds the id (any case) or the pseudonym key. */
const mentions = (text: string, userId: string, personKey: string): boolean =>
  text.toLowerCase().includes(userId) || text.includes(personKey);

/** Stored snapshots: the person's rows and edges go (see `removePeople`), and the target-group key. */
export const snapshotErasure: ErasableTables = {
  name: 'snapshots',
  async erasePerson(trx, tenantId, _userId, personKey) {
    const ids = await trx.selectFrom('snapshot').select('id').where('tenant_id', '=', tenantId).execute();
    let changed = 0;
    // One snapshot in memory at a time: a large tenant's payloads are tens of megabytes each.
    for (const { id } of ids) {
      const row = await trx
        .selectFrom('snapshot')
        .select(['payload', 'summary'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const snapshot = decodeSnapshot(gunzipSync(row.payload));
      const erased = removePeople(snapshot, [personKey]);
      const summary = (row.summary ?? {}) as { targetGroupKeys?: unknown };
      const targetKeys = Array.isArray(summary.targetGroupKeys) ? (summary.targetGroupKeys as unknown[]) : [];
      const inTarget = targetKeys.includes(personKey);
      if (erased === snapshot && !inTarget) continue;
      await trx
        .updateTable('snapshot')
        .set({
          payload: gzipSync(encodeSnapshot(erased)),
          people: erased.people.length,
          coverage: JSON.stringify(erased.coverage),
          summary: JSON.stringify(
            inTarget
              ? { ...summary, targetGroupKeys: targetKeys.filter((key) => key !== personKey) }
              : summary,
          ),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
      changed += 1;
    }
    return changed;
  },
  async eraseTenant(trx, tenantId) {
    const result = await trx.deleteFrom('snapshot').where('tenant_id', '=', tenantId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/** Drops a person's report rows and closes the gap: rows point at people by journal position. */
function withoutPosition(rows: number[][], position: number): number[][] {
  return rows
    .filter((row) => row[0] !== position)
    .map((row) => (row[0]! > position ? [row[0]! - 1, ...row.slice(1)] : row));
}

/** Staging rows of unfinished collection runs: people, messages, report-days and unit states. */
export const stagingErasure: ErasableTables = {
  name: 'collectionStaging',
  async erasePerson(trx, tenantId, userId) {
    let changed = 0;
    const own = await trx
      .selectFrom('collection_person')
      .select(['run_id', 'person_id', 'ord'])
      .where('tenant_id', '=', tenantId)
      .where(sql<string>`lower(person_id)`, '=', userId)
      .execute();
    for (const person of own) {
      const before = await trx
        .selectFrom('collection_person')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('tenant_id', '=', tenantId)
        .where('run_id', '=', person.run_id)
        .where('ord', '<', person.ord)
        .executeTakeFirstOrThrow();
      const position = Number(before.count);
      const days = await trx
        .selectFrom('collection_report_day')
        .select(['report', 'day', 'rows'])
        .where('tenant_id', '=', tenantId)
        .where('run_id', '=', person.run_id)
        .execute();
      for (const day of days) {
        const rows = JSON.parse(gunzipSync(day.rows).toString('utf8')) as number[][];
        await trx
          .updateTable('collection_report_day')
          .set({ rows: gzipSync(JSON.stringify(withoutPosition(rows, position))) })
          .where('tenant_id', '=', tenantId)
          .where('run_id', '=', person.run_id)
          .where('report', '=', day.report)
          .where('day', '=', day.day)
          .execute();
        changed += 1;
      }
      await trx
        .deleteFrom('collection_person')
        .where('tenant_id', '=', tenantId)
        .where('run_id', '=', person.run_id)
        .where('person_id', '=', person.person_id)
        .execute();
      changed += 1;
    }
    // Reports of the person now have no manager, as if the manager were outside the directory.
    const reports = await trx
      .updateTable('collection_person')
      .set({ data: sql<string>`jsonb_set(data, '{managerId}', 'null'::jsonb)` })
      .where('tenant_id', '=', tenantId)
      .where(sql<string>`lower(data->>'managerId')`, '=', userId)
      .executeTakeFirst();
    changed += Number(reports.numUpdatedRows);

    const messages = await trx
      .selectFrom('collection_message')
      .select(['run_id', 'channel_id', 'message_id', 'data'])
      .where('tenant_id', '=', tenantId)
      .where(sql<number>`strpos(lower(data::text), ${userId})`, '>', 0)
      .execute();
    for (const message of messages) {
      const data = message.data as {
        fromId: string;
        mentionIds: string[];
        reactions: Array<{ userId: string }>;
      };
      const where = trx
        .deleteFrom('collection_message')
        .where('tenant_id', '=', tenantId)
        .where('run_id', '=', message.run_id)
        .where('channel_id', '=', message.channel_id)
        .where('message_id', '=', message.message_id);
      if (data.fromId.toLowerCase() === userId) await where.execute();
      else
        await trx
          .updateTable('collection_message')
          .set({
            data: JSON.stringify({
              ...data,
              mentionIds: data.mentionIds.filter((id) => id.toLowerCase() !== userId),
              reactions: data.reactions.filter((reaction) => reaction.userId.toLowerCase() !== userId),
            }),
          })
          .where('tenant_id', '=', tenantId)
          .where('run_id', '=', message.run_id)
          .where('channel_id', '=', message.channel_id)
          .where('message_id', '=', message.message_id)
          .execute();
      changed += 1;
    }

    // Team structure units remember member ids until the run's snapshot is saved.
    const units = await trx
      .selectFrom('collection_unit')
      .select(['run_id', 'unit', 'state'])
      .where('tenant_id', '=', tenantId)
      .where(sql<number>`strpos(lower(state::text), ${userId})`, '>', 0)
      .execute();
    for (const unit of units) {
      const state = unit.state as { state: string; info?: { memberIds?: string[] } };
      const memberIds = state.info?.memberIds?.filter((id) => id.toLowerCase() !== userId);
      await trx
        .updateTable('collection_unit')
        .set({
          state: JSON.stringify(
            state.info && memberIds ? { ...state, info: { ...state.info, memberIds } } : state,
          ),
        })
        .where('tenant_id', '=', tenantId)
        .where('run_id', '=', unit.run_id)
        .where('unit', '=', unit.unit)
        .execute();
      changed += 1;
    }
    return changed;
  },
  async eraseTenant(trx, tenantId) {
    let removed = 0;
    for (const table of [
      'collection_person',
      'collection_message',
      'collection_report_day',
      'collection_unit',
    ] as const) {
      const result = await trx.deleteFrom(table).where('tenant_id', '=', tenantId).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  },
};

/**
 * An audience without the person. A `people` list left empty cannot be stored (a design names at least
 * one person), so the caller learns it became empty.
 */
function audienceWithout(audience: Audience, userId: string): Audience | 'empty' {
  if (audience.kind !== 'people') return audience;
  const ids = audience.ids.filter((id) => id.toLowerCase() !== userId);
  return ids.length === 0 ? 'empty' : { kind: 'people', ids };
}

/**
 * The design without the person. A comparison group left empty becomes none; a target group or design
 * team left empty leaves no valid design, so the design is cleared (the leader enters it again): that
 * only happens when the erased person was the only one named.
 */
function designWithout(design: InitiativeDesign, userId: string): InitiativeDesign | null {
  const targetGroup = audienceWithout(design.targetGroup, userId);
  const designTeam = audienceWithout(design.designTeam, userId);
  const comparisonGroup = design.comparisonGroup ? audienceWithout(design.comparisonGroup, userId) : null;
  if (targetGroup === 'empty' || designTeam === 'empty') return null;
  return {
    ...design,
    targetGroup,
    designTeam,
    comparisonGroup: comparisonGroup === 'empty' ? null : comparisonGroup,
  };
}

/** Initiatives: the person leaves every `people` audience, and an initiative they created shows `erased`. */
export const initiativeErasure: ErasableTables = {
  name: 'initiatives',
  async erasePerson(trx, tenantId, userId) {
    const rows = await trx
      .selectFrom('initiative')
      .select(['id', 'created_by', 'design', 'target_group_size'])
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          eb(sql<string>`lower(created_by)`, '=', userId),
          eb(sql<number>`strpos(lower(coalesce(design::text, '')), ${userId})`, '>', 0),
        ]),
      )
      .execute();
    for (const row of rows) {
      const design = row.design ? designWithout(row.design as InitiativeDesign, userId) : null;
      const targetGroupSize =
        design?.targetGroup.kind === 'people' ? new Set(design.targetGroup.ids).size : row.target_group_size;
      await trx
        .updateTable('initiative')
        .set({
          created_by: row.created_by.toLowerCase() === userId ? erasedMarker : row.created_by,
          design: design ? JSON.stringify(design) : null,
          target_group_size: design ? targetGroupSize : 0,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  },
  async eraseTenant(trx, tenantId) {
    const result = await trx.deleteFrom('initiative').where('tenant_id', '=', tenantId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

type Detail = Record<string, string | number | boolean>;

/**
 * The audit log keeps what happened but not who it happened by or to: the actor becomes `erased`, and a
 * target or detail value naming the person (by id or key) is replaced by `erased`.
 */
export const auditErasure: ErasableTables = {
  name: 'auditEntries',
  async erasePerson(trx, tenantId, userId, personKey) {
    const rows = await trx
      .selectFrom('audit_entry')
      .select(['id', 'actor_id', 'target', 'detail'])
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          eb(sql<string>`lower(actor_id)`, '=', userId),
          eb(sql<number>`strpos(lower(target), ${userId})`, '>', 0),
          eb(sql<number>`strpos(target, ${personKey})`, '>', 0),
          eb(sql<number>`strpos(lower(detail::text), ${userId})`, '>', 0),
          eb(sql<number>`strpos(detail::text, ${personKey})`, '>', 0),
        ]),
      )
      .execute();
    for (const row of rows) {
      const detail = Object.fromEntries(
        Object.entries((row.detail ?? {}) as Detail).map(([name, value]) => [
          mentions(name, userId, personKey) ? erasedMarker : name,
          typeof value === 'string' && mentions(value, userId, personKey) ? erasedMarker : value,
        ]),
      );
      await trx
        .updateTable('audit_entry')
        .set({
          actor_id: row.actor_id.toLowerCase() === userId ? erasedMarker : row.actor_id,
          target: mentions(row.target, userId, personKey) ? erasedMarker : row.target,
          detail: JSON.stringify(detail),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  },
  async eraseTenant(trx, tenantId) {
    const result = await trx.deleteFrom('audit_entry').where('tenant_id', '=', tenantId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/** The erasures of the tables this module knows, in the order they run. */
export const coreErasures: readonly ErasableTables[] = [
  snapshotErasure,
  stagingErasure,
  initiativeErasure,
  auditErasure,
];

/** Deletes the tenant's rows from every table with a `tenant_id` column (those no feature erased itself). */
export async function eraseTenantRows(
  trx: Kysely<Database>,
  tenantId: string,
): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(trx);
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables.rows) {
    const result = await sql`delete from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(trx);
    counts[table] = Number(result.numAffectedRows ?? 0);
  }
  return counts;
}
