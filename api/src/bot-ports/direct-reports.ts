import type { Client } from '@microsoft/microsoft-graph-client';
import type { RateGovernor } from '../graph/pacing/governor';

/** Counts a person's direct reports. */
export type DirectReportCount = (tenantId: string, userId: string) => Promise<number>;

/**
 * Counts a person's direct reports with the app's Graph client (`User.Read.All`, application), the
 * same `directReports` count `/api/me` reads on behalf of the signed-in user, paced by the tenant's
 * governor like every other app call.
 */
export function graphDirectReportCount(
  clientFor: (tenantId: string) => Client,
  governorFor: (tenantId: string) => RateGovernor,
): DirectReportCount {
  return async (tenantId, userId) => {
    const page = (await governorFor(tenantId).run({ service: 'identity', units: 1 }, () =>
      clientFor(tenantId)
        .api(`/users/${encodeURIComponent(userId)}/directReports`)
        .header('ConsistencyLevel', 'eventual')
        .select('id')
        .count(true)
        .top(1)
        .get(),
    )) as { '@odata.count'?: number; value?: unknown[] };
    return page['@odata.count'] ?? page.value?.length ?? 0;
  };
}
