import type { Kysely } from 'kysely';
import type { ErasableTables } from '../services/ports';
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

/** A change-plan card the bot posted. */
export interface StoredPost {
  readonly id: string;
  readonly tenantId: string;
  readonly initiativeId: string;
  readonly messageId: string;
  readonly audience: string;
  readonly title: string;
  readonly text: string;
  readonly acknowledge: string;
  readonly teamId: string;
  readonly channelId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly activityId: string | null;
  readonly postedBy: string;
  readonly postedAt: Date;
}

/** One person's answer on a card. */
export type AckAnswer = 'in' | 'notForMe';

/** Raw answer counts of one post (release them through the k rule before showing them). */
export interface RawCounts {
  readonly in: number;
  readonly notForMe: number;
}

/** The bot's rows: conversation references, opt-outs, sent notifications, posts and answers. */
export interface BotStore {
  saveConversation(reference: ConversationReference): Promise<void>;
  deleteConversation(tenantId: string, conversationId: string): Promise<boolean>;
  conversation(tenantId: string, conversationId: string): Promise<ConversationReference | null>;
  /** Personal chats with the bot of these people (all of the tenant's when `userIds` is omitted). */
  personalConversations(tenantId: string, userIds?: readonly string[]): Promise<ConversationReference[]>;
  /** Channel conversations the bot is installed in; of one team when `teamId` is given. */
  channelConversations(tenantId: string, teamId?: string): Promise<ConversationReference[]>;
  setOptOut(tenantId: string, userId: string, optedOut: boolean, at: Date): Promise<void>;
  isOptedOut(tenantId: string, userId: string): Promise<boolean>;
  optedOut(tenantId: string): Promise<Set<string>>;
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
  createPost(post: StoredPost): Promise<void>;
  setPostActivity(tenantId: string, postId: string, activityId: string): Promise<void>;
  deletePost(tenantId: string, postId: string): Promise<void>;
  post(tenantId: string, postId: string): Promise<StoredPost | null>;
  posts(tenantId: string, initiativeId: string): Promise<StoredPost[]>;
  /** Stores the person's latest answer (one per person and post). */
  recordAck(tenantId: string, postId: string, personKey: string, answer: AckAnswer, at: Date): Promise<void>;
  counts(tenantId: string, postIds: readonly string[]): Promise<Map<string, RawCounts>>;
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

function toPost(row: {
  id: string;
  tenant_id: string;
  initiative_id: string;
  message_id: string;
  audience: string;
  title: string;
  text: string;
  acknowledge: string;
  team_id: string;
  channel_id: string;
  conversation_id: string;
  service_url: string;
  activity_id: string | null;
  posted_by: string;
  posted_at: Date;
}): StoredPost {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    initiativeId: row.initiative_id,
    messageId: row.message_id,
    audience: row.audience,
    title: row.title,
    text: row.text,
    acknowledge: row.acknowledge,
    teamId: row.team_id,
    channelId: row.channel_id,
    conversationId: row.conversation_id,
    serviceUrl: row.service_url,
    activityId: row.activity_id,
    postedBy: row.posted_by,
    postedAt: new Date(row.posted_at),
  };
}

