import { Link } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { canEditInitiatives, useInitiative } from '../../api/initiatives';
import type { FollowTiming } from '../../api/use-collection-run';
import { useMyRoles } from '../../api/me-context';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import type { DiagnosticKey } from '../Diagnostics/diagnostic-keys';
import { PageSkeleton } from '../InitiativesPage/PageSkeleton';
import { CollectionPanel } from './CollectionPanel';
import { DesignSummary } from './DesignSummary';
import { DiagnosticTabs } from './DiagnosticTabs';
import { useInitiativeDetailStyles } from './InitiativeDetail.styles';
import { InitiativeHeader } from './InitiativeHeader';

// The diagnostics (and their charts) load only when one is opened.
const DiagnosticsView = lazy(() => import('../Diagnostics/DiagnosticsView'));

/** The overview of an initiative (design, collections, snapshots) or, with `view`, one of its diagnostics. */
export default function InitiativeDetail({
  initiativeId,
  view,
  locale,
  timing,
}: {
  initiativeId: string;
  view: DiagnosticKey | null;
  locale?: string | undefined;
  timing?: FollowTiming;
}) {
  const styles = useInitiativeDetailStyles();
  const { state, retry, replace } = useInitiative(initiativeId);
  const roles = useMyRoles();
  const canEdit = roles !== null && canEditInitiatives(roles);

  if (state.status === 'loading')
    return <PageSkeleton name="initiative" label={strings.initiatives.loadingInitiative} />;
  if (state.status === 'failed')
    return (
      <article className={styles.root} data-testid="page-initiative" data-state="error">
        <ErrorPanel error={state.error} onRetry={retry} />
      </article>
    );
  const initiative = state.data;
  return (
    <article
      className={styles.root}
      data-testid="page-initiative"
      data-state="ready"
      data-view={view ?? 'overview'}
    >
      <InitiativeHeader initiative={initiative} canEdit={canEdit} onArchived={replace} />
      {view ? (
        <>
          <div>
            <Link href={hrefFor('initiatives', [initiative.id])}>{strings.initiatives.toOverview}</Link>
          </div>
          <Suspense fallback={<LoadingState label={strings.common.loading} />}>
            <DiagnosticsView initiativeId={initiative.id} view={view} />
          </Suspense>
        </>
      ) : (
        <>
          <DiagnosticTabs initiativeId={initiative.id} current={null} />
          <DesignSummary
            initiativeId={initiative.id}
            design={initiative.design}
            canEdit={canEdit}
            locale={locale}
          />
          {canEdit ? (
            <CollectionPanel initiative={initiative} locale={locale} {...(timing ? { timing } : {})} />
          ) : null}
        </>
      )}
    </article>
  );
}
