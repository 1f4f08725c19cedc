// OpenTelemetry traces: one span per API request and a child span per outgoing Graph (or login) call.
//
// Exporters: `OTEL_TRACES=console` prints finished spans to stdout (local debugging). For Azure Monitor,
// set APPLICATIONINSIGHTS_CONNECTION_STRING: the tracer provider is set up so spans are made and carry
// context, but this build exports nothing to Azure yet. The OTLP exporter and @azure/monitor-opentelemetry
// need Node 22 or newer and the pinned toolchain is Node 20, so they are not dependencies here; the
// production image on Node 24 is where the Azure exporter is to be added (a SpanProcessor on the provider
// below). docs/observability notes live in the README's configuration table.
//
// Privacy: spans carry the route template, method, status and a hash of the tenant id. Never a user id,
// a token, a query string (search text) or a Graph path with ids in it.
import { createHash } from 'node:crypto';
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import {
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import type { Request, RequestHandler } from 'express';
import type { FetchLike } from './graph/transport';
import type { Logger } from './logger';

/** How traces are set up, from the configuration. */
export interface TelemetryConfig {
  /** `console`: print spans; `off`: no console exporter. */
  readonly traces: 'off' | 'console';
  /** Azure Monitor's connection string; its exporter is added on the Node 24 image (see above). */
  readonly appInsightsConnectionString: string | null;
}

/** A started tracer provider (or nothing), to be shut down with the process. */
export interface Telemetry {
  readonly enabled: boolean;
  shutdown(): Promise<void>;
}

const tracerName = 'learnfit-api';

/** The tracer the API uses; a no-op until a provider is registered (the API package works without one). */
export function apiTracer(): Tracer {
  return trace.getTracer(tracerName);
}

/**
 * Registers a global tracer provider when traces are asked for: the console exporter, or (for Azure
 * Monitor) a provider without exporter until the Azure exporter is added on Node 24. `extra` lets tests
 * attach an in-memory exporter.
 */
export function startTelemetry(
  config: TelemetryConfig,
  logger: Logger,
  extra: readonly SpanProcessor[] = [],
): Telemetry {
  const wanted =
    config.traces === 'console' || config.appInsightsConnectionString !== null || extra.length > 0;
  if (!wanted) return { enabled: false, shutdown: () => Promise.resolve() };
  const spanProcessors: SpanProcessor[] = [...extra];
  if (config.traces === 'console') spanProcessors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  if (config.appInsightsConnectionString !== null)
    logger.warn('traces are made but not exported to Azure Monitor', {
      reason:
        'the Azure Monitor exporter needs Node 22 or newer; add @azure/monitor-opentelemetry on the Node 24 production image',
    });
  const provider = new NodeTracerProvider({ spanProcessors });
  // Registers the AsyncLocalStorage context manager, so Graph calls made while a request is handled
  // become children of its span.
  provider.register();
  return { enabled: true, shutdown: () => provider.shutdown() };
}

/** A short, stable, one-way label for a tenant: spans can be grouped by tenant without naming it. */
export function hashTenant(tenantId: string): string {
  return createHash('sha256').update(`learnfit-tenant:${tenantId.toLowerCase()}`).digest('hex').slice(0, 16);
}

/** A documented route: method and Express path template (the OpenAPI operation list). */
export interface KnownRoute {
  readonly method: string;
  readonly path: string;
}

/**
 * The route template of a request: first among the documented routes (reliable even when the error
 * handler answers after the router has left and reset `req.baseUrl`), then Express's own matched route.
 */
function routeResolver(
  known: readonly KnownRoute[],
): (method: string, path: string, req: Request) => string | null {
  const patterns = known.map((route) => ({
    method: route.method.toUpperCase(),
    path: route.path,
    pattern: new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}/?$`, 'i'),
  }));
  return (method, path, req) => {
    const found = patterns.find((route) => route.method === method && route.pattern.test(path));
    if (found) return found.path;
    const route = (req as Request & { route?: { path?: unknown } }).route;
    return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : null;
  };
}

/** Wraps each request in a server span named by method and route template; status and tenant hash on finish. */
export function requestSpans(
  known: readonly KnownRoute[] = [],
  tracer: () => Tracer = apiTracer,
): RequestHandler {
  const routeOf = routeResolver(known);
  return (req, res, next) => {
    // Read now: routers rewrite req.path while they run.
    const path = req.path;
    const span = tracer().startSpan(`${req.method} request`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method },
    });
    let ended = false;
    const end = (aborted: boolean): void => {
      if (ended) return;
      ended = true;
      const route = routeOf(req.method, path, req) ?? (res.statusCode === 404 ? 'unmatched' : 'middleware');
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      const identity = res.locals['identity'] as { tenantId?: unknown } | undefined;
      if (typeof identity?.tenantId === 'string')
        span.setAttribute('learnfit.tenant', hashTenant(identity.tenantId));
      if (aborted) span.setAttribute('learnfit.client_aborted', true);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.on('finish', () => end(false));
    res.on('close', () => end(!res.writableFinished));
    context.with(trace.setSpan(context.active(), span), () => next());
  };
}

/** The part of a Microsoft URL a span may name: host and first resource segment, no ids or queries. */
function graphTarget(url: string): { host: string; resource: string } {
  try {
    const parsed = new URL(url);
    // Only Graph paths name a resource; login paths start with the tenant id, download paths with a token.
    if (parsed.host.toLowerCase() !== 'graph.microsoft.com') return { host: parsed.host, resource: '' };
    const segments = parsed.pathname.split('/').filter(Boolean);
    const versioned = /^(v1\.0|beta)$/i.test(segments[0] ?? '') ? segments.slice(1) : segments;
    const first = (versioned[0] ?? '').toLowerCase();
    // Report functions are named (e.g. getTeamsUserActivityUserDetail) without their arguments.
    const resource =
      first === 'reports'
        ? `reports/${(versioned[1] ?? '').replace(/\(.*$/, '')}`
        : first.replace(/\(.*$/, '');
    return { host: parsed.host, resource: /^[\w$./-]{0,80}$/.test(resource) ? resource : 'other' };
  } catch {
    return { host: 'unknown', resource: 'other' };
  }
}

/** Wraps a transport so each outgoing request is a client span, a child of the request being handled. */
export function tracedFetch(send: FetchLike, tracer: () => Tracer = apiTracer): FetchLike {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const { host, resource } = graphTarget(url);
    return tracer().startActiveSpan(
      `${method} ${host}${resource ? ` ${resource}` : ''}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'server.address': host,
          'learnfit.graph.resource': resource,
        },
      },
      async (span) => {
        try {
          const response = await send(input, init);
          span.setAttribute('http.response.status_code', response.status);
          if (response.status >= 500 || response.status === 429)
            span.setStatus({ code: SpanStatusCode.ERROR });
          return response;
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: 'network error' });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  };
}
