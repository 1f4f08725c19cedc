import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from './client';
import { toApiError, type ApiError } from './client';
import { useApiClient } from './api-context';

/** Data a page loads: loading, loaded, or failed with a typed error. */
export type ResourceState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ApiError };

/** A loaded resource with Retry, and a way to replace the data after a write (no reload needed). */
export interface Resource<T> {
  readonly state: ResourceState<T>;
  readonly retry: () => void;
  readonly replace: (data: T) => void;
}

/**
 * Loads with the API client once per `key` and again on `retry()`, like `useMe`: a late answer after
 * unmount or after the key changed is dropped, and the request is aborted.
 */
export function useApiResource<T>(
  key: string,
  load: (client: ApiClient, signal: AbortSignal) => Promise<T>,
): Resource<T> {
  const client = useApiClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(client, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error: toApiError(error) });
      },
    );
    return () => controller.abort();
    // `load` is a new closure per render; `key` names what it loads, so it alone decides a reload.
  }, [client, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, retry, replace };
}
