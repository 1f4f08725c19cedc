import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { batchGet } from './batch';
import { createRateGovernor, isTransient, mapConcurrent, retryAfterMs } from './governor';
import { SlidingLimiter } from './rate-limiter';

/** A virtual clock that only sleeps move (single-threaded tests, so no overlap). */
function virtualClock(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let time = 0;
  const slept: number[] = [];
  return {
    now: () => time,
    sleep: (ms) => {
      slept.push(ms);
      time += ms;
      return Promise.resolve();
    },
    slept,
  };
}

describe('SlidingLimiter', () => {
  it('never grants more than the limit in any window', async () => {
    const clock = virtualClock();
    const limiter = new SlidingLimiter(4, 1000, clock.now, clock.sleep);
    const grants: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const release = await limiter.acquire();
      grants.push(clock.now());
      release();
    }
    for (const at of grants)
      expect(grants.filter((g) => g > at - 1000 && g <= at).length).toBeLessThanOrEqual(4);
    expect(grants[39]).toBeLessThan(10_100);
  });
});

describe('SlidingLimiter with requests in flight', () => {
  it('holds a slot until its response arrives, then for a whole window', async () => {
    const clock = virtualClock();
    const limiter = new SlidingLimiter(1, 1000, clock.now, clock.sleep);
    const first = await limiter.acquire();
    let second = false;
    const pending = limiter.acquire().then(() => {
      second = true;
    });
    await Promise.resolve();
    expect(second).toBe(false);
    clock.slept.length = 0;
    first();
    await pending;
    expect(second).toBe(true);
    expect(clock.now()).toBeGreaterThanOrEqual(1000);
  });
});

describe('createRateGovernor', () => {
  it('keeps a channel at 4 requests per second, each slot held a second after its answer', async () => {
    const clock = virtualClock();
    const governor = createRateGovernor(clock);
    const lane = { service: 'teams', requestClass: 'channelMessage', resource: 'channel:a' } as const;
    const times: number[] = [];
    for (let i = 0; i < 9; i += 1) await governor.run(lane, () => Promise.resolve(times.push(clock.now())));
    expect(times.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(times[4]).toBeGreaterThanOrEqual(1000);
    expect(times[8]).toBeGreaterThanOrEqual(2000);
  });

  it('uses the whole tenant-wide limit: 20 channel-message requests, the 21st a second after an answer', async () => {
    const clock = virtualClock();
    const governor = createRateGovernor(clock);
    const releases: Array<() => void> = [];
    for (let i = 0; i < 20; i += 1) {
      const lane = { service: 'teams', requestClass: 'channelMessage', resource: `channel:${i}` } as const;
      releases.push(await governor.admit(lane));
    }
    expect(clock.now()).toBe(0);
    clock.slept.length = 0;
    await clock.sleep(80); // the first answer arrives 80 ms later
    releases[0]!();
    const lane = { service: 'teams', requestClass: 'channelMessage', resource: 'channel:x' } as const;
    await governor.admit(lane);
    expect(clock.now()).toBeGreaterThanOrEqual(1080);
    expect(clock.now()).toBeLessThan(1100);
  });

  it('retries 429s after Retry-After and counts them', async () => {
    const clock = virtualClock();
    const governor = createRateGovernor(clock);
    let calls = 0;
    const result = await governor.run({ service: 'identity', units: 1 }, () => {
      calls += 1;
      if (calls < 3) {
        const error = new GraphError(429, 'throttled');
        error.headers = new Headers({ 'Retry-After': '7' });
        return Promise.reject(error);
      }
      return Promise.resolve('ok');
    });
    expect(result).toBe('ok');
    expect(governor.stats).toMatchObject({ throttled: 2, retried: 2 });
    expect(clock.slept).toEqual([7000, 7000]);
  });

  it('passes on errors that are not transient', async () => {
    const governor = createRateGovernor(virtualClock());
    await expect(
      governor.run({ service: 'identity', units: 1 }, () => Promise.reject(new GraphError(403, 'no'))),
    ).rejects.toThrow('no');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2.5', 0)).toBe(2500);
    expect(retryAfterMs(new Date(9000).toUTCString(), 0)).toBe(9000);
    expect(retryAfterMs(null, 0)).toBeNull();
  });

  it('runs work concurrently with a bound and keeps the order', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapConcurrent([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      inFlight -= 1;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(2);
  });
});

describe('batchGet', () => {
  it('sends at most 20 a batch and retries items throttled inside the batch', async () => {
    const clock = virtualClock();
    const governor = createRateGovernor(clock);
    const sizes: number[] = [];
    const seen = new Set<string>();
    const client = {
      api: () => ({
        post: (body: { requests: Array<{ id: string }> }) => {
          sizes.push(body.requests.length);
          return Promise.resolve({
            responses: body.requests.map(({ id }) => {
              const first = !seen.has(id);
              seen.add(id);
              return first && id.endsWith('3')
                ? { id, status: 429, headers: { 'Retry-After': '2' }, body: {} }
                : { id, status: 200, body: { id } };
            }),
          });
        },
      }),
    } as unknown as Client;
    const requests = Array.from({ length: 25 }, (_, i) => ({
      id: `r${i}`,
      url: `/teams/t${i}/members`,
      lane: { service: 'teams', requestClass: 'teamMembers', resource: `team:t${i}` } as const,
    }));
    const answers = await batchGet(client, governor, requests);
    expect(sizes).toEqual([20, 5, 3]);
    expect(answers.size).toBe(25);
    expect([...answers.values()].every((answer) => answer.status === 200)).toBe(true);
    expect(governor.stats.throttled).toBe(3);
    expect(clock.slept).toContain(2000);
  });
});

describe('isTransient', () => {
  it('retries a body cut off after a 2xx status line, as the Graph client reports it', async () => {
    const { createServer } = await import('node:http');
    const { createGraphClient } = await import('../graph-client');
    const { createRoutedFetch, microsoftHosts } = await import('../transport');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"value":[');
      setTimeout(() => res.destroy(), 10);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const client = createGraphClient({
      fetch: createRoutedFetch(new Map([[microsoftHosts.graph, `http://127.0.0.1:${port}`]])),
      accessToken: () => Promise.resolve('token'),
      maxRetries: 0,
    });
    const failure: unknown = await client
      .api('/users')
      .get()
      .then(
        () => null,
        (error: unknown) => error,
      );
    server.close();
    expect(failure).toBeInstanceOf(GraphError);
    expect(isTransient(failure)).toBe(true);
    expect(isTransient(new GraphError(403, 'Forbidden'))).toBe(false);
    expect(isTransient(new GraphError(404, 'NotFound'))).toBe(false);
  });
});
