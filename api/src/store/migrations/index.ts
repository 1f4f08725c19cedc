import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { jobsMigration } from './0002-jobs';
import { collectionMigration } from './0003-collection';
import { graphQuotaMigration } from './0004-graph-quota';
import { initiativeDesignMigration } from './0005-initiative-design';
import { adminMigration } from './0006-admin';
import { pulseKpiMigration } from './0007-pulse-kpi';
import { profileSharingMigration } from './0008-profile-sharing';
import { principalRolesMigration } from './0009-principal-roles';
// Bot conversation, notifications and change-plan posts (issue 8, B2).
import { botMigration } from './0010-bot';
import { pulseDraftMigration } from './0011-pulse-draft';

/** Migrations in order; names sort lexically. Never edit a migration that has shipped: add one. */
const migrations: Record<string, Migration> = {
  '0001_initiatives': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('initiative')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('tenant_id', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('goal', 'text', (col) => col.notNull().defaultTo(''))
        .addColumn('status', 'text', (col) =>
          col.notNull().check(sql`status in ('draft', 'active', 'archived')`),
        )
        .addColumn('target_group_size', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_by', 'text', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('initiative_tenant_idx')
        .on('initiative')
        .columns(['tenant_id', 'status'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('initiative').execute();
    },
  },
  '0002_jobs': jobsMigration,
  '0003_collection': collectionMigration,
  '0004_graph_quota': graphQuotaMigration,
  '0005_initiative_design': initiativeDesignMigration,
  '0006_admin': adminMigration,
  '0007_pulse_kpi': pulseKpiMigration,
  '0008_profile_sharing': profileSharingMigration,
  '0009_principal_roles': principalRolesMigration,
  '0010_bot': botMigration,
  '0011_pulse_draft': pulseDraftMigration,
};

/** Supplies the migrations from code, so bundling and tests need no file-system scan. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
