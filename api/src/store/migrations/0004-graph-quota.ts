import type { Kysely, Migration } from 'kysely';

/**
 * Graph quota use shared by every process of a deployment: one row per request admitted under a
 * long-window limit (usage reports: 14 per report per 10 minutes), so a second API process sees what
 * the first one spent.
 */
export const graphQuotaMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('graph_quota_use')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('lane', 'text', (col) => col.notNull())
      .addColumn('used_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('graph_quota_use_idx')
      .on('graph_quota_use')
      .columns(['tenant_id', 'lane', 'used_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('graph_quota_use').execute();
  },
};
