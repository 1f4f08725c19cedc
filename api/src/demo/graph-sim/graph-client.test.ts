// The production Graph SDK against the simulator: the same client chain LearnFit uses, with a terminal
// middleware that rewrites Graph's real hosts to the simulator (the demo transport does the same).
import {
  AuthenticationHandler,
  Client,
  GraphError,
  PageIterator,
  RedirectHandler,
  ResponseType,
  RetryHandler,
  type Context,
  type PageCollection,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import { startTestSimulator, toLocal, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
let sim: TestSimulator;
let client: Client;

class RewritingTransport implements Middleware {
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    context.response = await fetch(toLocal(url, sim.base), { ...context.options, redirect: 'manual' });
  }
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
  const auth = new AuthenticationHandler({ getAccessToken: () => Promise.resolve('app') });
  const retry = new RetryHandler();
  const redirect = new RedirectHandler();
  auth.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(new RewritingTransport());
  client = Client.initWithMiddleware({ middleware: auth });
});
afterAll(() => sim.close());

describe('@microsoft/microsoft-graph-client against the simulator', () => {
  it('pages all users with PageIterator', async () => {
    const ids: string[] = [];
    const first = (await client.api('/users').select(['id']).top(120).get()) as PageCollection;
    const iterator = new PageIterator(client, first, (u: { id: string }) => {
      ids.push(u.id);
      return true;
    });
    await iterator.iterate();
    expect(ids).toHaveLength(tenant.users.length);
    expect(new Set(ids).size).toBe(tenant.users.length);
  });

  it('follows the report redirect and returns the CSV text', async () => {
    const csv = (await client
      .api("/reports/getTeamsUserActivityUserDetail(period='D7')")
      .responseType(ResponseType.TEXT)
      .get()) as string;
    expect(csv.startsWith('Report Refresh Date,Tenant Display Name,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(tenant.users.length + 1);
  });

  it('reads the nested manager chain and maps errors to GraphError', async () => {
    const me = (await client
      .api(`/users/${tenant.personas.learner}`)
      .header('ConsistencyLevel', 'eventual')
      .select(['id', 'department'])
      .expand('manager($levels=2;$select=id,displayName)')
      .get()) as { department: string; manager?: { id: string; manager?: { id: string } } };
    const learner = tenant.users.find((u) => u.id === tenant.personas.learner);
    expect(me.department).toBe(learner?.department);
    expect(me.manager?.id).toBe(learner?.managerId);
    expect(me.manager?.manager?.id).toBe(tenant.users.find((u) => u.id === learner?.managerId)?.managerId);
    const error = await client
      .api(`/users/${tenant.users[0]?.id}/manager`)
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).code).toBe('Request_ResourceNotFound');
    expect((error as GraphError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
