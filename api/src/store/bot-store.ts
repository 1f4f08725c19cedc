import type { Kysely } from 'kysely';
import { createBotConversationStore, type BotConversationStore } from './bot-conversation-store';
import { createBotNotificationStore, type BotNotificationStore } from './bot-notification-store';
import { createChangePlanPostStore, type ChangePlanPostStore } from './change-plan-post-store';
import type { Database } from './schema';

export type { ConversationReference } from './bot-conversation-store';
export type { AckAnswer, RawCounts, StoredPost } from './change-plan-post-store';
export { botErasable } from './bot-erasure';

/** The bot's rows: conversation references, opt-outs, sent notifications, posts and answers. */
export type BotStore = BotConversationStore & BotNotificationStore & ChangePlanPostStore;

/** The bot store over the SQL database. */
export function createBotStore(db: Kysely<Database>, now: () => Date = () => new Date()): BotStore {
  return {
    ...createBotConversationStore(db, now),
    ...createBotNotificationStore(db),
    ...createChangePlanPostStore(db),
  };
}
