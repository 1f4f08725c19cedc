import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const ceo = tenant.users[0]?.id ?? '';
let sim: TestSimulator;

interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}
interface BatchBody {
  responses: {
    id: string;
    status: number;
    headers: Record<string, string>;
    body?: Record<string, unknown>;
  }[];
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('Graph protocol behaviour', () => {
  it('serves the service document without a token', async () => {
    const res = await sim.fetch('/v1.0/');
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { value: { name: string }[] }).value.map((s) => s.name)).toContain('users');
  });

  it('answers 401 with Graph envelope and echoed ids for missing, bad and foreign tokens', async () => {
    const res = await sim.fetch('/v1.0/users', { headers: { 'client-request-id': 'abc-123' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer realm=""');
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    const body = (await res.json()) as GraphErrorBody;
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(body.error.innerError['client-request-id']).toBe('abc-123');
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    for (const token of ['garbage', 'other-tenant']) {
      const bad = await sim.fetch('/v1.0/users', { token });
      expect(bad.status).toBe(401);
      expect(((await bad.json()) as GraphErrorBody).error.message).toBe('Access token validation failure.');
    }
  });

  it('answers unknown segments, wrong methods and broken tokens like Graph', async () => {
    const unknown = await sim.fetch('/v1.0/widgets', { token: 'app' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as GraphErrorBody).error).toMatchObject({
      code: 'UnknownError',
      message: "Resource not found for the segment 'widgets'.",
    });
    expect((await sim.fetch('/v1.0/users', { token: 'app', method: 'POST', body: {} })).status).toBe(405);
    const skip = await sim.fetch('/v1.0/users?$skiptoken=not-a-token', { token: 'app' });
    expect(skip.status).toBe(400);
    expect((await sim.fetch('/v1.0/users?$skip=5', { token: 'app' })).status).toBe(400);
    const malformed = await fetch(`${sim.base}/v1.0/$batch`, {
      method: 'POST',
      headers: { Authorization: 'Bearer app', 'Content-Type': 'application/json' },
      body: '{"requests": [',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as GraphErrorBody).error.code).toBe('BadRequest');
  });

  it('runs $batch items with their own status, ids and Content-Type header', async () => {
    const res = await sim.fetch('/v1.0/$batch', {
      token: 'app',
      method: 'POST',
      body: {
        requests: [
          {
            id: '1',
            method: 'GET',
            url: '/users?$top=1&$select=id',
            headers: { 'client-request-id': 'item-1' },
          },
          { id: '2', method: 'GET', url: `/users/${ceo}/manager` },
          { id: '3', method: 'GET', url: `/users/${ceo}`, dependsOn: ['2'] },
          { id: '4', method: 'GET', url: `https://graph.microsoft.com/v1.0/users/${ceo}?$select=id` },
        ],
      },
    });
    expect(res.status).toBe(200);
    const { responses } = (await res.json()) as BatchBody;
    const byId = new Map(responses.map((r) => [r.id, r]));
    expect(byId.get('1')?.status).toBe(200);
    expect(byId.get('1')?.headers['Content-Type']).toMatch(/^application\/json/);
    expect(byId.get('1')?.headers['client-request-id']).toBe('item-1');
    expect(byId.get('2')?.status).toBe(404);
    expect((byId.get('2')?.body as unknown as GraphErrorBody).error.code).toBe('Request_ResourceNotFound');
    expect(byId.get('3')?.status).toBe(424);
    expect(byId.get('4')?.body).toMatchObject({ id: ceo });
  });

  it('rejects batches over 20 requests, duplicate ids and dependency cycles', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/users?$top=1',
    }));
    expect(
      (await sim.fetch('/v1.0/$batch', { token: 'app', method: 'POST', body: { requests: many } })).status,
    ).toBe(400);
    const dupes = [
      { id: 'a', method: 'GET', url: '/users' },
      { id: 'A', method: 'GET', url: '/users' },
    ];
    expect(
      (await sim.fetch('/v1.0/$batch', { token: 'app', method: 'POST', body: { requests: dupes } })).status,
    ).toBe(400);
    const cycle = [
      { id: 'a', method: 'GET', url: '/users', dependsOn: ['b'] },
      { id: 'b', method: 'GET', url: '/users', dependsOn: ['a'] },
    ];
    expect(
      (await sim.fetch('/v1.0/$batch', { token: 'app', method: 'POST', body: { requests: cycle } })).status,
    ).toBe(400);
  });
});
