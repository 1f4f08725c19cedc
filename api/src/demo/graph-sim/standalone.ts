// The Graph simulator and the identity simulator on one loopback port, for standalone use (the
// `npm run graph-sim` CLI, benchmarks, other teams' tools). One app registration holds the application
// permissions LearnFit's collectors need; anyone can get a token with a plain client-credentials POST and
// point a Graph client at the printed base URL (routing graph.microsoft.com and reports.office.com to it).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { microsoftHosts, type HostRoutes } from '../../graph/transport';
import { createIdentitySimulator, type IdentitySimulator } from '../identity-sim/identity-simulator';
import { generateTenant } from '../tenant/generate';
import type { DemoTenant } from '../tenant/model';
import { Rng } from '../tenant/random';
import { createGraphSimulator, keepConnectionsAlive } from './app';

/** Application permissions of the standalone app registration (what the collectors read with). */
export const COLLECTOR_APP_PERMISSIONS = [
  'User.Read.All',
  'GroupMember.ReadBasic.All',
  'TeamMember.Read.All',
  'Channel.ReadBasic.All',
  'ChannelMessage.Read.All',
  'Reports.Read.All',
  'ReportSettings.Read.All',
] as const;

/** How to start the standalone simulators. */
export interface StandaloneOptions {
  people: number;
  seed: number;
  /** Weeks of activity (default 26). */
  weeks?: number;
  /** TCP port; 0 picks a free one. */
  port: number;
  host?: string;
  latencyMs?: number;
  /** Share of requests (0..1) that fail with 429/503/504 or a dropped connection. */
  faultRate?: number;
  /** Start with concealed names in usage reports (/admin/reportSettings can change it). */
  concealed?: boolean;
  /** Graph's throttling limits (default true). */
  throttling?: boolean;
  now: () => Date;
}

/** What a client needs to reach the simulators: printed as one JSON line by the CLI. */
export interface StandaloneInfo {
  graphBaseUrl: string;
  tokenEndpoint: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** Running standalone simulators. */
export interface StandaloneSimulator {
  readonly info: StandaloneInfo;
  readonly tenant: DemoTenant;
  /** Entra's side of sign-in: tests mint the tab's SSO tokens with it (`issueSsoToken`). */
  readonly identity: IdentitySimulator;
  /** Routes for api/src/graph/transport's createRoutedFetch: Microsoft's hosts to this server. */
  readonly hostRoutes: HostRoutes;
  close(): Promise<void>;
}

/** Generates the tenant and serves Graph and the token endpoint on one port. */
export async function startStandaloneSimulator(options: StandaloneOptions): Promise<StandaloneSimulator> {
  const today = new Date(options.now());
  today.setUTCHours(0, 0, 0, 0);
  const tenant = generateTenant({
    seed: options.seed,
    people: options.people,
    weeks: options.weeks ?? 26,
    asOf: today,
  });
  tenant.reportsConcealed = options.concealed ?? false;
  const byId = new Map(tenant.users.map((u) => [u.id, u]));
  const clientId = Rng.derive(options.seed, 'standalone-client').guid();
  const clientSecret = randomBytes(24).toString('base64url');
  const identity = await createIdentitySimulator({
    directory: {
      tenantId: tenant.tenantId,
      findUser: (id) => byId.get(id) ?? null,
      rolesOf: (id) => tenant.appRoles[id] ?? [],
    },
    clientId,
    clientSecret,
    appPermissions: COLLECTOR_APP_PERMISSIONS,
    delegatedScopes: ['User.Read', 'User.ReadBasic.All'],
    now: options.now,
  });
  const graph = createGraphSimulator({
    tenant,
    auth: { verify: (header) => identity.verifyGraphToken(header) },
    now: options.now,
    ...(options.throttling === false ? { throttling: false as const } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    ...(options.faultRate ? { faults: { rate: options.faultRate, seed: options.seed } } : {}),
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(identity.app); // token, OpenID metadata and keys under /{tenant}/…; everything else falls through
  app.use(graph);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, host, () => resolve(s));
    s.once('error', reject);
  });
  keepConnectionsAlive(server);
  const base = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    info: {
      graphBaseUrl: `${base}/v1.0`,
      tokenEndpoint: `${base}/${tenant.tenantId}/oauth2/v2.0/token`,
      tenantId: tenant.tenantId,
      clientId,
      clientSecret,
    },
    tenant,
    identity,
    hostRoutes: new Map([
      [microsoftHosts.graph, base],
      [microsoftHosts.reportsDownload, base],
      [microsoftHosts.login, base],
    ]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
