import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import type { FetchLike } from '../graph/transport';
import { AuthError } from './auth-error';

/** Who called the API, as proven by a validated Teams SSO token. */
export interface SsoIdentity {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string | null;
  readonly preferredUsername: string | null;
  /** App roles assigned to the user in the tenant (e.g. LearningLeader, Admin). */
  readonly roles: readonly string[];
  /** The raw token, kept only to exchange it on behalf of the user. */
  readonly token: string;
}

/** Validates Teams SSO tokens. */
export interface SsoTokenValidator {
  validate(token: string): Promise<SsoIdentity>;
}

/** Options for the validator. */
export interface SsoTokenValidatorOptions {
  readonly fetch: FetchLike;
  readonly audiences: readonly string[];
  readonly allowedTenants: readonly string[];
  readonly now: () => Date;
  /** How long a tenant's signing keys are trusted before they are fetched again. */
  readonly keyTtlMs?: number;
  /** The shortest gap between two fetches for one tenant, so unknown `kid`s cannot make us fetch per request. */
  readonly minRefreshMs?: number;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const requiredScope = 'access_as_user';
const clockToleranceSeconds = 300;

interface CachedKeys {
  readonly keys: ReturnType<typeof createLocalJWKSet>;
  readonly kids: ReadonlySet<string>;
  readonly fetchedAt: number;
}

/**
 * Validates an Entra v2 access token issued to the tab: RS256 signature against the tenant's JWKS,
 * `aud`, `iss` for the token's own tenant, `tid`, `exp`/`nbf` with 5 minutes of skew, and the
 * `access_as_user` scope. Keys are cached per tenant and refetched when an unknown `kid` appears.
 */
export function createSsoTokenValidator(options: SsoTokenValidatorOptions): SsoTokenValidator {
  const cache = new Map<string, CachedKeys>();
  const keyTtlMs = options.keyTtlMs ?? 24 * 60 * 60 * 1000;
  const minRefreshMs = options.minRefreshMs ?? 5 * 60 * 1000;

  async function loadKeys(tenantId: string, kid: string | undefined): Promise<CachedKeys> {
    const cached = cache.get(tenantId);
    const age = cached ? options.now().getTime() - cached.fetchedAt : Infinity;
    if (cached && age < keyTtlMs && (kid === undefined || cached.kids.has(kid) || age < minRefreshMs))
      return cached;
    const url = `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
    const response = await options.fetch(url);
    // Entra answers 400 for a tenant that does not exist: the token names no real tenant.
    if (response.status >= 400 && response.status < 500) {
      throw new AuthError('wrong_tenant', `Tenant ${tenantId} has no signing keys.`);
    }
    if (!response.ok) throw new Error(`Signing keys for tenant ${tenantId} answered ${response.status}`);
    const jwks = (await response.json()) as JSONWebKeySet;
    const entry: CachedKeys = {
      keys: createLocalJWKSet(jwks),
      kids: new Set(
        jwks.keys.map((key) => key.kid).filter((value): value is string => typeof value === 'string'),
      ),
      fetchedAt: options.now().getTime(),
    };
    cache.set(tenantId, entry);
    return entry;
  }

  return {
    async validate(token) {
      let unverified: JWTPayload;
      let kid: string | undefined;
      try {
        unverified = decodeJwt(token);
        kid = decodeProtectedHeader(token).kid;
      } catch {
        throw new AuthError('invalid_token', 'The token is not a JWT.');
      }
      const tenantId = unverified['tid'];
      if (typeof tenantId !== 'string' || !guidPattern.test(tenantId)) {
        throw new AuthError('wrong_tenant', 'The token carries no valid tenant id.');
      }
      if (options.allowedTenants.length > 0 && !options.allowedTenants.includes(tenantId)) {
        throw new AuthError('wrong_tenant', 'This tenant is not allowed to use this LearnFit deployment.');
      }
      const { keys } = await loadKeys(tenantId, kid);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          clockTolerance: clockToleranceSeconds,
          currentDate: options.now(),
          requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
        }));
      } catch (error) {
        throw mapJoseError(error);
      }
      const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!audiences.some((aud) => aud !== undefined && options.audiences.includes(aud))) {
        throw new AuthError('wrong_audience', 'The token was issued for another application.');
      }
      if (payload.iss !== `https://login.microsoftonline.com/${tenantId}/v2.0`) {
        throw new AuthError('wrong_issuer', 'The token was not issued by the tenant it names.');
      }
      const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
      if (!scopes.includes(requiredScope)) {
        throw new AuthError('insufficient_scope', `The token lacks the ${requiredScope} scope.`);
      }
      const oid = payload['oid'];
      if (typeof oid !== 'string' || oid.length === 0)
        throw new AuthError('invalid_token', 'The token has no oid.');
      const roles = Array.isArray(payload['roles'])
        ? payload['roles'].filter((role): role is string => typeof role === 'string')
        : [];
      return {
        tenantId,
        userId: oid,
        name: typeof payload['name'] === 'string' ? payload['name'] : null,
        preferredUsername:
          typeof payload['preferred_username'] === 'string' ? payload['preferred_username'] : null,
        roles,
        token,
      };
    },
  };
}

function mapJoseError(error: unknown): AuthError {
  if (error instanceof errors.JWTExpired) return new AuthError('token_expired', 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthError('invalid_token', `The token's ${error.claim} claim is not valid now.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AuthError('invalid_token', 'The token was signed with an unknown key.');
  }
  return new AuthError('invalid_token', 'The token signature or format is invalid.');
}
