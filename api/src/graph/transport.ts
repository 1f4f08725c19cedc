/**
 * The network seam between LearnFit and Microsoft's cloud. Production sends every request to the URL it
 * names; demo and test mode route Microsoft's real hosts to local simulators. Nothing else differs.
 */

/** A fetch-compatible function. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Maps a real host (e.g. `graph.microsoft.com`) to a local base URL (e.g. `http://127.0.0.1:4100`). */
export type HostRoutes = ReadonlyMap<string, string>;

/** Rewrites a URL whose host is routed, keeping path and query byte for byte; others pass untouched. */
export function routeUrl(url: string, routes: HostRoutes): string {
  const match = /^https:\/\/([^/?#]+)(.*)$/i.exec(url);
  const base = match?.[1] ? routes.get(match[1].toLowerCase()) : undefined;
  if (base === undefined || !match) return url;
  return `${base.replace(/\/$/, '')}${match[2] ?? ''}`;
}

/** A fetch that applies host routes; with no routes it is plain fetch. */
export function createRoutedFetch(routes: HostRoutes, inner: FetchLike = fetch): FetchLike {
  if (routes.size === 0) return inner;
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return inner(routeUrl(url, routes), init);
  };
}

/** Microsoft hosts LearnFit talks to. */
export const microsoftHosts = {
  graph: 'graph.microsoft.com',
  reportsDownload: 'reports.office.com',
  login: 'login.microsoftonline.com',
} as const;
