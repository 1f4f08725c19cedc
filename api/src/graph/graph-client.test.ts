import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient } from './graph-client';
import { createRoutedFetch } from './transport';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(
  handler: (
    req: IncomingMessage,
    respond: (status: number, headers: Record<string, string>, body: string) => void,
  ) => void,
) {
  const server = createServer((req, res) =>
    handler(req, (status, headers, body) => res.writeHead(status, headers).end(body)),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Graph client over the routed transport', () => {
  it('retries a 429 after the Retry-After delay and sends the bearer token to the real Graph host', async () => {
    const seen: Array<{ at: number; auth: string | undefined }> = [];
    const base = await serve((req, respond) => {
      seen.push({ at: Date.now(), auth: req.headers.authorization });
      if (seen.length === 1)
        respond(
          429,
          { 'Retry-After': '1', 'Content-Type': 'application/json' },
          JSON.stringify({ error: { code: 'TooManyRequests', message: 'Please retry again later.' } }),
        );
      else
        respond(
          200,
          { 'Content-Type': 'application/json' },
          JSON.stringify({ id: 'u1', displayName: 'Ada' }),
        );
    });
    const client = createGraphClient({
      fetch: createRoutedFetch(new Map([['graph.microsoft.com', base]])),
      accessToken: () => Promise.resolve('token-1'),
    });
    const me = (await client.api('/me').get()) as { displayName: string };
    expect(me.displayName).toBe('Ada');
    expect(seen).toHaveLength(2);
    expect(seen.every((request) => request.auth === 'Bearer token-1')).toBe(true);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('follows a report redirect to another host without forwarding the token', async () => {
    const downloads: Array<string | undefined> = [];
    const download = await serve((req, respond) => {
      downloads.push(req.headers.authorization);
      respond(
        200,
        { 'Content-Type': 'application/octet-stream' },
        '\uFEFFReport Refresh Date,User Id\r\n2026-11-28,u1\r\n',
      );
    });
    const graph = await serve((_req, respond) =>
      respond(
        302,
        { Location: 'https://reports.office.com/data/download/abc', 'Content-Type': 'text/plain' },
        '',
      ),
    );
    const client = createGraphClient({
      fetch: createRoutedFetch(
        new Map([
          ['graph.microsoft.com', graph],
          ['reports.office.com', download],
        ]),
      ),
      accessToken: () => Promise.resolve('token-2'),
    });
    const csv = (await client
      .api("/reports/getTeamsUserActivityUserDetail(period='D30')")
      .responseType(ResponseType.TEXT)
      .get()) as string;
    expect(csv).toContain('2026-11-28,u1');
    expect(downloads).toEqual([undefined]);
  });
});
