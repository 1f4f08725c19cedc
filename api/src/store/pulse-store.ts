import type { Kysely, Selectable } from 'kysely';
import type { PulseAnswer, PulseResponse } from '@learnfit/core';
import type { ErasableTables, PulseReader } from '../services/ports';
import { createPulseDraftStore, deleteDraft, type PulseDraftStore } from './pulse-draft-store';
import type { PulseKpiTables } from './pulse-kpi-tables';
import type { Database } from './schema';

/** A pulse wave as stored; `state` is the effective one (a wave past its closing time is closed). */
export interface PulseWaveRecord {
  readonly id: string;
  readonly initiativeId: string;
  readonly state: 'open' | 'closed';
  readonly openedAt: Date;
  readonly closesAt: Date;
  readonly closedAt: Date | null;
}

/** One stored answer: the person's pseudonym and what they chose. */
export interface StoredPulseAnswer {
  readonly personKey: string;
  readonly answer: PulseAnswer;
  readonly updatedAt: Date;
}

/** Pulse waves and answers, always scoped to one tenant. */
export interface PulseStore {
  /** The initiative's waves, newest first. */
  listWaves(tenantId: string, initiativeId: string): Promise<PulseWaveRecord[]>;
  getWave(tenantId: string, initiativeId: string, waveId: string): Promise<PulseWaveRecord | null>;
  /** Opens a wave, first closing waves past their time; `conflict` when another wave is still open. */
  openWave(tenantId: string, wave: PulseWaveRecord): Promise<'opened' | 'conflict'>;
  /** Closes the wave (idempotent); null when the tenant has no such wave in the initiative. */
  closeWave(tenantId: string, initiativeId: string, waveId: string): Promise<PulseWaveRecord | null>;
  getAnswer(tenantId: string, waveId: string, personKey: string): Promise<StoredPulseAnswer | null>;
  /**
   * Writes or replaces the person's answer while the wave is open, checked in the same transaction;
   * the person's draft in the wave goes in the same transaction (the complete answer replaces it).
   */
  putAnswer(
    tenantId: string,
    initiativeId: string,
    waveId: string,
    personKey: string,
    answer: PulseAnswer,
  ): Promise<'saved' | 'closed' | 'missing'>;
  answers(tenantId: string, waveId: string): Promise<StoredPulseAnswer[]>;
  /** Retention: deletes the answers of waves that closed before `before` (the waves stay, empty). */
  purgeAnswers(tenantId: string, before: Date): Promise<number>;
}

type WaveRow = Selectable<PulseKpiTables['pulse_wave']>;

function toWave(row: WaveRow, now: Date): PulseWaveRecord {
  const closesAt = new Date(row.closes_at);
  const expired = closesAt.getTime() <= now.getTime();
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    state: row.state === 'closed' || expired ? 'closed' : 'open',
    openedAt: new Date(row.opened_at),
    closesAt,
    closedAt: row.closed_at ? new Date(row.closed_at) : expired ? closesAt : null,
  };
}

