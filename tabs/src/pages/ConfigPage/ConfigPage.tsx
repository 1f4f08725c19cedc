import {
  Body1,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Skeleton,
  SkeletonItem,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useInitiatives } from '../../api/initiatives';
import { useMe } from '../../api/use-me';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';
import type { TeamsHost } from '../../teams/host';
import { useConfigPage, type ChannelTabChoice } from '../../teams/use-config-page';
import { useConfigPageStyles } from './ConfigPage.styles';
import { TeamInitiativeForm } from './TeamInitiativeForm';

const s = strings.config;

/** The configuration page Teams shows when LearnFit is added to a channel: which initiative the tab shows. */
export default function ConfigPage({ host }: { host: TeamsHost }) {
  const styles = useConfigPageStyles();
  const initiatives = useInitiatives();
  const me = useMe().state;
  const [mode, setMode] = useState<'existing' | 'team'>('existing');
  const [selectedId, setSelectedId] = useState('');
  const [created, setCreated] = useState<ChannelTabChoice | null>(null);

  const open =
    initiatives.state.status === 'ready'
      ? initiatives.state.data.filter((item) => item.status !== 'archived')
      : [];
  const picked = open.find((item) => item.id === selectedId);
  const choice: ChannelTabChoice | null =
    mode === 'existing' ? (picked ? { initiativeId: picked.id, name: picked.name } : null) : created;
  const state = useConfigPage(choice);
  const dataState =
    initiatives.state.status === 'loading'
      ? 'loading'
      : initiatives.state.status === 'failed'
        ? 'error'
        : 'ready';

  return (
    <article className={styles.root} data-testid="page-config" data-state={dataState}>
      <Title3 as="h1" className={styles.heading}>
        {s.title}
      </Title3>
      {state.status === 'unsupported' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="config-unsupported">
          <MessageBarBody>
            <MessageBarTitle>{s.unsupportedTitle}</MessageBarTitle>
            {s.unsupportedBody}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1 as="p">{s.intro}</Body1>
      <Card className={styles.card}>
        <Field label={s.choice}>
          <RadioGroup
            value={mode}
            onChange={(_e, data) => setMode(data.value === 'team' ? 'team' : 'existing')}
          >
            <Radio value="existing" label={s.existing} />
            <Radio value="team" label={s.thisTeam} />
          </RadioGroup>
        </Field>
        {mode === 'existing' ? (
          <>
            {initiatives.state.status === 'loading' ? (
              <Skeleton aria-label={s.loadingInitiatives}>
                <SkeletonItem size={32} />
              </Skeleton>
            ) : null}
            {initiatives.state.status === 'failed' ? (
              <ErrorPanel error={initiatives.state.error} onRetry={initiatives.retry} />
            ) : null}
            {initiatives.state.status === 'ready' && open.length === 0 ? (
              <Body1 as="p" data-testid="config-no-initiatives">
                {s.noInitiatives}
              </Body1>
            ) : null}
            {open.length > 0 ? (
              <Field label={s.pickInitiative}>
                <Select value={selectedId} onChange={(_e, data) => setSelectedId(data.value)}>
                  <option value="">{s.pickPlaceholder}</option>
                  {open.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
          </>
        ) : (
          <TeamInitiativeForm
            placement={host.context.placement}
            me={me.status === 'ready' ? me.me : null}
            created={created}
            onCreated={setCreated}
          />
        )}
        <Body1 as="p" role="status" aria-live="polite" data-testid="config-choice">
          {choice ? fill(s.selected, { name: choice.name }) : s.chooseFirst}
        </Body1>
      </Card>
    </article>
  );
}
