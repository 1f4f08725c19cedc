import { randomUUID } from 'node:crypto';
import {
  sql,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type Transaction,
} from 'kysely';
import type { Database } from '../store/schema';
import type { JobTable } from './tables';

/** Where a job is in its life. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What a running job says about itself, for progress bars and ETAs. */
export interface JobProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number | null;
  readonly etaSeconds: number | null;
}

/** One job as stored. */
export interface JobRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly state: JobState;
  readonly runAfter: Date;
  /** How many times the job was claimed. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly progress: JobProgress | null;
  readonly result: unknown;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly updatedAt: Date;
}

/** A job this worker holds: `fence` proves ownership in later writes. */
export interface ClaimedJob extends JobRecord {
  readonly workerId: string;
  readonly fence: number;
}

/** The job was reclaimed by another worker or cancelled: this holder must not write its outcome. */
export class LeaseLostError extends Error {
  readonly code = 'lease-lost';

  constructor(readonly jobId: string) {
    super(`Lease on job ${jobId} was lost.`);
    this.name = 'LeaseLostError';
  }
}

/** A job to add. */
export interface EnqueueRequest {
  readonly tenantId: string;
  readonly kind: string;
  readonly payload: unknown;
  /** Not before this time; default now. */
  readonly runAfter?: Date;
  /** Default 5. */
  readonly maxAttempts?: number;
  /** At most one job per tenant and key, whatever its state. */
  readonly dedupeKey?: string;
}

/** Options for `JobQueue.fail`. */
export interface FailOptions {
  /** Fail for good, whatever attempts remain (the error cannot go away by retrying). */
  readonly final?: boolean;
}

