import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { ChannelMessageRecord } from '@learnfit/core';
import type { Lane, RateGovernor } from '../pacing/governor';
import { commitBehind, isStaleLink, startOf, type CollectionJournal } from './journal';

type WireMessage = ChatMessage & {
  replies?: ChatMessage[];
  'replies@odata.nextLink'?: string;
};

interface MessagePage {
  value?: WireMessage[];
  '@odata.nextLink'?: string;
}

/**
 * The adapter edge: keeps ids, author, time, mentions and reactions, and drops everything else (the body
 * above all) so no text leaves this function. Returns null for system events (no `from.user`).
 */
export function toChannelMessageRecord(
  message: ChatMessage,
  teamId: string,
  channelId: string,
): ChannelMessageRecord | null {
  const fromId = message.from?.user?.id;
  if (!fromId || !message.id || !message.createdDateTime) return null;
  return {
    id: message.id,
    teamId,
    channelId,
    replyToId: message.replyToId ?? null,
    fromId,
    createdAt: Date.parse(message.createdDateTime),
    mentionIds: (message.mentions ?? []).flatMap((mention) =>
      mention.mentioned?.user?.id ? [mention.mentioned.user.id] : [],
    ),
    reactions: (message.reactions ?? []).flatMap((reaction) => {
      const userId = reaction.user?.user?.id;
      return userId && reaction.createdDateTime
        ? [{ userId, createdAt: Date.parse(reaction.createdDateTime) }]
        : [];
    }),
  };
}

/** The journal unit of one channel's messages. */
export const channelUnit = (teamId: string, channelId: string): string => `channel:${teamId}:${channelId}`;

/**
 * Reads a channel's root posts newest first, 50 a page with replies inline (following both next links),
 * and stops after the first page whose oldest root was last touched before `windowStart`. Each page is
 * committed with the link to the next; a 403 (unapproved or forbidden) or 404 (deleted) ends the unit
 * with that status and keeps what earlier pages gave.
 */
export async function collectChannelMessages(
  client: Client,
  governor: RateGovernor,
  journal: CollectionJournal,
  teamId: string,
  channelId: string,
  windowStart: number,
): Promise<void> {
  const unit = channelUnit(teamId, channelId);
  const lane: Lane = { service: 'teams', requestClass: 'channelMessage', resource: `channel:${channelId}` };
  const first = `/teams/${teamId}/channels/${channelId}/messages?$top=50&$expand=replies`;
  let link = startOf((await journal.units()).get(unit), first);
  let resumed = link !== null && link !== first;
  const commits = commitBehind(journal);
  while (link !== null) {
    const url: string = link;
    const records: ChannelMessageRecord[] = [];
    const keep = (message: ChatMessage): void => {
      const record = toChannelMessageRecord(message, teamId, channelId);
      if (record) records.push(record);
    };
    let next: string | undefined;
    try {
      const page = (await governor.run(lane, () => client.api(url).get())) as MessagePage;
      const roots = page.value ?? [];
      for (const root of roots) {
        keep(root);
        for (const reply of root.replies ?? []) keep(reply);
        let more = root['replies@odata.nextLink'];
        while (more) {
          const replyLink: string = more;
          const replies = (await governor.run(lane, () => client.api(replyLink).get())) as MessagePage;
          for (const reply of replies.value ?? []) keep(reply);
          more = replies['@odata.nextLink'];
        }
      }
      const oldest = roots[roots.length - 1];
      const touched = Date.parse(oldest?.lastModifiedDateTime ?? oldest?.createdDateTime ?? '');
      next = oldest && touched < windowStart ? undefined : page['@odata.nextLink'];
    } catch (error) {
      if (resumed && isStaleLink(error)) {
        link = first;
        resumed = false;
        continue;
      }
      if (error instanceof GraphError && [401, 403, 404].includes(error.statusCode)) {
        await commits.commit(unit, { state: 'done', info: { failedStatus: error.statusCode } });
        await commits.settle();
        return;
      }
      throw error;
    }
    resumed = false;
    await commits.commit(unit, next ? { state: 'next', link: next } : { state: 'done', info: {} }, {
      messages: records,
    });
    link = next ?? null;
  }
  await commits.settle();
}
