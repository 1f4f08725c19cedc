import type { Client } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import type { ManagerLink } from '@learnfit/core';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { UserDirectory } from '../services/ports';

/**
 * Builds a Graph client that calls on behalf of the given user. It gets the token first: a consent the
 * user or admin has not given then surfaces as the token error (403 consent_required), not wrapped by
 * the Graph client into a network failure.
 */
export type UserGraphClientFactory = (identity: SsoIdentity, scopes: readonly string[]) => Promise<Client>;

/** Delegated scopes the "who am I" reads need; each is listed in docs/permissions.md. */
export const userDirectoryScopes = ['User.Read', 'User.ReadBasic.All'] as const;

type UserWithManager = User & { manager?: UserWithManager | null };

/** Reads the caller's profile, chain of managers and direct-report count from Graph (delegated). */
export function createGraphUserDirectory(clientFor: UserGraphClientFactory): UserDirectory {
  return {
    async me(identity, levels) {
      const client = await clientFor(identity, userDirectoryScopes);
      const [me, reports] = await Promise.all([
        client
          .api('/me')
          .header('ConsistencyLevel', 'eventual')
          .select(['id', 'displayName', 'userPrincipalName', 'jobTitle', 'department', 'officeLocation'])
          .expand(`manager($levels=${levels};$select=id,displayName,jobTitle)`)
          .get() as Promise<UserWithManager>,
        client
          .api('/me/directReports')
          .header('ConsistencyLevel', 'eventual')
          .select('id')
          .count(true)
          .top(1)
          .get() as Promise<{ '@odata.count'?: number; value: unknown[] }>,
      ]);
      const managementChain: ManagerLink[] = [];
      for (
        let manager = me.manager, level = 1;
        manager && level <= levels;
        manager = manager.manager, level += 1
      ) {
        managementChain.push({
          level,
          id: manager.id ?? '',
          displayName: manager.displayName ?? '',
          jobTitle: manager.jobTitle ?? null,
        });
      }
      return {
        profile: {
          id: me.id ?? identity.userId,
          displayName: me.displayName ?? identity.name ?? '',
          userPrincipalName: me.userPrincipalName ?? identity.preferredUsername ?? '',
          jobTitle: me.jobTitle ?? null,
          department: me.department ?? null,
          officeLocation: me.officeLocation ?? null,
        },
        managementChain,
        directReportCount: reports['@odata.count'] ?? reports.value.length,
      };
    },
  };
}
