import type { ColumnType } from 'kysely';

type Stamp = ColumnType<Date, Date | string, Date | string>;

/** The bot's tables as Kysely sees them; every row carries its tenant id. */
export interface BotTables {
  /** Where the bot may post: one row per conversation it is installed in (personal, channel, group chat). */
  bot_conversation: {
    tenant_id: string;
    conversation_id: string;
    kind: 'personal' | 'channel' | 'groupChat';
    service_url: string;
    /** The team's Microsoft 365 group id (channel conversations). */
    team_id: string | null;
    /** The channel's thread id (channel conversations). */
    channel_id: string | null;
    /** Lower-cased Entra object id: the person of a personal chat, else who installed the app. */
    user_id: string | null;
    bot_id: string;
    updated_at: Stamp;
  };
  /** People who said `stop notifications`; deleting the row turns notifications back on. */
  bot_notification_optout: {
    tenant_id: string;
    user_id: string;
    created_at: Stamp;
  };
  /** One row per notification and conversation, written before sending: the guarantee of "once". */
  bot_notification_sent: {
    tenant_id: string;
    notification_key: string;
    conversation_id: string;
    /** Set once the connector answered; null while sending (or after a crash mid-send). */
    activity_id: string | null;
    sent_at: Stamp;
  };
  /** A change-plan message the bot posted to a channel as a card. */
  change_plan_post: {
    id: string;
    tenant_id: string;
    initiative_id: string;
    message_id: string;
    audience: string;
    /** The card's title, text and ask: LearnFit's own plan text (not a Teams message body). */
    title: string;
    text: string;
    acknowledge: string;
    team_id: string;
    channel_id: string;
    conversation_id: string;
    service_url: string;
    /** The id of the posted activity, to update the card in place. */
    activity_id: string | null;
    posted_by: string;
    posted_at: Stamp;
  };
  /** One person's latest answer to one posted card, under their pseudonym (never their Entra id). */
  change_plan_ack: {
    tenant_id: string;
    post_id: string;
    person_key: string;
    answer: 'in' | 'notForMe';
    updated_at: Stamp;
  };
}
