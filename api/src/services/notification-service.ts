import { notificationCard, type BotMessenger, type Notification } from '@learnfit/bot';
import type { Audience } from '@learnfit/core';
import { z } from 'zod';
import { collectionPayloadSchema } from '../jobs/collection-job';
import type { JobHandler } from '../jobs/worker';
import type { JobQueue } from '../jobs/queue';
import type { BotStore, ConversationReference } from '../store/bot-store';
import type { PulseStore } from '../store/pulse-store';
import type { InitiativeStore } from './ports';

/** The queue kind of proactive bot notifications (sent by any worker, each once). */
export const notificationKind = 'bot-notification';

const id = z.string().min(1).max(200);

/** What a notification job carries. */
export const notificationPayloadSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('collection-finished'),
    runId: id,
    initiativeId: id.nullable(),
    snapshotKind: z.enum(['baseline', 'followup', 'adhoc']),
    people: z.number().int().nonnegative(),
    teamIds: z.array(id).max(100),
  }),
  z.object({
    event: z.enum(['pulse-opened', 'pulse-reminder']),
    initiativeId: id,
    waveId: id,
    closesAt: z.iso.datetime(),
  }),
]);

/** A notification job's payload. */
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

/** What the notification service needs. */
export interface NotificationDeps {
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly store: BotStore;
  readonly initiatives: InitiativeStore;
  readonly pulse: Pick<PulseStore, 'getWave' | 'getAnswer'>;
  /** Resolves Teams and groups to user ids (the app's Graph client). */
  readonly membersOf: (tenantId: string, audience: Audience) => Promise<string[]>;
  readonly keyFor: (tenantId: string, userId: string) => string;
  /** The bot's outbound path; null until the bot is mounted (then the job is retried). */
  readonly messenger: () => BotMessenger | null;
  readonly publicUrl: string;
  readonly now: () => Date;
}

/** Proactive messages: queued from the real code paths, sent by the worker, each once per conversation. */
export interface NotificationService {
  /** Called when a collection run has saved its snapshot. */
  collectionFinished(
    tenantId: string,
    payload: Extract<NotificationPayload, { event: 'collection-finished' }>,
  ): Promise<void>;
  /** Called when a pulse wave opened: the invitation now, the one reminder later. */
  pulseOpened(
    tenantId: string,
    initiativeId: string,
    wave: { id: string; openedAt: Date; closesAt: Date },
  ): Promise<void>;
  /** The worker's handler of `notificationKind` jobs. */
  readonly handler: JobHandler;
}

const hourMs = 3_600_000;

/** When the one reminder goes out: a day before the wave closes, or half-way through a shorter wave. */
export function reminderTime(openedAt: Date, closesAt: Date): Date {
  const span = closesAt.getTime() - openedAt.getTime();
  return new Date(span > 48 * hourMs ? closesAt.getTime() - 24 * hourMs : openedAt.getTime() + span / 2);
}

/** Thrown when the bot cannot send yet; the worker retries the job later. */
class NotSentError extends Error {
  readonly code = 'notification_not_sent';
}

