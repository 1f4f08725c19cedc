import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { ChannelMessageRecord } from '@learnfit/core';
import type { Lane, RateGovernor } from '../pacing/governor';

type WireMessage = ChatMessage & {
  replies?: ChatMessage[];
  'replies@odata.nextLink'?: string;
};

interface MessagePage {
  value?: WireMessage[];
  '@odata.nextLink'?: string;
}

/** What one channel yielded: records, or the status that stopped it (403 unapproved, 404 deleted). */
export interface ChannelMessagesResult {
  readonly teamId: string;
  readonly channelId: string;
  readonly records: ChannelMessageRecord[];
  readonly failedStatus: number | null;
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

/**
 * Reads a channel's root posts newest first, 50 a page with replies inline (following both next links),
 * and stops after the first page whose oldest root was last touched before `windowStart`.
 */
export async function collectChannelMessages(
  client: Client,
  governor: RateGovernor,
  teamId: string,
  channelId: string,
  windowStart: number,
): Promise<ChannelMessagesResult> {
  const lane: Lane = { service: 'teams', requestClass: 'channelMessage', resource: `channel:${channelId}` };
  const records: ChannelMessageRecord[] = [];
  const keep = (message: ChatMessage): void => {
    const record = toChannelMessageRecord(message, teamId, channelId);
    if (record) records.push(record);
  };
  try {
    let link: string | undefined = `/teams/${teamId}/channels/${channelId}/messages?$top=50&$expand=replies`;
    while (link) {
      const url: string = link;
      const page = (await governor.run(lane, () => client.api(url).get())) as MessagePage;
      const roots = page.value ?? [];
      for (const root of roots) {
        keep(root);
        for (const reply of root.replies ?? []) keep(reply);
        let more = root['replies@odata.nextLink'];
        while (more) {
          const next: string = more;
          const replies = (await governor.run(lane, () => client.api(next).get())) as MessagePage;
          for (const reply of replies.value ?? []) keep(reply);
          more = replies['@odata.nextLink'];
        }
      }
      const oldest = roots[roots.length - 1];
      const touched = Date.parse(oldest?.lastModifiedDateTime ?? oldest?.createdDateTime ?? '');
      link = oldest && touched < windowStart ? undefined : page['@odata.nextLink'];
    }
    return { teamId, channelId, records, failedStatus: null };
  } catch (error) {
    if (error instanceof GraphError && [401, 403, 404].includes(error.statusCode))
      return { teamId, channelId, records: [], failedStatus: error.statusCode };
    throw error;
  }
}
