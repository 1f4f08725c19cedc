import type { Kysely, Transaction } from 'kysely';
import type { PulseAnswerDraft } from '@learnfit/core';
import type { Database } from './schema';

/** One person's saved draft: what they have chosen so far, under their pseudonym. */
export interface StoredPulseDraft {
  readonly personKey: string;
  readonly draft: PulseAnswerDraft;
  readonly updatedAt: Date;
}

/** Unfinished pulse answers, always scoped to one tenant; nothing that counts answers reads them. */
export interface PulseDraftStore {
  getDraft(tenantId: string, waveId: string, personKey: string): Promise<StoredPulseDraft | null>;
  /** Writes or replaces the person's draft while the wave is open, checked in the same transaction. */
  putDraft(
    tenantId: string,
    initiativeId: string,
    waveId: string,
    personKey: string,
    draft: PulseAnswerDraft,
  ): Promise<'saved' | 'closed' | 'missing'>;
  /** Deletes drafts last saved before `before` (retention) and drafts of waves no longer open. */
  purgeDrafts(tenantId: string, before: Date): Promise<number>;
}

/** Deletes one person's draft in a wave: their complete answer replaces it. */
export async function deleteDraft(
  trx: Transaction<Database> | Kysely<Database>,
  tenantId: string,
  waveId: string,
  personKey: string,
): Promise<void> {
  await trx
    .deleteFrom('pulse_draft')
    .where('tenant_id', '=', tenantId)
    .where('wave_id', '=', waveId)
    .where('person_key', '=', personKey)
    .execute();
}

/** Pulse drafts in the SQL store; every query filters by tenant id. */
export function createPulseDraftStore(db: Kysely<Database>, now: () => Date): PulseDraftStore {
  return {
    async getDraft(tenantId, waveId, personKey) {
      const row = await db
        .selectFrom('pulse_draft')
        .select(['draft', 'updated_at'])
        .where('tenant_id', '=', tenantId)
        .where('wave_id', '=', waveId)
        .where('person_key', '=', personKey)
        .executeTakeFirst();
      return row
        ? {
            personKey,
            // Written through the draft schema only, so the stored shape is the contract's.
            draft: row.draft as PulseAnswerDraft,
            updatedAt: new Date(row.updated_at),
          }
        : null;
    },
    async putDraft(tenantId, initiativeId, waveId, personKey, draft) {
      return db.transaction().execute(async (trx) => {
        // Locks the wave row so a close cannot slip between this check and the write.
        const wave = await trx
          .selectFrom('pulse_wave')
          .select(['state', 'closes_at'])
          .where('tenant_id', '=', tenantId)
          .where('initiative_id', '=', initiativeId)
          .where('id', '=', waveId)
          .forShare()
          .executeTakeFirst();
        const at = now();
        if (!wave) return 'missing' as const;
        if (wave.state === 'closed' || new Date(wave.closes_at).getTime() <= at.getTime())
          return 'closed' as const;
        const value = JSON.stringify(draft);
        await trx
          .insertInto('pulse_draft')
          .values({
            tenant_id: tenantId,
            wave_id: waveId,
            person_key: personKey,
            draft: value,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'wave_id', 'person_key']).doUpdateSet({ draft: value, updated_at: at }),
          )
          .execute();
        return 'saved' as const;
      });
    },
    async purgeDrafts(tenantId, before) {
      const at = now();
      const result = await db
        .deleteFrom('pulse_draft')
        .where('tenant_id', '=', tenantId)
        .where((eb) =>
          eb.or([
            eb('updated_at', '<', before),
            eb(
              'wave_id',
              'in',
              eb
                .selectFrom('pulse_wave')
                .select('id')
                .where('tenant_id', '=', tenantId)
                .where((inner) => inner.or([inner('state', '=', 'closed'), inner('closes_at', '<=', at)])),
            ),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
