import { collectionRunSchema, problemSchema, type CollectionRun } from '@learnfit/core';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../api/src/logger';
import { hashTenant, startTelemetry, type Telemetry } from '../api/src/telemetry';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';

// Spans are collected in memory for the whole file: the provider is registered before the server starts.
const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let server: TestServer;
let leader: string;
let learner: string;
let teamId: string;

beforeAll(async () => {
  telemetry = startTelemetry({ traces: 'off', appInsightsConnectionString: null }, createLogger('silent'), [
    new SimpleSpanProcessor(exporter),
  ]);
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  leader = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  learner = await demo.identity.issueSsoToken(demo.tenant.personas.learner);
  teamId = demo.tenant.sampleInitiative.targetTeamId;
});
afterAll(async () => {
  await server?.close();
  await telemetry?.shutdown();
});

interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/** Parses an event-stream text into events (comments and retry lines are skipped). */
function parseEvents(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .flatMap((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        fields.set(line.slice(0, colon), line.slice(colon + 2));
      }
      return fields.has('data')
        ? [
            {
              id: fields.get('id') ?? null,
              event: fields.get('event') ?? 'message',
              data: fields.get('data')!,
            },
          ]
        : [];
    });
}

async function startRun(): Promise<CollectionRun> {
  const response = await callApi(server.baseUrl, 'POST', '/api/collections', leader, { teamIds: [teamId] });
  expect(response.status).toBe(202);
  return collectionRunSchema.parse(await response.json());
}

const eventsOf = (id: string, token = leader, signal?: AbortSignal) =>
  fetch(`${server.baseUrl}/api/collections/${encodeURIComponent(id)}/events`, {
    headers: { Authorization: `Bearer ${token}` },
    ...(signal ? { signal } : {}),
  });

describe('GET /api/collections/:id/events', () => {
  it('answers unknown ids with a 404 problem before any stream byte', async () => {
    const response = await eventsOf('00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(await response.json()).code).toBe('not_found');
  });

  it('is for learning leaders and admins only, like GET /api/collections/:id', async () => {
    const run = await startRun();
    const response = await eventsOf(run.id, learner);
    expect(response.status).toBe(403);
    expect(problemSchema.parse(await response.json()).code).toBe('forbidden');
    await callApi(server.baseUrl, 'DELETE', `/api/collections/${run.id}`, leader);
  });

  it('ends at once for a finished run, with its state as progress then done', async () => {
    const run = await startRun();
    expect((await callApi(server.baseUrl, 'DELETE', `/api/collections/${run.id}`, leader)).status).toBe(204);
    const started = performance.now();
    const response = await eventsOf(run.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const events = parseEvents(await response.text());
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(events.map((event) => [event.id, event.event])).toEqual([
      ['1', 'progress'],
      ['2', 'done'],
    ]);
    const sent = collectionRunSchema.parse(JSON.parse(events[0]!.data));
    const fromGet = collectionRunSchema.parse(
      await (await callApi(server.baseUrl, 'GET', `/api/collections/${run.id}`, leader)).json(),
    );
    expect(sent).toEqual(fromGet);
    expect(sent.state).toBe('cancelled');
  });

  it('sends the run again when it changes and closes when it finishes', async () => {
    const run = await startRun();
    const response = await eventsOf(run.id);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // Read until the first event arrives, then cancel the run from another request.
    while (!parseEvents(text).some((event) => event.event === 'progress')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(collectionRunSchema.parse(JSON.parse(parseEvents(text)[0]!.data)).state).toBe('queued');
    expect((await callApi(server.baseUrl, 'DELETE', `/api/collections/${run.id}`, leader)).status).toBe(204);
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    const events = parseEvents(text);
    expect(events.map((event) => event.event)).toEqual(['progress', 'progress', 'done']);
    expect(events.map((event) => collectionRunSchema.parse(JSON.parse(event.data)).state)).toEqual([
      'queued',
      'cancelled',
      'cancelled',
    ]);
  });
});

describe('request spans', () => {
  it('wrap each request with its route and status, Graph calls as children, and no user id or token', async () => {
    exporter.reset();
    const demo = server.composed.demo!;
    const userId = demo.tenant.personas.learningLeader;
    const response = await callApi(server.baseUrl, 'GET', '/api/me', leader);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'GET /api/me');
    expect(request?.attributes).toEqual({
      'http.request.method': 'GET',
      'http.route': '/api/me',
      'http.response.status_code': 200,
      'learnfit.tenant': hashTenant(demo.tenant.tenantId),
    });
    const children = spans.filter((span) => span.parentSpanContext?.spanId === request?.spanContext().spanId);
    const names = children.map((span) => span.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET graph.microsoft.com me',
        'GET graph.microsoft.com reports/getTeamsUserActivityUserDetail',
        'GET reports.office.com',
        'POST login.microsoftonline.com',
      ]),
    );
    // msal may also fetch the authority's metadata (GET login...) depending on its cache.
    for (const name of names)
      expect(name).toMatch(
        /^(GET|POST) (graph\.microsoft\.com (me|reports\/\w+)|login\.microsoftonline\.com|reports\.office\.com)$/,
      );
    const everything = JSON.stringify(spans.map((span) => [span.name, span.attributes]));
    expect(everything).not.toContain(userId);
    expect(everything).not.toContain(demo.tenant.tenantId);
    expect(everything).not.toContain(leader.slice(0, 40));
    expect(everything).not.toContain('Bearer');

    exporter.reset();
    const missing = await callApi(server.baseUrl, 'GET', '/api/collections/not-a-run', leader);
    await missing.arrayBuffer();
    expect(
      exporter
        .getFinishedSpans()
        .filter((span) => span.attributes['http.route'] !== undefined)
        .map((span) => [span.name, span.attributes['http.response.status_code']]),
    ).toEqual([['GET /api/collections/:id', 404]]);
  });
});
