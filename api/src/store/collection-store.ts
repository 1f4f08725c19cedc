import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely, Transaction } from 'kysely';
import {
  decodeSnapshot,
  encodeSnapshot,
  type ChannelMessageRecord,
  type CollaborationSnapshot,
  type SourceCoverage,
} from '@learnfit/core';
import type {
  CollectedPerson,
  CollectionJournal,
  PageRows,
  ReportDay,
  UnitState,
} from '../graph/collectors/journal';
import type { Database } from './schema';

/** Runs `work` in a transaction; a job passes one that first proves it still holds its lease. */
export type Transact = <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const chunkRows = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += chunkRows)
    out.push(items.slice(start, start + chunkRows));
  return out;
}

async function writePage(
  trx: Transaction<Database>,
  runId: string,
  tenantId: string,
  rows: PageRows,
): Promise<void> {
  for (const part of chunks(rows.people ?? [])) {
    await trx
      .insertInto('collection_person')
      .values(
        part.map((person) => ({
          run_id: runId,
          tenant_id: tenantId,
          person_id: person.id,
          data: JSON.stringify(person),
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['run_id', 'person_id']).doUpdateSet((eb) => ({ data: eb.ref('excluded.data') })),
      )
      .execute();
  }
  for (const part of chunks(rows.messages ?? [])) {
    await trx
      .insertInto('collection_message')
      .values(
        part.map((message) => ({
          run_id: runId,
          tenant_id: tenantId,
          channel_id: message.channelId,
          message_id: message.id,
          data: JSON.stringify(message),
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['run_id', 'channel_id', 'message_id'])
          .doUpdateSet((eb) => ({ data: eb.ref('excluded.data') })),
      )
      .execute();
  }
  if (rows.reportDay) {
    const { report, day } = rows.reportDay;
    await trx
      .insertInto('collection_report_day')
      .values({
        run_id: runId,
        tenant_id: tenantId,
        report,
        day,
        rows: gzipSync(JSON.stringify(rows.reportDay.rows)),
      })
      .onConflict((conflict) =>
        conflict
          .columns(['run_id', 'report', 'day'])
          .doUpdateSet((eb) => ({ rows: eb.ref('excluded.rows') })),
      )
      .execute();
  }
}

/**
 * The checkpoint log of one run in SQL: each commit writes the page's rows and the unit's state in one
 * transaction (through `transact`, which the job uses to fence out a worker that lost its lease).
 */
export function createStoreJournal(
  db: Kysely<Database>,
  runId: string,
  tenantId: string,
  transact: Transact = (work) => db.transaction().execute(work),
  now: () => Date = () => new Date(),
): CollectionJournal {
  return {
    async units() {
      const rows = await db
        .selectFrom('collection_unit')
        .select(['unit', 'state'])
        .where('run_id', '=', runId)
        .where('tenant_id', '=', tenantId)
        .execute();
      return new Map(rows.map((row) => [row.unit, row.state as UnitState]));
    },
    async commit(unit, state, rows) {
      await transact(async (trx) => {
        if (rows) await writePage(trx, runId, tenantId, rows);
        await trx
          .insertInto('collection_unit')
          .values({
            run_id: runId,
            tenant_id: tenantId,
            unit,
            state: JSON.stringify(state),
            updated_at: now(),
          })
          .onConflict((conflict) =>
            conflict.columns(['run_id', 'unit']).doUpdateSet((eb) => ({
              state: eb.ref('excluded.state'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      });
    },
    async people() {
      const rows = await db
        .selectFrom('collection_person')
        .select('data')
        .where('run_id', '=', runId)
        .where('tenant_id', '=', tenantId)
        .orderBy('ord')
        .execute();
      return rows.map((row) => row.data as CollectedPerson);
    },
    async messages() {
      const rows = await db
        .selectFrom('collection_message')
        .select('data')
        .where('run_id', '=', runId)
        .where('tenant_id', '=', tenantId)
        .execute();
      return rows.map((row) => row.data as ChannelMessageRecord);
    },
    async reportDays() {
      const rows = await db
        .selectFrom('collection_report_day')
        .select(['report', 'day', 'rows'])
        .where('run_id', '=', runId)
        .where('tenant_id', '=', tenantId)
        .execute();
      return rows.map((row): ReportDay => ({
        report: row.report,
        day: row.day,
        rows: JSON.parse(gunzipSync(row.rows).toString('utf8')) as number[][],
      }));
    },
  };
}

/** What a stored snapshot is, without its (large) payload. */
export interface SnapshotInfo {
  readonly id: string;
  readonly tenantId: string;
  readonly runId: string;
  readonly initiativeId: string | null;
  readonly kind: 'baseline' | 'followup' | 'adhoc';
  readonly dataAsOf: Date;
  readonly weeks: number;
  readonly people: number;
  readonly coverage: readonly SourceCoverage[];
  /** Counts about the run (requests, guests, unattributed messages, ...). */
  readonly summary: object;
  /** A frozen snapshot (the baseline) is never replaced or recomputed. */
  readonly frozen: boolean;
  readonly createdAt: Date;
}

/** A snapshot to save for a finished run. */
export interface NewSnapshot extends Omit<SnapshotInfo, 'frozen' | 'createdAt' | 'people' | 'coverage'> {
  readonly snapshot: CollaborationSnapshot;
  readonly frozen: boolean;
}

/** Snapshots and the staging rows of runs, per tenant. */
export interface CollectionStore {
  journal(runId: string, tenantId: string, transact?: Transact): CollectionJournal;
  /**
   * Saves a run's snapshot and deletes its staging rows in one transaction (through `transact`).
   * Saving the same run again keeps the first snapshot: the call is idempotent.
   */
  saveSnapshot(snapshot: NewSnapshot, transact?: Transact): Promise<SnapshotInfo>;
  listSnapshots(tenantId: string, initiativeId?: string | null): Promise<SnapshotInfo[]>;
  snapshotOfRun(tenantId: string, runId: string): Promise<SnapshotInfo | null>;
  loadSnapshot(tenantId: string, id: string): Promise<CollaborationSnapshot | null>;
  /** Tenants with snapshots or staging rows (for the retention sweep). */
  tenantsWithData(): Promise<string[]>;
  /** Deletes snapshots whose data is older than `before`, and staging rows of runs untouched since. */
  applyRetention(tenantId: string, before: Date): Promise<{ snapshots: number; stagedRuns: number }>;
}

type SnapshotRow = {
  id: string;
  tenant_id: string;
  run_id: string;
  initiative_id: string | null;
  kind: 'baseline' | 'followup' | 'adhoc';
  data_as_of: Date | string;
  weeks: number;
  people: number;
  coverage: unknown;
  summary: unknown;
  frozen: boolean;
  created_at: Date | string;
};

const infoColumns = [
  'id',
  'tenant_id',
  'run_id',
  'initiative_id',
  'kind',
  'data_as_of',
  'weeks',
  'people',
  'coverage',
  'summary',
  'frozen',
  'created_at',
] as const;

function toInfo(row: SnapshotRow): SnapshotInfo {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    runId: row.run_id,
    initiativeId: row.initiative_id,
    kind: row.kind,
    dataAsOf: new Date(row.data_as_of),
    weeks: row.weeks,
    people: row.people,
    coverage: row.coverage as SourceCoverage[],
    summary: row.summary as object,
    frozen: row.frozen,
    createdAt: new Date(row.created_at),
  };
}

const stagingTables = [
  'collection_person',
  'collection_message',
  'collection_report_day',
  'collection_unit',
] as const;

/** Snapshot and staging storage over the SQL store. */
export function createCollectionStore(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
): CollectionStore {
  const ownTransaction: Transact = (work) => db.transaction().execute(work);
  const snapshotOfRun = async (tenantId: string, runId: string): Promise<SnapshotInfo | null> => {
    const row = await db
      .selectFrom('snapshot')
      .select(infoColumns)
      .where('tenant_id', '=', tenantId)
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return row ? toInfo(row) : null;
  };
  return {
    journal: (runId, tenantId, transact) => createStoreJournal(db, runId, tenantId, transact, now),
    async saveSnapshot(input, transact = ownTransaction) {
      await transact(async (trx) => {
        await trx
          .insertInto('snapshot')
          .values({
            id: input.id,
            tenant_id: input.tenantId,
            run_id: input.runId,
            initiative_id: input.initiativeId,
            kind: input.kind,
            data_as_of: input.dataAsOf,
            weeks: input.weeks,
            people: input.snapshot.people.length,
            coverage: JSON.stringify(input.snapshot.coverage),
            summary: JSON.stringify(input.summary),
            frozen: input.frozen,
            payload: gzipSync(encodeSnapshot(input.snapshot)),
            created_at: now(),
          })
          .onConflict((conflict) => conflict.column('run_id').doNothing())
          .execute();
        for (const table of stagingTables)
          await trx
            .deleteFrom(table)
            .where('run_id', '=', input.runId)
            .where('tenant_id', '=', input.tenantId)
            .execute();
      });
      const saved = await snapshotOfRun(input.tenantId, input.runId);
      if (!saved) throw new Error(`Snapshot of run ${input.runId} was not saved.`);
      return saved;
    },
    async listSnapshots(tenantId, initiativeId) {
      let query = db.selectFrom('snapshot').select(infoColumns).where('tenant_id', '=', tenantId);
      if (initiativeId !== undefined)
        query =
          initiativeId === null
            ? query.where('initiative_id', 'is', null)
            : query.where('initiative_id', '=', initiativeId);
      const rows = await query.orderBy('data_as_of', 'asc').orderBy('id').execute();
      return rows.map(toInfo);
    },
    snapshotOfRun,
    async loadSnapshot(tenantId, id) {
      const row = await db
        .selectFrom('snapshot')
        .select('payload')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? decodeSnapshot(gunzipSync(row.payload)) : null;
    },
    async tenantsWithData() {
      const rows = await db
        .selectFrom('snapshot')
        .select('tenant_id')
        .union(db.selectFrom('collection_unit').select('tenant_id'))
        .execute();
      return rows.map((row) => row.tenant_id);
    },
    async applyRetention(tenantId, before) {
      return db.transaction().execute(async (trx) => {
        const snapshots = await trx
          .deleteFrom('snapshot')
          .where('tenant_id', '=', tenantId)
          .where('data_as_of', '<', before)
          .executeTakeFirst();
        const stale = await trx
          .selectFrom('collection_unit')
          .select('run_id')
          .where('tenant_id', '=', tenantId)
          .groupBy('run_id')
          .having((eb) => eb.fn.max('updated_at'), '<', before)
          .execute();
        const runIds = stale.map((row) => row.run_id);
        if (runIds.length > 0)
          for (const table of stagingTables)
            await trx
              .deleteFrom(table)
              .where('tenant_id', '=', tenantId)
              .where('run_id', 'in', runIds)
              .execute();
        return { snapshots: Number(snapshots.numDeletedRows), stagedRuns: runIds.length };
      });
    },
  };
}
