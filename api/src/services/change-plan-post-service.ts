import { randomUUID } from 'node:crypto';
import {
  changePlanPostRequestSchema,
  type AcknowledgementCounts,
  type AcknowledgementSummary,
  type ChangePlanPost,
  type ChangePlanPostList,
} from '@learnfit/core';
import { spellItOutCard, type BotMessenger, type ConversationCard } from '@learnfit/bot';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { AckAnswer, BotStore, RawCounts, StoredPost } from '../store/bot-store';
import { requireLeader, settingsWithK, type DiagnosticsService } from './diagnostics-service';
import type { InitiativeStore, TenantSettingsReader } from './ports';

/** Posting change-plan messages as cards, and the answers to them. */
export interface ChangePlanPostService {
  /** `POST /api/initiatives/:id/change-plan/posts`. */
  post(identity: SsoIdentity, initiativeId: string, body: unknown): Promise<ChangePlanPostList>;
  /** `GET /api/initiatives/:id/change-plan/posts`. */
  list(identity: SsoIdentity, initiativeId: string): Promise<ChangePlanPostList>;
  /** Records a person's answer (from the card button); null when the post is gone. */
  acknowledge(
    tenantId: string,
    userId: string,
    postId: string,
    answer: AckAnswer,
  ): Promise<ConversationCard | null>;
  /** Released answers per change-plan message id, for the diagnostics (empty when nothing was posted). */
  summaries(tenantId: string, initiativeId: string): Promise<Map<string, AcknowledgementSummary>>;
}

/** What the service needs. */
export interface ChangePlanPostDeps {
  readonly store: BotStore;
  readonly initiatives: InitiativeStore;
  readonly settings: TenantSettingsReader;
  readonly diagnostics: Pick<DiagnosticsService, 'evaluate'>;
  /** The bot's outbound path; null until the bot is mounted. */
  readonly messenger: () => BotMessenger | null;
  readonly keyFor: (tenantId: string, userId: string) => string;
  /** The bot's id, the sender of the cards. */
  readonly botId: string;
  readonly now: () => Date;
}

/** Counts as released: each count of 1 to k − 1 people reads 0 and is named in `withheld`. */
export function releaseCounts(raw: RawCounts, k: number): AcknowledgementCounts {
  const withheld = (['in', 'notForMe'] as const).filter((answer) => raw[answer] > 0 && raw[answer] < k);
  return {
    in: withheld.includes('in') ? 0 : raw.in,
    notForMe: withheld.includes('notForMe') ? 0 : raw.notForMe,
    ...(withheld.length > 0 ? { withheld } : {}),
  };
}

function toContract(post: StoredPost, counts: AcknowledgementCounts): ChangePlanPost {
  return {
    id: post.id,
    messageId: post.messageId,
    audience: post.audience,
    teamId: post.teamId,
    channelId: post.channelId,
    postedAt: post.postedAt.toISOString(),
    counts,
  };
}

const noSuchInitiative = (id: string): HttpProblem =>
  new HttpProblem(404, 'not_found', 'No such initiative', `There is no initiative ${id}.`);

