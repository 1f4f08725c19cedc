import { Button } from '@fluentui/react-components';
import type { InitiativeDetail } from '@learnfit/core';
import { useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/client';
import { archiveInitiative } from '../../api/initiatives';
import { ConfirmDialog } from '../../components/ConfirmDialog/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';

const s = strings.initiatives;

/**
 * Archives an initiative after a confirmation: it leaves the lists and stops collecting, and its
 * diagnostics stay readable. Nothing is sent until the person confirms.
 */
export function ArchiveButton({
  initiative,
  onArchived,
}: {
  initiative: InitiativeDetail;
  onArchived: (archived: InitiativeDetail) => void;
}) {
  const client = useApiClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const archive = async (): Promise<void> => {
    setAsking(false);
    setBusy(true);
    setError(null);
    try {
      onArchived(await archiveInitiative(client, initiative.id));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button disabled={busy} onClick={() => setAsking(true)} data-testid="initiative-archive">
        {busy ? s.archiving : s.archive}
      </Button>
      <ConfirmDialog
        testId="archive"
        open={asking}
        title={fill(s.archiveConfirmTitle, { name: initiative.name })}
        body={s.archiveConfirmBody}
        confirmLabel={s.archive}
        onConfirm={() => void archive()}
        onCancel={() => setAsking(false)}
      />
      {error ? <ErrorPanel error={error} /> : null}
    </>
  );
}
