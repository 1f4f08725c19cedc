import type { Client } from '@microsoft/microsoft-graph-client';
import type {
  ChannelMessageRecord,
  DailyActivityRecord,
  DirectoryPerson,
  SourceCoverage,
} from '@learnfit/core';
import { mapConcurrent, type GovernorWait, type RateGovernor } from '../pacing/governor';
import { channelUnit, collectChannelMessages } from './channel-messages';
import { assembleDailyActivity, collectDailyActivity } from './daily-activity';
import { createMemoryJournal, type CollectionJournal } from './journal';
import { collectOrgChart } from './org-chart';
import { collectGroupMembers, collectTeamStructure, type TeamStructure } from './team-structure';

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;

/** Orders messages by creation time, then id. */
export function byTimeThenId(a: ChannelMessageRecord, b: ChannelMessageRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What to collect: the teams and groups of the target group and the snapshot window. */
export interface CollectionPlan {
  readonly teamIds: readonly string[];
  /** Entra groups whose members (nested groups included) form the target group. */
  readonly groupIds?: readonly string[];
  readonly dataAsOf: Date;
  readonly weeks: number;
  /** Channels read at once (the governor still paces each; default 8). */
  readonly channelConcurrency?: number;
  /**
   * Stops the run: every wait and request ends at once with the signal's reason, and the journal keeps
   * only the units committed before (a cancel, a lost lease, or a worker shutting down).
   */
  readonly signal?: AbortSignal;
}

/** Collected records, ready for buildCollaborationSnapshot with a pseudonymizer. */
export interface CollectedSources {
  readonly people: DirectoryPerson[];
  readonly messages: ChannelMessageRecord[];
  readonly daily: DailyActivityRecord[];
  readonly coverage: SourceCoverage[];
  readonly teams: readonly TeamStructure[];
  /** Group id → user members (transitive), for the groups of the plan that could be read. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** Guests in the directory (kept: they take part in channels, and the diagnostics can tell them apart). */
  readonly guests: number;
  /** Messages whose author is not in the directory (deleted or external), which no one is credited with. */
  readonly unattributedMessages: number;
}

/** Where a collection stands, for a progress bar: units of work done of those known so far. */
export interface CollectionProgress {
  readonly phase: 'directory' | 'teams' | 'messages' | 'reports' | 'assembling';
  readonly done: number;
  /** Null until the channels are known. */
  readonly total: number | null;
  /** Report downloads still to make (the slowest part: 14 per report per 10 minutes). */
  readonly reportDaysLeft: number;
  /**
   * What the run is waiting for and until when, once nothing but the usage reports is left and every
   * one of them that is still to be read waits; null while work goes on.
   */
  readonly waiting: GovernorWait | null;
}

/** First millisecond of the snapshot window, as buildCollaborationSnapshot computes it. */
export function windowStartOf(dataAsOf: Date, weeks: number): number {
  const day = Math.floor((dataAsOf.getTime() - 1) / dayMs);
  const lastMonday = (day - ((day + 3) % 7)) * dayMs;
  return lastMonday - (weeks - 1) * weekMs;
}

/**
 * ISO days the usage reports are read for: the days of the window's whole weeks that the `date=` form
 * still serves (the last 30 days). A week only partly inside that range is left out entirely: its
 * report-based counts would cover a few days and read as a quiet week. Four weeks (28 days) at most,
 * which is also two 10-minute report windows of 14 downloads.
 */
export function reportDays(dataAsOf: Date, weeks: number): string[] {
  const today = Math.floor(dataAsOf.getTime() / dayMs) * dayMs;
  const oldest = today - 30 * dayMs;
  const days: string[] = [];
  const windowStart = windowStartOf(dataAsOf, weeks);
  for (let week = 0; week < weeks; week += 1) {
    const start = windowStart + week * weekMs;
    if (start < oldest || start + weekMs > dataAsOf.getTime()) continue;
    for (let day = 0; day < 7; day += 1) days.push(new Date(start + day * dayMs).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Collects one tenant into `journal`: org chart, then (concurrently) the daily usage series and the
 * teams' members and channels (batched) followed by channel messages (channels concurrently). Work the
 * journal already holds is skipped, so a restarted run resumes. Returns the assembled sources with
 * coverage per source.
 */
export async function collectTenant(
  client: Client,
  tenantGovernor: RateGovernor,
  plan: CollectionPlan,
  journal: CollectionJournal = createMemoryJournal(),
  onProgress: (progress: CollectionProgress) => void = () => undefined,
): Promise<CollectedSources> {
  const windowStart = windowStartOf(plan.dataAsOf, plan.weeks);
  const days = reportDays(plan.dataAsOf, plan.weeks);
  // The directory, and the teams with their channels, are read side by side: they count against
  // different limits (identity and Teams) and neither needs the other. The usage reports wait for the
  // directory, because each downloaded day is stored by person index.
  let directoryDone = false;
  let messagePhase: 'teams' | 'messages' | null = 'teams';
  let phase: CollectionProgress['phase'] = 'directory';
  let done = 0;
  let channelsLeft: number | null = null;
  let reportDaysLeft: number | null = null;
  const waits = new Set<GovernorWait>();
  let readingReports = 0;
  const report = (): void => {
    // The reports phase lasts from the end of the directory and the messages until assembling starts.
    if (phase !== 'assembling') phase = !directoryDone ? 'directory' : (messagePhase ?? 'reports');
    onProgress({
      phase,
      done,
      total: channelsLeft === null || reportDaysLeft === null ? null : done + channelsLeft + reportDaysLeft,
      reportDaysLeft: reportDaysLeft ?? 0,
      waiting: phase === 'reports' && waits.size >= readingReports ? latestWait(waits) : null,
    });
  };
  const governor = tenantGovernor.scoped({
    ...(plan.signal ? { signal: plan.signal } : {}),
    onWait: (wait) => {
      waits.add(wait);
      report();
      return () => {
        waits.delete(wait);
        report();
      };
    },
  });
  report();

  let stopped = false;
  const messageWork = (async () => {
    const groups = await collectGroupMembers(client, governor, journal, plan.groupIds ?? []);
    const teams = await collectTeamStructure(client, governor, journal, plan.teamIds);
    const channels = teams.flatMap((team) => team.channelIds.map((channelId) => ({ team, channelId })));
    const units = await journal.units();
    const pending = channels.filter(
      ({ team, channelId }) => units.get(channelUnit(team.teamId, channelId))?.state !== 'done',
    );
    channelsLeft = pending.length;
    messagePhase = 'messages';
    report();
    await mapConcurrent(pending, plan.channelConcurrency ?? 8, async ({ team, channelId }) => {
      if (stopped || plan.signal?.aborted) return;
      await collectChannelMessages(client, governor, journal, team.teamId, channelId, windowStart);
      done += 1;
      channelsLeft = (channelsLeft ?? 1) - 1;
      report();
    });
    messagePhase = null;
    report();
    return { groups, teams };
  })();
  // Settled here so a failure of the message work while the directory is still read is not unhandled.
  const messageResult = messageWork.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

  // A failure here stops the message work (no new channel is started) and waits for the channels in
  // flight before it is passed on: no request or journal write of this attempt may outlive it.
  let collected: Awaited<ReturnType<CollectionJournal['people']>>;
  try {
    await collectOrgChart(client, governor, journal, () => {
      done += 1;
      report();
    });
    collected = await journal.people();
    const personIds = collected.map((person) => person.id);
    const idByUpn = new Map<string, string>();
    for (const person of collected)
      if (person.userPrincipalName) idByUpn.set(person.userPrincipalName, person.id);
    directoryDone = true;
    report();

    await collectDailyActivity(
      client,
      governor,
      journal,
      { days, personIds, idByUpn },
      (left, downloaded, reading) => {
        reportDaysLeft = left;
        readingReports = reading;
        if (downloaded) done += 1;
        report();
      },
    );
  } catch (error) {
    stopped = true;
    await messageResult;
    throw error;
  }
  const settled = await messageResult;
  if ('error' in settled) throw settled.error;
  const { groups, teams } = settled.value;
  phase = 'assembling';
  report();
  return assembleSources(journal, teams, groups, collected);
}

/** The wait that ends last, a report-quota wait before a throttling one; null when nothing waits. */
function latestWait(waits: ReadonlySet<GovernorWait>): GovernorWait | null {
  const rank = (wait: GovernorWait): number => (wait.reason === 'reportQuota' ? 1 : 0);
  let latest: GovernorWait | null = null;
  for (const wait of waits)
    if (
      latest === null ||
      rank(wait) > rank(latest) ||
      (rank(wait) === rank(latest) && wait.until > latest.until)
    )
      latest = wait;
  return latest;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Says which teams and channels could not be read and what would fix it, by status. */
export function unreadDetail(teamStatuses: readonly number[], channelStatuses: readonly number[]): string {
  const count = (statuses: readonly number[], forbidden: boolean): number =>
    statuses.filter((status) => (status === 401 || status === 403) === forbidden).length;
  const parts: string[] = [];
  const forbiddenTeams = count(teamStatuses, true);
  const forbiddenChannels = count(channelStatuses, true);
  const goneTeams = count(teamStatuses, false);
  const goneChannels = count(channelStatuses, false);
  if (forbiddenTeams + forbiddenChannels > 0)
    parts.push(
      `${plural(forbiddenTeams, 'team')} and ${plural(forbiddenChannels, 'channel')} refused access. An admin ` +
        'can grant TeamMember.Read.All, Channel.ReadBasic.All and ChannelMessage.Read.All, and request ' +
        "Microsoft's approval for the protected Teams APIs.",
    );
  if (goneTeams + goneChannels > 0)
    parts.push(
      `${plural(goneTeams, 'team')} and ${plural(goneChannels, 'channel')} were not found (deleted during the ` +
        'run, or a wrong id); their messages are not in this snapshot.',
    );
  return parts.join(' ');
}

async function assembleSources(
  journal: CollectionJournal,
  teams: readonly TeamStructure[],
  groups: ReadonlyMap<string, { memberIds: readonly string[]; failedStatus: number | null }>,
  collected: Awaited<ReturnType<CollectionJournal['people']>>,
): Promise<CollectedSources> {
  const units = await journal.units();
  const personIds = collected.map((person) => person.id);
  const known = new Set(personIds);
  const daily = assembleDailyActivity(units, await journal.reportDays(), personIds);
  const messages = (await journal.messages()).sort(byTimeThenId);
  const channelStates = [...units].filter(([unit]) => unit.startsWith('channel:'));
  const failedChannels = channelStates.flatMap(([, state]) =>
    state.state === 'done' && state.info.failedStatus !== undefined ? [state.info.failedStatus] : [],
  );
  const failedTeamStatuses = teams.flatMap((team) => (team.failedStatus === null ? [] : [team.failedStatus]));
  const readAny = channelStates.length > failedChannels.length;
  const messageCoverage: SourceCoverage =
    failedTeamStatuses.length + failedChannels.length === 0
      ? { source: 'channelMessages', status: 'complete', coveredPeople: collected.length, detail: null }
      : {
          source: 'channelMessages',
          status: readAny ? 'partial' : 'missing',
          coveredPeople: readAny ? collected.length : 0,
          detail: unreadDetail(failedTeamStatuses, failedChannels),
        };
  // A person record without the UPN: the UPN served only to join the usage reports.
  const people: DirectoryPerson[] = collected.map(
    ({ userPrincipalName: _upn, guest: _guest, ...person }) => person,
  );
  return {
    people,
    messages,
    daily: daily.records,
    coverage: [
      { source: 'directory', status: 'complete', coveredPeople: collected.length, detail: null },
      messageCoverage,
      ...daily.coverage,
    ],
    teams,
    groups: new Map(
      [...groups].flatMap(([id, group]) => (group.failedStatus === null ? [[id, group.memberIds]] : [])),
    ),
    guests: collected.filter((person) => person.guest).length,
    unattributedMessages: messages.filter((message) => !known.has(message.fromId)).length,
  };
}