/** PostgreSQL's unique_violation. */
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** Pulse waves, answers and drafts in the SQL store; every query filters by tenant id. */
export function createPulseStore(
  db: Kysely<Database>,
  now: () => Date,
): PulseStore & PulseDraftStore & PulseReader {
  const waves = (tenantId: string, initiativeId: string) =>
    db
      .selectFrom('pulse_wave')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('initiative_id', '=', initiativeId);
  const answers = async (tenantId: string, waveId: string): Promise<StoredPulseAnswer[]> => {
    const rows = await db
      .selectFrom('pulse_answer')
      .select(['person_key', 'answer', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('wave_id', '=', waveId)
      .orderBy('person_key')
      .execute();
    return rows.map((row) => ({
      personKey: row.person_key,
      // Written through the answer schema only, so the stored shape is the contract's.
      answer: row.answer as PulseAnswer,
      updatedAt: new Date(row.updated_at),
    }));
  };
  const listWaves = async (tenantId: string, initiativeId: string): Promise<PulseWaveRecord[]> => {
    const rows = await waves(tenantId, initiativeId).orderBy('opened_at', 'desc').orderBy('id').execute();
    const at = now();
    return rows.map((row) => toWave(row, at));
  };
  return {
    ...createPulseDraftStore(db, now),
    listWaves,
    async getWave(tenantId, initiativeId, waveId) {
      const row = await waves(tenantId, initiativeId).where('id', '=', waveId).executeTakeFirst();
      return row ? toWave(row, now()) : null;
    },
    async openWave(tenantId, wave) {
      try {
        return await db.transaction().execute(async (trx) => {
          const open = await trx
            .selectFrom('pulse_wave')
            .select(['id', 'closes_at'])
            .where('tenant_id', '=', tenantId)
            .where('initiative_id', '=', wave.initiativeId)
            .where('state', '=', 'open')
            .forUpdate()
            .execute();
          const at = now().getTime();
          if (open.some((row) => new Date(row.closes_at).getTime() > at)) return 'conflict' as const;
          // Waves past their time are closed already in effect; record it so the new one may open.
          for (const row of open)
            await trx
              .updateTable('pulse_wave')
              .set({ state: 'closed', closed_at: row.closes_at })
              .where('tenant_id', '=', tenantId)
              .where('id', '=', row.id)
              .execute();
          await trx
            .insertInto('pulse_wave')
            .values({
              id: wave.id,
              tenant_id: tenantId,
              initiative_id: wave.initiativeId,
              state: 'open',
              opened_at: wave.openedAt,
              closes_at: wave.closesAt,
              closed_at: null,
            })
            .execute();
          return 'opened' as const;
        });
      } catch (error) {
        // Another request opened a wave between our check and our insert.
        if (isUniqueViolation(error)) return 'conflict';
        throw error;
      }
    },
    async closeWave(tenantId, initiativeId, waveId) {
      const current = await waves(tenantId, initiativeId).where('id', '=', waveId).executeTakeFirst();
      if (!current) return null;
      if (current.state === 'closed') return toWave(current, now());
      const at = now();
      const closesAt = new Date(current.closes_at);
      const row = await db
        .updateTable('pulse_wave')
        .set({ state: 'closed', closed_at: closesAt.getTime() < at.getTime() ? closesAt : at })
        .where('tenant_id', '=', tenantId)
        .where('initiative_id', '=', initiativeId)
        .where('id', '=', waveId)
        .returningAll()
        .executeTakeFirst();
      return row ? toWave(row, at) : null;
    },
    async purgeAnswers(tenantId, before) {
      // A wave closes when it is closed or when its time is up, whichever came first.
      const expired = db
        .selectFrom('pulse_wave')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where((eb) =>
          eb.or([
            eb.and([eb('closed_at', 'is not', null), eb('closed_at', '<', before)]),
            eb('closes_at', '<', before),
          ]),
        );
      const result = await db
        .deleteFrom('pulse_answer')
        .where('tenant_id', '=', tenantId)
        .where('wave_id', 'in', expired)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async getAnswer(tenantId, waveId, personKey) {
      const row = await db
        .selectFrom('pulse_answer')
        .select(['answer', 'updated_at'])
        .where('tenant_id', '=', tenantId)
        .where('wave_id', '=', waveId)
        .where('person_key', '=', personKey)
        .executeTakeFirst();
      return row
        ? { personKey, answer: row.answer as PulseAnswer, updatedAt: new Date(row.updated_at) }
        : null;
    },
    async putAnswer(tenantId, initiativeId, waveId, personKey, answer) {
      return db.transaction().execute(async (trx) => {
        // Locks the wave row so a close cannot slip between this check and the write.
        const wave = await trx
          .selectFrom('pulse_wave')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('initiative_id', '=', initiativeId)
          .where('id', '=', waveId)
          .forShare()
          .executeTakeFirst();
        const at = now();
        if (!wave) return 'missing' as const;
        if (toWave(wave, at).state === 'closed') return 'closed' as const;
        await trx
          .insertInto('pulse_answer')
          .values({
            tenant_id: tenantId,
            wave_id: waveId,
            person_key: personKey,
            answer: JSON.stringify(answer),
            updated_at: at,
          })
          .onConflict((oc) =>
            oc
              .columns(['wave_id', 'person_key'])
              .doUpdateSet({ answer: JSON.stringify(answer), updated_at: at })
              .where('pulse_answer.tenant_id', '=', tenantId),
          )
          .execute();
        await deleteDraft(trx, tenantId, waveId, personKey);
        return 'saved' as const;
      });
    },
    answers,
    async responses(tenantId, initiativeId) {
      const all = await listWaves(tenantId, initiativeId);
      // Newest first: the latest closed wave, else the open one.
      const wave = all.find((candidate) => candidate.state === 'closed') ?? all[0];
      if (!wave) return [];
      return (await answers(tenantId, wave.id)).map(({ personKey, answer }): PulseResponse => ({
        personKey,
        selfAssessment: { ...answer.selfAssessment },
        preferredModes: [...answer.preferredModes],
        expectedHelp: answer.expectedHelp,
      }));
    },
  };
}

/** Pulse rows for erasure: a person's answers and drafts by pseudonym; a tenant's waves, answers, drafts. */
export const pulseErasableTables: ErasableTables = {
  name: 'pulse',
  async erasePerson(trx, tenantId, _userId, personKey) {
    const result = await trx
      .deleteFrom('pulse_answer')
      .where('tenant_id', '=', tenantId)
      .where('person_key', '=', personKey)
      .executeTakeFirst();
    const drafts = await trx
      .deleteFrom('pulse_draft')
      .where('tenant_id', '=', tenantId)
      .where('person_key', '=', personKey)
      .executeTakeFirst();
    return Number(result.numDeletedRows) + Number(drafts.numDeletedRows);
  },
  async eraseTenant(trx, tenantId) {
    const drafts = await trx.deleteFrom('pulse_draft').where('tenant_id', '=', tenantId).executeTakeFirst();
    const answers = await trx.deleteFrom('pulse_answer').where('tenant_id', '=', tenantId).executeTakeFirst();
    const waves = await trx.deleteFrom('pulse_wave').where('tenant_id', '=', tenantId).executeTakeFirst();
    return Number(drafts.numDeletedRows) + Number(answers.numDeletedRows) + Number(waves.numDeletedRows);
  },
};
