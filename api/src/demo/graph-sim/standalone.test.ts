// Standalone use: a plain client-credentials POST for a token, then LearnFit's production Graph client
// (the real SDK through createRoutedFetch) reads users, channel messages and a usage report.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../graph/graph-client';
import { createRoutedFetch } from '../../graph/transport';
import { startStandaloneSimulator, type StandaloneInfo, type StandaloneSimulator } from './standalone';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
let sim: StandaloneSimulator;

async function clientCredentials(info: StandaloneInfo): Promise<{ status: number; token: string }> {
  const res = await fetch(info.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: info.clientId,
      client_secret: info.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const body = (await res.json()) as { access_token?: string; token_type?: string };
  return { status: res.status, token: body.access_token ?? '' };
}

beforeAll(async () => {
  sim = await startStandaloneSimulator({ people: 300, seed: 3, weeks: 4, port: 0, now: () => new Date() });
});
afterAll(() => sim.close());

describe('standalone simulators', () => {
  it('issue an app token to a plain client-credentials POST and refuse a wrong secret', async () => {
    const { status, token } = await clientCredentials(sim.info);
    expect(status).toBe(200);
    expect(token.split('.')).toHaveLength(3);
    expect((await clientCredentials({ ...sim.info, clientSecret: 'wrong' })).status).toBe(401);
    expect(sim.info.graphBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
  });

  it('serve users, channel messages and reports to the production Graph client', async () => {
    const { token } = await clientCredentials(sim.info);
    const client = createGraphClient({
      fetch: createRoutedFetch(sim.hostRoutes),
      accessToken: () => Promise.resolve(token),
    });
    const users = (await client.api('/users').select(['id']).top(999).get()) as { value: { id: string }[] };
    expect(users.value).toHaveLength(sim.tenant.users.length);
    const team = sim.tenant.teams.find((t) => t.id === sim.tenant.sampleInitiative.targetTeamId);
    const channels = (await client.api(`/teams/${team?.id}/channels`).get()) as { value: { id: string }[] };
    const messages = (await client
      .api(`/teams/${team?.id}/channels/${channels.value[0]?.id}/messages`)
      .top(50)
      .expand('replies')
      .get()) as { value: { id: string; replies: unknown[] }[] };
    expect(messages.value.length).toBeGreaterThan(0);
    const csv = (await client
      .api("/reports/getTeamsUserActivityUserDetail(period='D7')")
      .responseType(ResponseType.TEXT)
      .get()) as string;
    expect(csv.startsWith('Report Refresh Date,')).toBe(true);
  });

  it('start from the CLI and print one JSON line with everything a client needs', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/graph-sim.ts',
        '--people',
        '60',
        '--seed',
        '1',
        '--port',
        '0',
        '--weeks',
        '1',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      while (!out.includes('\n')) {
        const [chunk] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit')])) as [unknown];
        if (typeof chunk !== 'string') throw new Error('graph-sim exited before printing');
        out += chunk;
      }
      const info = JSON.parse(out.split('\n')[0] ?? '') as StandaloneInfo;
      expect(Object.keys(info).sort()).toEqual([
        'clientId',
        'clientSecret',
        'graphBaseUrl',
        'tenantId',
        'tokenEndpoint',
      ]);
      const { status, token } = await clientCredentials(info);
      expect(status).toBe(200);
      const me = await fetch(`${info.graphBaseUrl}/users?$top=1&$select=id`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(me.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
