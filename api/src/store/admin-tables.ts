import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string, Date | string>;

/** Tenant settings and the audit log, as Kysely sees them. */
export interface AdminTables {
  /** One row per tenant once an admin saved settings; absent rows mean the defaults. */
  tenant_settings: {
    tenant_id: string;
    k: number;
    retention_days: number;
    initiative_creators: 'learningLeaders' | 'learningLeadersAndManagers';
    name_managers_in_participation: boolean;
    updated_at: Stamp;
  };
  audit_entry: {
    /** bigserial: insertion order, the cursor of the newest-first list. */
    id: Generated<string>;
    tenant_id: string;
    at: Stamp;
    /** Entra id of who acted, or `erased`. */
    actor_id: string;
    action: string;
    target: string;
    detail: ColumnType<unknown, string, string>;
  };
}
