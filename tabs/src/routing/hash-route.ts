import { useSyncExternalStore } from 'react';

/** The pages of the tab, addressed as `#/<route>[/<segment>…][?query]`. */
export const routes = [
  'home',
  'initiatives',
  'pulse',
  'profile',
  'report',
  'admin',
  'about',
  'config',
  'channel',
] as const;

/** A page of the tab. */
export type Route = (typeof routes)[number];

/** Where the tab is: the page, the path segments after it, and the query string. */
export interface HashLocation {
  readonly route: Route | null;
  /** Decoded segments after the page name: `#/initiatives/abc/learners` gives `['abc', 'learners']`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

function splitHash(hash: string): { path: string[]; query: string } {
  const body = hash.replace(/^#\/?/, '');
  const mark = body.indexOf('?');
  const pathPart = mark === -1 ? body : body.slice(0, mark);
  const query = mark === -1 ? '' : body.slice(mark + 1);
  return { path: pathPart.split('/').filter((part) => part !== ''), query };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads the route from a location hash; an empty hash is Home, an unknown one is `null`. */
export function routeFromHash(hash: string): Route | null {
  return locationFromHash(hash).route;
}

/** Reads the whole location from a hash. */
export function locationFromHash(hash: string): HashLocation {
  const { path, query } = splitHash(hash);
  const [first, ...rest] = path;
  const route =
    first === undefined ? 'home' : (routes as readonly string[]).includes(first) ? (first as Route) : null;
  return { route, segments: rest.map(decode), query: new URLSearchParams(query) };
}

/** The link to a page, with optional path segments (encoded here) and query. */
export function hrefFor(
  route: Route,
  segments: readonly string[] = [],
  query?: Record<string, string>,
): string {
  const path = [route, ...segments.map((segment) => encodeURIComponent(segment))].join('/');
  const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
  return `#/${path}${search}`;
}

/** Moves the tab to another location (adds a history entry, so Back returns). */
export function navigate(href: string): void {
  window.location.hash = href.startsWith('#') ? href.slice(1) : href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** The current route, following hash changes. */
export function useHashRoute(): Route | null {
  return routeFromHash(useHash());
}

/** The current location (route, segments, query), following hash changes. */
export function useHashLocation(): HashLocation {
  const hash = useHash();
  // Parsing is cheap; a new object per render is fine because consumers read primitive fields.
  return locationFromHash(hash);
}
