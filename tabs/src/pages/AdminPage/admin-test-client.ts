import { vi } from 'vitest';
import type { ApiClient, ApiRequest } from '../../api/client';
import { fakeClient } from '../../test-fixtures/fake-client';

/** One answer of the fake API: a body the call's schema checks, or an error to reject with. */
export type FakeAnswer = { body: unknown } | { error: unknown };

/**
 * A fake API for the admin page tests: answers by `METHOD path` (exact, query included), records every
 * call, and rejects calls it has no answer for so that an unexpected request fails the test.
 */
export function routedClient(
  routes: Record<string, FakeAnswer | ((call: ApiRequest<unknown>) => FakeAnswer)>,
) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const request = vi.fn(<T>(call: ApiRequest<T>): Promise<T> => {
    const method = call.method ?? 'GET';
    calls.push({ method, path: call.path, body: call.body });
    const route = routes[`${method} ${call.path}`];
    if (!route) return Promise.reject(new Error(`unexpected call: ${method} ${call.path}`));
    const answer = typeof route === 'function' ? route(call as ApiRequest<unknown>) : route;
    if ('error' in answer) return Promise.reject(answer.error);
    if (call.schema === null) return Promise.resolve(undefined as T);
    const parsed = call.schema.safeParse(answer.body);
    return parsed.success
      ? Promise.resolve(parsed.data)
      : Promise.reject(new Error(`bad fixture for ${call.path}`));
  });
  const client: ApiClient = fakeClient({ request: request as ApiClient['request'] });
  return { client, calls };
}

/** Settings as `GET /api/admin/settings` answers them after an admin saved once. */
export const savedSettings = {
  k: 5,
  retentionDays: 180,
  initiativeCreators: 'learningLeaders',
  nameManagersInParticipation: false,
  savedAt: '2026-11-20T09:30:00.000Z',
} as const;
