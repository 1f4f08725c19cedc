import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { canEditInitiatives, useInitiative } from '../../api/initiatives';
import { useMyRoles } from '../../api/me-context';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { strings } from '../../messages/strings';
import { hrefFor, useHashLocation } from '../../routing/hash-route';
import type { ChannelPlacement, TeamsHost } from '../../teams/host';
import { toDiagnosticKey, type DiagnosticKey } from '../Diagnostics/diagnostic-keys';
import { DesignSummary } from '../InitiativeDetail/DesignSummary';
import { InitiativeHeader } from '../InitiativeDetail/InitiativeHeader';
import { PageSkeleton } from '../InitiativesPage/PageSkeleton';
import { useChannelPageStyles } from './ChannelPage.styles';

const DiagnosticsView = lazy(() => import('../Diagnostics/DiagnosticsView'));

const s = strings.channel;
const defaultView: DiagnosticKey = 'learners';

function Notice({
  state,
  reason,
  title,
  body,
  link,
}: {
  state: 'empty' | 'error';
  reason: string;
  title: string;
  body: string;
  link?: string;
}) {
  const styles = useChannelPageStyles();
  return (
    <article className={styles.root} data-testid="page-channel" data-state={state} data-reason={reason}>
      <MessageBar intent={state === 'error' ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {body}
        </MessageBarBody>
      </MessageBar>
      {link ? <Link href={link}>{s.openInApp}</Link> : null}
    </article>
  );
}

function ChannelInitiative({
  initiativeId,
  view,
  placement,
}: {
  initiativeId: string;
  view: DiagnosticKey;
  placement: ChannelPlacement | null;
}) {
  const styles = useChannelPageStyles();
  const { state, retry } = useInitiative(initiativeId);
  const roles = useMyRoles();
  if (state.status === 'loading') return <PageSkeleton name="channel" label={s.loading} />;
  if (state.status === 'failed') {
    if (state.error.code === 'not_found' || state.error.code === 'forbidden')
      return <Notice state="error" reason="not-visible" title={s.notVisibleTitle} body={s.notVisibleBody} />;
    return (
      <article className={styles.root} data-testid="page-channel" data-state="error">
        <ErrorPanel error={state.error} onRetry={retry} />
      </article>
    );
  }
  const initiative = state.data;
  if (initiative.status === 'archived')
    return (
      <Notice
        state="empty"
        reason="archived"
        title={s.archivedTitle}
        body={s.archivedBody}
        link={hrefFor('initiatives', [initiative.id])}
      />
    );
  if (roles === null) return <PageSkeleton name="channel" label={s.loading} />;
  if (!canEditInitiatives(roles))
    // Diagnostics are for the people who run the initiative; a member reads what it will do for them.
    return (
      <article className={styles.root} data-testid="page-channel" data-state="ready" data-view="member">
        <InitiativeHeader initiative={initiative} canEdit={false} showBack={false} />
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.memberTitle}</MessageBarTitle>
            {s.memberBody}
          </MessageBarBody>
        </MessageBar>
        <DesignSummary initiativeId={initiative.id} design={initiative.design} canEdit={false} />
        <nav aria-label={s.memberLinks} className={styles.memberLinks}>
          <Link href={hrefFor('pulse', [initiative.id])}>{s.memberPulse}</Link>
          <Link href={hrefFor('profile')}>{s.memberProfile}</Link>
        </nav>
      </article>
    );
  return (
    <article className={styles.root} data-testid="page-channel" data-state="ready" data-view={view}>
      <InitiativeHeader initiative={initiative} canEdit={false} showBack={false} />
      <Suspense fallback={<LoadingState label={strings.common.loading} />}>
        <DiagnosticsView
          initiativeId={initiative.id}
          view={view}
          placement={placement}
          linkFor={(key) => hrefFor('channel', [], { initiative: initiative.id, view: key })}
        />
      </Suspense>
    </article>
  );
}

/** The channel tab: the diagnostics of the initiative the owner chose when adding the tab (`?initiative=<id>`). */
export default function ChannelPage({ host }: { host: TeamsHost }) {
  const { query } = useHashLocation();
  const initiativeId = query.get('initiative');
  const view = toDiagnosticKey(query.get('view') ?? undefined) ?? defaultView;
  if (!initiativeId)
    return (
      <Notice state="empty" reason="no-initiative" title={s.noInitiativeTitle} body={s.noInitiativeBody} />
    );
  return <ChannelInitiative initiativeId={initiativeId} view={view} placement={host.context.placement} />;
}
