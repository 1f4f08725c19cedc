/**
 * Props that make a wide table's horizontal scroll area reachable by keyboard: a labelled, focusable
 * region (axe `scrollable-region-focusable`). Spread them on the element that scrolls.
 */
export function scrollRegion(label: string): { role: 'region'; 'aria-label': string; tabIndex: 0 } {
  return { role: 'region', 'aria-label': label, tabIndex: 0 };
}
