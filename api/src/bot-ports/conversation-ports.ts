import type { BotMessenger, ConversationPorts, ConversationUser, StatusRun } from '@learnfit/bot';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { ChangePlanPostService } from '../services/change-plan-post-service';
import type { CollectionService } from '../services/collection-service';
import type { InitiativeStore } from '../services/ports';
import type { BotStore } from '../store/bot-store';

/** The conversation's own ports (the message extension's `identifyUser`, `search`, `preview` and `links` come from B1's ports). */
export type ConversationOwnPorts = Omit<ConversationPorts, 'identifyUser' | 'search' | 'preview' | 'links'>;

/** What the conversation ports need. */
export interface ConversationPortDeps {
  readonly botId: string;
  readonly store: BotStore;
  readonly collections: Pick<CollectionService, 'list'>;
  readonly initiatives: InitiativeStore;
  readonly posts: Pick<ChangePlanPostService, 'acknowledge'>;
  readonly messenger: BotMessenger;
  readonly appLink: string;
  readonly now: () => Date;
}

const leaderRoles = ['LearningLeader', 'Admin'];

/**
 * The identity the API's services expect, for a person the bot resolved. It carries no token: services
 * that call Graph on behalf of the user are never reached from the bot.
 */
export function identityOfUser(user: ConversationUser): SsoIdentity {
  return {
    tenantId: user.tenantId,
    userId: user.userId,
    name: null,
    preferredUsername: null,
    roles: user.roles,
    token: '',
  };
}

/** Builds the conversation ports over the bot store and the API's services. */
export function createConversationPorts(deps: ConversationPortDeps): ConversationOwnPorts {
  return {
    botId: deps.botId,
    appLink: deps.appLink,
    messenger: deps.messenger,
    // True only for the caller whose insert created the row, so one welcome goes out per install.
    saveConversation: (address) => deps.store.saveConversation(address),
    removeConversation: async (tenantId, conversationId) => {
      await deps.store.deleteConversation(tenantId, conversationId);
    },
    setNotifications: (tenantId, userId, on) => deps.store.setOptOut(tenantId, userId, !on, deps.now()),
    notificationsOn: async (tenantId, userId) => !(await deps.store.isOptedOut(tenantId, userId)),
    async status(user) {
      // The same rule as GET /api/collections: collection runs are for learning leaders and admins.
      if (!user.roles.some((role) => leaderRoles.includes(role)))
        return {
          kind: 'not-allowed',
          reason:
            'Collection progress is shown to learning leaders and admins. You get a message here when a pulse waits for you.',
        };
      const runs = await deps.collections.list(identityOfUser(user));
      const names = new Map<string, string>();
      const rows: StatusRun[] = [];
      for (const run of runs.slice(0, 10)) {
        let name = run.initiativeId ? names.get(run.initiativeId) : 'Whole tenant';
        if (name === undefined && run.initiativeId) {
          name = (await deps.initiatives.get(user.tenantId, run.initiativeId))?.name ?? 'Deleted initiative';
          names.set(run.initiativeId, name);
        }
        const progress = run.progress;
        rows.push({
          initiative: name ?? 'Whole tenant',
          kind: run.snapshotKind,
          state: run.state,
          phase: progress?.phase ?? null,
          percent:
            progress?.total && progress.total > 0
              ? Math.min(100, Math.round((progress.done / progress.total) * 100))
              : null,
          at: run.finishedAt ?? run.startedAt ?? run.runAfter,
        });
      }
      return { kind: 'runs', runs: rows };
    },
    async acknowledge(tenantId, userId, postId, answer) {
      const updated = await deps.posts.acknowledge(tenantId, userId, postId, answer);
      return updated ? { kind: 'updated', card: updated } : { kind: 'missing' };
    },
  };
}
