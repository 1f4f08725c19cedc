import type { ConversationAddress } from './ports';

/** The parts of an inbound activity that say where it came from. */
export interface InboundActivity {
  readonly serviceUrl?: string;
  readonly from?: { readonly id?: string; readonly aadObjectId?: string; readonly name?: string };
  readonly recipient?: { readonly id?: string };
  readonly conversation?: {
    readonly id?: string;
    readonly tenantId?: string;
    /** `personal`, `channel` or `groupChat` (the SDK types it as an open string). */
    readonly conversationType?: unknown;
  };
  readonly channelData?: {
    readonly tenant?: { readonly id?: string };
    readonly team?: { readonly id?: string; readonly aadGroupId?: string };
    readonly channel?: { readonly id?: string };
  };
}

const kinds = { personal: 'personal', channel: 'channel', groupChat: 'groupChat' } as const;

/** The tenant of an activity (the conversation's, else the channel data's). */
export function tenantOf(activity: InboundActivity): string | null {
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? null;
}

/** The conversation reference to store for an activity, or null when a part is missing. */
export function addressOf(activity: InboundActivity, botId: string): ConversationAddress | null {
  const tenantId = tenantOf(activity);
  const rawId = activity.conversation?.id;
  const serviceUrl = activity.serviceUrl;
  if (!tenantId || !rawId || !serviceUrl) return null;
  const type = activity.conversation?.conversationType;
  const kind = typeof type === 'string' && type in kinds ? kinds[type as keyof typeof kinds] : 'personal';
  // A reply in a channel thread carries `;messageid=…`; the reference is the channel itself.
  const conversationId = kind === 'channel' ? (rawId.split(';')[0] ?? rawId) : rawId;
  const team = activity.channelData?.team;
  return {
    tenantId,
    conversationId,
    kind,
    serviceUrl,
    teamId: kind === 'channel' ? (team?.aadGroupId ?? team?.id ?? null) : null,
    channelId: kind === 'channel' ? (activity.channelData?.channel?.id ?? conversationId) : null,
    userId: activity.from?.aadObjectId?.toLowerCase() ?? null,
    botId: activity.recipient?.id ?? botId,
  };
}
