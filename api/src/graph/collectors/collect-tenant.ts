import type { Client } from '@microsoft/microsoft-graph-client';
import type {
  ChannelMessageRecord,
  DailyActivityRecord,
  DirectoryPerson,
  SourceCoverage,
} from '@learnfit/core';
import { mapConcurrent, type RateGovernor } from '../pacing/governor';
import { collectChannelMessages } from './channel-messages';
import { collectDailyActivity } from './daily-activity';
import { collectOrgChart } from './org-chart';
import { collectTeamStructure } from './team-structure';

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;

/** Orders messages by creation time, then id. */
export function byTimeThenId(a: ChannelMessageRecord, b: ChannelMessageRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What to collect: the teams of the target group and the snapshot window. */
export interface CollectionPlan {
  readonly teamIds: readonly string[];
  readonly dataAsOf: Date;
  readonly weeks: number;
  /** Channels read at once (the governor still paces each; default 8). */
  readonly channelConcurrency?: number;
}

/** Collected records, ready for buildCollaborationSnapshot with a pseudonymizer. */
export interface CollectedSources {
  readonly people: DirectoryPerson[];
  readonly messages: ChannelMessageRecord[];
  readonly daily: DailyActivityRecord[];
  readonly coverage: SourceCoverage[];
}

/** First millisecond of the snapshot window, as buildCollaborationSnapshot computes it. */
export function windowStartOf(dataAsOf: Date, weeks: number): number {
  const day = Math.floor((dataAsOf.getTime() - 1) / dayMs);
  const lastMonday = (day - ((day + 3) % 7)) * dayMs;
  return lastMonday - (weeks - 1) * weekMs;
}

/** ISO days of the window that the usage reports' `date=` form serves (the last 30 days). */
export function reportDays(dataAsOf: Date, weeks: number): string[] {
  const today = Math.floor(dataAsOf.getTime() / dayMs) * dayMs;
  const days: string[] = [];
  const start = Math.max(windowStartOf(dataAsOf, weeks), today - 30 * dayMs);
  for (let at = start; at < windowStartOf(dataAsOf, weeks) + weeks * weekMs && at <= today; at += dayMs)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days.filter((day) => Date.parse(day) < dataAsOf.getTime());
}

/**
 * Collects one tenant: org chart, team members and channels (batched), channel messages (channels
 * concurrently) and the daily usage series, with coverage per source.
 */
export async function collectTenant(
  client: Client,
  governor: RateGovernor,
  plan: CollectionPlan,
): Promise<CollectedSources> {
  const windowStart = windowStartOf(plan.dataAsOf, plan.weeks);
  const org = await collectOrgChart(client, governor);
  const knownIds = new Set(org.people.map((person) => person.id));
  const dailyWork = collectDailyActivity(client, governor, {
    days: reportDays(plan.dataAsOf, plan.weeks),
    idByUpn: org.idByUpn,
    knownIds,
  });
  const teams = await collectTeamStructure(client, governor, plan.teamIds);
  const channels = teams.flatMap((team) => team.channelIds.map((channelId) => ({ team, channelId })));
  const results = await mapConcurrent(channels, plan.channelConcurrency ?? 8, ({ team, channelId }) =>
    collectChannelMessages(client, governor, team.teamId, channelId, windowStart),
  );
  const daily = await dailyWork;
  const failedTeams = teams.filter((team) => team.failedStatus !== null).length;
  const failedChannels = results.filter((result) => result.failedStatus !== null).length;
  const unread = failedTeams + failedChannels;
  const readAny = results.some((result) => result.failedStatus === null);
  const messageCoverage: SourceCoverage =
    unread === 0
      ? { source: 'channelMessages', status: 'complete', coveredPeople: org.people.length, detail: null }
      : {
          source: 'channelMessages',
          status: readAny ? 'partial' : 'missing',
          coveredPeople: readAny ? org.people.length : 0,
          detail:
            `${failedTeams} team(s) and ${failedChannels} channel(s) could not be read (forbidden or deleted). ` +
            'An admin can grant ChannelMessage.Read.All and request access to the protected Teams APIs.',
        };
  return {
    people: org.people,
    // Channels finish in any order; a canonical order makes runs (and their snapshots) reproducible.
    messages: results.flatMap((result) => result.records).sort(byTimeThenId),
    daily: daily.records,
    coverage: [
      { source: 'directory', status: 'complete', coveredPeople: org.people.length, detail: null },
      messageCoverage,
      ...daily.coverage,
    ],
  };
}
