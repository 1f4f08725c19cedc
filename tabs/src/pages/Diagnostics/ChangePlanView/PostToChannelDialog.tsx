import {
  Body1,
  Button,
  Checkbox,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
} from '@fluentui/react-components';
import type { ChangePlanPost, DiagnosticsResponse } from '@learnfit/core';
import { useState } from 'react';
import { useApiClient } from '../../../api/api-context';
import { postChangePlanMessages } from '../../../api/change-plan-posts';
import { toApiError, type ApiError } from '../../../api/client';
import { ErrorPanel } from '../../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../../messages/strings';
import type { ChannelPlacement } from '../../../teams/host';
import { useTeamSearch } from './use-team-search';

type Message = DiagnosticsResponse['results']['changePlan']['data']['messages'][number];

const t = strings.diagnostics.post;
/** The contract's limit of cards per request. */
const maxMessages = 20;

/** Where the cards can go: the channel the tab runs in, if it belongs to the chosen team. */
export function channelFor(
  placement: ChannelPlacement | null,
  teamId: string | null,
):
  | { kind: 'ok'; channelId: string; name: string }
  | { kind: 'no-channel' }
  | { kind: 'other-team'; team: string } {
  if (!placement?.channelId || !placement.groupId) return { kind: 'no-channel' };
  if (teamId !== null && teamId !== placement.groupId)
    return { kind: 'other-team', team: placement.teamName ?? placement.teamId };
  return { kind: 'ok', channelId: placement.channelId, name: placement.channelName ?? placement.channelId };
}

/** Picks a team, the channel and the messages, then asks the API to post them as cards. */
export function PostToChannelDialog(props: {
  initiativeId: string;
  messages: readonly Message[];
  placement: ChannelPlacement | null;
  open: boolean;
  onClose: () => void;
  onPosted: (posts: readonly ChangePlanPost[]) => void;
}) {
  const client = useApiClient();
  const { placement } = props;
  const [text, setText] = useState(placement?.teamName ?? '');
  const [teamId, setTeamId] = useState<string | null>(placement?.groupId ?? null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(props.messages.slice(0, maxMessages).map((message) => message.id)),
  );
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const search = useTeamSearch(teamId === null ? text : '');
  const channel = channelFor(placement, teamId);
  const count = chosen.size;
  const canPost = channel.kind === 'ok' && teamId !== null && count > 0 && count <= maxMessages && !posting;

  function toggle(id: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit() {
    if (channel.kind !== 'ok' || teamId === null) return;
    setPosting(true);
    setError(null);
    try {
      const posts = await postChangePlanMessages(client, props.initiativeId, {
        teamId,
        channelId: channel.channelId,
        messageIds: props.messages.filter((message) => chosen.has(message.id)).map((message) => message.id),
      });
      props.onPosted(posts);
      props.onClose();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPosting(false);
    }
  }

  return (
    <Dialog open={props.open} onOpenChange={(_, data) => (data.open ? undefined : props.onClose())}>
      <DialogSurface data-testid="post-dialog">
        <DialogBody>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogContent>
            <Body1 as="p">{t.intro}</Body1>
            <Field label={t.team} hint={t.teamHint}>
              <Combobox
                freeform
                placeholder={t.teamPlaceholder}
                value={text}
                selectedOptions={teamId ? [teamId] : []}
                onInput={(event) => {
                  setText((event.target as HTMLInputElement).value);
                  setTeamId(null);
                }}
                onOptionSelect={(_, data) => {
                  setTeamId(data.optionValue ?? null);
                  setText(data.optionText ?? '');
                }}
              >
                {search.teams.map((team) => (
                  <Option key={team.id} value={team.id}>
                    {team.displayName}
                  </Option>
                ))}
                {placement?.groupId && !search.teams.some((team) => team.id === placement.groupId) ? (
                  <Option value={placement.groupId}>{placement.teamName ?? placement.teamId}</Option>
                ) : null}
              </Combobox>
            </Field>
            {search.searching ? <Spinner size="tiny" label={t.searching} /> : null}
            {!search.searching &&
            teamId === null &&
            text.trim() !== '' &&
            search.teams.length === 0 &&
            !search.error ? (
              <Body1 as="p">{t.noTeams}</Body1>
            ) : null}
            {search.error ? <ErrorPanel error={search.error} /> : null}
            <Field label={t.channel}>
              <MessageBar
                intent={channel.kind === 'ok' ? 'info' : 'warning'}
                layout="multiline"
                data-testid="post-channel"
              >
                <MessageBarBody>
                  {channel.kind === 'ok'
                    ? `${fill(t.currentChannel, { name: channel.name })}. ${t.channelFromTab}`
                    : channel.kind === 'other-team'
                      ? fill(t.otherTeam, { team: channel.team })
                      : t.noChannel}
                </MessageBarBody>
              </MessageBar>
            </Field>
            <fieldset>
              <legend>{t.messages}</legend>
              {props.messages.map((message) => (
                <Checkbox
                  key={message.id}
                  label={`${message.audience} (${message.size})`}
                  checked={chosen.has(message.id)}
                  onChange={(_, data) => toggle(message.id, data.checked === true)}
                />
              ))}
            </fieldset>
            {count === 0 ? <Body1 as="p">{t.noneChosen}</Body1> : null}
            {count > maxMessages ? <Body1 as="p">{fill(t.tooMany, { max: maxMessages })}</Body1> : null}
            {error ? (
              error.status === 404 ? (
                <MessageBar intent="warning" layout="multiline" data-testid="post-unavailable">
                  <MessageBarBody>{t.notAvailable}</MessageBarBody>
                </MessageBar>
              ) : (
                <ErrorPanel error={error} onRetry={() => void submit()} />
              )
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose}>
              {strings.common.cancel}
            </Button>
            <Button appearance="primary" disabled={!canPost} onClick={() => void submit()}>
              {posting ? t.posting : t.submit}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
