import {
  Badge,
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Subtitle1,
  Tab,
  TabList,
} from '@fluentui/react-components';
import type { DiagnosticsResponse } from '@learnfit/core';
import { useId, type ReactNode } from 'react';
import { useDiagnostics, type EmptyReason, type PlannedSession } from '../../api/diagnostics';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { formatReportDate } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { hrefFor, navigate } from '../../routing/hash-route';
import type { ChannelPlacement } from '../../teams/host';
import ChangePlanView from './ChangePlanView/ChangePlanView';
import { diagnosticKeys, type DiagnosticKey } from './diagnostic-keys';
import { useDiagnosticsViewStyles } from './DiagnosticsView.styles';
import LeadersView from './LeadersView/LeadersView';
import LearnersView from './LearnersView/LearnersView';
import ManagementView from './ManagementView/ManagementView';
import WorkflowFitView from './WorkflowFitView/WorkflowFitView';

const t = strings.diagnostics;

/** Props of the diagnostics page; the channel tab passes its placement so cards can go to its channel. */
export interface DiagnosticsViewProps {
  readonly initiativeId: string;
  readonly view: DiagnosticKey;
  /** Where the tab runs; enables "Post to channel" for the current channel. */
  readonly placement?: ChannelPlacement | null;
  /** The link of each diagnostic; defaults to `#/initiatives/<id>/<key>`. */
  readonly linkFor?: (key: DiagnosticKey) => string;
}

function selectedView(
  view: DiagnosticKey,
  data: DiagnosticsResponse,
  planned: readonly PlannedSession[],
  placement: ChannelPlacement | null,
): ReactNode {
  switch (view) {
    case 'leaders':
      return <LeadersView data={data} />;
    case 'learners':
      return <LearnersView data={data} />;
    case 'workflow-fit':
      return <WorkflowFitView data={data} planned={planned} />;
    case 'change-plan':
      return <ChangePlanView data={data} placement={placement} />;
    case 'management':
      return <ManagementView data={data} />;
  }
}

function Empty({ initiativeId, reason }: { initiativeId: string; reason: EmptyReason }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="diagnostics-empty">
      <MessageBarBody>
        <MessageBarTitle>{t.emptyTitle}</MessageBarTitle>
        <p>{reason === 'no-design' ? t.emptyNoDesign : t.emptyNoSnapshot}</p>
        <Link href={hrefFor('initiatives', [initiativeId])}>{t.toOverview}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}

function LoadingSkeleton() {
  const styles = useDiagnosticsViewStyles();
  return (
    <div role="status" aria-live="polite">
      <Skeleton className={styles.skeleton} aria-label={t.loading}>
        <SkeletonItem size={24} />
        <SkeletonItem size={16} />
        <SkeletonItem size={72} />
        <SkeletonItem size={128} />
      </Skeleton>
      <Caption1>{t.loading}</Caption1>
    </div>
  );
}

/** The five diagnostics of one initiative: data-as-of and coverage, a tab per diagnostic, and the chosen one. */
export default function DiagnosticsView({
  initiativeId,
  view,
  placement = null,
  linkFor,
}: DiagnosticsViewProps) {
  const styles = useDiagnosticsViewStyles();
  const id = useId();
  const { state, retry } = useDiagnostics(initiativeId);
  const link = linkFor ?? ((key: DiagnosticKey) => hrefFor('initiatives', [initiativeId, key]));
  const dataState = state.status === 'failed' ? 'error' : state.status;

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingSkeleton />;
  else if (state.status === 'failed') body = <ErrorPanel error={state.error} onRetry={retry} />;
  else if (state.status === 'empty') body = <Empty initiativeId={initiativeId} reason={state.reason} />;
  else {
    const { data, planned } = state;
    const snapshot = data.snapshot;
    body = (
      <>
        <div className={styles.header}>
          <Body1 className={styles.meta} data-testid="diagnostics-data-as-of">
            {fill(strings.common.dataAsOf, { date: formatReportDate(snapshot.dataAsOf) })} ·{' '}
            {t.snapshotKinds[snapshot.kind]} ·{' '}
            {fill(t.meta, {
              weeks: snapshot.weeks,
              people: snapshot.people,
            })}
          </Body1>
          <Caption1 className={styles.meta}>{fill(t.kNote, { k: data.k })}</Caption1>
          {data.targetGroupFrom === 'design' ? (
            <Caption1 className={styles.meta}>{t.targetFromDesign}</Caption1>
          ) : null}
          {snapshot.source === 'demo-seed' ? (
            <div>
              <Badge appearance="outline" color="informative" data-testid="diagnostics-demo-data">
                {t.demoData}
              </Badge>
            </div>
          ) : null}
        </div>
        <TabList
          className={styles.tabs}
          selectedValue={view}
          aria-label={t.tabsLabel}
          onTabSelect={(_, selected) => navigate(link(selected.value as DiagnosticKey))}
        >
          {diagnosticKeys.map((key) => (
            <Tab key={key} value={key} id={`${id}-tab-${key}`} data-href={link(key)}>
              {t.tabs[key]}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" aria-labelledby={`${id}-tab-${view}`} className={styles.panel}>
          {selectedView(view, data, planned, placement)}
        </div>
      </>
    );
  }

  return (
    <section
      className={styles.root}
      data-testid="diagnostics-view"
      data-state={dataState}
      aria-labelledby={`${id}-heading`}
    >
      <Subtitle1 as="h2" id={`${id}-heading`}>
        {state.status === 'ready' ? `${t.heading}: ${state.data.initiative.name}` : t.heading}
      </Subtitle1>
      {body}
    </section>
  );
}
