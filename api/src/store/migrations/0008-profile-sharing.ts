import type { Kysely, Migration } from 'kysely';

/**
 * Opt-ins of design-team members who share their own profile with an initiative's design team. Rows
 * hold the person's pseudonym (the key snapshots use), never their Entra id; opting out deletes the row.
 */
export const profileSharingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('profile_sharing')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('initiative_id', 'text', (col) => col.notNull())
      .addColumn('person_key', 'text', (col) => col.notNull())
      .addColumn('shared_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('profile_sharing_pk', ['tenant_id', 'initiative_id', 'person_key'])
      .execute();
    await db.schema
      .createIndex('profile_sharing_person_idx')
      .on('profile_sharing')
      .columns(['tenant_id', 'person_key'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('profile_sharing').execute();
  },
};
