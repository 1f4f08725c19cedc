import {
  diagnosticsResponseSchema,
  initiativeDetailSchema,
  type DiagnosticsResponse,
  type InitiativeDetail,
} from '@learnfit/core';
import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from './api-context';
import { ApiError, toApiError, type ApiClient } from './client';

/** A planned session of one feature, for overlaying on the hour-of-week heatmap. */
export interface PlannedSession {
  readonly featureName: string;
  /** 0 = Monday … 6 = Sunday. */
  readonly dayOfWeek: number;
  readonly hour: number;
  readonly durationMinutes: number;
}

/** Why there is nothing to show yet: no collection has run, or the initiative has no design. */
export type EmptyReason = 'no-snapshot' | 'no-design';

/** The diagnostics page's data. */
export type DiagnosticsState =
  | { status: 'loading' }
  | { status: 'ready'; data: DiagnosticsResponse; planned: readonly PlannedSession[] }
  | { status: 'empty'; reason: EmptyReason }
  | { status: 'failed'; error: ApiError };

function diagnosticsPath(initiativeId: string): string {
  return `/api/initiatives/${encodeURIComponent(initiativeId)}/diagnostics`;
}

function initiativePath(initiativeId: string): string {
  return `/api/initiatives/${encodeURIComponent(initiativeId)}`;
}

/** The planned sessions of an initiative's design, flattened per feature. */
export function plannedSessionsOf(detail: InitiativeDetail | null): PlannedSession[] {
  if (!detail?.design) return [];
  return detail.design.features.flatMap((feature) =>
    feature.plannedTimes.map((time) => ({ featureName: feature.name, ...time })),
  );
}

async function loadDetail(
  client: ApiClient,
  initiativeId: string,
  signal: AbortSignal,
): Promise<InitiativeDetail | ApiError> {
  try {
    return await client.request({
      path: initiativePath(initiativeId),
      schema: initiativeDetailSchema,
      signal,
    });
  } catch (error) {
    return toApiError(error);
  }
}

/**
 * Loads the diagnostics and, beside them, the initiative itself: its design gives the planned sessions
 * for the heatmap, and it tells a 404 "no snapshot yet" apart from a 404 "no such initiative" without
 * reading the problem's text.
 */
export async function loadDiagnostics(
  client: ApiClient,
  initiativeId: string,
  signal: AbortSignal,
): Promise<Exclude<DiagnosticsState, { status: 'loading' }>> {
  const detail = loadDetail(client, initiativeId, signal);
  try {
    const data = await client.request({
      path: diagnosticsPath(initiativeId),
      schema: diagnosticsResponseSchema,
      signal,
    });
    const found = await detail;
    return { status: 'ready', data, planned: plannedSessionsOf(found instanceof ApiError ? null : found) };
  } catch (caught) {
    const error = toApiError(caught);
    if (error.code === 'conflict') return { status: 'empty', reason: 'no-design' };
    if (error.code === 'not_found') {
      const found = await detail;
      if (!(found instanceof ApiError)) return { status: 'empty', reason: 'no-snapshot' };
    }
    return { status: 'failed', error };
  }
}

/** Loads an initiative's diagnostics once per initiative and again on `retry()`. */
export function useDiagnostics(initiativeId: string): { state: DiagnosticsState; retry: () => void } {
  const client = useApiClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DiagnosticsState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadDiagnostics(client, initiativeId, controller.signal).then(
      (next) => {
        if (!controller.signal.aborted) setState(next);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [client, initiativeId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
