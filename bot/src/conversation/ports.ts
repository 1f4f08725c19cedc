import type { BotUser, MessageExtensionPorts } from '../ports';
import type { ConversationCard } from './card-kit';
import type { BotMessenger } from './messenger';

/** Where a conversation is and how to reach it (stored per tenant for proactive messages). */
export interface ConversationAddress {
  readonly tenantId: string;
  /** For channels, the channel's thread id without any `;messageid=` suffix. */
  readonly conversationId: string;
  readonly kind: 'personal' | 'channel' | 'groupChat';
  readonly serviceUrl: string;
  /** The team's Microsoft 365 group id when Teams sent it, else its thread id (channels only). */
  readonly teamId: string | null;
  readonly channelId: string | null;
  /** Entra object id: the person of a personal chat, else who installed the app. */
  readonly userId: string | null;
  readonly botId: string;
}

/** The person behind an activity (B1's BotUser: the same identity and roles as in the tab). */
export type ConversationUser = BotUser;

/** One collection run as `status` shows it. */
export interface StatusRun {
  readonly initiative: string;
  readonly kind: string;
  readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  readonly phase: string | null;
  /** 0–100, or null when the total is not known yet. */
  readonly percent: number | null;
  readonly at: string;
}

/** What `status` answers: the runs the person may see, or why they see none. */
export type StatusView =
  | { readonly kind: 'runs'; readonly runs: readonly StatusRun[] }
  | { readonly kind: 'not-allowed'; readonly reason: string };

/** An answer on a posted change-plan card. */
export type Acknowledgement = 'in' | 'notForMe';

/** The outcome of an acknowledgement: the card to show in place, or why there is none. */
export type AcknowledgeOutcome =
  { readonly kind: 'updated'; readonly card: ConversationCard } | { readonly kind: 'missing' };

/**
 * What the conversation handlers need from the rest of LearnFit; the API supplies it. `report` reuses
 * the message extension's `search` and `preview` (the same reports the tab and the extension show).
 */
export interface ConversationPorts extends Pick<
  MessageExtensionPorts,
  'identifyUser' | 'search' | 'preview' | 'links'
> {
  /** The bot's id (the recipient of activities), used in stored references. */
  readonly botId: string;
  /** Stores a conversation reference; true when the conversation was new (send the welcome then). */
  saveConversation(address: ConversationAddress): Promise<boolean>;
  /** Forgets a conversation the app was removed from. */
  removeConversation(tenantId: string, conversationId: string): Promise<void>;
  /** Turns proactive notifications off or on for one person. */
  setNotifications(tenantId: string, userId: string, on: boolean): Promise<void>;
  notificationsOn(tenantId: string, userId: string): Promise<boolean>;
  status(user: ConversationUser): Promise<StatusView>;
  /** Records the person's answer on a posted card and returns the card with its counts. */
  acknowledge(
    tenantId: string,
    userId: string,
    postId: string,
    answer: Acknowledgement,
  ): Promise<AcknowledgeOutcome>;
  /** A link that opens the LearnFit tab. */
  readonly appLink: string;
  /** Sends replies (the same outbound path as proactive messages). */
  readonly messenger: BotMessenger;
}
