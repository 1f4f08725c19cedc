import type { CollectionRun } from '@learnfit/core';
import { useEffect, useRef, useState } from 'react';
import { useApiClient } from './api-context';
import { ApiError, toApiError } from './client';
import { readCollectionEvents } from './collection-events';
import { useCollectionStreamOpener } from './collection-stream-context';
import { fetchCollection, isFinished } from './collections';

/** How a run is followed: its event stream, polling `GET /api/collections/:id`, or not at all (finished). */
export type RunTransport = 'stream' | 'polling' | 'idle';

/** A followed run: the latest state seen, how it arrives, and the last polling failure (if any). */
export interface FollowedRun {
  readonly run: CollectionRun | null;
  readonly transport: RunTransport;
  readonly error: ApiError | null;
}

/** Timing of `useCollectionRun`; tests shorten it. */
export interface FollowTiming {
  readonly pollMs: number;
  readonly reconnectMs: number;
  /** Stream failures in a row after which the hook falls back to polling. */
  readonly maxStreamFailures: number;
}

const defaultTiming: FollowTiming = { pollMs: 2_000, reconnectMs: 1_000, maxStreamFailures: 2 };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A 4xx other than 429 will not change by asking again. */
function isFinal(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500 && error.status !== 429;
}

/**
 * Follows a collection run until it finishes: the server-sent event stream first (reconnecting when the
 * server closes it), polling when the stream is unavailable. `onFinish` runs once with the final run.
 */
export function useCollectionRun(
  initial: CollectionRun | null,
  onFinish?: (run: CollectionRun) => void,
  timing: FollowTiming = defaultTiming,
): FollowedRun {
  const client = useApiClient();
  const open = useCollectionStreamOpener();
  const [state, setState] = useState<FollowedRun>({ run: initial, transport: 'idle', error: null });
  const finishRef = useRef(onFinish);
  finishRef.current = onFinish;
  const runId = initial?.id ?? null;

  useEffect(() => {
    setState({ run: initial, transport: 'idle', error: null });
    if (!initial || isFinished(initial)) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    const id = initial.id;

    const show = (run: CollectionRun, transport: RunTransport): boolean => {
      if (signal.aborted) return true;
      const finished = isFinished(run);
      setState({ run, transport: finished ? 'idle' : transport, error: null });
      if (finished) finishRef.current?.(run);
      return finished;
    };

    const viaStream = async (): Promise<boolean> => {
      if (!open) return false;
      let failures = 0;
      while (!signal.aborted && failures < timing.maxStreamFailures) {
        let seen = 0;
        try {
          const stream = await open(id, signal);
          setState((current) => ({ ...current, transport: 'stream' }));
          for await (const event of readCollectionEvents(stream)) {
            seen += 1;
            if (show(event.run, 'stream') || event.kind === 'done') return true;
          }
        } catch (error) {
          if (signal.aborted) return true;
          if (error instanceof ApiError && isFinal(error)) return false;
        }
        // A stream that closed after updates (the server's lifetime) reconnects; an empty one counts as failed.
        failures = seen > 0 ? 0 : failures + 1;
        await sleep(timing.reconnectMs, signal);
      }
      return signal.aborted;
    };

    const viaPolling = async (): Promise<void> => {
      setState((current) => ({ ...current, transport: 'polling' }));
      while (!signal.aborted) {
        try {
          if (show(await fetchCollection(client, id, signal), 'polling')) return;
        } catch (error) {
          if (signal.aborted) return;
          const failure = toApiError(error);
          setState((current) => ({ ...current, error: failure }));
          if (isFinal(failure)) return;
        }
        await sleep(timing.pollMs, signal);
      }
    };

    void viaStream().then((done) => (done ? undefined : viaPolling()));
    return () => controller.abort();
    // The run is followed by id; a new `initial` object for the same run does not restart it.
  }, [client, open, runId, timing]);

  return state;
}
