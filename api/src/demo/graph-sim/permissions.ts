// The 403 check run before every handler: the token's roles (app) or scopes (delegated) against the
// permissions permissions.json lists for the path, method and scheme (permission-table.ts), answered with
// the error shapes Graph uses (graph-wire-contract.md §6).
import { grantedPermissions, type GraphCaller } from './auth';
import { GraphSimError, insufficientPrivileges } from './errors';
import { PATH_PERMISSIONS } from './permission-table';
import type { RouteInfo } from './routes';

/** Delegated scopes that reach only the signed-in user, even where permissions.json lists them for /users/{id}. */
const SELF_ONLY = new Set(['user.read', 'user.readwrite']);

/** The permissions accepted for a method and template under the caller's scheme; null when unlisted. */
export function acceptedPermissions(
  method: string,
  template: string,
  kind: GraphCaller['kind'],
): string[] | null {
  const entry = PATH_PERMISSIONS[`${method.toUpperCase()} ${template}`];
  if (!entry) return null;
  return (kind === 'app' ? entry[1] : entry[0]).split(' ').filter(Boolean);
}

/** Throws Graph's 403 unless the caller holds one of the permissions the path accepts. */
export function checkPermission(caller: GraphCaller, method: string, route: RouteInfo): void {
  const accepted = acceptedPermissions(method, route.template, caller.kind);
  // Unlisted method/path, or no permission for this scheme (e.g. /me with an app token): the handler answers.
  if (accepted === null || accepted.length === 0) return;
  const held = new Set(grantedPermissions(caller).map((p) => p.toLowerCase()));
  const self =
    route.targetUser === undefined || route.targetUser.toLowerCase() === (caller.userId ?? '').toLowerCase();
  const ok = accepted.some((p) => held.has(p.toLowerCase()) && (self || !SELF_ONLY.has(p.toLowerCase())));
  if (ok) return;
  if (route.service !== 'teams') throw insufficientPrivileges();
  const [what, onRequest] = caller.kind === 'app' ? ['role', 'Roles'] : ['scope', 'Scopes'];
  throw new GraphSimError(
    403,
    'Forbidden',
    `Missing ${what} permissions on the request. API requires one of '${accepted.join(', ')}'. ${onRequest} on the request '${grantedPermissions(caller).join(', ')}'.`,
  );
}
