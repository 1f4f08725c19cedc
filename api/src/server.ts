import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler, type Router } from 'express';
import { authenticate } from './http/authenticate';
import { errorHandler, notFound } from './http/error-handler';
import { sendProblem } from './http/problem';
import { guardPathAndQuery, rejectUnstorableStrings } from './http/input-guard';
import { buildOpenApi } from './http/openapi';
import { rateLimits, requestId, securityHeaders, type RateLimits } from './http/security';
import { healthRoutes } from './http/routes/health';
import { collectionRoutes } from './http/routes/collections';
import { initiativeRoutes } from './http/routes/initiatives';
import { meRoutes } from './http/routes/me';
import type { SsoTokenValidator } from './identity/sso-token-validator';
import type { Logger } from './logger';
import type { ApiServices, ReadinessCheck } from './services/api-services';
import type { CollectionService } from './services/collection-service';
import type { InitiativeService } from './services/initiative-service';

/** Everything the HTTP server needs; it reads no environment and creates no adapters itself. */
export interface ServerDeps {
  readonly mode: 'demo' | 'production';
  readonly tabDistDir: string | null;
  readonly validator: SsoTokenValidator;
  readonly services: ApiServices;
  readonly collections: CollectionService;
  readonly initiatives: InitiativeService;
  readonly readiness: readonly ReadinessCheck[];
  /** Registers `POST /api/messages` (the bot) on the app. */
  readonly mountBot: (app: Express) => Promise<void>;
  /** Demo-only routes (`/dev/...`): host emulator, personas. Null in production. */
  readonly demoRouter: Router | null;
  readonly logger: Logger;
  /** Requests per minute per user and per tenant on `/api` (defaults: 600 and 6,000). */
  readonly rateLimits?: RateLimits;
}

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      // Path only: query strings may carry search text, and tokens never travel there.
      logger.debug('request', {
        requestId: res.locals['requestId'],
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    next();
  };
}

/** Builds the Express app: health, the API, the bot endpoint, the tab and (in demo) the dev routes. */
export async function createServer(deps: ServerDeps): Promise<Express> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  app.use(requestId, securityHeaders(deps.mode), requestLog(deps.logger));
  app.use(healthRoutes(deps.readiness));

  app.use(
    '/api',
    guardPathAndQuery,
    express.json({
      limit: '256kb',
      strict: true,
      type: ['application/json', 'application/*+json'],
      reviver: rejectUnstorableStrings,
    }),
  );
  await deps.mountBot(app);
  const openApi = buildOpenApi('/');
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(
    '/api',
    authenticate(deps.validator),
    ...rateLimits(deps.rateLimits),
    meRoutes(deps.services),
    initiativeRoutes(deps.services, deps.initiatives),
    collectionRoutes(deps.collections),
  );
  app.use('/api', notFound);

  if (deps.demoRouter) app.use('/dev', deps.demoRouter);

  if (deps.tabDistDir && existsSync(path.join(deps.tabDistDir, 'index.html'))) {
    app.use('/tab', express.static(deps.tabDistDir, { index: 'index.html', maxAge: '1h', immutable: false }));
  } else {
    app.use('/tab', (_req, res) => {
      sendProblem(
        res,
        503,
        'not_ready',
        'The tab has not been built',
        'Run `npm run build:tab`, then reload.',
      );
    });
  }
  app.get('/', (_req, res) => {
    res.redirect(302, deps.mode === 'demo' ? '/dev/host' : '/tab/');
  });
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
