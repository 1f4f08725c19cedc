import type { ColumnType, Generated } from 'kysely';

/** Written once at insert, never updated. */
type Fixed<T> = ColumnType<T, T, never>;
type Stamp = ColumnType<Date, Date, Date>;
type NullableStamp = ColumnType<Date | null, Date | null, Date | null>;
/** jsonb read back parsed; written as serialized JSON text cast to jsonb (see queue.ts `jsonb`). */
type Json = ColumnType<unknown, string | null, string | null>;

/** The `job` table: one background job, its lease and its outcome. */
export interface JobTable {
  id: Fixed<string>;
  tenant_id: Fixed<string>;
  kind: Fixed<string>;
  payload: ColumnType<unknown, string, never>;
  dedupe_key: Fixed<string | null>;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  run_after: Stamp;
  /** How many times the job was claimed. */
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  lease_until: NullableStamp;
  /** Incremented on every claim; a write carrying an older value lost its lease. */
  fence: Generated<number>;
  progress: Json;
  result: Json;
  error: string | null;
  created_at: Fixed<Date>;
  started_at: NullableStamp;
  finished_at: NullableStamp;
  updated_at: Stamp;
}

/** The job queue's tables, as Kysely sees them. */
export interface JobTables {
  job: JobTable;
}
