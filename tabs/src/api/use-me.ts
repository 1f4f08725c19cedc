import type { MeResponse } from '@learnfit/core';
import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from './client';
import { useApiClient } from './api-context';

/** The Home page's data: loading, loaded, or failed with a typed error. */
export type MeState =
  { status: 'loading' } | { status: 'ready'; me: MeResponse } | { status: 'failed'; error: ApiError };

/** Loads `GET /api/me` once per mount and again on `retry()`; a late answer after unmount is dropped. */
export function useMe(): { state: MeState; retry: () => void } {
  const client = useApiClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<MeState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    client.getMe(controller.signal).then(
      (me) => {
        if (!controller.signal.aborted) setState({ status: 'ready', me });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [client, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
