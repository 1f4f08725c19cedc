import { describe, expect, it } from 'vitest';
import { hrefFor, locationFromHash, routeFromHash } from './hash-route';

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
    expect(routeFromHash('#/initiatives-old')).toBeNull();
  });

  it('builds links that it reads back', () => {
    expect(routeFromHash(hrefFor('about'))).toBe('about');
  });
});

describe('locationFromHash', () => {
  it('reads path segments after the page and decodes them', () => {
    const location = locationFromHash('#/initiatives/a%2Fb/learners?x=1');
    expect(location.route).toBe('initiatives');
    expect(location.segments).toEqual(['a/b', 'learners']);
    expect(location.query.get('x')).toBe('1');
  });

  it('round-trips links with segments and a query', () => {
    const href = hrefFor('initiatives', ['id 1', 'workflow-fit'], { tab: 'heatmap' });
    const location = locationFromHash(href);
    expect(location.route).toBe('initiatives');
    expect(location.segments).toEqual(['id 1', 'workflow-fit']);
    expect(location.query.get('tab')).toBe('heatmap');
  });
});
