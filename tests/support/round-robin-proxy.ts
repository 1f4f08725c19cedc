// A load balancer without sticky sessions, as small as it can be: each request goes to the next backend
// in turn, whatever cookie or user it carries. The answer names the backend in `x-served-by`. With one
// backend it doubles as a network a test can make go quiet (`hold`) and come back (`release`).
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface RoundRobinProxy {
  readonly baseUrl: string;
  /** Backend index of each request, in arrival order. */
  readonly servedBy: number[];
  /**
   * Holds back, from now until `release`, every request whose path `matches`: a network that has gone
   * quiet, so a test can act while work that depends on those requests is known to be in flight.
   */
  hold(matches: (path: string) => boolean): void;
  /** Lets held requests, and all later ones, through. */
  release(): void;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port in front of `backends` (base URLs). */
export async function startRoundRobinProxy(backends: readonly string[]): Promise<RoundRobinProxy> {
  const servedBy: number[] = [];
  let next = 0;
  let holding: ((path: string) => boolean) | null = null;
  let held: (() => void)[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    if (holding?.(incoming.url ?? '/')) {
      incoming.pause();
      held.push(() => {
        incoming.resume();
        forward(incoming, outgoing);
      });
      return;
    }
    forward(incoming, outgoing);
  });
  function forward(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const index = next;
    next = (next + 1) % backends.length;
    servedBy.push(index);
    const target = new URL(incoming.url ?? '/', backends[index]);
    const forwarded = request(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': String(index) });
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    servedBy,
    hold: (matches) => {
      holding = matches;
    },
    release: () => {
      holding = null;
      const waiting = held;
      held = [];
      for (const go of waiting) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
