import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { CollectionRun } from '@learnfit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionService } from '../../services/collection-service';
import { collectionEventRoutes, type CollectionEventTiming } from './collection-events';

const run = (state: CollectionRun['state'], done = 0): CollectionRun =>
  ({ id: 'r1', state, progress: { done } }) as unknown as CollectionRun;

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** Serves the route over a fake service whose `get` answers from `states` (the last one repeats). */
async function serve(states: CollectionRun[], timing: CollectionEventTiming) {
  const calls = { get: 0 };
  const service = {
    get: () => {
      calls.get += 1;
      return Promise.resolve(states[Math.min(calls.get - 1, states.length - 1)]!);
    },
  } as unknown as CollectionService;
  const app = express();
  app.use((_req, res, next) => {
    res.locals['identity'] = { tenantId: 't', userId: 'u', roles: ['LearningLeader'], token: 'x' };
    next();
  });
  app.use('/api', collectionEventRoutes(service, timing));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/collections/r1/events`,
    calls,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('collection event stream', () => {
  it('sends only changes, heartbeats while idle, and ends after the final event', async () => {
    const { url } = await serve(
      [run('running', 1), run('running', 1), run('running', 2), run('succeeded', 3)],
      {
        pollMs: 20,
        heartbeatMs: 30,
        maxStreamMs: 10_000,
      },
    );
    const text = await (await fetch(url)).text();
    const events = text
      .split('\n\n')
      .filter((block) => block.includes('event:'))
      .map((block) => /event: (\w+)/.exec(block)?.[1]);
    expect(events).toEqual(['progress', 'progress', 'progress', 'done']);
    expect(text.startsWith('retry: 1000\n\n')).toBe(true);
  });

  it('writes heartbeat comments and closes at the stream lifetime', async () => {
    const { url } = await serve([run('queued')], { pollMs: 10_000, heartbeatMs: 20, maxStreamMs: 120 });
    const started = performance.now();
    const text = await (await fetch(url)).text();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(text.match(/^: heartbeat$/gm)?.length).toBeGreaterThanOrEqual(3);
    expect(text.match(/^event: progress$/gm)).toHaveLength(1);
  });

  it('stops polling when the client goes away', async () => {
    const { url, calls } = await serve([run('running')], {
      pollMs: 10,
      heartbeatMs: 1_000,
      maxStreamMs: 60_000,
    });
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    await sleep(60);
    controller.abort();
    await sleep(50);
    const afterAbort = calls.get;
    await sleep(100);
    expect(afterAbort).toBeGreaterThan(1);
    expect(calls.get).toBe(afterAbort);
  });
});
