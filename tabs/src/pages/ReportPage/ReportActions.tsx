import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Toolbar,
} from '@fluentui/react-components';
import type { WorkflowReport } from '@learnfit/core';
import { useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { toApiError } from '../../api/client';
import { myOrgReportPath } from '../../api/reports';
import { safeFileName, saveTextAsFile } from '../../api/save-file';
import { fill, strings } from '../../messages/strings';
import { messageForError } from '../../messages/problem-messages';
import { useReportPageStyles } from './ReportPage.styles';
import { isUserAbort, reportLink, type PrintOutcome, type ReportSharing } from './report-actions';

const text = strings.report;

/** What the report's actions use besides the API; tests replace the parts a browser cannot do in jsdom. */
export interface ReportActionDeps {
  readonly sharing: ReportSharing;
  readonly openPrintView: (html: string, title: string) => PrintOutcome;
  readonly copyText: (text: string) => Promise<void>;
  readonly origin: string;
}

type Status =
  | { intent: 'success' | 'info'; title: string; body: string; link?: string }
  | { intent: 'error'; title: string; body: string };

/** Export CSV, Print view and Share for the manager's report, with one live status line for all three. */
export function ReportActions({
  report,
  initiativeId,
  deps,
}: {
  report: WorkflowReport;
  initiativeId: string | null;
  deps: ReportActionDeps;
}) {
  const styles = useReportPageStyles();
  const client = useApiClient();
  const [busy, setBusy] = useState<'csv' | 'print' | 'share' | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const run = async (which: 'csv' | 'print' | 'share', action: () => Promise<Status | null>) => {
    setBusy(which);
    setStatus(null);
    try {
      setStatus(await action());
    } catch (error) {
      const message = messageForError(toApiError(error));
      setStatus({ intent: 'error', title: message.title, body: message.body });
    } finally {
      setBusy(null);
    }
  };

  const exportCsv = () =>
    run('csv', async () => {
      const file = await client.download(myOrgReportPath('csv', initiativeId));
      const date = report.snapshot.dataAsOf.slice(0, 10);
      const name = safeFileName(`learnfit-my-org-workflow-fit-${date}`, 'csv');
      saveTextAsFile(file.text, name, file.contentType || 'text/csv;charset=utf-8');
      return { intent: 'success', title: text.exportDoneTitle, body: fill(text.exportDone, { file: name }) };
    });

  const print = () =>
    run('print', async () => {
      const page = await client.download(myOrgReportPath('html', initiativeId));
      const outcome = deps.openPrintView(page.text, text.printFrameTitle);
      return {
        intent: 'info',
        title: text.printDoneTitle,
        body: outcome === 'window' ? text.printWindow : text.printFrame,
      };
    });

  const share = () =>
    run('share', async () => {
      const link = reportLink(deps.origin, initiativeId);
      if (deps.sharing.isSupported()) {
        try {
          await deps.sharing.shareLink(link, text.shareMessage);
          return { intent: 'success', title: text.sharedTitle, body: text.shared };
        } catch (error) {
          if (isUserAbort(error)) return null;
          // The dialog failed to open: fall through to copying, which works in any host.
        }
      }
      try {
        await deps.copyText(link);
        return { intent: 'success', title: text.copiedTitle, body: text.copied, link };
      } catch {
        return { intent: 'info', title: text.copyManuallyTitle, body: text.copyManually, link };
      }
    });

  return (
    <div className={styles.actions}>
      <Toolbar aria-label={text.actionsLabel} className={styles.toolbar}>
        <Button onClick={() => void exportCsv()} disabled={busy !== null} data-testid="report-export-csv">
          {busy === 'csv' ? text.exporting : strings.common.exportCsv}
        </Button>
        <Button onClick={() => void print()} disabled={busy !== null} data-testid="report-print">
          {busy === 'print' ? text.preparingPrint : strings.common.print}
        </Button>
        <Button
          appearance="primary"
          onClick={() => void share()}
          disabled={busy !== null}
          data-testid="report-share"
        >
          {strings.common.share}
        </Button>
      </Toolbar>
      <div role="status" aria-live="polite" data-testid="report-action-status">
        {status ? (
          <MessageBar intent={status.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{status.title}</MessageBarTitle>
              {status.body}
              {'link' in status && status.link ? (
                <Field label={text.linkLabel} className={styles.linkField}>
                  <Input
                    readOnly
                    value={status.link}
                    onFocus={(event) => event.currentTarget.select()}
                    data-testid="report-share-link"
                  />
                </Field>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </div>
  );
}
