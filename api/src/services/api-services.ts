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
/** Most people whose answer is kept at once (the oldest is dropped first). */
const meCacheSize = 10_000;

/**
 * Wires the use cases to their ports. `/api/me` is answered from a short per-person cache: the tab asks
 * on every page, and each answer costs an on-behalf-of token and three Graph calls. Requests that arrive
 * together share one lookup; a failed lookup is not kept. The answer depends only on the token's tenant,
 * user and roles, so the key holds all three (a role granted a minute ago shows at once).
 */
export function createApiServices(
  deps: MeServiceDeps & { initiatives: InitiativeStore; now?: () => number },
): ApiServices {
  const now = deps.now ?? Date.now;
  const answers = new Map<string, { at: number; answer: Promise<MeResponse> }>();
  const cachedMe = (identity: SsoIdentity): Promise<MeResponse> => {
    const key = `${identity.tenantId}|${identity.userId}|${[...identity.roles].sort().join(',')}`;
    const kept = answers.get(key);
    if (kept && now() - kept.at < meTtlMs) return kept.answer;
    const answer = describeMe(deps, identity);
    answers.delete(key);
    answers.set(key, { at: now(), answer });
    if (answers.size > meCacheSize) answers.delete(answers.keys().next().value ?? '');
    answer.catch(() => {
      if (answers.get(key)?.answer === answer) answers.delete(key);
    });
    return answer;
  };
  return {
    describeMe: cachedMe,
    listInitiatives: async (tenantId) => (await deps.initiatives.list(tenantId)).map(toSummary),
    searchInitiatives: async (tenantId, text, limit) =>
      (await deps.initiatives.search(tenantId, text, limit)).map(toSummary),
  };
}