/** Wires notifications to the queue, the bot store and the bot's messenger. */
export function createNotificationService(deps: NotificationDeps): NotificationService {
  const link = (initiativeId: string | null, page = ''): string =>
    initiativeId
      ? `${deps.publicUrl}/tab/index.html#/initiatives/${encodeURIComponent(initiativeId)}${page}`
      : `${deps.publicUrl}/tab/index.html`;

  /** People of an audience, lower-cased. */
  const peopleOf = async (tenantId: string, audience: Audience): Promise<string[]> =>
    (audience.kind === 'people' ? [...audience.ids] : await deps.membersOf(tenantId, audience)).map(
      (userId) => userId.toLowerCase(),
    );

  /** Sends to each conversation once: the row is claimed before sending and given back if sending failed. */
  const deliver = async (
    tenantId: string,
    key: string,
    conversations: readonly ConversationReference[],
    notification: Notification,
  ): Promise<number> => {
    const messenger = deps.messenger();
    if (!messenger) throw new NotSentError('The bot is not mounted yet.');
    let failures = 0;
    let sent = 0;
    for (const conversation of conversations) {
      if (!(await deps.store.claimNotification(tenantId, key, conversation.conversationId, deps.now())))
        continue;
      try {
        const activityId = await messenger.sendCard(
          {
            serviceUrl: conversation.serviceUrl,
            conversationId: conversation.conversationId,
            botId: conversation.botId,
          },
          notificationCard(notification, conversation.kind === 'personal'),
        );
        await deps.store.markNotificationSent(tenantId, key, conversation.conversationId, activityId);
        sent += 1;
      } catch {
        failures += 1;
        await deps.store.releaseNotification(tenantId, key, conversation.conversationId);
      }
    }
    // The rest were sent and stay claimed; a retry sends only the ones that failed.
    if (failures > 0) throw new NotSentError(`${failures} notifications were not accepted; retrying.`);
    return sent;
  };

  /** Personal chats of these people who did not opt out. */
  const personal = async (tenantId: string, userIds: readonly string[]): Promise<ConversationReference[]> => {
    const optedOut = await deps.store.optedOut(tenantId);
    const wanted = [...new Set(userIds.map((userId) => userId.toLowerCase()))].filter(
      (userId) => !optedOut.has(userId),
    );
    return deps.store.personalConversations(tenantId, wanted);
  };

  /** Channels of these teams the bot is installed in (the team's channel, not its people). */
  const channels = async (tenantId: string, teamIds: readonly string[]): Promise<ConversationReference[]> => {
    if (teamIds.length === 0) return [];
    const wanted = new Set(teamIds.map((teamId) => teamId.toLowerCase()));
    return (await deps.store.channelConversations(tenantId)).filter(
      (conversation) => conversation.teamId !== null && wanted.has(conversation.teamId.toLowerCase()),
    );
  };

  const run = async (tenantId: string, payload: NotificationPayload): Promise<{ sent: number }> => {
    if (payload.event === 'collection-finished') {
      const initiative = payload.initiativeId
        ? await deps.initiatives.get(tenantId, payload.initiativeId)
        : null;
      if (!initiative) return { sent: 0 };
      const owner = await personal(tenantId, [initiative.createdBy]);
      if (payload.snapshotKind === 'followup') {
        const notification: Notification = {
          kind: 'followUpReady',
          initiative: initiative.name,
          openUrl: link(initiative.id, '/learners'),
        };
        const targets = [...owner, ...(await channels(tenantId, payload.teamIds))];
        return { sent: await deliver(tenantId, `followup:${payload.runId}`, targets, notification) };
      }
      const notification: Notification = {
        kind: 'collectionFinished',
        initiative: initiative.name,
        people: payload.people,
        openUrl: link(initiative.id),
      };
      return { sent: await deliver(tenantId, `collection:${payload.runId}`, owner, notification) };
    }
    const initiative = await deps.initiatives.get(tenantId, payload.initiativeId);
    const wave = await deps.pulse.getWave(tenantId, payload.initiativeId, payload.waveId);
    if (!initiative?.design || wave?.state !== 'open' || wave.closesAt.getTime() <= deps.now().getTime())
      return { sent: 0 };
    const target = initiative.design.targetGroup;
    let people = await peopleOf(tenantId, target);
    if (payload.event === 'pulse-reminder') {
      // Only those who have not answered yet are reminded.
      const waiting: string[] = [];
      for (const userId of people)
        if (!(await deps.pulse.getAnswer(tenantId, payload.waveId, deps.keyFor(tenantId, userId))))
          waiting.push(userId);
      people = waiting;
    }
    const notification: Notification = {
      kind: payload.event === 'pulse-opened' ? 'pulseInvitation' : 'pulseReminder',
      initiative: initiative.name,
      closesAt: payload.closesAt,
      openUrl: link(initiative.id, '/pulse'),
    };
    const targets = [
      ...(await personal(tenantId, people)),
      ...(await channels(tenantId, target.kind === 'teams' ? target.ids : [])),
    ];
    return { sent: await deliver(tenantId, `${payload.event}:${payload.waveId}`, targets, notification) };
  };

  return {
    async collectionFinished(tenantId, payload) {
      await deps.queue.enqueue({
        tenantId,
        kind: notificationKind,
        payload,
        dedupeKey: `notify:collection:${payload.runId}`,
      });
    },
    async pulseOpened(tenantId, initiativeId, wave) {
      const closesAt = wave.closesAt.toISOString();
      await deps.queue.enqueue({
        tenantId,
        kind: notificationKind,
        payload: { event: 'pulse-opened', initiativeId, waveId: wave.id, closesAt },
        dedupeKey: `notify:pulse-opened:${wave.id}`,
      });
      // One durable, delayed job per wave: any worker may run it, and the dedupe key keeps it single.
      await deps.queue.enqueue({
        tenantId,
        kind: notificationKind,
        payload: { event: 'pulse-reminder', initiativeId, waveId: wave.id, closesAt },
        runAfter: reminderTime(wave.openedAt, wave.closesAt),
        dedupeKey: `notify:pulse-reminder:${wave.id}`,
      });
    },
    handler: async ({ job }) => run(job.tenantId, notificationPayloadSchema.parse(job.payload)),
  };
}

/**
 * Wraps the collection handler: when a run has saved its snapshot, the "collection finished" (or
 * "follow-up ready") notification is queued, deduplicated per run, before the run is marked done.
 */
export function notifyWhenCollected(
  handler: JobHandler,
  notifications: Pick<NotificationService, 'collectionFinished'>,
): JobHandler {
  return async (ctx) => {
    const result = await handler(ctx);
    const payload = collectionPayloadSchema.safeParse(ctx.job.payload);
    const people = (result as { people?: unknown } | null)?.people;
    if (payload.success)
      await notifications.collectionFinished(ctx.job.tenantId, {
        event: 'collection-finished',
        runId: ctx.job.id,
        initiativeId: payload.data.initiativeId,
        snapshotKind: payload.data.snapshotKind,
        people: typeof people === 'number' ? people : 0,
        teamIds: payload.data.teamIds,
      });
    return result;
  };
}
