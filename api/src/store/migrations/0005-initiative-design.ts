import type { Kysely, Migration } from 'kysely';

/** An initiative's design (target group, design team, features, KPIs, launch) as one JSON document. */
export const initiativeDesignMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('initiative').addColumn('design', 'jsonb').execute();
    await db.schema
      .createIndex('initiative_tenant_id_idx')
      .on('initiative')
      .columns(['tenant_id', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('initiative_tenant_id_idx').execute();
    await db.schema.alterTable('initiative').dropColumn('design').execute();
  },
};
