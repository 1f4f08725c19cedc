import { describe, expect, it } from 'vitest';
import { createRoutedFetch, routeUrl } from './transport';

describe('routeUrl', () => {
  const routes = new Map([['graph.microsoft.com', 'http://127.0.0.1:4100/']]);

  it('sends a routed host to its local base, keeping path and query', () => {
    expect(routeUrl("https://graph.microsoft.com/v1.0/users?$top=999&$skiptoken=X'1'", routes)).toBe(
      "http://127.0.0.1:4100/v1.0/users?$top=999&$skiptoken=X'1'",
    );
  });

  it('leaves other hosts alone', () => {
    expect(routeUrl('https://login.microsoftonline.com/t/oauth2/v2.0/token', routes)).toBe(
      'https://login.microsoftonline.com/t/oauth2/v2.0/token',
    );
  });

  it('is plain fetch when nothing is routed', () => {
    const inner = () => Promise.resolve(new Response('x'));
    expect(createRoutedFetch(new Map(), inner)).toBe(inner);
  });

  it('rewrites Request objects and URLs as well as strings', async () => {
    const seen: string[] = [];
    const send = createRoutedFetch(routes, (input) => {
      seen.push(String(input));
      return Promise.resolve(new Response('ok'));
    });
    await send(new URL('https://graph.microsoft.com/v1.0/me'));
    await send(new Request('https://graph.microsoft.com/v1.0/me/manager'));
    expect(seen).toEqual(['http://127.0.0.1:4100/v1.0/me', 'http://127.0.0.1:4100/v1.0/me/manager']);
  });
});
