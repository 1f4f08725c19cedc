import type { ApiClient } from '../api/client';

/**
 * An `ApiClient` for component tests: the given methods, and every other call rejects so that a test
 * notices a request it did not expect.
 */
export function fakeClient(methods: Partial<ApiClient>): ApiClient {
  const unexpected = (what: string) => () => Promise.reject(new Error(`unexpected call: ${what}`));
  return {
    getMe: unexpected('getMe'),
    request: (call) => Promise.reject(new Error(`unexpected call: ${call.method ?? 'GET'} ${call.path}`)),
    download: (path) => Promise.reject(new Error(`unexpected download: ${path}`)),
    ...methods,
  };
}
