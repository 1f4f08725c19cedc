// The Graph v1.0 simulator as an Express app. It speaks Graph's wire format and writes Graph's real hosts
// (graph.microsoft.com, reports.office.com) into every link; the client's transport routes them here.
// Throttling is on at Graph's documented limits unless switched off; latency and faults are opt-in.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { DemoTenant } from '../tenant/model';
import type { GraphSimAuth } from './auth';
import { createContext, type SimContext, type SimResponse } from './context';
import { dispatch } from './dispatch';
import { createFaultInjector, faultResponse, type FaultOptions } from './faults';
import { render } from './render';
import { DOWNLOAD_TTL_MS } from './reports';
import { GRAPH_LIMITS, Throttle, type ThrottleLimits } from './throttle';

/** What the simulator needs: the tenant it serves, a token verifier and a clock, plus optional behaviour. */
export interface GraphSimulatorDeps {
  tenant: DemoTenant;
  auth: GraphSimAuth;
  now: () => Date;
  /** false: no throttling; otherwise Graph's documented limits with any overrides (default: on). */
  throttling?: false | Partial<ThrottleLimits>;
  /** Share of requests that fail with 429/503/504 or a dropped connection (default: none). */
  faults?: FaultOptions;
  /** Added before every answer, in milliseconds (default 0). */
  latencyMs?: number;
  /** How long a report download link stays valid, in simulator time (default: Graph's few minutes). */
  downloadTtlMs?: number;
}

function write(res: Response, req: Request, answer: SimResponse, now: Date): void {
  const requestId = randomUUID();
  const out = render(answer, { requestId, clientRequestId: req.get('client-request-id') ?? requestId }, now);
  res.statusCode = out.status;
  res.setHeader('Cache-Control', 'no-cache');
  // setHeader/end rather than set/send: Express would rewrite Graph's exact Content-Type values.
  for (const [name, value] of Object.entries(out.headers)) res.setHeader(name, value);
  if (out.body === undefined) res.end();
  else
    res.end(typeof out.body === 'string' || Buffer.isBuffer(out.body) ? out.body : JSON.stringify(out.body));
}

/** Each simulator app's context, for the runtime changes tests make (deleteSimulatedTeam). */
const contexts = new WeakMap<express.Express, SimContext>();

/**
 * Deletes a team (and the group behind it) from a running simulator: from then on its URLs answer 404
 * NotFound, as Graph does once a team is deleted. False if the app or the team is unknown.
 */
export function deleteSimulatedTeam(app: express.Express, teamId: string): boolean {
  const ctx = contexts.get(app);
  if (!ctx) return false;
  const key = teamId.toLowerCase();
  for (const [id, group] of ctx.groupById) if (group.teamId?.toLowerCase() === key) ctx.groupById.delete(id);
  return ctx.teamById.delete(key);
}

/** Builds the simulator app; listen on any port and route Graph's hosts to it. */
export function createGraphSimulator(deps: GraphSimulatorDeps): express.Express {
  const throttle =
    deps.throttling === false
      ? null
      : new Throttle(
          { ...GRAPH_LIMITS, ...deps.throttling },
          deps.tenant.tenantId,
          deps.tenant.users.length,
          deps.now,
        );
  const ctx = createContext({
    tenant: deps.tenant,
    auth: deps.auth,
    now: deps.now,
    throttle,
    downloadTtlMs: deps.downloadTtlMs ?? DOWNLOAD_TTL_MS,
  });
  const faults = deps.faults ? createFaultInjector(deps.faults) : null;
  const latency = Math.max(0, deps.latencyMs ?? 0);
  const app = express();
  contexts.set(app, ctx);
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));
  app.use(async (req: Request, res: Response) => {
    if (latency > 0) await sleep(latency);
    const fault = faults?.next() ?? null;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault) {
      write(res, req, faultResponse(fault, deps.faults?.retryAfterSeconds), deps.now());
      return;
    }
    const url = new URL(`http://graph-sim${req.originalUrl}`);
    const answer = await dispatch(ctx, {
      method: req.method,
      path: url.pathname,
      query: url.searchParams,
      header: (name) => req.get(name),
      body: req.body as unknown,
    });
    write(res, req, answer, deps.now());
  });
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status =
      typeof err === 'object' && err !== null && 'status' in err && err.status === 413 ? 413 : 400;
    const message =
      status === 413 ? 'The request body is too large.' : 'Invalid request body: malformed JSON.';
    write(res, req, { status, error: { code: 'BadRequest', message } }, deps.now());
  });
  return app;
}

/**
 * How long the simulator keeps an idle connection open. Node's default (5 s) is far shorter than the
 * gaps a paced collection leaves (a report slot can be minutes away), and a client that reuses a pooled
 * socket just as the server closes it gets ECONNRESET: for a usage report that costs one of its 14
 * requests per 10 minutes. Microsoft's front doors keep idle connections for minutes, so the simulator does.
 */
export const SIM_KEEP_ALIVE_MS = 120_000;

/** Applies the simulator's keep-alive to a listening server (headers timeout must exceed it). */
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = SIM_KEEP_ALIVE_MS;
  server.headersTimeout = SIM_KEEP_ALIVE_MS + 5_000;
}
