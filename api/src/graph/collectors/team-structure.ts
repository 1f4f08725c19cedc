import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, Channel, DirectoryObject } from '@microsoft/microsoft-graph-types';
import { batchGet, BATCH_LIMIT, type BatchGet } from '../pacing/batch';
import type { RateGovernor } from '../pacing/governor';
import type { CollectionJournal } from './journal';

/** A team's members (Entra user ids) and channel ids, or why they could not be read. */
export interface TeamStructure {
  readonly teamId: string;
  readonly memberIds: readonly string[];
  readonly channelIds: readonly string[];
  /** HTTP status of a failed read (403 without consent, 404 for a deleted team), else null. */
  readonly failedStatus: number | null;
}

interface Collection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** The journal unit of a team's structure. */
export const teamUnit = (teamId: string): string => `team:${teamId}`;
/** The journal unit of a group's transitive user members. */
export const groupUnit = (groupId: string): string => `group:${groupId}`;

/** Teams per `$batch`: two requests each (members and channels). */
const teamsPerBatch = BATCH_LIMIT / 2;

/**
 * Reads members and channels of the teams not yet in the journal, in `$batch` requests of ten teams,
 * and commits each team as it completes. Returns every team's structure, resumed ones included.
 */
export async function collectTeamStructure(
  client: Client,
  governor: RateGovernor,
  journal: CollectionJournal,
  teamIds: readonly string[],
): Promise<TeamStructure[]> {
  const saved = await journal.units();
  const pending = teamIds.filter((teamId) => saved.get(teamUnit(teamId))?.state !== 'done');
  for (let start = 0; start < pending.length; start += teamsPerBatch) {
    const chunk = pending.slice(start, start + teamsPerBatch);
    const requests: BatchGet[] = chunk.flatMap((teamId, index) => [
      {
        id: `m${index}`,
        url: `/teams/${teamId}/members`,
        lane: { service: 'teams', requestClass: 'teamMembers', resource: `team:${teamId}` },
      },
      {
        id: `c${index}`,
        url: `/teams/${teamId}/channels?$select=id`,
        lane: { service: 'teams', requestClass: 'channels', resource: `team:${teamId}` },
      },
    ]);
    const answers = await batchGet(client, governor, requests);
    for (const [index, teamId] of chunk.entries()) {
      const members = answers.get(`m${index}`);
      const channels = answers.get(`c${index}`);
      const failed = [members, channels].find((answer) => !answer || answer.status >= 300);
      if (failed || !members || !channels) {
        await journal.commit(teamUnit(teamId), {
          state: 'done',
          info: { failedStatus: failed?.status ?? 0 },
        });
        continue;
      }
      try {
        const lane = { service: 'teams', requestClass: 'teamMembers', resource: `team:${teamId}` } as const;
        const memberList = await allPages(
          client,
          governor,
          lane,
          members.body as Collection<AadUserConversationMember>,
        );
        const channelList = await allPages(client, governor, lane, channels.body as Collection<Channel>);
        await journal.commit(teamUnit(teamId), {
          state: 'done',
          info: {
            memberIds: memberList.flatMap((member) => (member.userId ? [member.userId] : [])),
            channelIds: channelList.flatMap((channel) => (channel.id ? [channel.id] : [])),
          },
        });
      } catch (error) {
        // The team went away (or access was withdrawn) between the batch and its next page.
        if (!(error instanceof GraphError) || ![403, 404].includes(error.statusCode)) throw error;
        await journal.commit(teamUnit(teamId), { state: 'done', info: { failedStatus: error.statusCode } });
      }
    }
  }
  const units = await journal.units();
  return teamIds.map((teamId) => {
    const unit = units.get(teamUnit(teamId));
    const info = unit?.state === 'done' ? unit.info : {};
    return {
      teamId,
      memberIds: info.memberIds ?? [],
      channelIds: info.channelIds ?? [],
      failedStatus: info.failedStatus ?? null,
    };
  });
}

/**
 * Reads the user members of groups, nested groups included (`transitiveMembers` cast to users), one
 * committed unit per group. A group that cannot be read (403/404) is recorded with its status.
 */
export async function collectGroupMembers(
  client: Client,
  governor: RateGovernor,
  journal: CollectionJournal,
  groupIds: readonly string[],
): Promise<Map<string, { memberIds: readonly string[]; failedStatus: number | null }>> {
  const saved = await journal.units();
  const lane = { service: 'identity', units: 2 } as const;
  for (const groupId of groupIds) {
    if (saved.get(groupUnit(groupId))?.state === 'done') continue;
    try {
      const first = (await governor.run(lane, () =>
        client.api(`/groups/${groupId}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`).get(),
      )) as Collection<DirectoryObject>;
      const members = await allPages(client, governor, lane, first);
      await journal.commit(groupUnit(groupId), {
        state: 'done',
        info: { memberIds: members.flatMap((member) => (member.id ? [member.id] : [])) },
      });
    } catch (error) {
      if (!(error instanceof GraphError) || ![403, 404].includes(error.statusCode)) throw error;
      await journal.commit(groupUnit(groupId), { state: 'done', info: { failedStatus: error.statusCode } });
    }
  }
  const units = await journal.units();
  return new Map(
    groupIds.map((groupId) => {
      const unit = units.get(groupUnit(groupId));
      const info = unit?.state === 'done' ? unit.info : {};
      return [groupId, { memberIds: info.memberIds ?? [], failedStatus: info.failedStatus ?? null }];
    }),
  );
}

async function allPages<T>(
  client: Client,
  governor: RateGovernor,
  lane: Parameters<RateGovernor['run']>[0],
  first: Collection<T>,
): Promise<T[]> {
  const items = [...(first.value ?? [])];
  let next = first['@odata.nextLink'];
  while (next) {
    const link = next;
    const page = (await governor.run(lane, () => client.api(link).get())) as Collection<T>;
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return items;
}
