import { workflowReportSchema, type WorkflowReport } from '@learnfit/core';
import type { ApiClient } from './client';
import { useApiResource, type Resource } from './use-resource';

/** The three forms of the manager's org report, with the optional initiative to hold the org against. */
export function myOrgReportPath(format: 'json' | 'csv' | 'html', initiativeId?: string | null): string {
  const suffix = format === 'json' ? '' : `.${format}`;
  const query = initiativeId ? `?${new URLSearchParams({ initiativeId }).toString()}` : '';
  return `/api/reports/my-org${suffix}${query}`;
}

/** `GET /api/reports/my-org`: the workflow fit of the signed-in manager's own org (aggregates only). */
export function fetchMyOrgReport(
  client: ApiClient,
  signal: AbortSignal,
  initiativeId?: string | null,
): Promise<WorkflowReport> {
  return client.request({
    path: myOrgReportPath('json', initiativeId),
    schema: workflowReportSchema,
    signal,
  });
}

/** Loads the manager's org report; `initiativeId` holds the org against that initiative's design. */
export function useMyOrgReport(initiativeId: string | null): Resource<WorkflowReport> {
  return useApiResource(`my-org|${initiativeId ?? ''}`, (client, signal) =>
    fetchMyOrgReport(client, signal, initiativeId),
  );
}
