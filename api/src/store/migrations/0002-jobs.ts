import { sql, type Kysely, type Migration } from 'kysely';

/** The job queue's tables (see api/src/jobs/queue.ts). */
export const jobsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('job')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('payload', 'jsonb', (col) => col.notNull())
      .addColumn('dedupe_key', 'text')
      .addColumn('state', 'text', (col) =>
        col.notNull().check(sql`state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
      )
      .addColumn('run_after', 'timestamptz', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) =>
        col
          .notNull()
          .defaultTo(0)
          .check(sql`attempts >= 0`),
      )
      .addColumn('max_attempts', 'integer', (col) =>
        col
          .notNull()
          .defaultTo(5)
          .check(sql`max_attempts >= 1`),
      )
      .addColumn('locked_by', 'text')
      .addColumn('lease_until', 'timestamptz')
      .addColumn('fence', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('progress', 'jsonb')
      .addColumn('result', 'jsonb')
      .addColumn('error', 'text')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addColumn('started_at', 'timestamptz')
      .addColumn('finished_at', 'timestamptz')
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .execute();
    // At most one job per tenant and dedupe key; jobs without a key never collide.
    await db.schema
      .createIndex('job_tenant_dedupe_idx')
      .on('job')
      .columns(['tenant_id', 'dedupe_key'])
      .unique()
      .where(sql.ref('dedupe_key'), 'is not', null)
      .execute();
    await db.schema.createIndex('job_claim_idx').on('job').columns(['state', 'run_after']).execute();
    await db.schema
      .createIndex('job_tenant_kind_idx')
      .on('job')
      .columns(['tenant_id', 'kind', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('job').execute();
  },
};
