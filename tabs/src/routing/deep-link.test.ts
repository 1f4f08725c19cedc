import { describe, expect, it } from 'vitest';
import { deepLinkTarget } from './deep-link';

describe('deepLinkTarget', () => {
  it('opens the page a deep link names when the tab opened on Home', () => {
    expect(deepLinkTarget('initiatives/i-1/learners', '')).toBe('#/initiatives/i-1/learners');
    expect(deepLinkTarget('report', '#/home')).toBe('#/report');
  });

  it('stays where the person is after a reload on another page', () => {
    expect(deepLinkTarget('report', '#/profile')).toBeNull();
  });

  it('ignores an empty deep link and pages the tab does not have', () => {
    expect(deepLinkTarget(null, '')).toBeNull();
    expect(deepLinkTarget('settings/secret', '')).toBeNull();
  });
});
