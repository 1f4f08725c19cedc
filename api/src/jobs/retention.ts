import type { Logger } from '../logger';
import type { CollectionStore } from '../store/collection-store';

const dayMs = 86_400_000;
/** How often the sweep runs. */
export const retentionSweepMs = 6 * 60 * 60 * 1000;

/** Days to keep: one number for every tenant, or each tenant's own setting. */
export type RetentionDays = number | ((tenantId: string) => Promise<number>);

/** Deletes a tenant's other rows older than `before` (pulse answers and drafts); returns how many. */
export type RetentionPurge = (tenantId: string, before: Date) => Promise<number>;

/**
 * Applies the retention period to every tenant's snapshots and leftover staging rows once, and to the
 * rows `purge` looks after.
 */
export async function sweepRetention(
  store: CollectionStore,
  retentionDays: RetentionDays,
  now: () => Date,
  purge?: RetentionPurge,
): Promise<{ tenants: number; snapshots: number; stagedRuns: number; other: number }> {
  const totals = { tenants: 0, snapshots: 0, stagedRuns: 0, other: 0 };
  for (const tenantId of await store.tenantsWithData()) {
    const days = typeof retentionDays === 'number' ? retentionDays : await retentionDays(tenantId);
    const before = new Date(now().getTime() - days * dayMs);
    const removed = await store.applyRetention(tenantId, before);
    totals.tenants += 1;
    totals.snapshots += removed.snapshots;
    totals.stagedRuns += removed.stagedRuns;
    if (purge) totals.other += await purge(tenantId, before);
  }
  return totals;
}

/** Sweeps at start and every six hours; returns the timer to clear on shutdown. */
export function startRetention(
  store: CollectionStore,
  retentionDays: RetentionDays,
  now: () => Date,
  logger: Logger,
  purge?: RetentionPurge,
): NodeJS.Timeout {
  const sweep = (): void => {
    sweepRetention(store, retentionDays, now, purge).then(
      (totals) => {
        if (totals.snapshots + totals.stagedRuns + totals.other > 0)
          logger.info('retention applied', {
            ...totals,
            ...(typeof retentionDays === 'number' ? { retentionDays } : {}),
          });
      },
      (error: unknown) =>
        logger.error('retention sweep failed', { error: error instanceof Error ? error.name : typeof error }),
    );
  };
  sweep();
  const timer = setInterval(sweep, retentionSweepMs);
  timer.unref();
  return timer;
}
