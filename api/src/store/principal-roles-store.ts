import type { ColumnType, Kysely } from 'kysely';
import type { ErasableTables } from '../services/ports';
import type { Database } from './schema';

/** The `principal_roles` table (migration 0009). */
export type PrincipalRolesTable = {
  tenant_id: string;
  /** The person's Entra object id (lower case). */
  user_id: string;
  /** JSON array of app role names, sorted. */
  roles: string;
  seen_at: ColumnType<Date, Date | string, Date | string>;
};

/** Tables of the principal-roles store (type aliases: Kysely's `withTables` needs index-compatible types). */
export type PrincipalRolesTables = {
  principal_roles: PrincipalRolesTable;
};

/** App roles a person's SSO token carried, and when the API last saw them. */
export interface PrincipalRoles {
  readonly roles: readonly string[];
  readonly seenAt: Date;
}

/** Stores the app roles the API saw on each person's last validated SSO token. */
export interface PrincipalRolesStore {
  /** Upserts a person's roles and the time they were seen. */
  record(tenantId: string, userId: string, roles: readonly string[], at: Date): Promise<void>;
  /** The roles last seen for a person, or null when the API never saw them. */
  get(tenantId: string, userId: string): Promise<PrincipalRoles | null>;
}

// The table is added to the typed database here, so the shared `Database` needs no edit.
function tables(db: Kysely<Database>) {
  return db.withTables<PrincipalRolesTables>();
}

function parseRoles(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : [];
  } catch {
    return [];
  }
}

/** The principal-roles store over the SQL database. */
export function createPrincipalRolesStore(db: Kysely<Database>): PrincipalRolesStore {
  const typed = tables(db);
  return {
    async record(tenantId, userId, roles, at) {
      const row = {
        tenant_id: tenantId,
        user_id: userId.toLowerCase(),
        roles: JSON.stringify([...new Set(roles)].sort()),
        seen_at: at,
      };
      await typed
        .insertInto('principal_roles')
        .values(row)
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'user_id']).doUpdateSet({ roles: row.roles, seen_at: row.seen_at }),
        )
        .execute();
    },
    async get(tenantId, userId) {
      const row = await typed
        .selectFrom('principal_roles')
        .select(['roles', 'seen_at'])
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId.toLowerCase())
        .executeTakeFirst();
      return row ? { roles: parseRoles(row.roles), seenAt: new Date(row.seen_at) } : null;
    },
  };
}

/** Erases a person's row (erasure on request) and a whole tenant's rows. */
export const principalRolesErasable: ErasableTables = {
  name: 'principal_roles',
  async erasePerson(trx, tenantId, userId) {
    const result = await tables(trx)
      .deleteFrom('principal_roles')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId.toLowerCase())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  async eraseTenant(trx, tenantId) {
    const result = await tables(trx)
      .deleteFrom('principal_roles')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