/** The bot store over the SQL database. */
export function createBotStore(db: Kysely<Database>, now: () => Date = () => new Date()): BotStore {
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
      await db
        .insertInto('bot_conversation')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'conversation_id']).doUpdateSet({
            kind: values.kind,
            service_url: values.service_url,
            team_id: values.team_id,
            channel_id: values.channel_id,
            // A channel keeps who installed it; a later message by someone else does not change that.
            user_id: (eb) => eb.fn.coalesce('bot_conversation.user_id', eb.val(values.user_id)),
            bot_id: values.bot_id,
            updated_at: values.updated_at,
          }),
        )
        .execute();
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
    async createPost(post) {
      await db
        .insertInto('change_plan_post')
        .values({
          id: post.id,
          tenant_id: post.tenantId,
          initiative_id: post.initiativeId,
          message_id: post.messageId,
          audience: post.audience,
          title: post.title,
          text: post.text,
          acknowledge: post.acknowledge,
          team_id: post.teamId,
          channel_id: post.channelId,
          conversation_id: post.conversationId,
          service_url: post.serviceUrl,
          activity_id: post.activityId,
          posted_by: post.postedBy,
          posted_at: post.postedAt,
        })
        .execute();
    },
    async setPostActivity(tenantId, postId, activityId) {
      await db
        .updateTable('change_plan_post')
        .set({ activity_id: activityId })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', postId)
        .execute();
    },
    async deletePost(tenantId, postId) {
      await db
        .deleteFrom('change_plan_post')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', postId)
        .execute();
    },
    async post(tenantId, postId) {
      const row = await db
        .selectFrom('change_plan_post')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', postId)
        .executeTakeFirst();
      return row ? toPost(row) : null;
    },
    async posts(tenantId, initiativeId) {
      const rows = await db
        .selectFrom('change_plan_post')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('initiative_id', '=', initiativeId)
        .orderBy('posted_at')
        .orderBy('id')
        .execute();
      return rows.map(toPost);
    },
    async recordAck(tenantId, postId, personKey, answer, at) {
      await db
        .insertInto('change_plan_ack')
        .values({ tenant_id: tenantId, post_id: postId, person_key: personKey, answer, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'post_id', 'person_key']).doUpdateSet({ answer, updated_at: at }),
        )
        .execute();
    },
    async counts(tenantId, postIds) {
      const counts = new Map<string, RawCounts>(postIds.map((id) => [id, { in: 0, notForMe: 0 }]));
      if (postIds.length === 0) return counts;
      const rows = await db
        .selectFrom('change_plan_ack')
        .select(['post_id', 'answer', (eb) => eb.fn.countAll<string>().as('n')])
        .where('tenant_id', '=', tenantId)
        .where('post_id', 'in', [...postIds])
        .groupBy(['post_id', 'answer'])
        .execute();
      for (const row of rows) {
        const current = counts.get(row.post_id) ?? { in: 0, notForMe: 0 };
        counts.set(row.post_id, { ...current, [row.answer]: Number(row.n) });
      }
      return counts;
    },
  };
}

/**
 * Erasure of the bot's rows: a person's conversation references, opt-out, sent-notification marks of
 * their personal chats and card answers go; a channel they installed the app in forgets who did.
 */
export const botErasable: ErasableTables = {
  name: 'bot',
  async erasePerson(trx, tenantId, userId, personKey) {
    const personal = await trx
      .selectFrom('bot_conversation')
      .select('conversation_id')
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'personal')
      .where('user_id', '=', userId)
      .execute();
    let changed = 0;
    if (personal.length > 0) {
      const ids = personal.map((row) => row.conversation_id);
      const sent = await trx
        .deleteFrom('bot_notification_sent')
        .where('tenant_id', '=', tenantId)
        .where('conversation_id', 'in', ids)
        .executeTakeFirst();
      changed += Number(sent.numDeletedRows);
    }
    const conversations = await trx
      .deleteFrom('bot_conversation')
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'personal')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const installers = await trx
      .updateTable('bot_conversation')
      .set({ user_id: null })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const optOut = await trx
      .deleteFrom('bot_notification_optout')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const acks = await trx
      .deleteFrom('change_plan_ack')
      .where('tenant_id', '=', tenantId)
      .where('person_key', '=', personKey)
      .executeTakeFirst();
    const posts = await trx
      .updateTable('change_plan_post')
      .set({ posted_by: 'erased' })
      .where('tenant_id', '=', tenantId)
      .where('posted_by', '=', userId)
      .executeTakeFirst();
    changed +=
      Number(conversations.numDeletedRows) +
      Number(installers.numUpdatedRows) +
      Number(optOut.numDeletedRows) +
      Number(acks.numDeletedRows) +
      Number(posts.numUpdatedRows);
    return changed;
  },
  async eraseTenant(trx, tenantId) {
    let removed = 0;
    for (const table of [
      'change_plan_ack',
      'change_plan_post',
      'bot_notification_sent',
      'bot_notification_optout',
      'bot_conversation',
    ] as const) {
      const result = await trx.deleteFrom(table).where('tenant_id', '=', tenantId).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  },
};
