import {
  Badge,
  Body1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { SnapshotSummary } from '@learnfit/core';
import { formatCount, formatReportDate } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { useInitiativeDetailStyles } from './InitiativeDetail.styles';

const s = strings.initiatives.snapshots;

function coverageText(snapshot: SnapshotSummary): string {
  const gaps = snapshot.coverage.filter((source) => source.status !== 'complete').length;
  if (gaps === 0) return s.coverageComplete;
  return gaps === 1 ? s.coverageGapsOne : fill(s.coverageGaps, { count: gaps });
}

/** The initiative's stored snapshots, newest first, with their data date, size and coverage. */
export function SnapshotList({
  snapshots,
  locale,
}: {
  snapshots: readonly SnapshotSummary[];
  locale?: string | undefined;
}) {
  const styles = useInitiativeDetailStyles();
  if (snapshots.length === 0)
    return (
      <Body1 as="p" className={styles.muted} data-testid="snapshots-empty">
        {s.empty}
      </Body1>
    );
  return (
    // A narrow tab scrolls the table sideways; the region is focusable so the keyboard can scroll it too.
    <div className={styles.tableWrap} role="region" aria-label={s.title} tabIndex={0}>
      <Table aria-label={s.title} data-testid="snapshot-list" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s.columns.kind}</TableHeaderCell>
            <TableHeaderCell>{s.columns.dataAsOf}</TableHeaderCell>
            <TableHeaderCell>{s.columns.people}</TableHeaderCell>
            <TableHeaderCell>{s.columns.weeks}</TableHeaderCell>
            <TableHeaderCell>{s.columns.coverage}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {snapshots.map((snapshot) => (
            <TableRow key={snapshot.id}>
              <TableCell>
                {s.kind[snapshot.kind]}{' '}
                {snapshot.frozen ? (
                  <Badge appearance="outline" size="small">
                    {s.frozen}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>{formatReportDate(snapshot.dataAsOf, locale)}</TableCell>
              <TableCell>{formatCount(snapshot.people, locale)}</TableCell>
              <TableCell>{snapshot.weeks}</TableCell>
              <TableCell>{coverageText(snapshot)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
