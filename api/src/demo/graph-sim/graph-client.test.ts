// The production Graph SDK against the simulator: the same client chain LearnFit uses, with a terminal
// middleware that rewrites Graph's real hosts to the simulator (the demo transport does the same).
import {
  AuthenticationHandler,
  BatchRequestContent,
  BatchResponseContent,
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
  // Throttling on at Graph's limits with a real clock, as in the demo: the SDK must cope unchanged.
  sim = await startTestSimulator(tenant, { now: () => new Date(), throttling: {} });
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

  it('retries a throttled 429 after Retry-After with the RetryHandler and then succeeds', async () => {
    const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId);
    const url = `/teams/${team?.id}/channels/${team?.channels[0]?.id}/messages`;
    const started = performance.now();
    const timed = async () => {
      const page = (await client.api(url).top(5).get()) as { value: unknown[] };
      return { count: page.value.length, ms: performance.now() - started };
    };
    const results = await Promise.all(Array.from({ length: 6 }, timed));
    expect(results.every((r) => r.count === 5)).toBe(true);
    expect(Math.max(...results.map((r) => r.ms))).toBeGreaterThanOrEqual(900); // 4 per second per channel
  });

  it('sends a BatchRequestContent and reads each step back with BatchResponseContent', async () => {
    const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId);
    const step = (id: string, url: string, dependsOn?: string[]) => ({
      id,
      request: new Request(`https://graph.microsoft.com/v1.0${url}`, { method: 'GET' }),
      ...(dependsOn ? { dependsOn } : {}),
    });
    const batch = new BatchRequestContent([
      step('1', '/users?$top=2&$select=id'),
      step('2', `/teams/${team?.id}/channels`),
      step('3', `/users/${tenant.users[0]?.id}/manager`),
    ]);
    const body = (await client.api('/$batch').post(await batch.getContent())) as ConstructorParameters<
      typeof BatchResponseContent
    >[0];
    const responses = new BatchResponseContent(body);
    const users = responses.getResponseById('1');
    expect(users.status).toBe(200);
    expect(((await users.json()) as { value: unknown[] }).value).toHaveLength(2);
    const channels = (await responses.getResponseById('2').json()) as { value: { id: string }[] };
    expect(channels.value.map((c) => c.id)).toEqual(team?.channels.map((c) => c.id));
    expect(responses.getResponseById('3').status).toBe(404);
  });

  it('pages channel messages and transitive group members with PageIterator', async () => {
    // A channel of a few pages: the 4-requests-per-second channel limit would make a long one slow.
    const team = tenant.teams.find((t) => t.kind === 'leadership');
    const channel = team?.channels[0];
    const expected = tenant.messages.filter(
      (m) => m.channelId === channel?.id && m.replyToId === null,
    ).length;
    const ids: string[] = [];
    const first = (await client
      .api(`/teams/${team?.id}/channels/${channel?.id}/messages`)
      .top(10)
      .get()) as PageCollection;
    await new PageIterator(client, first, (m: { id: string }) => {
      ids.push(m.id);
      return true;
    }).iterate();
    expect(ids).toHaveLength(expected);
    expect(expected).toBeGreaterThan(10); // more than one page
    const all = tenant.groups.find((g) => g.displayName === 'All Employees');
    const people: string[] = [];
    const page = (await client
      .api(`/groups/${all?.id}/transitiveMembers/microsoft.graph.user`)
      .select(['id'])
      .top(100)
      .get()) as PageCollection;
    await new PageIterator(client, page, (u: { id: string }) => {
      people.push(u.id);
      return true;
    }).iterate();
    expect(new Set(people).size).toBe(people.length);
    expect(people.length).toBeGreaterThan(100);
  });
});
