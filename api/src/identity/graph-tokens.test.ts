import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentitySimulator } from '../demo/identity-sim/identity-simulator';
import { createRoutedFetch } from '../graph/transport';
import { ConsentRequiredError } from './auth-error';
import { createMsalGraphTokens } from './graph-tokens';

const tenantId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const clientId = '00000000-0000-4000-8000-0000000c1e47';
const userId = 'f0e1d2c3-b4a5-4697-8877-665544332211';
const servers: Server[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function setUp(delegatedScopes: string[], secret = 'demo-secret') {
  const identity = await createIdentitySimulator({
    directory: {
      tenantId,
      findUser: (id) =>
        id === userId ? { displayName: 'Ada Park', userPrincipalName: 'ada.park@example.com' } : null,
      rolesOf: () => [],
    },
    clientId,
    clientSecret: 'demo-secret',
    appPermissions: ['Reports.Read.All'],
    delegatedScopes,
    now: () => new Date(),
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = identity.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const tokens = createMsalGraphTokens({
    clientId,
    clientSecret: secret,
    fetch: createRoutedFetch(new Map([['login.microsoftonline.com', `http://127.0.0.1:${port}`]])),
    logLevel: 'silent',
  });
  return { identity, tokens };
}

describe('msal-node against the identity simulator', () => {
  it('gets an app-only Graph token carrying the granted application permissions', async () => {
    const { identity, tokens } = await setUp(['User.Read']);
    const caller = await identity.verifyGraphToken(`Bearer ${await tokens.forApp(tenantId)}`);
    expect(caller).toMatchObject({ kind: 'app', tenantId, roles: ['Reports.Read.All'] });
  });

  it('exchanges the SSO token on behalf of the user for a delegated Graph token', async () => {
    const { identity, tokens } = await setUp(['User.Read']);
    const sso = await identity.issueSsoToken(userId);
    const caller = await identity.verifyGraphToken(
      `Bearer ${await tokens.forUser(tenantId, sso, ['User.Read'])}`,
    );
    expect(caller).toMatchObject({ kind: 'delegated', userId, scopes: ['User.Read'] });
  });

  it('reports consent_required when a delegated scope was never consented', async () => {
    const { identity, tokens } = await setUp(['User.Read']);
    const sso = await identity.issueSsoToken(userId);
    await expect(tokens.forUser(tenantId, sso, ['Reports.Read.All'])).rejects.toBeInstanceOf(
      ConsentRequiredError,
    );
  });

  it('fails client credentials with a wrong secret', async () => {
    const { tokens } = await setUp(['User.Read'], 'wrong-secret');
    await expect(tokens.forApp(tenantId)).rejects.toThrow(/invalid_client|7000215/);
  });
});
