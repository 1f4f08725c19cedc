import type { InitiativeSummary, MeResponse } from '@learnfit/core';
import type { SsoIdentity } from '../identity/sso-token-validator';
import { describeMe, type MeServiceDeps } from './me-service';
import type { InitiativeRecord, InitiativeStore } from './ports';

/** The use cases the HTTP routes and the bot call. */
export interface ApiServices {
  describeMe(identity: SsoIdentity): Promise<MeResponse>;
  listInitiatives(tenantId: string): Promise<InitiativeSummary[]>;
  searchInitiatives(tenantId: string, text: string, limit: number): Promise<InitiativeSummary[]>;
}

/** A named readiness probe. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** Maps a stored initiative to the shared summary contract. */
export function toSummary(record: InitiativeRecord): InitiativeSummary {
  return {
    id: record.id,
    name: record.name,
    goal: record.goal,
    status: record.status,
    targetGroupSize: record.targetGroupSize,
    createdAt: record.createdAt.toISOString(),
  };
}

/** How long one person's `/api/me` answer is reused: org chart and 30-day counts change slowly. */
const meTtlMs = 60_000;
/** Oldest answer given while a fresh one is looked up; past it, the request waits for Graph. */
const meMaxStaleMs = 10 * 60_000;
/** Most people whose answer is kept at once (the oldest is dropped first). */
const meCacheSize = 10_000;

/**
 * Wires the use cases to their ports. `/api/me` is answered from a short per-person cache: the tab asks
 * on every page, and each answer costs an on-behalf-of token and three Graph calls. Requests that arrive
 * together share one lookup; a failed lookup is not kept. Once an answer is a minute old the next request
 * still gets it at once while a fresh one is looked up behind it (a slow Graph then delays no one).
 * The answer depends only on the token's tenant, user and roles, so the key holds all three (a role
 * granted a minute ago shows at once).
 */
export function createApiServices(
  deps: MeServiceDeps & { initiatives: InitiativeStore; now?: () => number },
): ApiServices {
  const now = deps.now ?? Date.now;
  interface Entry {
    /** When the answer in `ready` was looked up; 0 while the first lookup runs. */
    at: number;
    ready: MeResponse | null;
    pending: Promise<MeResponse> | null;
  }
  const entries = new Map<string, Entry>();
  const lookUp = (key: string, entry: Entry, identity: SsoIdentity): Promise<MeResponse> => {
    const pending = describeMe(deps, identity).then(
      (answer) => {
        entry.ready = answer;
        entry.at = now();
        entry.pending = null;
        return answer;
      },
      (error: unknown) => {
        entry.pending = null;
        if (entry.ready === null && entries.get(key) === entry) entries.delete(key);
        throw error;
      },
    );
    entry.pending = pending;
    return pending;
  };
  const cachedMe = (identity: SsoIdentity): Promise<MeResponse> => {
    const key = `${identity.tenantId}|${identity.userId}|${[...identity.roles].sort().join(',')}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { at: 0, ready: null, pending: null };
      entries.set(key, entry);
      if (entries.size > meCacheSize) entries.delete(entries.keys().next().value ?? '');
    }
    if (entry.ready === null || now() - entry.at >= meMaxStaleMs)
      return entry.pending ?? lookUp(key, entry, identity);
    if (now() - entry.at >= meTtlMs && entry.pending === null)
      // The refresh runs behind this answer; its failure keeps the old answer for the next request.
      lookUp(key, entry, identity).catch(() => undefined);
    return Promise.resolve(entry.ready);
  };
  return {
    describeMe: cachedMe,
    listInitiatives: async (tenantId) => (await deps.initiatives.list(tenantId)).map(toSummary),
    searchInitiatives: async (tenantId, text, limit) =>
      (await deps.initiatives.search(tenantId, text, limit)).map(toSummary),
  };
}
