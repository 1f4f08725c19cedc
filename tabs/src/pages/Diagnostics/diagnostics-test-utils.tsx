import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiClientProvider } from '../../api/api-context';
import type { ApiClient, ApiRequest } from '../../api/client';
import { fakeClient } from '../../test-fixtures/fake-client';

/** One answer of the fake API: a value, or an error to throw. */
export type FakeAnswer = { ok: unknown } | { error: Error };

/** A fake client answering `METHOD path` keys (path without query); records every call it gets. */
export function routedClient(
  routes: Record<string, FakeAnswer | ((call: ApiRequest<unknown>) => FakeAnswer)>,
): {
  client: ApiClient;
  calls: ApiRequest<unknown>[];
} {
  const calls: ApiRequest<unknown>[] = [];
  const client = fakeClient({
    request: <T,>(call: ApiRequest<T>): Promise<T> => {
      calls.push(call as ApiRequest<unknown>);
      const key = `${call.method ?? 'GET'} ${call.path.split('?')[0] ?? ''}`;
      const route = routes[key];
      if (!route) return Promise.reject(new Error(`unexpected call: ${key}`));
      const answer = typeof route === 'function' ? route(call as ApiRequest<unknown>) : route;
      if ('error' in answer) return Promise.reject(answer.error);
      const parsed = call.schema
        ? call.schema.safeParse(answer.ok)
        : { success: true as const, data: answer.ok as T };
      return parsed.success
        ? Promise.resolve(parsed.data)
        : Promise.reject(new Error(`fake answer for ${key} breaks the contract`));
    },
  });
  return { client, calls };
}

/** Renders inside Fluent and the API client, as the tab does. */
export function renderWithClient(client: ApiClient, element: ReactElement) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>{element}</ApiClientProvider>
    </FluentProvider>,
  );
}
