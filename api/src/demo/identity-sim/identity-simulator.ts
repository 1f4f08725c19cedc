import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  createLocalJWKSet,
  type JWK,
  type JWTPayload,
} from 'jose';

/** What the identity simulator needs to know about the tenant's people. */
export interface IdentityDirectory {
  readonly tenantId: string;
  findUser(id: string): { displayName: string; userPrincipalName: string } | null;
  rolesOf(id: string): readonly string[];
}

/** Options for the identity simulator: the app registration it plays, and what the tenant consented to. */
export interface IdentitySimulatorOptions {
  readonly directory: IdentityDirectory;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Application permissions an admin granted (appear as `roles` in app-only Graph tokens). */
  readonly appPermissions: readonly string[];
  /** Delegated Graph scopes consented for all users. */
  readonly delegatedScopes: readonly string[];
  readonly now: () => Date;
}

/** A caller of the Graph simulator, as proven by a token this simulator issued. */
export interface VerifiedGraphToken {
  readonly kind: 'delegated' | 'app';
  readonly tenantId: string;
  readonly userId: string | null;
  readonly scopes: string[];
  readonly roles: string[];
  /** The token's `appid` (the calling application); the Graph simulator throttles per app. */
  readonly appId?: string;
}

/** The running identity simulator: an Express app plus helpers the demo host and tests use. */
export interface IdentitySimulator {
  readonly app: express.Express;
  /** A Teams SSO token for the user, as `getAuthToken()` returns it (aud = client id). */
  issueSsoToken(
    userId: string,
    overrides?: Readonly<Record<string, unknown>>,
    lifetimeSeconds?: number,
  ): Promise<string>;
  /** Checks a Graph bearer token issued by this simulator. */
  verifyGraphToken(authorization: string | undefined): Promise<VerifiedGraphToken | null>;
}

const graphAudience = 'https://graph.microsoft.com';
const teamsWebClientId = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const loginBase = 'https://login.microsoftonline.com';

/**
 * Plays Entra ID for one tenant: OpenID metadata, JWKS, and the v2 token endpoint answering
 * client-credentials and on-behalf-of requests with RS256 tokens, in Entra's wire format.
 */
