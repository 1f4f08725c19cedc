import { Link, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Title2 } from '@fluentui/react-components';
import type { InitiativeDetail } from '@learnfit/core';
import { useState } from 'react';
import { useInitiative } from '../../api/initiatives';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import { useWizardStyles } from './InitiativeWizard.styles';
import { draftKey, loadDraft } from './wizard-draft';
import { draftFromDetail, emptyDraft } from './wizard-model';
import { WizardForm } from './WizardForm';

const s = strings.wizard;

/** A chosen item the API stored by id only: its name is unknown until it is searched again. */
function unnamed(id: string): string {
  return fill(strings.pickers.unnamed, { id: id.slice(0, 8) });
}

function WizardSkeleton() {
  return (
    <Skeleton aria-label={strings.initiatives.loadingInitiative}>
      <SkeletonItem size={32} />
      <SkeletonItem size={16} />
      <SkeletonItem size={64} />
    </Skeleton>
  );
}

function EditForm({
  detail,
  searchDelayMs,
}: {
  detail: InitiativeDetail;
  searchDelayMs?: number | undefined;
}) {
  const key = draftKey(detail.id);
  const [stored] = useState(() => loadDraft(key));
  const [pristine] = useState(() => draftFromDetail(detail, unnamed));
  if (detail.status === 'archived')
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="wizard-archived">
        <MessageBarBody>{s.archivedReadOnly}</MessageBarBody>
      </MessageBar>
    );
  return (
    <WizardForm
      initiativeId={detail.id}
      initial={stored ?? pristine}
      pristine={pristine}
      restored={stored !== null}
      storageKey={key}
      {...(searchDelayMs === undefined ? {} : { searchDelayMs })}
    />
  );
}

function EditWizard({
  initiativeId,
  searchDelayMs,
}: {
  initiativeId: string;
  searchDelayMs?: number | undefined;
}) {
  const styles = useWizardStyles();
  const { state, retry } = useInitiative(initiativeId);
  const dataState = state.status === 'ready' ? 'ready' : state.status === 'failed' ? 'error' : 'loading';
  return (
    <article className={styles.root} data-testid="page-wizard" data-state={dataState}>
      <Link href={hrefFor('initiatives', [initiativeId])}>{strings.common.back}</Link>
      <Title2 as="h1">
        {state.status === 'ready'
          ? fill(s.titleEdit, { name: state.data.name })
          : strings.initiatives.editDesign}
      </Title2>
      {state.status === 'loading' ? <WizardSkeleton /> : null}
      {state.status === 'failed' ? <ErrorPanel error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <EditForm detail={state.data} searchDelayMs={searchDelayMs} /> : null}
    </article>
  );
}

function NewWizard({ searchDelayMs }: { searchDelayMs?: number | undefined }) {
  const styles = useWizardStyles();
  const key = draftKey(null);
  const [stored] = useState(() => loadDraft(key));
  const [pristine] = useState(emptyDraft);
  return (
    <article className={styles.root} data-testid="page-wizard" data-state="ready">
      <Link href={hrefFor('initiatives')}>{strings.initiatives.backToList}</Link>
      <Title2 as="h1">{s.titleNew}</Title2>
      <WizardForm
        initiativeId={null}
        initial={stored ?? pristine}
        pristine={pristine}
        restored={stored !== null}
        storageKey={key}
        {...(searchDelayMs === undefined ? {} : { searchDelayMs })}
      />
    </article>
  );
}

/** The initiative wizard: a new initiative, or the design of an existing one pre-filled for editing. */
export default function InitiativeWizard({
  initiativeId,
  searchDelayMs,
}: {
  initiativeId: string | null;
  searchDelayMs?: number;
}) {
  return initiativeId === null ? (
    <NewWizard searchDelayMs={searchDelayMs} />
  ) : (
    <EditWizard initiativeId={initiativeId} searchDelayMs={searchDelayMs} />
  );
}
