import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Claims on proactive notifications: a row written before sending is the guarantee of "once". */
export interface BotNotificationStore {
  /** Takes the right to send a notification to a conversation; false if someone already took it. */
  claimNotification(tenantId: string, key: string, conversationId: string, at: Date): Promise<boolean>;
  markNotificationSent(
    tenantId: string,
    key: string,
    conversationId: string,
    activityId: string,
  ): Promise<void>;
  /** Gives a claim back after a failed send, so a retry may send it. */
  releaseNotification(tenantId: string, key: string, conversationId: string): Promise<void>;
}

/** Notification claims over the SQL database. */
export function createBotNotificationStore(db: Kysely<Database>): BotNotificationStore {
  return {
    async claimNotification(tenantId, key, conversationId, at) {
      const inserted = await db
        .insertInto('bot_notification_sent')
        .values({
          tenant_id: tenantId,
          notification_key: key,
          conversation_id: conversationId,
          activity_id: null,
          sent_at: at,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'notification_key', 'conversation_id']).doNothing())
        .returning('conversation_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async markNotificationSent(tenantId, key, conversationId, activityId) {
      await db
        .updateTable('bot_notification_sent')
        .set({ activity_id: activityId })
        .where('tenant_id', '=', tenantId)
        .where('notification_key', '=', key)
        .where('conversation_id', '=', conversationId)
        .execute();
    },
    async releaseNotification(tenantId, key, conversationId) {
      await db
        .deleteFrom('bot_notification_sent')
        .where('tenant_id', '=', tenantId)
        .where('notification_key', '=', key)
        .where('conversation_id', '=', conversationId)
        .execute();
    },
  };
}
