import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Pulse waves and answers (keyed by the person's pseudonym, one per person and wave) and the KPI value
 * series a leader enters or uploads (one row per KPI, phase and group; values carry no identity).
 */
export const pulseKpiMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pulse_wave')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('initiative_id', 'text', (col) => col.notNull())
      .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('open', 'closed')`))
      .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
      .addColumn('closes_at', 'timestamptz', (col) => col.notNull())
      .addColumn('closed_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('pulse_wave_initiative_idx')
      .on('pulse_wave')
      .columns(['tenant_id', 'initiative_id', 'opened_at'])
      .execute();
    // At most one open wave per initiative, even when two leaders open one at the same moment.
    await db.schema
      .createIndex('pulse_wave_one_open_idx')
      .on('pulse_wave')
      .columns(['tenant_id', 'initiative_id'])
      .unique()
      .where(sql.ref('state'), '=', 'open')
      .execute();
    await db.schema
      .createTable('pulse_answer')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('wave_id', 'text', (col) => col.notNull())
      .addColumn('person_key', 'text', (col) => col.notNull())
      .addColumn('answer', 'jsonb', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('pulse_answer_pk', ['wave_id', 'person_key'])
      .execute();
    await db.schema
      .createIndex('pulse_answer_person_idx')
      .on('pulse_answer')
      .columns(['tenant_id', 'person_key'])
      .execute();
    await db.schema
      .createTable('kpi_value_series')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('initiative_id', 'text', (col) => col.notNull())
      .addColumn('kpi_id', 'text', (col) => col.notNull())
      .addColumn('phase', 'text', (col) => col.notNull().check(sql`phase in ('baseline', 'followUp')`))
      .addColumn('group_name', 'text', (col) =>
        col.notNull().check(sql`group_name in ('target', 'comparison')`),
      )
      .addColumn('numbers', 'jsonb', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('kpi_value_series_pk', [
        'tenant_id',
        'initiative_id',
        'kpi_id',
        'phase',
        'group_name',
      ])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('kpi_value_series').execute();
    await db.schema.dropTable('pulse_answer').execute();
    await db.schema.dropTable('pulse_wave').execute();
  },
};
