import type { CollectionRun } from '@learnfit/core';

/** A collection run of initiative `init-1` in the given state, with optional progress. */
export function collectionRun(
  state: CollectionRun['state'],
  progress: CollectionRun['progress'] = null,
  overrides: Partial<CollectionRun> = {},
): CollectionRun {
  return {
    id: 'run-1',
    state,
    snapshotKind: 'baseline',
    initiativeId: 'init-1',
    teams: 1,
    weeks: 6,
    dataAsOf: '2026-11-30T00:00:00.000Z',
    runAfter: '2026-11-30T10:00:00.000Z',
    attempts: state === 'queued' ? 0 : 1,
    progress,
    snapshotId: state === 'succeeded' ? 'snap-1' : null,
    error: state === 'failed' ? 'Microsoft Graph refused to list the directory (403).' : null,
    createdAt: '2026-11-30T10:00:00.000Z',
    startedAt: state === 'queued' ? null : '2026-11-30T10:00:01.000Z',
    finishedAt: null,
    ...overrides,
  };
}
