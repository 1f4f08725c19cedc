import { useSyncExternalStore } from 'react';

/** The pages of the tab, addressed as `#/<route>`. */
export const routes = ['home', 'initiatives', 'about', 'config'] as const;

/** A page of the tab. */
export type Route = (typeof routes)[number];

/** Reads the route from a location hash; an empty hash is Home, an unknown one is `null`. */
export function routeFromHash(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  if (path === '') return 'home';
  return (routes as readonly string[]).includes(path) ? (path as Route) : null;
}

/** The link to a page. */
export function hrefFor(route: Route): string {
  return `#/${route}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, following hash changes. */
export function useHashRoute(): Route | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return routeFromHash(hash);
}
