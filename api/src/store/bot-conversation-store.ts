import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Where a conversation is and how to reach it: what the bot stores to post later. */
export interface ConversationReference {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly kind: 'personal' | 'channel' | 'groupChat';
  readonly serviceUrl: string;
  readonly teamId: string | null;
  readonly channelId: string | null;
  /** Lower-cased Entra object id: the person of a personal chat, else who installed the app. */
  readonly userId: string | null;
  readonly botId: string;
}

/** The bot's conversation references and the people who turned notifications off. */
export interface BotConversationStore {
  /**
   * Stores (or refreshes) a conversation reference. True only for the one caller that created the
   * row: Teams may deliver two install activities at once, and only one of them may welcome.
   */
  saveConversation(reference: ConversationReference): Promise<boolean>;
  deleteConversation(tenantId: string, conversationId: string): Promise<boolean>;
  conversation(tenantId: string, conversationId: string): Promise<ConversationReference | null>;
  /** Personal chats with the bot of these people (all of the tenant's when `userIds` is omitted). */
  personalConversations(tenantId: string, userIds?: readonly string[]): Promise<ConversationReference[]>;
  /** Channel conversations the bot is installed in; of one team when `teamId` is given. */
  channelConversations(tenantId: string, teamId?: string): Promise<ConversationReference[]>;
  setOptOut(tenantId: string, userId: string, optedOut: boolean, at: Date): Promise<void>;
  isOptedOut(tenantId: string, userId: string): Promise<boolean>;
  optedOut(tenantId: string): Promise<Set<string>>;
}

type ConversationRow = Database['bot_conversation'];

function toReference(row: {
  [K in keyof ConversationRow]: K extends 'updated_at' ? Date : ConversationRow[K];
}): ConversationReference {
  return {
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    kind: row.kind,
    serviceUrl: row.service_url,
    teamId: row.team_id,
    channelId: row.channel_id,
    userId: row.user_id,
    botId: row.bot_id,
  };
}

/** Conversation references and opt-outs over the SQL database. */
export function createBotConversationStore(db: Kysely<Database>, now: () => Date): BotConversationStore {
  return {
    async saveConversation(reference) {
      const values = {
        tenant_id: reference.tenantId,
        conversation_id: reference.conversationId,
        kind: reference.kind,
        service_url: reference.serviceUrl,
        team_id: reference.teamId,
        channel_id: reference.channelId,
        user_id: reference.userId?.toLowerCase() ?? null,
        bot_id: reference.botId,
        updated_at: now(),
      };
      const insert = async (): Promise<boolean> =>
        (await db
          .insertInto('bot_conversation')
          .values(values)
          .onConflict((oc) => oc.columns(['tenant_id', 'conversation_id']).doNothing())
          .returning('conversation_id')
          .executeTakeFirst()) !== undefined;
      // The insert is the atomic "first time we see this conversation": one statement, one winner.
      if (await insert()) return true;
      const updated = await db
        .updateTable('bot_conversation')
        .set((eb) => ({
          kind: values.kind,
          service_url: values.service_url,
          team_id: values.team_id,
          channel_id: values.channel_id,
          // A channel keeps who installed it; a later message by someone else does not change that.
          user_id: eb.fn.coalesce('bot_conversation.user_id', eb.val(values.user_id)),
          bot_id: values.bot_id,
          updated_at: values.updated_at,
        }))
        .where('tenant_id', '=', values.tenant_id)
        .where('conversation_id', '=', values.conversation_id)
        .executeTakeFirst();
      // Removed (uninstalled) between the two statements: store it anew.
      return updated.numUpdatedRows === 0n ? insert() : false;
    },
    async deleteConversation(tenantId, conversationId) {
      const result = await db
        .deleteFrom('bot_conversation')
        .where('tenant_id', '=', tenantId)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async conversation(tenantId, conversationId) {
      const row = await db
        .selectFrom('bot_conversation')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row ? toReference(row) : null;
    },
    async personalConversations(tenantId, userIds) {
      if (userIds?.length === 0) return [];
      let query = db
        .selectFrom('bot_conversation')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', 'personal');
      if (userIds)
        query = query.where(
          'user_id',
          'in',
          userIds.map((id) => id.toLowerCase()),
        );
      return (await query.orderBy('conversation_id').execute()).map(toReference);
    },
    async channelConversations(tenantId, teamId) {
      let query = db
        .selectFrom('bot_conversation')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', 'channel');
      if (teamId !== undefined) query = query.where('team_id', '=', teamId);
      return (await query.orderBy('conversation_id').execute()).map(toReference);
    },
    async setOptOut(tenantId, userId, optedOut, at) {
      const user = userId.toLowerCase();
      if (optedOut)
        await db
          .insertInto('bot_notification_optout')
          .values({ tenant_id: tenantId, user_id: user, created_at: at })
          .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
          .execute();
      else
        await db
          .deleteFrom('bot_notification_optout')
          .where('tenant_id', '=', tenantId)
          .where('user_id', '=', user)
          .execute();
    },
    async isOptedOut(tenantId, userId) {
      const row = await db
        .selectFrom('bot_notification_optout')
        .select('user_id')
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId.toLowerCase())
        .executeTakeFirst();
      return row !== undefined;
    },
    async optedOut(tenantId) {
      const rows = await db
        .selectFrom('bot_notification_optout')
        .select('user_id')
        .where('tenant_id', '=', tenantId)
        .execute();
      return new Set(rows.map((row) => row.user_id));
    },
  };
}
