import { describe, expect, it, vi } from 'vitest';
import { meFixture } from '../test-fixtures/me-response';
import { ApiError, createApiClient } from './client';

function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

function clientWith(
  fetchImpl: typeof fetch,
  getToken: () => Promise<string> = () => Promise.resolve('tok-123'),
) {
  return createApiClient({ baseUrl: 'https://learnfit.example', getToken, fetch: fetchImpl });
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('createApiClient().getMe', () => {
  it('sends the SSO token as a bearer token and returns the parsed body', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(meFixture)));
    const me = await clientWith(fetchImpl).getMe();

    expect(me.user.displayName).toBe('Ines Okafor');
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('https://learnfit.example/api/me');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer tok-123');
  });

  it('turns a problem+json answer into an ApiError carrying its code', async () => {
    const problem = {
      type: 'https://learnfit.example/problems/consent_required',
      title: 'Consent required',
      status: 403,
      code: 'consent_required',
      detail: 'An administrator must grant consent.',
    };
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(jsonResponse(problem, 403, 'application/problem+json')),
    );
    const error = await failureOf(clientWith(fetchImpl).getMe());

    expect(error).toMatchObject({ status: 403, code: 'consent_required', title: 'Consent required' });
    expect(error.detail).toBe('An administrator must grant consent.');
  });

  it('reports an error answer without a problem body as unexpected_status', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    const error = await failureOf(clientWith(fetchImpl).getMe());
    expect(error).toMatchObject({ status: 502, code: 'unexpected_status' });
  });

  it('rejects a success body that does not match the contract', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(jsonResponse({ user: { displayName: 'x' } })),
    );
    const error = await failureOf(clientWith(fetchImpl).getMe());
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('gives a network failure its own code', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failureOf(clientWith(fetchImpl).getMe());
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('does not call the API when Teams refuses the token', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(meFixture)));
    const error = await failureOf(
      clientWith(fetchImpl, () => Promise.reject(new Error('resourceDisabled'))).getMe(),
    );

    expect(error).toMatchObject({ status: 0, code: 'token_unavailable', detail: 'resourceDisabled' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
