import { sql, type Kysely, type Migration } from 'kysely';

/** Tenant settings an admin saved, and the tenant's audit log (who viewed, exported, changed or erased what). */
export const adminMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenant_settings')
      .addColumn('tenant_id', 'text', (col) => col.primaryKey())
      .addColumn('k', 'integer', (col) => col.notNull())
      .addColumn('retention_days', 'integer', (col) => col.notNull())
      .addColumn('initiative_creators', 'text', (col) =>
        col.notNull().check(sql`initiative_creators in ('learningLeaders', 'learningLeadersAndManagers')`),
      )
      .addColumn('name_managers_in_participation', 'boolean', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('audit_entry')
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('at', 'timestamptz', (col) => col.notNull())
      .addColumn('actor_id', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('target', 'text', (col) => col.notNull())
      .addColumn('detail', 'jsonb', (col) => col.notNull())
      .execute();
    // The list reads one tenant's entries newest first; erasure finds a person's entries by actor.
    await db.schema
      .createIndex('audit_entry_tenant_idx')
      .on('audit_entry')
      .columns(['tenant_id', 'id'])
      .execute();
    await db.schema
      .createIndex('audit_entry_actor_idx')
      .on('audit_entry')
      .columns(['tenant_id', 'actor_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_entry').execute();
    await db.schema.dropTable('tenant_settings').execute();
  },
};