/** A durable job queue with leases and fencing tokens. */
export interface JobQueue {
  /** Adds a job; with a dedupeKey an existing job of the tenant with that key is returned instead (no second row). */
  enqueue(request: EnqueueRequest): Promise<JobRecord>;
  /**
   * Takes the oldest due job of one of `kinds` — queued and due, or running with an expired lease (a
   * crashed worker's job resumes) — with a new fence and a lease of `leaseMs`. A due job that used up
   * its attempts becomes 'failed' instead. Null when nothing is due.
   */
  claim(workerId: string, kinds: readonly string[], leaseMs: number): Promise<ClaimedJob | null>;
  /** Extends the lease; throws LeaseLostError if the job was reclaimed, cancelled or finished. */
  heartbeat(job: ClaimedJob, leaseMs: number): Promise<void>;
  /** Stores progress; throws LeaseLostError like `heartbeat`. */
  reportProgress(job: ClaimedJob, progress: JobProgress): Promise<void>;
  /** Marks the job succeeded with an optional JSON result; throws LeaseLostError like `heartbeat`. */
  complete(job: ClaimedJob, result?: unknown): Promise<void>;
  /**
   * Records a failure: requeued at `retryAt` (default now + 30 s × attempts) while attempts remain and
   * the failure is not final, else 'failed'. Throws LeaseLostError like `heartbeat`.
   */
  fail(job: ClaimedJob, error: string, retryAt?: Date, options?: FailOptions): Promise<void>;
  /** Cancels a queued or running job (its worker finds out at its next heartbeat); false if not found or finished. */
  cancel(tenantId: string, id: string): Promise<boolean>;
  /** One job of the tenant, or null. */
  get(tenantId: string, id: string): Promise<JobRecord | null>;
  /** The tenant's jobs, newest first; default limit 50, at most 500. */
  list(tenantId: string, options?: { readonly kind?: string; readonly limit?: number }): Promise<JobRecord[]>;
  /**
   * Runs `write` in a transaction that first locks the job and checks it is still running under this
   * fence; throws LeaseLostError otherwise. Use `trx` only: on the embedded database another query
   * would wait for this transaction forever.
   */
  withFence<T>(job: ClaimedJob, write: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
}

type JobRow = Selectable<JobTable>;

const defaultMaxAttempts = 5;
const retryStepMs = 30_000;
const defaultListLimit = 50;
const maxListLimit = 500;

/** A value as jsonb. Serialized here because `pg` would send a JS array as a PostgreSQL array. */
function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value) ?? 'null'} as jsonb)`;
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    payload: row.payload,
    state: row.state,
    runAfter: new Date(row.run_after),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress: (row.progress ?? null) as JobProgress | null,
    result: row.result ?? null,
    error: row.error,
    createdAt: new Date(row.created_at),
    startedAt: row.started_at === null ? null : new Date(row.started_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Queued and due, or running with an expired lease. */
function due(eb: ExpressionBuilder<Database, 'job'>, at: Date) {
  return eb.or([
    eb.and([eb('state', '=', 'queued'), eb('run_after', '<=', at)]),
    eb.and([eb('state', '=', 'running'), eb('lease_until', '<=', at)]),
  ]);
}

/** The job queue over the SQL store; `now` stamps every write and decides what is due. */
/** Queue-wide rules. */
export interface JobQueueOptions {
  /**
   * Kinds of which a tenant runs at most one job at a time, across every process sharing the
   * database (collection runs: one tenant's runs share Graph's per-app quotas).
   */
  readonly onePerTenant?: readonly string[];
}

/** Advisory-lock key that serializes claims of one-per-tenant kinds (an arbitrary constant). */
const exclusiveClaimLock = 0x1ea_f17;

export function createJobQueue(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
  options: JobQueueOptions = {},
): JobQueue {
  const onePerTenant = [...(options.onePerTenant ?? [])];
  /** An update that lands only while `job` is running under its fence. */
  function owned(job: ClaimedJob) {
    return db
      .updateTable('job')
      .where('id', '=', job.id)
      .where('fence', '=', job.fence)
      .where('state', '=', 'running');
  }

  function expectOwned(job: ClaimedJob, result: { numUpdatedRows: bigint }): void {
    if (result.numUpdatedRows === 0n) throw new LeaseLostError(job.id);
  }

  /** Fails due jobs of `kinds` whose attempts are used up (a worker died holding the last one). */
  async function giveUp(kinds: string[], at: Date): Promise<void> {
    await db
      .updateTable('job')
      .set({
        state: 'failed',
        error: sql<string>`concat('gave up after ', attempts, ' attempts')`,
        lease_until: null,
        finished_at: at,
        updated_at: at,
      })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('job')
          .select('id')
          .where('kind', 'in', kinds)
          .where((inner) => due(inner, at))
          .where('attempts', '>=', eb.ref('max_attempts'))
          .forUpdate()
          .skipLocked(),
      )
      .execute();
  }

  return {
    async enqueue(request) {
      const maxAttempts = request.maxAttempts ?? defaultMaxAttempts;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw new RangeError('maxAttempts must be a positive integer.');
      }
      const at = now();
      const insert = db.insertInto('job').values({
        id: randomUUID(),
        tenant_id: request.tenantId,
        kind: request.kind,
        payload: jsonb(request.payload),
        dedupe_key: request.dedupeKey ?? null,
        state: 'queued',
        run_after: request.runAfter ?? at,
        max_attempts: maxAttempts,
        created_at: at,
        updated_at: at,
      });
      if (request.dedupeKey === undefined) {
        return toRecord(await insert.returningAll().executeTakeFirstOrThrow());
      }
      const inserted = await insert
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
        )
        .returningAll()
        .executeTakeFirst();
      if (inserted) return toRecord(inserted);
      const existing = await db
        .selectFrom('job')
        .selectAll()
        .where('tenant_id', '=', request.tenantId)
        .where('dedupe_key', '=', request.dedupeKey)
        .executeTakeFirstOrThrow();
      return toRecord(existing);
    },

    async claim(workerId, kinds, leaseMs) {
      if (kinds.length === 0) return null;
      const at = now();
      const kindList = [...kinds];
      await giveUp(kindList, at);
      const exclusive = kindList.some((kind) => onePerTenant.includes(kind));
      const claimWith = (executor: Kysely<Database>) =>
        executor
          .updateTable('job')
          .set((eb) => ({
            state: 'running',
            locked_by: workerId,
            lease_until: new Date(at.getTime() + leaseMs),
            fence: eb('fence', '+', 1),
            attempts: eb('attempts', '+', 1),
            started_at: eb.fn.coalesce('started_at', sql<Date>`cast(${at} as timestamptz)`),
            updated_at: at,
          }))
          .where('id', '=', (eb) => {
            let candidates = eb
              .selectFrom('job as candidate')
              .select('candidate.id')
              .where('candidate.kind', 'in', kindList)
              .where((inner) =>
                inner.or([
                  inner.and([
                    inner('candidate.state', '=', 'queued'),
                    inner('candidate.run_after', '<=', at),
                  ]),
                  inner.and([
                    inner('candidate.state', '=', 'running'),
                    inner('candidate.lease_until', '<=', at),
                  ]),
                ]),
              )
              .whereRef('candidate.attempts', '<', 'candidate.max_attempts');
            if (exclusive)
              candidates = candidates.where((inner) =>
                inner.or([
                  inner('candidate.kind', 'not in', onePerTenant),
                  inner.not(
                    inner.exists(
                      inner
                        .selectFrom('job as busy')
                        .select('busy.id')
                        .whereRef('busy.tenant_id', '=', 'candidate.tenant_id')
                        .whereRef('busy.kind', '=', 'candidate.kind')
                        .whereRef('busy.id', '!=', 'candidate.id')
                        .where('busy.state', '=', 'running')
                        .where('busy.lease_until', '>', at),
                    ),
                  ),
                ]),
              );
            return candidates
              .orderBy('candidate.run_after')
              .orderBy('candidate.created_at')
              .orderBy('candidate.id')
              .limit(1)
              .forUpdate()
              .skipLocked();
          })
          .returningAll()
          .executeTakeFirst();
      // Two claimers must not both see a tenant idle and take two of its jobs: such claims take turns.
      const row = exclusive
        ? await db.transaction().execute(async (trx) => {
            await sql`select pg_advisory_xact_lock(${exclusiveClaimLock})`.execute(trx);
            return claimWith(trx);
          })
        : await claimWith(db);
      if (!row) return null;
      return { ...toRecord(row), workerId, fence: row.fence };
    },

    async heartbeat(job, leaseMs) {
      const at = now();
      const result = await owned(job)
        .set({ lease_until: new Date(at.getTime() + leaseMs), updated_at: at })
        .executeTakeFirst();
      expectOwned(job, result);
    },

    async reportProgress(job, progress) {
      const result = await owned(job)
        .set({ progress: jsonb(progress), updated_at: now() })
        .executeTakeFirst();
      expectOwned(job, result);
    },

    async complete(job, result) {
      const at = now();
      const update = await owned(job)
        .set({
          state: 'succeeded',
          result: result === undefined ? null : jsonb(result),
          error: null,
          lease_until: null,
          finished_at: at,
          updated_at: at,
        })
        .executeTakeFirst();
      expectOwned(job, update);
    },

    async fail(job, error, retryAt, options) {
      const at = now();
      const retry = options?.final !== true && job.attempts < job.maxAttempts;
      const update = await owned(job)
        .set(
          retry
            ? {
                state: 'queued',
                run_after: retryAt ?? new Date(at.getTime() + retryStepMs * job.attempts),
                locked_by: null,
                lease_until: null,
                error,
                updated_at: at,
              }
            : { state: 'failed', lease_until: null, error, finished_at: at, updated_at: at },
        )
        .executeTakeFirst();
      expectOwned(job, update);
    },

    async cancel(tenantId, id) {
      const at = now();
      const result = await db
        .updateTable('job')
        .set({ state: 'cancelled', lease_until: null, finished_at: at, updated_at: at })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async get(tenantId, id) {
      const row = await db
        .selectFrom('job')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async list(tenantId, options = {}) {
      const wanted =
        options.limit !== undefined && Number.isFinite(options.limit) ? options.limit : defaultListLimit;
      const limit = Math.min(Math.max(Math.floor(wanted), 1), maxListLimit);
      let query = db.selectFrom('job').selectAll().where('tenant_id', '=', tenantId);
      if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },

    withFence(job, write) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('job')
          .select(['fence', 'state'])
          .where('id', '=', job.id)
          .forUpdate()
          .executeTakeFirst();
        if (row?.fence !== job.fence || row.state !== 'running') throw new LeaseLostError(job.id);
        return write(trx);
      });
    },
  };
}
