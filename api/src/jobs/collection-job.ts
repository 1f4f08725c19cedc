import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { buildCollaborationSnapshot } from '@learnfit/core';
import { z } from 'zod';
import { collectTenant, type CollectionProgress } from '../graph/collectors/collect-tenant';
import type { RateGovernor } from '../graph/pacing/governor';
import type { CollectionStore, SnapshotInfo, Transact } from '../store/collection-store';
import type { JobProgress, JobQueue } from './queue';
import type { JobHandler } from './worker';

/** The queue kind of collection runs. */
export const collectionKind = 'collection';

/** Weeks after the baseline at which follow-up snapshots are taken, unless the run says otherwise. */
export const defaultFollowUpWeeks = [4, 8, 12] as const;

/** What a collection run collects; stored as the job's payload. */
export const collectionPayloadSchema = z.object({
  snapshotKind: z.enum(['baseline', 'followup', 'adhoc']),
  initiativeId: z.string().min(1).max(64).nullable(),
  teamIds: z.array(z.string().min(1).max(64)).max(100),
  groupIds: z.array(z.string().min(1).max(64)).max(20).default([]),
  weeks: z.number().int().min(1).max(26),
  /** ISO time the data is as of: fixed at enqueue time, so a resumed run collects the same window. */
  dataAsOf: z.iso.datetime(),
  followUpWeeks: z
    .array(z.number().int().min(1).max(52))
    .max(12)
    .default([...defaultFollowUpWeeks]),
});

/** A collection run's payload. */
export type CollectionPayload = z.infer<typeof collectionPayloadSchema>;

/** What a finished run reports as its job result. */
export interface CollectionResult {
  readonly snapshotId: string;
  readonly people: number;
  readonly messages: number;
  readonly guests: number;
  readonly unattributedMessages: number;
  readonly graphRequests: number;
  readonly throttled: number;
  readonly followUpRunIds: readonly string[];
}

/** Summary stored with a snapshot: the run's counts and the target group as pseudonymous keys. */
export interface SnapshotSummaryData extends Omit<CollectionResult, 'snapshotId' | 'followUpRunIds'> {
  /** Members of the plan's teams and groups (nested groups included) who are in the snapshot. */
  readonly targetGroupKeys: readonly string[];
}

/** A failure no retry can fix (missing consent): the job fails at once with what an admin can do. */
export class CollectionBlockedError extends Error {
  readonly retryable = false;
  readonly code = 'collection_blocked';
  constructor(message: string) {
    super(message);
    this.name = 'CollectionBlockedError';
  }
}

/** Turns Graph's refusal of the org chart into a blocked run naming the permission to grant. */
function blockedByConsent(error: unknown): never {
  if (error instanceof GraphError && (error.statusCode === 401 || error.statusCode === 403))
    throw new CollectionBlockedError(
      `Microsoft Graph refused to list the directory (${error.statusCode}). An admin must grant LearnFit ` +
        'the application permission User.Read.All (admin consent in Entra ID > Enterprise applications).',
    );
  throw error;
}

/** What the collection handler needs, per tenant. */
export interface CollectionJobDeps {
  readonly queue: JobQueue;
  readonly store: CollectionStore;
  /** An application-permission Graph client for the tenant. */
  clientFor(tenantId: string): Client;
  /** The tenant's governor, shared by all of its runs in this process. */
  governorFor(tenantId: string): RateGovernor;
  pseudonymizerFor(tenantId: string): (id: string) => string;
  readonly now: () => Date;
  /** Least time between two progress writes (default 1 s); phase changes are written at once. */
  readonly progressIntervalMs?: number;
}

const weekMs = 7 * 86_400_000;

/** A collection's progress as stored: the queue's fields, and what the run waits for, if anything. */
export interface CollectionJobProgress extends JobProgress {
  readonly waitingFor?: 'reportQuota' | 'throttling';
  /** ISO time the wait ends; while waiting, `etaSeconds` counts the work after it. */
  readonly waitingUntil?: string;
}

/**
 * Seconds left after the wait in progress, if any: the larger of what the pace so far predicts (time
 * spent waiting left out, `workedMs`) and what the report quota allows (14 downloads per report per 10
 * minutes, five reports read side by side; the window being waited for counts as the next one).
 */
export function estimateSecondsLeft(progress: CollectionProgress, workedMs: number): number | null {
  if (progress.total === null) return null;
  const left = Math.max(0, progress.total - progress.done);
  const byPace = progress.done > 0 ? ((workedMs / progress.done) * left) / 1000 : null;
  const perReport = Math.ceil(progress.reportDaysLeft / 5);
  const byQuota = perReport > 0 ? Math.floor((perReport - 1) / 14) * 605 : 0;
  return Math.round(Math.max(byPace ?? 0, byQuota));
}

/**
 * The job handler of collection runs: collects into the run's journal (resuming what a killed run
 * committed, every write fenced by the job's lease), builds the snapshot with keyed pseudonyms, saves
 * it and drops the staging rows, and for a baseline freezes the snapshot and queues the follow-ups.
 */
