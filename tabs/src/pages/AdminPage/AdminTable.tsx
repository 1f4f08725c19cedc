import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useAdminPageStyles } from './AdminPage.styles';
import { TableScroll } from './TableScroll';

/**
 * A small admin table in its scroll region: `label` names both the region and the table, `columns`
 * are the header cells, and `children` are the body rows.
 */
export function AdminTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </TableScroll>
  );
}

/** A table cell showing an identifier (a permission, a record kind, an id) in monospace. */
export function CodeCell({ children }: { children: ReactNode }) {
  const styles = useAdminPageStyles();
  return (
    <TableCell>
      <code className={styles.code}>{children}</code>
    </TableCell>
  );
}
