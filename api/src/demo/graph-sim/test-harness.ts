// Test support: runs the simulator on a loopback port and fetches Graph URLs from it, rewriting Graph's
// real hosts to the local base exactly as the production transport does in demo mode.
import type { AddressInfo } from 'node:net';
import { createRoutedFetch, microsoftHosts, type FetchLike } from '../../graph/transport';
import type { DemoTenant } from '../tenant/model';
import { createGraphSimulator, keepConnectionsAlive, type GraphSimulatorDeps } from './app';
import type { GraphSimAuth } from './auth';
import { createFakeGraphAuth } from './fake-auth';

/** A running simulator. */
export interface TestSimulator {
  base: string;
  /** Fetches a path (`/v1.0/...`) or a real Graph/reports URL; `token` becomes `Authorization: Bearer <token>`. */
  fetch(
    url: string,
    init?: { token?: string; headers?: Record<string, string>; method?: string; body?: unknown },
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The production transport aimed at the simulator: Graph's and the report downloads' real hosts go to
 * `base`, through `send` (a counting or recording fetch in tests).
 */
export function simulatorTransport(base: string, send: FetchLike): FetchLike {
  return createRoutedFetch(
    new Map([
      [microsoftHosts.graph, base],
      [microsoftHosts.reportsDownload, base],
    ]),
    send,
  );
}

/** Rewrites https://graph.microsoft.com and https://reports.office.com to a local base URL. */
export function toLocal(url: string, base: string): string {
  return url.replace(/^https:\/\/(graph\.microsoft\.com|reports\.office\.com)/i, base);
}

/**
 * Starts the simulator on port 0 of 127.0.0.1 with the fake auth unless another is given; throttling is off
 * unless asked for (tests freeze the clock, and a frozen second would throttle everything).
 */
export async function startTestSimulator(
  tenant: DemoTenant,
  options: {
    now?: () => Date;
    auth?: GraphSimAuth;
    throttling?: GraphSimulatorDeps['throttling'];
    faults?: GraphSimulatorDeps['faults'];
    latencyMs?: number;
    downloadTtlMs?: number;
  } = {},
): Promise<TestSimulator> {
  const app = createGraphSimulator({
    tenant,
    auth: options.auth ?? createFakeGraphAuth({ tenantId: tenant.tenantId }),
    now: options.now ?? (() => new Date(tenant.asOf)),
    throttling: options.throttling ?? false,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    ...(options.downloadTtlMs ? { downloadTtlMs: options.downloadTtlMs } : {}),
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  keepConnectionsAlive(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    fetch(url, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token !== undefined) headers['Authorization'] = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(url.startsWith('/') ? `${base}${url}` : toLocal(url, base), {
        method: init.method ?? 'GET',
        headers,
        redirect: 'manual',
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
