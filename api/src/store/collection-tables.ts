import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date, Date | string, Date | string>;

/** Collection staging, checkpoint and snapshot tables, as Kysely sees them. */
export interface CollectionTables {
  graph_quota_use: {
    tenant_id: string;
    lane: string;
    used_at: Stamp;
  };
  collection_unit: {
    run_id: string;
    tenant_id: string;
    unit: string;
    state: Json<unknown>;
    updated_at: Stamp;
  };
  collection_person: {
    run_id: string;
    tenant_id: string;
    person_id: string;
    ord: Generated<string>;
    data: Json<unknown>;
  };
  collection_message: {
    run_id: string;
    tenant_id: string;
    channel_id: string;
    message_id: string;
    data: Json<unknown>;
  };
  collection_report_day: {
    run_id: string;
    tenant_id: string;
    report: string;
    day: string;
    rows: Uint8Array;
  };
  snapshot: {
    id: string;
    tenant_id: string;
    run_id: string;
    initiative_id: string | null;
    kind: 'baseline' | 'followup' | 'adhoc';
    data_as_of: Stamp;
    weeks: number;
    people: number;
    coverage: Json<unknown>;
    summary: Json<unknown>;
    frozen: Generated<boolean>;
    payload: Uint8Array;
    created_at: Stamp;
  };
}
