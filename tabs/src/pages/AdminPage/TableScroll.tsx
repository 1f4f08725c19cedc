import type { ReactNode } from 'react';
import { useAdminPageStyles } from './AdminPage.styles';

/**
 * A wide table's horizontal scroll area. It is a labelled, focusable region so that keyboard users can
 * scroll it too (axe `scrollable-region-focusable`).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const styles = useAdminPageStyles();
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
