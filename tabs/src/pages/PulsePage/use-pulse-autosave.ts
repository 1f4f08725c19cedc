import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiClient, type ApiError } from '../../api/client';
import { putPulseAnswer } from '../../api/my-pulses';
import { putPulseDraft } from '../../api/pulse-drafts';
import {
  answerFromDraft,
  clearStoredDraft,
  sameDraft,
  savedFromDraft,
  writeStoredDraft,
  type PulseDraft,
} from './pulse-draft';

/**
 * Where the person's answers are: on their way, with the API as a draft (`draftSaved`: not counted yet)
 * or as the answer (`saved`), or stuck and kept in this browser.
 */
export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'restored' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'draftSaved'; readonly at: Date }
  | { readonly kind: 'saved'; readonly at: Date }
  | { readonly kind: 'retrying'; readonly error: ApiError }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'closed' };

/** What the autosave needs; delays are options so tests need not wait seconds. */
export interface AutosaveOptions {
  readonly client: ApiClient;
  readonly initiativeId: string;
  readonly waveId: string;
  readonly storageKey: string;
  readonly initialDraft: PulseDraft;
  /** True when the initial draft came from this browser and the API has not acknowledged it. */
  readonly restored: boolean;
  readonly debounceMs?: number;
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
}

/** The form's answers and how saving them goes. */
export interface Autosave {
  readonly draft: PulseDraft;
  readonly status: SaveStatus;
  /** Records a change: kept in the browser at once, sent to the API after a short pause. */
  readonly update: (draft: PulseDraft) => void;
  /** Sends now (Finish); true once the API holds exactly the current answers as a complete answer. */
  readonly flush: () => Promise<boolean>;
}

/** Failures that go away by themselves: no answer, a server fault, throttling, a token to renew. */
function isTransient(error: ApiError): boolean {
  if (error.status === 0 || error.status >= 500) return true;
  return error.code === 'rate_limited' || error.code === 'token_expired';
}

/**
 * Saves as you go, from the first answer: each change is written to localStorage at once and PUT to the
 * API after `debounceMs`, as a draft while incomplete and as the answer once complete; a transient failure is retried with a growing pause (and at once when the browser comes
 * back online); the browser copy is dropped only when the API acknowledged exactly those answers.
 */
export function usePulseAutosave(options: AutosaveOptions): Autosave {
  const { client, initiativeId, waveId, storageKey, debounceMs = 800, retryBaseMs = 2000 } = options;
  const retryMaxMs = options.retryMaxMs ?? 30_000;
  const [draft, setDraft] = useState(options.initialDraft);
  const [status, setStatus] = useState<SaveStatus>({ kind: options.restored ? 'restored' : 'idle' });
  const draftRef = useRef(options.initialDraft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const failures = useRef(0);
  const mounted = useRef(true);

  const send = useCallback(async (): Promise<boolean> => {
    // One request at a time, in order: a later change waits for the earlier PUT, then sends itself.
    while (inFlight.current) await inFlight.current;
    const sending = draftRef.current;
    const answer = answerFromDraft(sending);
    const attempt = (async (): Promise<boolean> => {
      setStatus({ kind: 'saving' });
      try {
        if (answer) await putPulseAnswer(client, initiativeId, waveId, answer);
        else await putPulseDraft(client, initiativeId, waveId, savedFromDraft(sending));
        failures.current = 0;
        if (sameDraft(draftRef.current, sending)) {
          clearStoredDraft(storageKey);
          setStatus({ kind: answer ? 'saved' : 'draftSaved', at: new Date() });
          return true;
        }
        return false;
      } catch (thrown) {
        const error = toApiError(thrown);
        if (error.code === 'conflict') setStatus({ kind: 'closed' });
        else if (isTransient(error)) {
          failures.current += 1;
          setStatus({ kind: 'retrying', error });
          const delay = Math.min(retryBaseMs * 2 ** (failures.current - 1), retryMaxMs);
          if (mounted.current) schedule(delay);
        } else setStatus({ kind: 'failed', error });
        return false;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
    // `schedule` (declared below) is read when a retry is due, from this render's closure.
  }, [client, initiativeId, waveId, storageKey, retryBaseMs, retryMaxMs]);

  const schedule = useCallback(
    (delay: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void send();
      }, delay);
    },
    [send],
  );

  const update = useCallback(
    (next: PulseDraft) => {
      draftRef.current = next;
      setDraft(next);
      writeStoredDraft(storageKey, { draft: next, editedAt: Date.now() });
      schedule(debounceMs);
    },
    [storageKey, debounceMs, schedule],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const saved = await send();
    return saved && answerFromDraft(draftRef.current) !== null;
  }, [send]);

  // Answers restored from this browser go out at once; a lost connection is retried when it returns.
  useEffect(() => {
    mounted.current = true;
    if (options.restored) schedule(0);
    const online = () => {
      if (failures.current > 0) schedule(0);
    };
    window.addEventListener('online', online);
    return () => {
      mounted.current = false;
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
    };
    // Runs once per wave: the restored flag only matters on the first render.
  }, [waveId]);

  return { draft, status, update, flush };
}
