import type { TeamsChannelAccount } from '@microsoft/teams.api';

/** The one call of the connector's member API the roster needs. */
export interface MemberPages {
  getPaged(
    pageSize?: number,
    continuationToken?: string,
  ): Promise<{
    readonly members: readonly TeamsChannelAccount[];
    readonly continuationToken?: string | undefined;
  }>;
}

/** Most members read (a larger team is cut here: the estimate stays an estimate). */
export const maxRosterMembers = 10_000;

/**
 * The conversation whose members form the target group: the team for a channel (Teams sends the
 * team's thread id in `channelData.team.id`), else the chat, without a `;messageid=` suffix.
 */
export function rosterConversationId(conversationId: string, teamId: string | null | undefined): string {
  return (teamId ?? conversationId).split(';')[0] ?? conversationId;
}

/** Reads every page of members (500 a page) and returns their Entra object ids. */
export async function readMembers(pages: MemberPages): Promise<string[]> {
  const ids = new Set<string>();
  let token: string | undefined;
  do {
    const page = await pages.getPaged(500, token);
    for (const member of page.members) if (member.aadObjectId) ids.add(member.aadObjectId.toLowerCase());
    token = page.continuationToken || undefined;
  } while (token && ids.size < maxRosterMembers);
  return [...ids].slice(0, maxRosterMembers);
}
