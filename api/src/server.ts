import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler, type Router } from 'express';
import { authenticate } from './http/authenticate';
import { errorHandler, notFound } from './http/error-handler';
import { sendProblem } from './http/problem';
import { guardPathAndQuery, rejectUnstorableStrings } from './http/input-guard';
import { buildOpenApi, operations } from './http/openapi';
import { rateLimits, requestId, securityHeaders, type RateLimits } from './http/security';
import { healthRoutes } from './http/routes/health';
import { collectionRoutes } from './http/routes/collections';
import { initiativeRoutes } from './http/routes/initiatives';
import { meRoutes } from './http/routes/me';
import { diagnosticsRoutes } from './http/routes/diagnostics';
import { reportRoutes } from './http/routes/reports';
import { adminRoutes } from './http/routes/admin';
import { kpiRoutes } from './http/routes/kpis';
import { pulseRoutes } from './http/routes/pulse';
import type { SsoIdentity, SsoTokenValidator } from './identity/sso-token-validator';
import type { Logger } from './logger';
import type { ApiServices, ReadinessCheck } from './services/api-services';
import type { CollectionService } from './services/collection-service';
import type { InitiativeService } from './services/initiative-service';
import type { DiagnosticsService } from './services/diagnostics-service';
import type { ReportService } from './services/report-service';
import type { AdminService } from './services/admin-service';
import type { ErasureService } from './services/erasure-service';
import type { KpiService } from './services/kpi-service';
import type { PulseService } from './services/pulse-service';
import type { DirectoryService } from './services/directory-service';
import type { ProfileService } from './services/profile-service';
import { collectionEventRoutes, type CollectionEventTiming } from './http/routes/collection-events';
import { directoryRoutes } from './http/routes/directory';
import { profileRoutes } from './http/routes/profile';
import { changePlanPostRoutes } from './http/routes/change-plan-posts';
import type { ChangePlanPostService } from './services/change-plan-post-service';
import { myPulseRoutes } from './http/routes/my-pulses';
import type { MyPulsesService } from './services/my-pulses-service';
import { requestSpans } from './telemetry';

/** Everything the HTTP server needs; it reads no environment and creates no adapters itself. */
export interface ServerDeps {
  readonly mode: 'demo' | 'production';
  readonly tabDistDir: string | null;
  readonly validator: SsoTokenValidator;
  /** Hears of each signed-in person whose API request succeeded (the bot's record of app roles). */
  readonly onSignedIn?: (identity: SsoIdentity) => void;
  readonly services: ApiServices;
  readonly collections: CollectionService;
  readonly initiatives: InitiativeService;
  readonly diagnostics: DiagnosticsService;
  readonly reports: ReportService;
  readonly admin: AdminService;
  readonly erasure: ErasureService;
  readonly pulse: PulseService;
  readonly kpis: KpiService;
  readonly directory: DirectoryService;
  readonly profiles: ProfileService;
  /** B2: change-plan cards posted through the bot. */
  readonly changePlanPosts: ChangePlanPostService;
  /** The caller's initiatives and the pulses waiting for them (`GET /api/me/pulses`). */
  readonly myPulses: MyPulsesService;
  /** Poll, heartbeat and lifetime of collection event streams (defaults: 1 s, 15 s, 5 min). */
  readonly collectionEvents?: CollectionEventTiming;
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
  app.use(requestId, securityHeaders(deps.mode), requestLog(deps.logger), requestSpans(operations));
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
    authenticate(deps.validator, deps.onSignedIn),
    ...rateLimits(deps.rateLimits),
    meRoutes(deps.services),
    initiativeRoutes(deps.services, deps.initiatives),
    diagnosticsRoutes(deps.diagnostics),
    reportRoutes(deps.reports),
    adminRoutes(deps.admin, deps.erasure),
    collectionRoutes(deps.collections),
    collectionEventRoutes(deps.collections, deps.collectionEvents),
    directoryRoutes(deps.directory),
    profileRoutes(deps.profiles),
    myPulseRoutes(deps.myPulses),
    pulseRoutes(deps.pulse),
    kpiRoutes(deps.kpis),
    changePlanPostRoutes(deps.changePlanPosts),
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
