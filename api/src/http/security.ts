import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import helmet from 'helmet';
import { sendProblem } from './problem';

/** Hosts that may frame the tab: Teams, Outlook and Microsoft 365 (teams-platform.md §7). */
export const teamsFrameAncestors = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/**
 * Helmet with a CSP for the tab: scripts and data from this origin only; inline styles because Fluent
 * UI (Griffel) inserts its rules at runtime; framing by the Teams and Microsoft 365 hosts, and by this
 * origin in demo mode, where the host emulator frames the tab. No X-Frame-Options: it would block Teams.
 */
export function securityHeaders(mode: 'demo' | 'production'): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // teams-js reads its list of valid host origins from Microsoft's CDN (it falls back to a built-in list).
        connectSrc: ["'self'", 'https://res.cdn.office.net'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [...(mode === 'demo' ? ["'self'"] : []), ...teamsFrameAncestors],
      },
    },
    xFrameOptions: false,
    // Teams loads the tab cross-origin in an iframe; a strict COEP/CORP would block its resources.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: mode === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/** Gives every request an id (the caller's `x-request-id` when it is a sane token) and echoes it. */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
  res.locals['requestId'] = id;
  res.setHeader('X-Request-Id', id);
  next();
};

/** Requests per minute allowed per signed-in user and per tenant on `/api`. */
export interface RateLimits {
  readonly perUserPerMinute: number;
  readonly perTenantPerMinute: number;
}

/** Defaults: generous for a person clicking around, bounded for a script. */
export const defaultRateLimits: RateLimits = { perUserPerMinute: 600, perTenantPerMinute: 6000 };

function limiter(
  limit: number,
  key: (identity: { tenantId: string; userId: string }) => string,
): RequestHandler {
  const options: Partial<Options> = {
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => {
      const identity = res.locals['identity'] as { tenantId: string; userId: string } | undefined;
      return identity ? key(identity) : 'anonymous';
    },
    handler: (_req, res) => {
      sendProblem(
        res,
        429,
        'rate_limited',
        'Too many requests',
        'Wait a minute and try again; the Retry-After header says how long.',
      );
    },
  };
  return rateLimit(options);
}

/** Per-user and per-tenant limits; mount after authentication so the keys are the caller's identity. */
export function rateLimits(limits: RateLimits = defaultRateLimits): RequestHandler[] {
  return [
    limiter(limits.perUserPerMinute, (identity) => `user:${identity.tenantId}:${identity.userId}`),
    limiter(limits.perTenantPerMinute, (identity) => `tenant:${identity.tenantId}`),
  ];
}
