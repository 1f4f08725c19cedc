import {
  Body1,
  Button,
  Card,
  Field,
  Select,
  Skeleton,
  SkeletonItem,
  Subtitle2,
} from '@fluentui/react-components';
import type { CollectionRun, InitiativeDetail } from '@learnfit/core';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/client';
import {
  cancelCollection,
  collectionTargets,
  hasBaseline,
  isFinished,
  startCollection,
  useCollectionOverview,
} from '../../api/collections';
import type { DirectoryItem } from '../../api/directory';
import { useCollectionRun, type FollowTiming } from '../../api/use-collection-run';
import { CollectionProgressView } from '../../components/CollectionProgress/CollectionProgress';
import { DirectoryPicker } from '../../components/DirectoryPicker/DirectoryPicker';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';
import { useInitiativeDetailStyles } from './InitiativeDetail.styles';
import { SnapshotList } from './SnapshotList';

const s = strings.initiatives;
const c = s.collection;
const weekChoices = [2, 4, 6, 8, 12, 26] as const;

/**
 * Collection controls and snapshots: start the baseline (or collect again), follow the running collection
 * (also after a reload: the running one of this initiative is looked up), cancel it, list the snapshots.
 */
export function CollectionPanel({
  initiative,
  locale,
  timing,
}: {
  initiative: InitiativeDetail;
  locale?: string | undefined;
  timing?: FollowTiming;
}) {
  const styles = useInitiativeDetailStyles();
  const client = useApiClient();
  const overview = useCollectionOverview(initiative.id);
  const [tracked, setTracked] = useState<CollectionRun | null>(null);
  const [weeks, setWeeks] = useState(6);
  const [teams, setTeams] = useState<DirectoryItem[]>([]);
  const [busy, setBusy] = useState<'starting' | 'cancelling' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const followed = useCollectionRun(
    tracked,
    () => {
      setBusy(null);
      overview.retry();
    },
    timing,
  );

  const loaded = overview.state.status === 'ready' ? overview.state.data : null;
  useEffect(() => {
    if (tracked === null && loaded?.activeRun) setTracked(loaded.activeRun);
  }, [loaded, tracked]);

  if (overview.state.status === 'failed' && overview.state.error.code === 'forbidden')
    return (
      <Card className={styles.card}>
        <Body1 as="p">{s.snapshots.notAllowed}</Body1>
      </Card>
    );

  const design = initiative.design;
  const run = followed.run;
  const running = run !== null && !isFinished(run);
  const baselineTaken = loaded ? hasBaseline(loaded.snapshots) : false;
  const targets = design
    ? collectionTargets(
        design,
        teams.map((team) => team.id),
      )
    : null;
  const archived = initiative.status === 'archived';
  const canStart =
    loaded !== null &&
    targets !== null &&
    targets.teamIds.length > 0 &&
    !running &&
    !archived &&
    busy === null;

  const start = async () => {
    if (!targets) return;
    setBusy('starting');
    setFailure(null);
    try {
      const started = await startCollection(client, {
        initiativeId: initiative.id,
        teamIds: targets.teamIds,
        groupIds: targets.groupIds,
        weeks,
        snapshotKind: baselineTaken ? 'adhoc' : 'baseline',
      });
      setTracked(started);
    } catch (error) {
      setFailure(toApiError(error));
    }
    setBusy(null);
  };

  const cancel = async () => {
    if (!run) return;
    setBusy('cancelling');
    setFailure(null);
    try {
      await cancelCollection(client, run.id);
    } catch (error) {
      setFailure(toApiError(error));
      setBusy(null);
    }
  };

  return (
    <>
      <Card className={styles.card} data-testid="collection-panel">
        <Subtitle2 as="h2" className={styles.heading}>
          {c.title}
        </Subtitle2>
        <Body1 as="p">{archived ? c.archived : baselineTaken ? c.explainAdhoc : c.explainBaseline}</Body1>
        {design && design.targetGroup.kind !== 'teams' && !archived ? (
          <>
            <Body1 as="p">
              {fill(c.needTeams, { kind: strings.pickers.kinds[design.targetGroup.kind].toLowerCase() })}
            </Body1>
            <DirectoryPicker
              kind="teams"
              label={c.teamsLabel}
              selected={teams}
              onChange={setTeams}
              testId="collection-teams"
            />
          </>
        ) : null}
        <div className={styles.actions}>
          <Field label={c.weeks}>
            <Select
              value={String(weeks)}
              onChange={(_e, data) => setWeeks(Number(data.value))}
              disabled={running}
            >
              {weekChoices.map((count) => (
                <option key={count} value={count}>
                  {fill(c.weeksOption, { count })}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={!canStart} onClick={() => void start()}>
            {busy === 'starting' ? c.starting : baselineTaken ? c.startAdhoc : c.startBaseline}
          </Button>
          {running ? (
            <Button disabled={busy === 'cancelling'} onClick={() => void cancel()}>
              {busy === 'cancelling' ? c.cancelling : c.cancel}
            </Button>
          ) : null}
        </div>
        {run ? <CollectionProgressView run={run} transport={followed.transport} /> : null}
        {failure ? <ErrorPanel error={failure} /> : null}
        {followed.error && running ? <ErrorPanel error={followed.error} /> : null}
      </Card>
      <Card className={styles.card} data-testid="snapshots">
        <Subtitle2 as="h2" className={styles.heading}>
          {s.snapshots.title}
        </Subtitle2>
        {overview.state.status === 'loading' ? (
          <Skeleton aria-label={strings.common.loading}>
            <SkeletonItem size={48} />
          </Skeleton>
        ) : null}
        {overview.state.status === 'failed' ? (
          <ErrorPanel error={overview.state.error} onRetry={overview.retry} />
        ) : null}
        {loaded ? <SnapshotList snapshots={loaded.snapshots} locale={locale} /> : null}
      </Card>
    </>
  );
}
