import type { Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, Channel } from '@microsoft/microsoft-graph-types';
import { batchGet, type BatchGet } from '../pacing/batch';
import type { RateGovernor } from '../pacing/governor';

/** A team's members (Entra user ids) and channel ids, or why they could not be read. */
export interface TeamStructure {
  readonly teamId: string;
  readonly memberIds: string[];
  readonly channelIds: string[];
  /** HTTP status of a failed read (403 without consent, 404 for a deleted team), else null. */
  readonly failedStatus: number | null;
}

interface Collection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Reads members and channels of many teams in `$batch` requests (two items per team, 10 teams a batch). */
export async function collectTeamStructure(
  client: Client,
  governor: RateGovernor,
  teamIds: readonly string[],
): Promise<TeamStructure[]> {
  const requests: BatchGet[] = teamIds.flatMap((teamId, index) => [
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
  const results: TeamStructure[] = [];
  for (const [index, teamId] of teamIds.entries()) {
    const members = answers.get(`m${index}`);
    const channels = answers.get(`c${index}`);
    const failed = [members, channels].find((answer) => !answer || answer.status >= 300);
    if (failed || !members || !channels) {
      results.push({ teamId, memberIds: [], channelIds: [], failedStatus: failed?.status ?? 0 });
      continue;
    }
    const memberList = await allPages(
      client,
      governor,
      teamId,
      members.body as Collection<AadUserConversationMember>,
    );
    const channelList = await allPages(client, governor, teamId, channels.body as Collection<Channel>);
    results.push({
      teamId,
      memberIds: memberList.flatMap((member) => (member.userId ? [member.userId] : [])),
      channelIds: channelList.flatMap((channel) => (channel.id ? [channel.id] : [])),
      failedStatus: null,
    });
  }
  return results;
}

async function allPages<T>(
  client: Client,
  governor: RateGovernor,
  teamId: string,
  first: Collection<T>,
): Promise<T[]> {
  const items = [...(first.value ?? [])];
  let next = first['@odata.nextLink'];
  while (next) {
    const link = next;
    const lane = { service: 'teams', requestClass: 'teamMembers', resource: `team:${teamId}` } as const;
    const page = (await governor.run(lane, () => client.api(link).get())) as Collection<T>;
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return items;
}
