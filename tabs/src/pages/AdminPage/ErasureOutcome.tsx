import { MessageBar, MessageBarBody, MessageBarTitle, TableCell, TableRow } from '@fluentui/react-components';
import type { ErasureResult } from '@learnfit/core';
import type { ApiError } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { formatCount } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { AdminTable, CodeCell } from './AdminTable';

const text = strings.admin;

/** What an erasure did: the records removed per kind, or the failure. */
export type ErasureOutcomeState =
  { kind: 'done'; result: ErasureResult } | { kind: 'failed'; error: ApiError };

/** Shows an erasure's result (records removed per kind, in a table) or why it failed. */
export function ErasureOutcome({ outcome, testId }: { outcome: ErasureOutcomeState; testId: string }) {
  if (outcome.kind === 'failed') return <ErrorPanel error={outcome.error} />;
  const entries = Object.entries(outcome.result.counts);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return (
    <div data-testid={testId}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text.erasedTitle}</MessageBarTitle>
          {total === 0 ? text.erasedNothing : fill(text.erasedCount, { count: formatCount(total) })}
        </MessageBarBody>
      </MessageBar>
      {entries.length > 0 ? (
        <AdminTable label={text.erasedTable} columns={[text.columnRecords, text.columnRemoved]}>
          {entries.map(([name, count]) => (
            <TableRow key={name}>
              <CodeCell>{name}</CodeCell>
              <TableCell>{formatCount(count)}</TableCell>
            </TableRow>
          ))}
        </AdminTable>
      ) : null}
    </div>
  );
}
