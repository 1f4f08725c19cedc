import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import { hashTenant, tracedFetch } from './telemetry';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = () => provider.getTracer('test');
const userId = '5b3f3a9e-9d0c-4c43-9f7e-3f1a2b3c4d5e';
const tenantId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('Graph client spans', () => {
  it('name the host and resource only: no ids, queries or tenant in names or attributes', async () => {
    exporter.reset();
    const send = tracedFetch((_input) => Promise.resolve(new Response('{}', { status: 200 })), tracer);
    await send(`https://graph.microsoft.com/v1.0/users/${userId}/manager?$select=id,displayName`);
    await send("https://graph.microsoft.com/v1.0/reports/getTeamsUserActivityUserDetail(period='D30')");
    await send(`https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`, { method: 'POST' });
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual([
      'GET graph.microsoft.com users',
      'GET graph.microsoft.com reports/getTeamsUserActivityUserDetail',
      'POST login.microsoftonline.com',
    ]);
    expect(spans[0]?.attributes).toEqual({
      'http.request.method': 'GET',
      'server.address': 'graph.microsoft.com',
      'learnfit.graph.resource': 'users',
      'http.response.status_code': 200,
    });
    const text = JSON.stringify(spans.map((span) => [span.name, span.attributes]));
    expect(text).not.toContain(userId);
    expect(text).not.toContain(tenantId);
    expect(text).not.toContain('select');
  });

  it('mark throttling and network failures as errors', async () => {
    exporter.reset();
    const throttled = tracedFetch(() => Promise.resolve(new Response('', { status: 429 })), tracer);
    expect((await throttled('https://graph.microsoft.com/v1.0/groups')).status).toBe(429);
    const broken = tracedFetch(() => Promise.reject(new Error('ECONNRESET')), tracer);
    await expect(broken('https://graph.microsoft.com/v1.0/groups')).rejects.toThrow('ECONNRESET');
    expect(exporter.getFinishedSpans().map((span) => span.status.code)).toEqual([
      SpanStatusCode.ERROR,
      SpanStatusCode.ERROR,
    ]);
  });

  it('label tenants with a stable one-way hash', () => {
    expect(hashTenant(tenantId)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashTenant(tenantId.toUpperCase())).toBe(hashTenant(tenantId));
    expect(hashTenant(tenantId)).not.toBe(hashTenant('another'));
  });
});