export function createCollectionHandler(deps: CollectionJobDeps): JobHandler {
  return async (ctx) => {
    const { job } = ctx;
    const payload = collectionPayloadSchema.parse(job.payload);
    const transact: Transact = (work) => deps.queue.withFence(job, work);
    const dataAsOf = new Date(payload.dataAsOf);
    let saved: SnapshotInfo | null = await deps.store.snapshotOfRun(job.tenantId, job.id);
    let summary: SnapshotSummaryData | null = null;
    if (!saved) {
      const governor = deps.governorFor(job.tenantId);
      const before = { ...governor.stats };
      const started = deps.now().getTime();
      let lastWrite = 0;
      let lastPhase = '';
      let lastWait = '';
      // Time spent waiting so far, and since when the current wait has lasted (the pace leaves it out).
      let waitedMs = 0;
      let waitingSince: number | null = null;
      let writing: Promise<void> = Promise.resolve();
      const onProgress = (progress: CollectionProgress): void => {
        const at = deps.now().getTime();
        if (progress.waiting && waitingSince === null) waitingSince = at;
        if (!progress.waiting && waitingSince !== null) {
          waitedMs += at - waitingSince;
          waitingSince = null;
        }
        const wait = progress.waiting ? `${progress.waiting.reason}@${progress.waiting.until}` : '';
        // Phase changes and waits starting or ending are written at once; the rest at most once a second.
        if (
          progress.phase === lastPhase &&
          wait === lastWait &&
          at - lastWrite < (deps.progressIntervalMs ?? 1000)
        )
          return;
        lastWrite = at;
        lastPhase = progress.phase;
        lastWait = wait;
        const worked = at - started - waitedMs - (waitingSince === null ? 0 : at - waitingSince);
        const value: CollectionJobProgress = {
          phase: progress.phase,
          done: progress.done,
          total: progress.total,
          etaSeconds: estimateSecondsLeft(progress, worked),
          ...(progress.waiting
            ? {
                waitingFor: progress.waiting.reason,
                waitingUntil: new Date(Math.max(at, progress.waiting.until)).toISOString(),
              }
            : {}),
        };
        // Progress is advisory: one write at a time, and a failed write never fails the run.
        writing = writing.then(() => ctx.progress(value)).catch(() => undefined);
      };
      const sources = await collectTenant(
        deps.clientFor(job.tenantId),
        governor,
        {
          teamIds: payload.teamIds,
          groupIds: payload.groupIds,
          dataAsOf,
          weeks: payload.weeks,
          signal: ctx.signal,
        },
        deps.store.journal(job.id, job.tenantId, transact),
        onProgress,
      ).catch(blockedByConsent);
      await writing;
      if (ctx.signal.aborted) throw new Error('The run was stopped (cancelled, taken over or shut down).');
      await ctx
        .progress({ phase: 'snapshot', done: 0, total: null, etaSeconds: null })
        .catch(() => undefined);
      const pseudonymize = deps.pseudonymizerFor(job.tenantId);
      const snapshot = buildCollaborationSnapshot({
        tenantId: job.tenantId,
        dataAsOf,
        weeks: payload.weeks,
        people: sources.people,
        messages: sources.messages,
        daily: sources.daily,
        coverage: sources.coverage,
        pseudonymize,
      });
      const inSnapshot = new Set(sources.people.map((person) => person.id));
      const target = new Set([
        ...sources.teams.flatMap((team) => team.memberIds),
        ...[...sources.groups.values()].flat(),
      ]);
      summary = {
        targetGroupKeys: [...target]
          .filter((id) => inSnapshot.has(id))
          .map(pseudonymize)
          .sort(),
        people: sources.people.length,
        messages: sources.messages.length,
        guests: sources.guests,
        unattributedMessages: sources.unattributedMessages,
        graphRequests: governor.stats.requests - before.requests,
        throttled: governor.stats.throttled - before.throttled,
      };
      saved = await deps.store.saveSnapshot(
        {
          id: `snap-${job.id}`,
          tenantId: job.tenantId,
          runId: job.id,
          initiativeId: payload.initiativeId,
          kind: payload.snapshotKind,
          dataAsOf,
          weeks: payload.weeks,
          summary,
          snapshot,
          frozen: payload.snapshotKind === 'baseline',
        },
        transact,
      );
    }
    const followUpRunIds: string[] = [];
    if (payload.snapshotKind === 'baseline') {
      // Dedupe keys make this safe to repeat when a run dies between saving and scheduling.
      for (const weeks of payload.followUpWeeks) {
        const at = new Date(dataAsOf.getTime() + weeks * weekMs);
        const followUp = await deps.queue.enqueue({
          tenantId: job.tenantId,
          kind: collectionKind,
          payload: { ...payload, snapshotKind: 'followup', dataAsOf: at.toISOString(), followUpWeeks: [] },
          runAfter: at,
          dedupeKey: `followup:${job.id}:${weeks}`,
        });
        followUpRunIds.push(followUp.id);
      }
    }
    const stored = saved.summary as Partial<CollectionResult>;
    const result: CollectionResult = {
      snapshotId: saved.id,
      people: summary?.people ?? stored.people ?? saved.people,
      messages: summary?.messages ?? stored.messages ?? 0,
      guests: summary?.guests ?? stored.guests ?? 0,
      unattributedMessages: summary?.unattributedMessages ?? stored.unattributedMessages ?? 0,
      graphRequests: summary?.graphRequests ?? stored.graphRequests ?? 0,
      throttled: summary?.throttled ?? stored.throttled ?? 0,
      followUpRunIds,
    };
    return result;
  };
}
