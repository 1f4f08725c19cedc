import type { RoleName } from '@learnfit/core';
import type { BotUser } from '@learnfit/bot';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { PrincipalRolesStore } from '../store/principal-roles-store';
import type { DirectReportCount } from './direct-reports';

/** What resolving a bot user needs. */
export interface BotIdentityDeps {
  readonly principalRoles: Pick<PrincipalRolesStore, 'get'>;
  readonly directReportCount: DirectReportCount;
  /** Tenants this deployment serves (the SSO validator's list); empty: any tenant. */
  readonly allowedTenants: readonly string[];
  readonly now: () => number;
  /** App roles last seen longer ago than this are ignored (default 7 days). */
  readonly rolesTtlMs?: number;
}

/** Resolves the person behind an activity and builds the identity the API's services check. */
export interface BotIdentity {
  identify(tenantId: string, userId: string): Promise<BotUser | null>;
  /** The identity a service sees for a bot user: the app roles as the tab's token carried them. */
  asIdentity(user: BotUser): SsoIdentity;
}

/** Default: roles not seen in the tab for a week are no longer trusted. */
export const defaultRolesTtlMs = 7 * 24 * 60 * 60_000;
const appRoles: readonly RoleName[] = ['LearningLeader', 'Admin'];
/** As `/api/me`: an answer is fresh for a minute, and served while refreshed for up to ten. */
const managerTtlMs = 60_000;
const managerMaxStaleMs = 10 * 60_000;
/** The stored roles are read again after this long, so a change seen by another instance arrives soon. */
const rolesCacheMs = 15_000;
const maxEntries = 10_000;

interface ManagerEntry {
  at: number;
  ready: boolean | null;
  pending: Promise<boolean> | null;
}

/**
 * Bot users get the permissions the tab gives them. App roles come from the `principal_roles` store,
 * written whenever the API validates the person's SSO token; the bot receives no such token, so:
 * (1) someone who never opened the tab has no app role (least privilege); (2) a role assigned or removed
 * in Entra reaches the bot at the person's next tab visit; (3) roles not seen for `rolesTtlMs` (7 days)
 * are ignored, so a removed role stops counting after a week even if the person never returns.
 * `Manager` comes from the org chart as in `/api/me` (direct reports > 0), cached the same way; when
 * Graph fails and no answer younger than ten minutes is at hand, the person is not treated as a
 * manager, and the failure is not cached (the next activity asks Graph again).
 */
export function createBotIdentity(deps: BotIdentityDeps): BotIdentity {
  const rolesTtlMs = deps.rolesTtlMs ?? defaultRolesTtlMs;
  const managers = new Map<string, ManagerEntry>();
  const roles = new Map<string, { at: number; roles: readonly RoleName[] }>();

  const remember = <T>(map: Map<string, T>, key: string, value: T): void => {
    map.delete(key);
    map.set(key, value);
    if (map.size > maxEntries) map.delete(map.keys().next().value ?? '');
  };

  const lookUpManager = (tenantId: string, userId: string, entry: ManagerEntry): Promise<boolean> => {
    const pending = deps.directReportCount(tenantId, userId).then(
      (count) => {
        entry.ready = count > 0;
        entry.at = deps.now();
        entry.pending = null;
        return entry.ready;
      },
      // Least privilege: whoever waits for this answer is not a manager. The failure is not cached, and
      // an earlier answer is still served while it is within its ten minutes of staleness.
      () => {
        entry.pending = null;
        return false;
      },
    );
    entry.pending = pending;
    return pending;
  };

  const isManager = (tenantId: string, userId: string): Promise<boolean> => {
    const key = `${tenantId}|${userId}`;
    let entry = managers.get(key);
    if (!entry) {
      entry = { at: 0, ready: null, pending: null };
      remember(managers, key, entry);
    }
    const age = deps.now() - entry.at;
    if (entry.ready === null || age >= managerMaxStaleMs)
      return entry.pending ?? lookUpManager(tenantId, userId, entry);
    if (age >= managerTtlMs && entry.pending === null) void lookUpManager(tenantId, userId, entry);
    return Promise.resolve(entry.ready);
  };

  const storedRoles = async (tenantId: string, userId: string): Promise<readonly RoleName[]> => {
    const key = `${tenantId}|${userId}`;
    const cached = roles.get(key);
    if (cached && deps.now() - cached.at < rolesCacheMs) return cached.roles;
    const row = await deps.principalRoles.get(tenantId, userId);
    const fresh = row !== null && deps.now() - row.seenAt.getTime() < rolesTtlMs;
    const found = fresh ? appRoles.filter((role) => row.roles.includes(role)) : [];
    remember(roles, key, { at: deps.now(), roles: found });
    return found;
  };

  return {
    async identify(rawTenantId, rawUserId) {
      const tenantId = rawTenantId.toLowerCase();
      const userId = rawUserId.toLowerCase();
      if (deps.allowedTenants.length > 0 && !deps.allowedTenants.some((t) => t.toLowerCase() === tenantId))
        return null;
      const [app, manager] = await Promise.all([storedRoles(tenantId, userId), isManager(tenantId, userId)]);
      return {
        tenantId,
        userId,
        roles: ['Learner', ...(manager ? (['Manager'] as const) : []), ...app],
      };
    },
    asIdentity(user) {
      return {
        tenantId: user.tenantId,
        userId: user.userId,
        name: null,
        preferredUsername: null,
        roles: user.roles.filter((role) => appRoles.includes(role)),
        // No SSO token: the services the bot calls never exchange one (they use the app's Graph client).
        token: '',
      };
    },
  };
}
