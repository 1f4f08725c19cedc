import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express, Router } from 'express';
import type { DemoConfig } from '../config';
import { microsoftHosts, type HostRoutes } from '../graph/transport';
import { createDevRoutes } from './dev-routes';
import { createGraphSimulator } from './graph-sim/app';
import { createIdentitySimulator, type IdentitySimulator } from './identity-sim/identity-simulator';
import { generateTenant } from './tenant/generate';
import type { DemoTenant } from './tenant/model';

/** Application permissions the demo tenant's admin granted to LearnFit (docs/permissions.md). */
export const demoAppPermissions = [
  'Reports.Read.All',
  'ReportSettings.Read.All',
  'User.Read.All',
  'GroupMember.ReadBasic.All',
  'TeamMember.Read.All',
  'Channel.ReadBasic.All',
  'ChannelMessage.Read.All',
] as const;
/** Delegated permissions consented for the demo tenant's users. */
export const demoDelegatedScopes = ['User.Read', 'User.ReadBasic.All', 'Group.ReadBasic.All'] as const;

/** The running demo: synthetic tenant, simulators on loopback, and the host routes that reach them. */
export interface DemoEnvironment {
  readonly tenant: DemoTenant;
  readonly identity: IdentitySimulator;
  /** Routes Microsoft's real hosts to the simulators; give them to the transport. */
  readonly routes: HostRoutes;
  /** `/dev` routes for the host emulator. */
  readonly router: Router;
  close(): Promise<void>;
}

/** What the demo needs to start. */
export interface DemoOptions {
  readonly demo: DemoConfig;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly now: () => Date;
  readonly hostEmulatorDir: string;
}

function listen(app: Express): Promise<{ server: Server; base: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    });
    server.once('error', reject);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Generates the demo tenant and starts the Graph and identity simulators on loopback ports. */
export async function startDemoEnvironment(options: DemoOptions): Promise<DemoEnvironment> {
  const startOfToday = new Date(options.now());
  startOfToday.setUTCHours(0, 0, 0, 0);
  const tenant = generateTenant({
    seed: options.demo.seed,
    people: options.demo.people,
    weeks: options.demo.weeks,
    asOf: startOfToday,
  });
  const usersById = new Map(tenant.users.map((user) => [user.id, user]));
  const identity = await createIdentitySimulator({
    directory: {
      tenantId: tenant.tenantId,
      findUser: (id) => usersById.get(id) ?? null,
      rolesOf: (id) => tenant.appRoles[id] ?? [],
    },
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    appPermissions: demoAppPermissions,
    delegatedScopes: demoDelegatedScopes,
    now: options.now,
  });
  const graph = createGraphSimulator({
    tenant,
    auth: { verify: (header) => identity.verifyGraphToken(header) },
    now: options.now,
  });
  const [graphServer, identityServer] = await Promise.all([listen(graph), listen(identity.app)]);
  const routes: HostRoutes = new Map([
    [microsoftHosts.graph, graphServer.base],
    [microsoftHosts.reportsDownload, graphServer.base],
    [microsoftHosts.login, identityServer.base],
  ]);
  return {
    tenant,
    identity,
    routes,
    router: createDevRoutes({ tenant, identity, hostEmulatorDir: options.hostEmulatorDir }),
    close: async () => {
      await Promise.all([close(graphServer.server), close(identityServer.server)]);
    },
  };
}
