import {
  directorySearchQuerySchema,
  type FoundGroup,
  type FoundPerson,
  type FoundTeam,
} from '@learnfit/core';
import type { SsoIdentity } from '../identity/sso-token-validator';

/** Directory search on behalf of the signed-in user (the Graph adapter implements it). */
export interface DirectorySearch {
  people(identity: SsoIdentity, text: string): Promise<FoundPerson[]>;
  groups(identity: SsoIdentity, text: string): Promise<FoundGroup[]>;
  teams(identity: SsoIdentity, text: string): Promise<FoundTeam[]>;
}

/** What the routes call: the raw query in, at most 25 results out. */
export interface DirectoryService {
  people(identity: SsoIdentity, query: unknown): Promise<FoundPerson[]>;
  groups(identity: SsoIdentity, query: unknown): Promise<FoundGroup[]>;
  teams(identity: SsoIdentity, query: unknown): Promise<FoundTeam[]>;
}

/**
 * Any signed-in user may search: Graph answers with what the user may see through delegated
 * permissions, so LearnFit adds no rights of its own. A consent the tenant has not given surfaces as
 * `ConsentRequiredError` (403 `consent_required`); Graph throttling and outages as 503/502 problems.
 */
export function createDirectoryService(search: DirectorySearch): DirectoryService {
  const text = (query: unknown): string => directorySearchQuerySchema.parse(query).q;
  return {
    people: (identity, query) => search.people(identity, text(query)),
    groups: (identity, query) => search.groups(identity, text(query)),
    teams: (identity, query) => search.teams(identity, text(query)),
  };
}
