import type { Kysely, Migration } from 'kysely';

/**
 * The app roles (LearningLeader, Admin) each person's SSO token carried when they last used the tab,
 * so the bot (which receives no SSO token) can give them the same permissions. One row per person.
 */
export const principalRolesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('principal_roles')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      /** JSON array of role names, sorted. */
      .addColumn('roles', 'text', (col) => col.notNull())
      .addColumn('seen_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('principal_roles_pk', ['tenant_id', 'user_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('principal_roles').execute();
  },
};
