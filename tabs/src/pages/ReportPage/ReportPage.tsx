import {
  Body1,
  Button,
  Card,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Title2,
  Title3,
} from '@fluentui/react-components';
import type { WorkflowReport } from '@learnfit/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/client';
import { useMyOrgReport } from '../../api/reports';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';
import { hrefFor, useHashLocation } from '../../routing/hash-route';
import type { TeamsHost } from '../../teams/host';
import { FigureChart } from './FigureChart';
import { ReportActions, type ReportActionDeps } from './ReportActions';
import { useReportPageStyles } from './ReportPage.styles';
import { CoverageCard, FindingsCard, HeadlineCard, ReportMeta } from './ReportSections';
import { openPrintView, copyText, teamsSharing } from './report-actions';
import { featureFigures, modeFigures, reportTitle } from './report-figures';

const text = strings.report;

/** The state the page root announces to tests and the benchmark. */
type PageState = 'loading' | 'ready' | 'empty' | 'error';

function Root({ state, children }: { state: PageState; children: ReactNode }) {
  const styles = useReportPageStyles();
  return (
    <article className={styles.root} data-testid="page-report" data-state={state}>
      {children}
    </article>
  );
}

function ReportSkeleton() {
  const styles = useReportPageStyles();
  return (
    <Skeleton aria-label={text.loading} className={styles.skeleton}>
      <SkeletonItem size={32} />
      {[0, 1, 2, 3, 4].map((row) => (
        <div key={row} className={styles.skeletonRow}>
          <SkeletonItem size={20} />
          <SkeletonItem size={20} />
        </div>
      ))}
    </Skeleton>
  );
}

/** A failure with the explanation this page can give, or the shared error panel. */
function ReportFailure({
  error,
  initiativeId,
  retry,
}: {
  error: ApiError;
  initiativeId: string | null;
  retry: () => void;
}) {
  const plain = (title: string, body: string, action: ReactNode, testId: string) => (
    <MessageBar intent="info" layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      <MessageBarActions>{action}</MessageBarActions>
    </MessageBar>
  );
  if (error.code === 'forbidden')
    return plain(
      text.notManagerTitle,
      text.notManagerBody,
      <Link href={hrefFor('home')}>{text.goHome}</Link>,
      'report-not-manager',
    );
  if (error.code === 'not_found' && initiativeId !== null)
    return plain(
      text.noInitiativeTitle,
      text.noInitiativeBody,
      <Link href={hrefFor('report')}>{text.withoutInitiative}</Link>,
      'report-no-initiative',
    );
  if (error.code === 'not_found')
    return plain(
      text.noSnapshotTitle,
      text.noSnapshotBody,
      <Button onClick={retry}>{strings.common.retry}</Button>,
      'report-no-snapshot',
    );
  return <ErrorPanel error={error} onRetry={retry} />;
}

/** The report once loaded: headline, per-mode and per-feature figures, findings and coverage. */
export function ReportView({
  report,
  initiativeId,
  locale,
  deps,
}: {
  report: WorkflowReport;
  initiativeId: string | null;
  locale?: string | undefined;
  deps: ReportActionDeps;
}) {
  const styles = useReportPageStyles();
  const fit = report.workflowFit;
  const header = (
    <header className={styles.header}>
      <Title2 as="h1">{reportTitle(report)}</Title2>
      <Body1 as="p" className={styles.paragraph}>
        {text.intro}
      </Body1>
      <ReportMeta report={report} locale={locale} />
    </header>
  );
  if (report.withheld || !fit)
    return (
      <Root state="empty">
        {header}
        <MessageBar intent="info" layout="multiline" data-testid="report-withheld">
          <MessageBarBody>
            <MessageBarTitle>{text.withheldTitle}</MessageBarTitle>
            {fill(text.withheldBody, { k: report.k })}
          </MessageBarBody>
        </MessageBar>
      </Root>
    );
  const features = featureFigures(fit.data, locale);
  return (
    <Root state="ready">
      {header}
      <ReportActions report={report} initiativeId={initiativeId} deps={deps} />
      <HeadlineCard fit={fit} locale={locale} />
      <Card className={styles.card}>
        <Title3 as="h2">{text.modesHeading}</Title3>
        <Body1 as="p" className={styles.paragraph}>
          {text.modesIntro}
        </Body1>
        <FigureChart
          title={text.modesHeading}
          figures={modeFigures(fit.data, locale)}
          testId="report-modes"
        />
      </Card>
      {features.rows.length > 0 ? (
        <Card className={styles.card}>
          <Title3 as="h2">{text.featuresHeading}</Title3>
          <Body1 as="p" className={styles.paragraph}>
            {text.featuresIntro}
          </Body1>
          <FigureChart title={text.featuresHeading} figures={features} testId="report-features" />
        </Card>
      ) : null}
      <FindingsCard fit={fit} />
      <CoverageCard fit={fit} k={report.k} />
    </Root>
  );
}

const defaultDeps: ReportActionDeps = {
  sharing: teamsSharing,
  openPrintView,
  copyText,
  origin: typeof window === 'undefined' ? '' : window.location.origin,
};

/**
 * `#/report[?initiativeId=]`: a manager's workflow-fit report of their own org, aggregates only, with
 * export, print and share. `deps` replaces the browser and host parts in tests.
 */
export default function ReportPage({ host, deps }: { host: TeamsHost; deps?: Partial<ReportActionDeps> }) {
  const { query } = useHashLocation();
  const initiativeId = query.get('initiativeId') || null;
  const { state, retry } = useMyOrgReport(initiativeId);
  const locale = host.context.locale;
  if (state.status === 'loading')
    return (
      <Root state="loading">
        <Title2 as="h1">{text.title}</Title2>
        <ReportSkeleton />
      </Root>
    );
  if (state.status === 'failed') {
    const empty = state.error.code === 'not_found' && initiativeId === null;
    return (
      <Root state={empty ? 'empty' : 'error'}>
        <Title2 as="h1">{text.title}</Title2>
        <ReportFailure error={state.error} initiativeId={initiativeId} retry={retry} />
      </Root>
    );
  }
  return (
    <ReportView
      report={state.data}
      initiativeId={initiativeId}
      locale={locale}
      deps={{ ...defaultDeps, ...deps }}
    />
  );
}
