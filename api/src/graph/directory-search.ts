import type { Client } from '@microsoft/microsoft-graph-client';
import type { Group, User } from '@microsoft/microsoft-graph-types';
import type { FoundGroup, FoundPerson, FoundTeam } from '@learnfit/core';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { DirectorySearch } from '../services/directory-service';

/** Builds a Graph client for the caller; throws ConsentRequiredError when the scopes are not consented. */
export type DelegatedClientFactory = (identity: SsoIdentity, scopes: readonly string[]) => Promise<Client>;

/** Delegated scopes of each search; each is listed in docs/permissions.md. */
export const directorySearchScopes = {
  people: ['User.ReadBasic.All'],
  groups: ['Group.ReadBasic.All'],
  teams: ['Group.ReadBasic.All'],
} as const;

/** Results a search returns. */
const pageSize = 25;

/**
 * One `"property:text"` clause of a Graph `$search`: inside the quotes a backslash and a double quote are
 * escaped with a backslash (Graph's documented rule); everything else is percent-encoded with the whole
 * expression by `encodeSearch`.
 */
export function searchClause(property: string, text: string): string {
  return `"${property}:${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * The `$search` value for the URL. The Graph JS client puts query values into the URL as given, so the
 * expression is percent-encoded here (`&`, `#`, `+`, `%` and spaces would otherwise change the query).
 */
export function encodeSearch(clauses: readonly string[]): string {
  return encodeURIComponent(clauses.join(' OR '));
}

type Page<T> = { value?: T[] };
/** `resourceProvisioningOptions` is a v1.0 group property the typings package does not list. */
type GroupWithOptions = Group & { resourceProvisioningOptions?: string[] | null };

/** Directory search on behalf of the signed-in user (delegated Graph, advanced queries). */
export function createGraphDirectorySearch(clientFor: DelegatedClientFactory): DirectorySearch {
  return {
    async people(identity, text) {
      const client = await clientFor(identity, directorySearchScopes.people);
      const page = (await client
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .search(
          encodeSearch([
            searchClause('displayName', text),
            searchClause('mail', text),
            searchClause('userPrincipalName', text),
          ]),
        )
        .select(['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department'])
        .top(pageSize)
        .get()) as Page<User>;
      return (page.value ?? []).slice(0, pageSize).map((user): FoundPerson => ({
        id: user.id ?? '',
        displayName: user.displayName ?? '',
        mail: user.mail ?? null,
        userPrincipalName: user.userPrincipalName ?? null,
        jobTitle: user.jobTitle ?? null,
        department: user.department ?? null,
      }));
    },
    async groups(identity, text) {
      const client = await clientFor(identity, directorySearchScopes.groups);
      // Distribution lists (mail-enabled, not security, not Microsoft 365) cannot be target groups; they
      // are dropped here, so twice a page is asked for to still fill one.
      const page = (await client
        .api('/groups')
        .header('ConsistencyLevel', 'eventual')
        .search(encodeSearch([searchClause('displayName', text), searchClause('mail', text)]))
        .select([
          'id',
          'displayName',
          'description',
          'mail',
          'groupTypes',
          'securityEnabled',
          'resourceProvisioningOptions',
        ])
        .top(pageSize * 2)
        .get()) as Page<GroupWithOptions>;
      const groups: FoundGroup[] = [];
      for (const group of page.value ?? []) {
        const unified = (group.groupTypes ?? []).includes('Unified');
        if (!unified && !group.securityEnabled) continue;
        groups.push({
          id: group.id ?? '',
          displayName: group.displayName ?? '',
          description: group.description ?? null,
          mail: group.mail ?? null,
          kind: unified ? 'microsoft365' : 'security',
          isTeam: (group.resourceProvisioningOptions ?? []).includes('Team'),
        });
      }
      return groups.slice(0, pageSize);
    },
    async teams(identity, text) {
      const client = await clientFor(identity, directorySearchScopes.teams);
      const page = (await client
        .api('/groups')
        .header('ConsistencyLevel', 'eventual')
        .filter(encodeURIComponent("resourceProvisioningOptions/Any(x:x eq 'Team')"))
        .search(encodeSearch([searchClause('displayName', text), searchClause('mail', text)]))
        .select(['id', 'displayName', 'description', 'mail', 'visibility'])
        .top(pageSize)
        .get()) as Page<Group>;
      return (page.value ?? []).slice(0, pageSize).map((group): FoundTeam => ({
        id: group.id ?? '',
        displayName: group.displayName ?? '',
        description: group.description ?? null,
        mail: group.mail ?? null,
        visibility: group.visibility ?? null,
      }));
    },
  };
}