export async function createIdentitySimulator(options: IdentitySimulatorOptions): Promise<IdentitySimulator> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID().replace(/-/g, '');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const jwks = { keys: [publicJwk] };
  const localKeys = createLocalJWKSet(jwks);
  const tenantId = options.directory.tenantId;
  const nowSeconds = (): number => Math.floor(options.now().getTime() / 1000);

  async function sign(claims: JWTPayload, lifetimeSeconds = 3600): Promise<string> {
    const iat = nowSeconds();
    // Claims given by the caller (tests forging edge cases) win over the defaults.
    return new SignJWT({ iat, nbf: iat - 60, exp: iat + lifetimeSeconds, jti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(privateKey);
  }

  async function verifyOwn(token: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, localKeys, {
        currentDate: options.now(),
        clockTolerance: 300,
      });
      return payload;
    } catch {
      return null;
    }
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));

  app.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const tenant = req.params.tenant;
    res.json({
      issuer: `${loginBase}/${tenant}/v2.0`,
      authorization_endpoint: `${loginBase}/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${loginBase}/${tenant}/oauth2/v2.0/token`,
      jwks_uri: `${loginBase}/${tenant}/discovery/v2.0/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      tenant_region_scope: 'EU',
    });
  });
  app.get('/:tenant/discovery/v2.0/keys', (_req, res) => {
    res.json(jwks);
  });
  app.post('/:tenant/oauth2/v2.0/token', async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const requestedTenant = req.params.tenant;
    if (requestedTenant !== tenantId && requestedTenant !== 'organizations' && requestedTenant !== 'common') {
      aadError(options.now(), res, 400, 'invalid_request', 90002, `Tenant '${requestedTenant}' not found.`);
      return;
    }
    if (body['client_id'] !== options.clientId) {
      aadError(
        options.now(),
        res,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${body['client_id'] ?? ''}' was not found in the directory.`,
      );
      return;
    }
    if (body['client_secret'] !== options.clientSecret) {
      aadError(
        options.now(),
        res,
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.',
      );
      return;
    }
    const scopes = (body['scope'] ?? '').split(' ').filter((scope) => scope.length > 0);
    if (body['grant_type'] === 'client_credentials') {
      if (!scopes.includes(`${graphAudience}/.default`)) {
        aadError(
          options.now(),
          res,
          400,
          'invalid_scope',
          1002012,
          'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
        );
        return;
      }
      const token = await sign({
        aud: graphAudience,
        iss: `https://sts.windows.net/${tenantId}/`,
        tid: tenantId,
        appid: options.clientId,
        idtyp: 'app',
        roles: [...options.appPermissions],
        ver: '1.0',
      });
      res.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      return;
    }
    if (
      body['grant_type'] === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      body['requested_token_use'] === 'on_behalf_of'
    ) {
      const assertion = await verifyOwn(body['assertion'] ?? '');
      if (!assertion || assertion['aud'] !== options.clientId || typeof assertion['oid'] !== 'string') {
        aadError(
          options.now(),
          res,
          400,
          'invalid_grant',
          50013,
          'Assertion failed signature validation or was issued for another audience.',
        );
        return;
      }
      const graphScopes = scopes
        .filter((scope) => scope.startsWith(`${graphAudience}/`))
        .map((scope) => scope.slice(graphAudience.length + 1));
      const missing = graphScopes.filter(
        (scope) => scope !== '.default' && !options.delegatedScopes.includes(scope),
      );
      if (missing.length > 0) {
        aadError(
          options.now(),
          res,
          400,
          'invalid_grant',
          65001,
          `The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource. Missing: ${missing.join(' ')}`,
          'consent_required',
        );
        return;
      }
      const granted = graphScopes.includes('.default') ? [...options.delegatedScopes] : graphScopes;
      const token = await sign({
        aud: graphAudience,
        iss: `https://sts.windows.net/${tenantId}/`,
        tid: tenantId,
        oid: assertion['oid'],
        name: assertion['name'],
        upn: assertion['preferred_username'],
        appid: options.clientId,
        idtyp: 'user',
        scp: granted.join(' '),
        ver: '1.0',
      });
      res.json({
        token_type: 'Bearer',
        scope: granted.map((scope) => `${graphAudience}/${scope}`).join(' '),
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: token,
      });
      return;
    }
    aadError(
      options.now(),
      res,
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type.',
    );
  });

  return {
    app,
    async issueSsoToken(userId, overrides = {}, lifetimeSeconds = 3600) {
      const user = options.directory.findUser(userId);
      if (!user) throw new Error(`No user ${userId} in the demo tenant`);
      return sign(
        {
          aud: options.clientId,
          iss: `${loginBase}/${tenantId}/v2.0`,
          tid: tenantId,
          oid: userId,
          sub: userId,
          name: user.displayName,
          preferred_username: user.userPrincipalName,
          scp: 'access_as_user',
          azp: teamsWebClientId,
          roles: [...options.directory.rolesOf(userId)],
          ver: '2.0',
          ...overrides,
        },
        lifetimeSeconds,
      );
    },
    async verifyGraphToken(authorization) {
      const match = /^Bearer (.+)$/i.exec(authorization ?? '');
      if (!match?.[1]) return null;
      const payload = await verifyOwn(match[1]);
      if (!payload || payload.aud !== graphAudience || payload['tid'] !== tenantId) return null;
      const isApp = payload['idtyp'] === 'app';
      const appId = typeof payload['appid'] === 'string' ? payload['appid'] : null;
      return {
        kind: isApp ? 'app' : 'delegated',
        tenantId,
        userId: isApp ? null : String(payload['oid']),
        scopes: typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [],
        roles: Array.isArray(payload['roles']) ? payload['roles'].map(String) : [],
        ...(appId ? { appId } : {}),
      };
    },
  };
}

function aadError(
  now: Date,
  res: Response,
  status: number,
  error: string,
  code: number,
  description: string,
  suberror?: string,
): void {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  res.status(status).json({
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId}`,
    error_codes: [code],
    timestamp: now.toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    trace_id: traceId,
    correlation_id: correlationId,
    ...(suberror ? { suberror } : {}),
  });
}
