import { Body1, Button, Card, Field, Select, TableCell, TableRow, Title3 } from '@fluentui/react-components';
import type { AuditEntryView } from '@learnfit/core';
import { useState } from 'react';
import { auditPageSizes, useAuditPage } from '../../api/admin';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { fill, strings } from '../../messages/strings';
import { formatTime } from './admin-format';
import { useAdminPageStyles } from './AdminPage.styles';
import { AdminTable, CodeCell } from './AdminTable';

const text = strings.admin;

function actionLabel(action: string): string {
  const labels: Readonly<Record<string, string>> = text.auditActions;
  return labels[action] ?? action;
}

function detailText(detail: AuditEntryView['detail']): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

/**
 * The audit log, newest first, one page at a time. The API pages by cursor (`before`), so the panel
 * keeps the cursors of the pages it has shown to go back to newer ones.
 */
export function AuditPanel({ locale }: { locale?: string | undefined }) {
  const styles = useAdminPageStyles();
  const [limit, setLimit] = useState<number>(auditPageSizes[1]);
  // Cursors of the pages shown so far; the last one is the current page (null: the newest page).
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const before = cursors.at(-1) ?? null;
  const { state, retry } = useAuditPage(limit, before);
  const pageNumber = cursors.length;

  let body;
  if (state.status === 'loading') body = <LoadingState label={text.auditLoading} />;
  else if (state.status === 'failed') body = <ErrorPanel error={state.error} onRetry={retry} />;
  else if (state.data.items.length === 0)
    body = (
      <Body1 as="p" className={styles.paragraph} data-testid="admin-audit-empty">
        {text.auditEmpty}
      </Body1>
    );
  else
    body = (
      <AdminTable
        label={fill(text.auditTable, { page: pageNumber })}
        columns={[text.columnWhen, text.columnActor, text.columnAction, text.columnTarget, text.columnDetail]}
      >
        {state.data.items.map((entry) => (
          <TableRow key={entry.id} data-testid="admin-audit-row">
            <TableCell>{formatTime(entry.at, locale)}</TableCell>
            <CodeCell>{entry.actorId === 'erased' ? text.actorErased : entry.actorId}</CodeCell>
            <TableCell>{actionLabel(entry.action)}</TableCell>
            <CodeCell>{entry.target}</CodeCell>
            <TableCell>{detailText(entry.detail)}</TableCell>
          </TableRow>
        ))}
      </AdminTable>
    );

  const nextBefore = state.status === 'ready' ? state.data.nextBefore : null;
  const status = state.status === 'failed' ? 'error' : state.status;
  return (
    <Card className={styles.card} data-testid="admin-audit" data-state={status}>
      <Title3 as="h2">{text.auditHeading}</Title3>
      <Body1 as="p" className={styles.paragraph}>
        {text.auditIntro}
      </Body1>
      <Field label={text.pageSizeLabel} className={styles.numberInput}>
        <Select
          value={String(limit)}
          onChange={(_event, data) => {
            setLimit(Number(data.value));
            setCursors([null]);
          }}
        >
          {auditPageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </Select>
      </Field>
      {body}
      <nav className={styles.row} aria-label={text.auditPaging}>
        <Button
          onClick={() => setCursors((current) => current.slice(0, -1))}
          disabled={cursors.length <= 1 || state.status === 'loading'}
          data-testid="admin-audit-newer"
        >
          {text.newer}
        </Button>
        <Body1 data-testid="admin-audit-page">{fill(text.pageNumber, { page: pageNumber })}</Body1>
        <Button
          onClick={() => {
            if (nextBefore !== null) setCursors((current) => [...current, nextBefore]);
          }}
          disabled={nextBefore === null}
          data-testid="admin-audit-older"
        >
          {text.older}
        </Button>
      </nav>
    </Card>
  );
}
