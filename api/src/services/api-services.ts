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

/** Wires the use cases to their ports. */
export function createApiServices(deps: MeServiceDeps & { initiatives: InitiativeStore }): ApiServices {
  return {
    describeMe: (identity) => describeMe(deps, identity),
    listInitiatives: async (tenantId) => (await deps.initiatives.list(tenantId)).map(toSummary),
    searchInitiatives: async (tenantId, text, limit) =>
      (await deps.initiatives.search(tenantId, text, limit)).map(toSummary),
  };
}