/** Wires posting and acknowledgements to the bot store and messenger. */
export function createChangePlanPostService(deps: ChangePlanPostDeps): ChangePlanPostService {
  const kOf = async (tenantId: string): Promise<number> =>
    settingsWithK((await deps.settings.get(tenantId)).k).privacy.k;

  const cardOf = (
    post: StoredPost,
    counts: AcknowledgementCounts,
    k: number,
    mine: AckAnswer | null = null,
  ) =>
    spellItOutCard(
      {
        postId: post.id,
        title: post.title,
        text: post.text,
        audience: post.audience,
        acknowledge: post.acknowledge,
      },
      counts,
      k,
      mine,
    );

  return {
    async post(identity, initiativeId, body) {
      requireLeader(identity, 'and post change-plan messages');
      const request = changePlanPostRequestSchema.parse(body);
      const { tenantId } = identity;
      const initiative = await deps.initiatives.get(tenantId, initiativeId);
      if (!initiative) throw noSuchInitiative(initiativeId);
      if (initiative.status === 'archived')
        throw new HttpProblem(
          409,
          'conflict',
          'The initiative is archived',
          'Archived initiatives are read-only.',
        );
      const references = await deps.store.channelConversations(tenantId, request.teamId);
      const reference = references[0];
      const messenger = deps.messenger();
      if (!reference || !messenger)
        throw new HttpProblem(
          409,
          'conflict',
          'LearnFit is not in that team',
          'Add the LearnFit app to the team (Apps > Manage your apps, or "Add to a team"), then post again.',
        );
      const evaluation = await deps.diagnostics.evaluate(identity, initiativeId);
      const messages = evaluation.all.changePlan.data.messages;
      const chosen = request.messageIds.map((id) => messages.find((message) => message.id === id));
      const missing = request.messageIds.filter((_id, index) => !chosen[index]);
      if (missing.length > 0)
        throw new HttpProblem(
          400,
          'bad_request',
          'No such change-plan message',
          `The change plan has no message ${missing.join(', ')}; reload the plan and choose again.`,
        );
      const k = await kOf(tenantId);
      const posted: ChangePlanPost[] = [];
      for (const message of chosen) {
        if (!message) continue;
        const post: StoredPost = {
          id: randomUUID(),
          tenantId,
          initiativeId,
          messageId: message.id,
          audience: message.audience,
          title: message.title,
          text: message.text,
          acknowledge: message.acknowledge,
          teamId: request.teamId,
          channelId: request.channelId,
          conversationId: request.channelId,
          serviceUrl: reference.serviceUrl,
          activityId: null,
          postedBy: identity.userId.toLowerCase(),
          postedAt: deps.now(),
        };
        // The row first: a click on the card can arrive the moment Teams shows it.
        await deps.store.createPost(post);
        const counts = releaseCounts({ in: 0, notForMe: 0 }, k);
        try {
          const activityId = await messenger.sendCard(
            { serviceUrl: reference.serviceUrl, conversationId: request.channelId, botId: reference.botId },
            cardOf(post, counts, k),
          );
          await deps.store.setPostActivity(tenantId, post.id, activityId);
        } catch {
          await deps.store.deletePost(tenantId, post.id);
          throw new HttpProblem(
            409,
            'conflict',
            'Teams refused the message',
            'Teams did not accept the card in that channel. Check that LearnFit is still in the team and may post there.',
          );
        }
        posted.push(toContract(post, counts));
      }
      return { posts: posted };
    },

    async list(identity, initiativeId) {
      requireLeader(identity, 'change-plan posts');
      const { tenantId } = identity;
      if (!(await deps.initiatives.get(tenantId, initiativeId))) throw noSuchInitiative(initiativeId);
      const posts = await deps.store.posts(tenantId, initiativeId);
      const raw = await deps.store.counts(
        tenantId,
        posts.map((post) => post.id),
      );
      const k = await kOf(tenantId);
      return {
        posts: posts.map((post) =>
          toContract(post, releaseCounts(raw.get(post.id) ?? { in: 0, notForMe: 0 }, k)),
        ),
      };
    },

    async acknowledge(tenantId, userId, postId, answer) {
      const post = await deps.store.post(tenantId, postId);
      if (!post) return null;
      await deps.store.recordAck(
        tenantId,
        postId,
        deps.keyFor(tenantId, userId.toLowerCase()),
        answer,
        deps.now(),
      );
      const k = await kOf(tenantId);
      const raw = (await deps.store.counts(tenantId, [postId])).get(postId) ?? { in: 0, notForMe: 0 };
      const counts = releaseCounts(raw, k);
      const messenger = deps.messenger();
      if (messenger && post.activityId)
        // Everyone in the channel sees the new counts; a failed update leaves the old ones, nothing else.
        await messenger
          .updateCard(
            { serviceUrl: post.serviceUrl, conversationId: post.conversationId, botId: deps.botId },
            post.activityId,
            cardOf(post, counts, k),
          )
          .catch(() => undefined);
      return cardOf(post, counts, k, answer);
    },

    async summaries(tenantId, initiativeId) {
      const posts = await deps.store.posts(tenantId, initiativeId);
      const summaries = new Map<string, AcknowledgementSummary>();
      if (posts.length === 0) return summaries;
      const raw = await deps.store.counts(
        tenantId,
        posts.map((post) => post.id),
      );
      const k = await kOf(tenantId);
      for (const post of posts) {
        const released = releaseCounts(raw.get(post.id) ?? { in: 0, notForMe: 0 }, k);
        const before = summaries.get(post.messageId) ?? { posts: 0, in: 0, notForMe: 0, withheldPosts: 0 };
        summaries.set(post.messageId, {
          posts: before.posts + 1,
          in: before.in + released.in,
          notForMe: before.notForMe + released.notForMe,
          withheldPosts: before.withheldPosts + (released.withheld ? 1 : 0),
        });
      }
      return summaries;
    },
  };
}
