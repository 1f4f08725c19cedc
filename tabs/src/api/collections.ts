import {
  collectionRunListSchema,
  collectionRunSchema,
  snapshotListSchema,
  type CollectionRun,
  type InitiativeDesign,
  type SnapshotSummary,
  type StartCollection,
} from '@learnfit/core';
import type { ApiClient } from './client';
import { useApiResource, type Resource } from './use-resource';

const finishedStates: ReadonlySet<CollectionRun['state']> = new Set(['succeeded', 'failed', 'cancelled']);

/** True when a run will not change any more. */
export function isFinished(run: Pick<CollectionRun, 'state'>): boolean {
  return finishedStates.has(run.state);
}

function runPath(id: string): string {
  return `/api/collections/${encodeURIComponent(id)}`;
}

/** `POST /api/collections`: queues a run (202) and answers it. */
export function startCollection(client: ApiClient, body: StartCollection): Promise<CollectionRun> {
  return client.request({ method: 'POST', path: '/api/collections', schema: collectionRunSchema, body });
}

/** `DELETE /api/collections/:id`. */
export function cancelCollection(client: ApiClient, id: string): Promise<void> {
  return client.request({ method: 'DELETE', path: runPath(id), schema: null });
}

/** `GET /api/collections/:id`. */
export function fetchCollection(client: ApiClient, id: string, signal?: AbortSignal): Promise<CollectionRun> {
  return client.request({ path: runPath(id), schema: collectionRunSchema, ...(signal ? { signal } : {}) });
}

/** `GET /api/collections`: the tenant's latest runs (the API filters nothing else). */
export async function fetchCollections(client: ApiClient, signal?: AbortSignal): Promise<CollectionRun[]> {
  const list = await client.request({
    path: '/api/collections',
    schema: collectionRunListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

/** The newest unfinished run of an initiative, so a reloaded page resumes showing it. */
export function activeRunOf(runs: readonly CollectionRun[], initiativeId: string): CollectionRun | null {
  const mine = runs.filter((run) => run.initiativeId === initiativeId && !isFinished(run));
  return [...mine].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

/** `GET /api/snapshots?initiativeId=`. */
export async function fetchSnapshots(
  client: ApiClient,
  initiativeId: string,
  signal?: AbortSignal,
): Promise<SnapshotSummary[]> {
  const list = await client.request({
    path: `/api/snapshots?${new URLSearchParams({ initiativeId }).toString()}`,
    schema: snapshotListSchema,
    ...(signal ? { signal } : {}),
  });
  return [...list.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The overview's collection data: the initiative's snapshots and its running collection, if any. */
export interface CollectionOverview {
  readonly snapshots: SnapshotSummary[];
  readonly activeRun: CollectionRun | null;
}

/** Loads snapshots and the running collection of an initiative together (reload `retry` after a run). */
export function useCollectionOverview(initiativeId: string): Resource<CollectionOverview> {
  return useApiResource(`collections:${initiativeId}`, async (client, signal) => {
    const [snapshots, runs] = await Promise.all([
      fetchSnapshots(client, initiativeId, signal),
      fetchCollections(client, signal),
    ]);
    return { snapshots, activeRun: activeRunOf(runs, initiativeId) };
  });
}

/** Which teams and groups a collection for a design reads; teams of a group audience come from the caller. */
export function collectionTargets(
  design: Pick<InitiativeDesign, 'targetGroup'>,
  extraTeamIds: readonly string[] = [],
): { teamIds: string[]; groupIds: string[] } {
  const { targetGroup } = design;
  const teamIds = new Set(extraTeamIds);
  if (targetGroup.kind === 'teams') targetGroup.ids.forEach((id) => teamIds.add(id));
  return { teamIds: [...teamIds], groupIds: targetGroup.kind === 'groups' ? [...targetGroup.ids] : [] };
}

/** Whether the initiative already has its frozen baseline (then further runs are ad hoc). */
export function hasBaseline(snapshots: readonly SnapshotSummary[]): boolean {
  return snapshots.some((snapshot) => snapshot.kind === 'baseline');
}
