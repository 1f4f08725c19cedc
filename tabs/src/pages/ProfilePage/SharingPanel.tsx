import { Body1, Caption1, Card, Spinner, Subtitle2, Switch } from '@fluentui/react-components';
import type { SharingState } from '@learnfit/core';
import { useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/client';
import { putSharing } from '../../api/my-profile';
import type { Resource } from '../../api/use-resource';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { formatDay } from '../../messages/format-when';
import { fill, strings } from '../../messages/strings';
import { useProfilePageStyles } from './ProfilePage.styles';

const text = strings.profile.sharing;

/** Opt-in sharing with the design teams the person belongs to, each switch saved at once. */
export function SharingPanel({
  sharing,
  locale,
}: {
  sharing: Resource<SharingState[]>;
  locale?: string | undefined;
}) {
  const styles = useProfilePageStyles();
  const client = useApiClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { state } = sharing;

  const toggle = async (item: SharingState, share: boolean) => {
    if (state.status !== 'ready') return;
    setBusy(item.initiativeId);
    setError(null);
    try {
      const updated = await putSharing(client, item.initiativeId, share);
      sharing.replace(
        state.data.map((entry) => (entry.initiativeId === updated.initiativeId ? updated : entry)),
      );
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className={styles.sharing} data-testid="profile-sharing">
      <Subtitle2 as="h2">{text.heading}</Subtitle2>
      <Body1 as="p">{text.explain}</Body1>
      {state.status === 'loading' ? <Spinner size="tiny" label={text.loading} /> : null}
      {state.status === 'failed' ? <ErrorPanel error={state.error} onRetry={sharing.retry} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? <Body1 as="p">{text.none}</Body1> : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <ul className={styles.sharingList}>
          {state.data.map((item) => (
            <li key={item.initiativeId}>
              <Switch
                checked={item.shared}
                disabled={busy !== null}
                label={fill(text.toggle, { name: item.initiativeName })}
                onChange={(_, data) => void toggle(item, data.checked)}
              />
              <Caption1 className={styles.muted} role={busy === item.initiativeId ? 'status' : undefined}>
                {busy === item.initiativeId
                  ? text.saving
                  : item.shared && item.sharedAt
                    ? fill(text.sharedSince, { date: formatDay(item.sharedAt, locale) })
                    : text.notShared}
              </Caption1>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorPanel error={error} /> : null}
    </Card>
  );
}
