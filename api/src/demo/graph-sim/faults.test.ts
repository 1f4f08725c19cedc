import {
  AuthenticationHandler,
  Client,
  PageIterator,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import { createFaultInjector, type FaultKind } from './faults';
import { startTestSimulator, toLocal, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
let sim: TestSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('fault injection', () => {
  it('is deterministic for a seed and honours the rate and kinds', () => {
    const draw = (seed: number, rate: number, kinds?: FaultKind[]) => {
      const f = createFaultInjector({ rate, seed, ...(kinds ? { kinds } : {}) });
      return Array.from({ length: 1000 }, () => f.next());
    };
    expect(draw(1, 0.2)).toEqual(draw(1, 0.2));
    expect(draw(1, 0.2)).not.toEqual(draw(2, 0.2));
    expect(draw(3, 0).every((f) => f === null)).toBe(true);
    const some = draw(4, 0.2);
    const failed = some.filter((f) => f !== null).length;
    expect(failed).toBeGreaterThan(150);
    expect(failed).toBeLessThan(250);
    expect(new Set(some.filter(Boolean))).toEqual(new Set(['429', '503', '504', 'drop']));
    expect(new Set(draw(5, 1, ['504']))).toEqual(new Set(['504']));
    expect(() => createFaultInjector({ rate: 2, seed: 1 })).toThrow(RangeError);
  });

  it('answers 503 and 504 in Graph’s envelope and drops connections', async () => {
    sim = await startTestSimulator(tenant, {
      faults: { rate: 1, seed: 1, kinds: ['503'], retryAfterSeconds: 2 },
    });
    const busy = await sim.fetch('/v1.0/users', { token: 'app' });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('serviceNotAvailable');
    await sim.close();
    sim = await startTestSimulator(tenant, { faults: { rate: 1, seed: 1, kinds: ['504'] } });
    expect((await sim.fetch('/v1.0/users', { token: 'app' })).status).toBe(504);
    await sim.close();
    sim = await startTestSimulator(tenant, { faults: { rate: 1, seed: 1, kinds: ['drop'] } });
    await expect(sim.fetch('/v1.0/users', { token: 'app' })).rejects.toThrow();
  });

  it('adds the configured latency before answering', async () => {
    sim = await startTestSimulator(tenant, { latencyMs: 60 });
    const started = performance.now();
    expect((await sim.fetch('/v1.0/users?$top=1', { token: 'app' })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('lets the SDK RetryHandler read every user through 30% retryable faults', async () => {
    // Retry-After 0 keeps the test fast (a 504 has no Retry-After, so the SDK would wait ~1 s per retry).
    const running = await startTestSimulator(tenant, {
      faults: { rate: 0.3, seed: 9, kinds: ['429', '503'], retryAfterSeconds: 0 },
    });
    sim = running;
    const auth = new AuthenticationHandler({ getAccessToken: () => Promise.resolve('app') });
    const retry = new RetryHandler(new RetryHandlerOptions(0, 10));
    const transport: Middleware = {
      execute: async (context: Context) => {
        const url = typeof context.request === 'string' ? context.request : context.request.url;
        context.response = await fetch(toLocal(url, running.base), {
          ...context.options,
          redirect: 'manual',
        });
      },
      setNext: () => undefined,
    };
    auth.setNext(retry);
    retry.setNext(transport);
    const client = Client.initWithMiddleware({ middleware: auth });
    const ids: string[] = [];
    const first = (await client.api('/users').select(['id']).top(25).get()) as PageCollection;
    await new PageIterator(client, first, (u: { id: string }) => {
      ids.push(u.id);
      return true;
    }).iterate();
    expect(ids.sort()).toEqual(tenant.users.map((u) => u.id).sort());
  });
});
