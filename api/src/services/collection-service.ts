import {
  collectionProgressSchema,
  startCollectionSchema,
  type CollectionRun,
  type SnapshotSummary,
  type StartCollection,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import { collectionKind, collectionPayloadSchema, type CollectionPayload } from '../jobs/collection-job';
import type { JobQueue, JobRecord } from '../jobs/queue';
import type { CollectionStore, SnapshotInfo } from '../store/collection-store';
import type { InitiativeStore } from './ports';

/** Collection runs and snapshots, for learning leaders and admins. */
export interface CollectionService {
  start(identity: SsoIdentity, body: unknown): Promise<CollectionRun>;
  list(identity: SsoIdentity): Promise<CollectionRun[]>;
  get(identity: SsoIdentity, id: string): Promise<CollectionRun>;
  cancel(identity: SsoIdentity, id: string): Promise<void>;
  snapshots(identity: SsoIdentity, initiativeId: string | undefined): Promise<SnapshotSummary[]>;
}

/** What the service needs. */
export interface CollectionServiceDeps {
  readonly queue: JobQueue;
  readonly store: CollectionStore;
  readonly initiatives: InitiativeStore;
  readonly now: () => Date;
  /** Wakes this process's worker after an enqueue, and has it check its runs after a cancel (no-op without one). */
  readonly poke: () => void;
}

const allowedRoles = ['LearningLeader', 'Admin'];

function requireRole(identity: SsoIdentity): void {
  if (!identity.roles.some((role) => allowedRoles.includes(role)))
    throw new HttpProblem(
      403,
      'forbidden',
      'Only learning leaders and admins run collections',
      'Ask an admin to assign you the LearningLeader role in the LearnFit enterprise application.',
    );
}

/** Start of the current UTC day: a run's data is as of midnight, so runs of one day line up. */
function startOfDay(at: Date): Date {
  const day = new Date(at);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/** A job's stored progress in the API's shape: the wait fields only when both are well-formed. */
function progressOf(progress: JobRecord['progress']): CollectionRun['progress'] {
  if (!progress) return null;
  const { phase, done, total, etaSeconds } = progress;
  const parsed = collectionProgressSchema.safeParse(progress);
  const { waitingFor, waitingUntil } = parsed.success ? parsed.data : {};
  return waitingFor && waitingUntil
    ? { phase, done, total, etaSeconds, waitingFor, waitingUntil }
    : { phase, done, total, etaSeconds };
}

/** Maps a queued job to the API's run shape. */
export function toRun(job: JobRecord): CollectionRun {
  const payload = collectionPayloadSchema.safeParse(job.payload);
  const data: Partial<CollectionPayload> = payload.success ? payload.data : {};
  const result = (job.result ?? null) as { snapshotId?: string } | null;
  return {
    id: job.id,
    state: job.state,
    snapshotKind: data.snapshotKind ?? 'adhoc',
    initiativeId: data.initiativeId ?? null,
    teams: data.teamIds?.length ?? 0,
    weeks: data.weeks ?? 0,
    dataAsOf: data.dataAsOf ?? job.runAfter.toISOString(),
    runAfter: job.runAfter.toISOString(),
    attempts: job.attempts,
    progress: progressOf(job.progress),
    snapshotId: result?.snapshotId ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

function toSummary(info: SnapshotInfo): SnapshotSummary {
  return {
    id: info.id,
    runId: info.runId,
    initiativeId: info.initiativeId,
    kind: info.kind,
    frozen: info.frozen,
    dataAsOf: info.dataAsOf.toISOString(),
    weeks: info.weeks,
    people: info.people,
    coverage: [...info.coverage],
    createdAt: info.createdAt.toISOString(),
  };
}

/** Wires the collection use cases. */
export function createCollectionService(deps: CollectionServiceDeps): CollectionService {
  const find = async (identity: SsoIdentity, id: string): Promise<JobRecord> => {
    const job = await deps.queue.get(identity.tenantId, id);
    if (!job || job.kind !== collectionKind)
      throw new HttpProblem(
        404,
        'not_found',
        'No such collection run',
        `There is no run ${id} in your tenant.`,
      );
    return job;
  };
  return {
    async start(identity, body) {
      requireRole(identity);
      const request = startCollectionSchema.parse(body satisfies unknown as StartCollection);
      const tenantId = identity.tenantId;
      if (request.initiativeId !== null) {
        if (!(await deps.initiatives.get(tenantId, request.initiativeId)))
          throw new HttpProblem(
            404,
            'not_found',
            'No such initiative',
            `There is no initiative ${request.initiativeId}.`,
          );
      }
      if (request.snapshotKind === 'baseline') {
        if (request.initiativeId === null)
          throw new HttpProblem(
            400,
            'bad_request',
            'A baseline belongs to an initiative',
            'Set initiativeId.',
          );
        const existing = await deps.store.listSnapshots(tenantId, request.initiativeId);
        if (existing.some((snapshot) => snapshot.kind === 'baseline'))
          throw new HttpProblem(
            409,
            'conflict',
            'This initiative already has a baseline',
            'A baseline is frozen once taken; start an adhoc collection to look again.',
          );
      }
      const dataAsOf = startOfDay(deps.now());
      const payload: CollectionPayload = {
        snapshotKind: request.snapshotKind,
        initiativeId: request.initiativeId,
        teamIds: [...new Set(request.teamIds.map((id) => id.toLowerCase()))],
        groupIds: [...new Set(request.groupIds.map((id) => id.toLowerCase()))],
        weeks: request.weeks,
        dataAsOf: dataAsOf.toISOString(),
        followUpWeeks: request.snapshotKind === 'baseline' ? request.followUpWeeks : [],
      };
      const job = await deps.queue.enqueue({
        tenantId,
        kind: collectionKind,
        payload,
        // One baseline per initiative even when the button is pressed twice.
        ...(request.snapshotKind === 'baseline' ? { dedupeKey: `baseline:${request.initiativeId}` } : {}),
      });
      deps.poke();
      return toRun(job);
    },
    async list(identity) {
      requireRole(identity);
      const jobs = await deps.queue.list(identity.tenantId, { kind: collectionKind, limit: 100 });
      return jobs.map(toRun);
    },
    async get(identity, id) {
      requireRole(identity);
      return toRun(await find(identity, id));
    },
    async cancel(identity, id) {
      requireRole(identity);
      const job = await find(identity, id);
      if (!(await deps.queue.cancel(identity.tenantId, job.id)))
        throw new HttpProblem(409, 'conflict', 'The run has already finished', `Run ${id} is ${job.state}.`);
      // A worker of this process running it finds the cancel now rather than at its next heartbeat, and
      // stops its waits and requests; one in another process finds it at its next heartbeat.
      deps.poke();
    },
    async snapshots(identity, initiativeId) {
      requireRole(identity);
      return (await deps.store.listSnapshots(identity.tenantId, initiativeId)).map(toSummary);
    },
  };
}
