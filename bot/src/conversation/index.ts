import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { helpCard, notificationsCard, unknownCommandCard } from '../cards/help';
import { noReportCard, statusCard } from '../cards/status';
import { welcomeCard } from '../cards/welcome';
import { addressOf, tenantOf, type InboundActivity } from './activity-address';
import { adaptiveCardType, card, paragraph, verbs, type ConversationCard } from './card-kit';
import { parseCommand } from './commands';
import { findReport } from './report';
import type { ConversationAddress, ConversationPorts, ConversationUser } from './ports';

export type * from './ports';
export { createBotMessenger, ConnectorError, type BotMessenger, type MessageTarget } from './messenger';
export type { ConversationCard } from './card-kit';
export { parseCommand, stripMentions, type Command } from './commands';
export { welcomeCard, type InstallScope } from '../cards/welcome';
export { helpCard, notificationsCard, unknownCommandCard } from '../cards/help';
export { statusCard, noReportCard } from '../cards/status';
export { notificationCard, type Notification } from '../cards/notification';
export { spellItOutCard, type SpellItOutMessage } from '../cards/spell-it-out';

/** An `adaptiveCard/action` answer that replaces the clicked card. */
const asCard = (value: ConversationCard): AdaptiveCardActionResponse => ({
  statusCode: 200,
  type: adaptiveCardType,
  // Our cards are plain Adaptive Card JSON; the SDK's type is its builder's interface of the same JSON.
  value: value as unknown as IAdaptiveCard,
});

/** An `adaptiveCard/action` answer that shows a short message instead of changing the card. */
const asMessage = (value: string): AdaptiveCardActionResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value,
});

const unknownPerson =
  "I can't find you in LearnFit yet. Ask your admin to add you to the LearnFit app, then try again.";

/**
 * Registers the bot's conversation: welcome on install (personal, team, group chat), the stored
 * conversation reference (on install and every message; deleted on uninstall), the commands `help`,
 * `status`, `report`, `stop/start notifications`, and the card buttons (`adaptiveCard/action`).
 */
export function registerConversation(app: App, ports: ConversationPorts): void {
  const reply = async (address: ConversationAddress, content: ConversationCard): Promise<void> => {
    await ports.messenger.sendCard(
      { serviceUrl: address.serviceUrl, conversationId: address.conversationId, botId: address.botId },
      content,
    );
  };

  const welcome = async (activity: InboundActivity): Promise<void> => {
    const address = addressOf(activity, ports.botId);
    if (!address) return;
    // Teams sends both conversationUpdate and installationUpdate on install: welcome only once.
    if (await ports.saveConversation(address))
      await reply(address, welcomeCard(address.kind, activity.from?.name ?? null, ports.appLink));
  };

  const forget = async (activity: InboundActivity): Promise<void> => {
    const address = addressOf(activity, ports.botId);
    if (address) await ports.removeConversation(address.tenantId, address.conversationId);
  };

  app.on('conversationUpdate', async ({ activity }) => {
    const botId = activity.recipient.id;
    if (activity.membersAdded?.some((member) => member.id === botId)) await welcome(activity);
    else if (activity.membersRemoved?.some((member) => member.id === botId)) await forget(activity);
  });

  app.on('installationUpdate', async ({ activity }) => {
    if (activity.action === 'add') await welcome(activity);
    else if (activity.action === 'remove') await forget(activity);
  });

  const personOf = async (activity: InboundActivity): Promise<ConversationUser | null> => {
    const tenantId = tenantOf(activity);
    const objectId = activity.from?.aadObjectId;
    return tenantId && objectId ? ports.identifyUser(tenantId, objectId.toLowerCase()) : null;
  };

  app.on('message', async ({ activity }) => {
    const address = addressOf(activity, ports.botId);
    if (!address) return;
    await ports.saveConversation(address);
    const command = parseCommand(activity.text ?? '');
    const user = await personOf(activity);
    if (!user) {
      await reply(address, card([paragraph(unknownPerson)]));
      return;
    }
    switch (command.name) {
      case 'help':
        await reply(
          address,
          helpCard(await ports.notificationsOn(user.tenantId, user.userId), ports.appLink),
        );
        return;
      case 'status':
        await reply(address, statusCard(await ports.status(user), ports.appLink));
        return;
      case 'report': {
        const answer = await findReport(ports, user, command.text);
        await reply(
          address,
          answer.kind === 'card'
            ? (answer.content as ConversationCard)
            : noReportCard(answer.reason, ports.appLink),
        );
        return;
      }
      case 'notifications':
        await ports.setNotifications(user.tenantId, user.userId, command.on);
        await reply(address, notificationsCard(command.on));
        return;
      case 'unknown':
        await reply(address, unknownCommandCard(command.text, ports.appLink));
        return;
    }
  });

  app.on('card.action', async ({ activity, next }): Promise<AdaptiveCardActionResponse | undefined> => {
    const action = activity.value.action as { verb?: unknown; data?: Record<string, unknown> };
    const verb = typeof action.verb === 'string' ? action.verb : '';
    const known: readonly string[] = Object.values(verbs);
    // Buttons of other cards (the message extension's) go to the handlers registered after this one.
    if (!known.includes(verb)) return (await next()) as AdaptiveCardActionResponse | undefined;
    const tenantId = tenantOf(activity);
    const userId = activity.from.aadObjectId?.toLowerCase();
    if (!tenantId || !userId) return asMessage(unknownPerson);
    if (verb === verbs.ack) {
      const postId = typeof action.data?.['postId'] === 'string' ? action.data['postId'] : '';
      const answer = action.data?.['answer'];
      if (!postId || (answer !== 'in' && answer !== 'notForMe')) return asMessage('Unknown answer.');
      const outcome = await ports.acknowledge(tenantId, userId, postId, answer);
      return outcome.kind === 'updated'
        ? asCard(outcome.card)
        : asMessage('This message is no longer in LearnFit.');
    }
    if (verb === verbs.help)
      return asCard(helpCard(await ports.notificationsOn(tenantId, userId), ports.appLink));
    const on = verb === verbs.notificationsOn;
    await ports.setNotifications(tenantId, userId, on);
    return asCard(notificationsCard(on));
  });
}
