import type { ColumnType, Kysely } from 'kysely';
import type { ErasableTables, SharingReader } from '../services/ports';
import type { Database } from './schema';

/** The `profile_sharing` table (migration 0008). */
export interface ProfileSharingTable {
  tenant_id: string;
  initiative_id: string;
  /** The person's pseudonym, as in snapshots; never their Entra id. */
  person_key: string;
  shared_at: ColumnType<Date, Date | string, Date | string>;
}

/** Tables of the sharing store, for `Database`. */
export interface SharingTables {
  profile_sharing: ProfileSharingTable;
}

/** One opt-in of a person. */
export interface SharingRecord {
  readonly initiativeId: string;
  readonly sharedAt: Date;
}

/** Opt-ins to share one's profile with a design team, per tenant. */
export interface SharingStore extends SharingReader {
  /** The initiatives a person (by key) shares their profile with. */
  listForPerson(tenantId: string, personKey: string): Promise<SharingRecord[]>;
  /** Opts in (keeping the first opt-in time when already shared) or out; idempotent. */
  setShared(
    tenantId: string,
    initiativeId: string,
    personKey: string,
    share: boolean,
    at: Date,
  ): Promise<void>;
}

/** The sharing store over the SQL database. */
export function createSharingStore(db: Kysely<Database>): SharingStore {
  return {
    async sharedProfiles(tenantId, initiativeId) {
      const rows = await db
        .selectFrom('profile_sharing')
        .select('person_key')
        .where('tenant_id', '=', tenantId)
        .where('initiative_id', '=', initiativeId)
        .orderBy('person_key')
        .execute();
      return rows.map((row) => row.person_key);
    },
    async listForPerson(tenantId, personKey) {
      const rows = await db
        .selectFrom('profile_sharing')
        .select(['initiative_id', 'shared_at'])
        .where('tenant_id', '=', tenantId)
        .where('person_key', '=', personKey)
        .orderBy('initiative_id')
        .execute();
      return rows.map((row) => ({ initiativeId: row.initiative_id, sharedAt: new Date(row.shared_at) }));
    },
    async setShared(tenantId, initiativeId, personKey, share, at) {
      if (share) {
        await db
          .insertInto('profile_sharing')
          .values({ tenant_id: tenantId, initiative_id: initiativeId, person_key: personKey, shared_at: at })
          .onConflict((conflict) =>
            conflict.columns(['tenant_id', 'initiative_id', 'person_key']).doNothing(),
          )
          .execute();
      } else {
        await db
          .deleteFrom('profile_sharing')
          .where('tenant_id', '=', tenantId)
          .where('initiative_id', '=', initiativeId)
          .where('person_key', '=', personKey)
          .execute();
      }
    },
  };
}

/** Erasure of sharing opt-ins: a person's (by key) or a whole tenant's, inside the erasure transaction. */
export const sharingErasable: ErasableTables = {
  name: 'profile_sharing',
  async erasePerson(trx, tenantId, _userId, personKey) {
    const result = await trx
      .deleteFrom('profile_sharing')
      .where('tenant_id', '=', tenantId)
      .where('person_key', '=', personKey)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  async eraseTenant(trx, tenantId) {
    const result = await trx
      .deleteFrom('profile_sharing')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
