import type { Kysely, Migration } from 'kysely';

/**
 * Pulse drafts: a person's unfinished answer, saved as they go, one per tenant, wave and pseudonym.
 * Kept apart from `pulse_answer` so that nothing reading answers can count a draft.
 */
export const pulseDraftMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pulse_draft')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('wave_id', 'text', (col) => col.notNull())
      .addColumn('person_key', 'text', (col) => col.notNull())
      .addColumn('draft', 'jsonb', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('pulse_draft_pk', ['tenant_id', 'wave_id', 'person_key'])
      .execute();
    // Erasure finds a person's drafts by pseudonym; retention finds old ones by time.
    await db.schema
      .createIndex('pulse_draft_person_idx')
      .on('pulse_draft')
      .columns(['tenant_id', 'person_key'])
      .execute();
    await db.schema
      .createIndex('pulse_draft_updated_idx')
      .on('pulse_draft')
      .columns(['tenant_id', 'updated_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pulse_draft').execute();
  },
};
