import type { Kysely, Selectable } from 'kysely';
import type { BotTables } from './bot-tables';
import type { Database } from './schema';

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

/** Change-plan cards the bot posted and the answers people gave on them. */
export interface ChangePlanPostStore {
  createPost(post: StoredPost): Promise<void>;
  setPostActivity(tenantId: string, postId: string, activityId: string): Promise<void>;
  deletePost(tenantId: string, postId: string): Promise<void>;
  post(tenantId: string, postId: string): Promise<StoredPost | null>;
  posts(tenantId: string, initiativeId: string): Promise<StoredPost[]>;
  /** Stores the person's latest answer (one per person and post). */
  recordAck(tenantId: string, postId: string, personKey: string, answer: AckAnswer, at: Date): Promise<void>;
  counts(tenantId: string, postIds: readonly string[]): Promise<Map<string, RawCounts>>;
}

function toPost(row: Selectable<BotTables['change_plan_post']>): StoredPost {
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

/** Posts and answers over the SQL database. */
export function createChangePlanPostStore(db: Kysely<Database>): ChangePlanPostStore {
  return {
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
