import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector. */
export interface ConnectorCall {
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  /** For PUT: the activity replaced. */
  readonly activityId: string | null;
  readonly authorization: string | null;
  readonly body: {
    readonly type?: string;
    readonly text?: string;
    readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content: unknown }>;
  };
}

/** A loopback Bot Connector: use `serviceUrl` in activities; it records what the bot sends. */
export interface FakeConnector {
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** Calls to one conversation. */
  to(conversationId: string): ConnectorCall[];
  /** Makes the next `count` calls fail with this status. */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

const activityPath = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** Starts the fake connector on a free loopback port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let failures = 0;
  let failStatus = 500;
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = activityPath.exec((req.url ?? '').split('?')[0] ?? '');
      const method = req.method === 'PUT' ? 'PUT' : req.method === 'POST' ? 'POST' : null;
      if (!match || !method) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{}');
        return;
      }
      if (failures > 0) {
        failures -= 1;
        res.writeHead(failStatus, { 'Content-Type': 'application/json' }).end('{"error":{"code":"Failed"}}');
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({
        method,
        conversationId: decodeURIComponent(match[1] ?? ''),
        activityId: match[2] ? decodeURIComponent(match[2]) : null,
        authorization: req.headers.authorization ?? null,
        body: text ? (JSON.parse(text) as ConnectorCall['body']) : {},
      });
      next += 1;
      const id = match[2] ? decodeURIComponent(match[2]) : `activity-${next}`;
      res
        .writeHead(method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    to: (conversationId) => calls.filter((call) => call.conversationId === conversationId),
    failNext(count, status) {
      failures = count;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
