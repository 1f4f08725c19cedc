import { Body1, Button, Field, Input } from '@fluentui/react-components';
import type { MeResponse } from '@learnfit/core';
import { useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/client';
import { createInitiative, creatorAccess } from '../../api/initiatives';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';
import type { ChannelPlacement } from '../../teams/host';
import type { ChannelTabChoice } from '../../teams/use-config-page';
import { useConfigPageStyles } from './ConfigPage.styles';

const s = strings.config;

/** "This team as the target group": creates a draft initiative for the team, with the creator as its design team. */
export function TeamInitiativeForm({
  placement,
  me,
  created,
  onCreated,
}: {
  placement: ChannelPlacement | null;
  me: MeResponse | null;
  created: ChannelTabChoice | null;
  onCreated: (choice: ChannelTabChoice) => void;
}) {
  const styles = useConfigPageStyles();
  const client = useApiClient();
  const team = placement?.teamName ?? s.thisTeamFallbackName;
  const [name, setName] = useState(() => fill(s.defaultName, { team }));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  if (!placement?.groupId) return <Body1 as="p">{s.notInTeam}</Body1>;
  const groupId = placement.groupId;
  const access = me ? creatorAccess(me.roles) : 'no';
  if (access === 'no' || !me)
    return (
      <Body1 as="p" data-testid="config-cannot-create">
        {s.cannotCreate}
      </Body1>
    );
  if (created) return <Body1 as="p">{fill(s.created, { name: created.name })}</Body1>;

  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const initiative = await createInitiative(client, {
        name: name.trim(),
        goal: '',
        design: {
          targetGroup: { kind: 'teams', ids: [groupId] },
          designTeam: { kind: 'people', ids: [me.user.id] },
        },
      });
      onCreated({ initiativeId: initiative.id, name: initiative.name });
    } catch (error) {
      setFailure(toApiError(error));
    }
    setBusy(false);
  };

  return (
    <>
      <Body1 as="p">{fill(s.thisTeamHint, { team })}</Body1>
      {access === 'maybe' ? <Body1 className={styles.muted}>{s.maybeCreate}</Body1> : null}
      <div className={styles.row}>
        <Field label={s.newName} required>
          <Input value={name} maxLength={120} onChange={(_e, data) => setName(data.value)} />
        </Field>
        <Button appearance="primary" disabled={busy || name.trim() === ''} onClick={() => void create()}>
          {busy ? s.creating : s.create}
        </Button>
      </div>
      {failure ? (
        <div role="alert">
          <ErrorPanel error={failure} />
          {failure.detail ? <Body1 as="p">{failure.detail}</Body1> : null}
        </div>
      ) : null}
    </>
  );
}
