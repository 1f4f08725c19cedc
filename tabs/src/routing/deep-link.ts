import { locationFromHash } from './hash-route';

/**
 * The hash a Teams deep link asks for, or null. A deep link carries a tab path as `subEntityId`
 * (`initiatives/<id>/learners`, `report`); it is followed only when the tab opened on its default
 * page, so a reload on another page stays there, and only when it names a page the tab has.
 */
export function deepLinkTarget(subPageId: string | null, currentHash: string): string | null {
  if (!subPageId) return null;
  const opened = currentHash.replace(/^#\/?/, '');
  if (opened !== '' && opened !== 'home') return null;
  const target = `#/${subPageId.replace(/^[#/]+/, '')}`;
  return locationFromHash(target).route === null ? null : target;
}
