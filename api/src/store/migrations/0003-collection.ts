import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Collection runs' checkpoint log and staging rows (purged when the run's snapshot is saved) and the
 * snapshots themselves. Staging rows are keyed by natural ids, so replaying a page writes nothing twice.
 */
export const collectionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('collection_unit')
      .addColumn('run_id', 'text', (col) => col.notNull())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('unit', 'text', (col) => col.notNull())
      .addColumn('state', 'jsonb', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('collection_unit_pk', ['run_id', 'unit'])
      .execute();
    await db.schema
      .createTable('collection_person')
      .addColumn('run_id', 'text', (col) => col.notNull())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('person_id', 'text', (col) => col.notNull())
      // First-seen order: Graph's order, kept when a replayed page writes the person again.
      .addColumn('ord', 'bigserial', (col) => col.notNull())
      .addColumn('data', 'jsonb', (col) => col.notNull())
      .addPrimaryKeyConstraint('collection_person_pk', ['run_id', 'person_id'])
      .execute();
    await db.schema
      .createTable('collection_message')
      .addColumn('run_id', 'text', (col) => col.notNull())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('channel_id', 'text', (col) => col.notNull())
      .addColumn('message_id', 'text', (col) => col.notNull())
      .addColumn('data', 'jsonb', (col) => col.notNull())
      .addPrimaryKeyConstraint('collection_message_pk', ['run_id', 'channel_id', 'message_id'])
      .execute();
    await db.schema
      .createTable('collection_report_day')
      .addColumn('run_id', 'text', (col) => col.notNull())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('report', 'text', (col) => col.notNull())
      .addColumn('day', 'text', (col) => col.notNull())
      .addColumn('rows', 'bytea', (col) => col.notNull())
      .addPrimaryKeyConstraint('collection_report_day_pk', ['run_id', 'report', 'day'])
      .execute();
    await db.schema
      .createTable('snapshot')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('run_id', 'text', (col) => col.notNull().unique())
      .addColumn('initiative_id', 'text')
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('baseline', 'followup', 'adhoc')`))
      .addColumn('data_as_of', 'timestamptz', (col) => col.notNull())
      .addColumn('weeks', 'integer', (col) => col.notNull())
      .addColumn('people', 'integer', (col) => col.notNull())
      .addColumn('coverage', 'jsonb', (col) => col.notNull())
      .addColumn('summary', 'jsonb', (col) => col.notNull())
      .addColumn('frozen', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('payload', 'bytea', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('snapshot_tenant_idx')
      .on('snapshot')
      .columns(['tenant_id', 'initiative_id', 'data_as_of'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'snapshot',
      'collection_report_day',
      'collection_message',
      'collection_person',
      'collection_unit',
    ])
      await db.schema.dropTable(table).execute();
  },
};
