// Who is calling the Graph simulator, as read from the bearer token. The lead wires a verifier backed
// by the identity simulator's RS256 keys; tests use fake-auth.ts.

/** A verified caller: an app (client credentials) or a user (delegated, e.g. on-behalf-of). */
export interface GraphCaller {
  kind: 'delegated' | 'app';
  tenantId: string;
  userId: string | null /* oid for delegated */;
  scopes: string[];
  roles: string[];
  /** The calling application (the token's appid); throttling limits are kept per app. */
  appId?: string;
}

/** Verifies the Authorization header; null means missing or invalid. */
export interface GraphSimAuth {
  verify(authorization: string | undefined): Promise<GraphCaller | null>;
}

/** The permissions a caller holds: roles for apps, scopes for delegated callers. */
export function grantedPermissions(caller: GraphCaller): string[] {
  return caller.kind === 'app' ? caller.roles : caller.scopes;
}

/** True when the caller holds at least one of the accepted permissions (case-insensitive). */
export function holdsAny(caller: GraphCaller, accepted: readonly string[]): boolean {
  const held = new Set(grantedPermissions(caller).map((p) => p.toLowerCase()));
  return accepted.some((p) => held.has(p.toLowerCase()));
}
