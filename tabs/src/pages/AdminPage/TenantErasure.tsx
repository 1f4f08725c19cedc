import { Body1, Button, Card, Field, Input, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { eraseTenantData } from '../../api/admin';
import { useApiClient } from '../../api/api-context';
import { toApiError } from '../../api/client';
import { fill, strings } from '../../messages/strings';
import { useAdminPageStyles } from './AdminPage.styles';
import { ConfirmDialog } from '../../components/ConfirmDialog/ConfirmDialog';
import { ErasureOutcome, type ErasureOutcomeState } from './ErasureOutcome';

const text = strings.admin;

/**
 * Erase the whole tenant's LearnFit data. The API requires the tenant id typed out (`confirm`); when
 * the host told the tab the tenant id, the button waits until the typed text matches it.
 */
export function TenantErasure({ tenantId }: { tenantId: string | null }) {
  const styles = useAdminPageStyles();
  const client = useApiClient();
  const [typed, setTyped] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ErasureOutcomeState | null>(null);

  const value = typed.trim();
  const matches = tenantId === null ? value !== '' : value.toLowerCase() === tenantId.toLowerCase();
  const mismatch = value !== '' && !matches;

  const confirm = async () => {
    setConfirming(false);
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', result: await eraseTenantData(client, value) });
      setTyped('');
    } catch (error) {
      setOutcome({ kind: 'failed', error: toApiError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.card} data-testid="admin-erase-tenant">
      <Title3 as="h2">{text.eraseTenantHeading}</Title3>
      <Body1 as="p" className={styles.paragraph}>
        {text.eraseTenantIntro}
      </Body1>
      <Field
        label={text.tenantConfirmLabel}
        hint={tenantId ? fill(text.tenantConfirmHint, { tenantId }) : text.tenantConfirmHintUnknown}
        validationState={mismatch ? 'error' : 'none'}
        validationMessage={mismatch ? text.tenantMismatch : null}
      >
        <Input
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(_event, data) => {
            setTyped(data.value);
            setOutcome(null);
          }}
          data-testid="admin-tenant-confirm"
        />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!matches || busy}
          onClick={() => setConfirming(true)}
          data-testid="admin-erase-tenant-start"
        >
          {busy ? text.erasing : text.eraseTenantButton}
        </Button>
      </div>
      <ConfirmDialog
        testId="admin-confirm"
        open={confirming}
        title={text.eraseTenantConfirmTitle}
        body={text.eraseTenantConfirmBody}
        confirmLabel={text.eraseConfirm}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      />
      <div role="status" aria-live="polite">
        {outcome ? <ErasureOutcome outcome={outcome} testId="admin-erase-tenant-result" /> : null}
      </div>
    </Card>
  );
}
