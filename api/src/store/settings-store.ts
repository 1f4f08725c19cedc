import type { Kysely } from 'kysely';
import type { TenantSettings } from '@learnfit/core';
import type { TenantSettingsReader } from '../services/ports';
import type { Database } from './schema';

/** Settings as stored, with when an admin saved them (null: the defaults apply). */
export interface StoredSettings extends TenantSettings {
  readonly savedAt: Date | null;
}

/** The tenant settings: read by every service through `TenantSettingsReader`, written by the admin. */
export interface SettingsStore extends TenantSettingsReader {
  get(tenantId: string): Promise<StoredSettings>;
  /** Replaces the tenant's settings (one row per tenant). */
  save(tenantId: string, settings: TenantSettings, at: Date): Promise<StoredSettings>;
}

/**
 * Tenant settings in SQL. A tenant without a row gets `defaults` (the core's minimum k, the server's
 * retention), so changing a server default reaches every tenant whose admin never saved.
 */
export function createSettingsStore(db: Kysely<Database>, defaults: TenantSettings): SettingsStore {
  return {
    async get(tenantId) {
      const row = await db
        .selectFrom('tenant_settings')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      if (!row) return { ...defaults, savedAt: null };
      return {
        k: row.k,
        retentionDays: row.retention_days,
        initiativeCreators: row.initiative_creators,
        nameManagersInParticipation: row.name_managers_in_participation,
        savedAt: new Date(row.updated_at),
      };
    },
    async save(tenantId, settings, at) {
      const values = {
        k: settings.k,
        retention_days: settings.retentionDays,
        initiative_creators: settings.initiativeCreators,
        name_managers_in_participation: settings.nameManagersInParticipation,
        updated_at: at,
      };
      await db
        .insertInto('tenant_settings')
        .values({ tenant_id: tenantId, ...values })
        .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet(values))
        .execute();
      return { ...settings, savedAt: at };
    },
  };
}
