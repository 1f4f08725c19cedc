import { describe, expect, it } from 'vitest';
import { hrefFor, routeFromHash } from './hash-route';

describe('routeFromHash', () => {
  it('opens Home for an empty hash', () => {
    expect(routeFromHash('')).toBe('home');
    expect(routeFromHash('#')).toBe('home');
    expect(routeFromHash('#/')).toBe('home');
  });

  it('reads each page and ignores anything after the page name', () => {
    expect(routeFromHash('#/initiatives')).toBe('initiatives');
    expect(routeFromHash('#/about?from=nav')).toBe('about');
    expect(routeFromHash('#/config')).toBe('config');
  });

  it('returns null for a page the tab does not have', () => {
    expect(routeFromHash('#/reports')).toBeNull();
  });

  it('builds links that it reads back', () => {
    expect(routeFromHash(hrefFor('about'))).toBe('about');
  });
});
