import { adaptiveCardType, type ConversationCard } from './card-kit';

/** Where a message goes: the connector of the conversation's region and the conversation. */
export interface MessageTarget {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly botId: string;
}

/** Thrown when the Bot Connector refused a message (not found, forbidden, throttled). */
export class ConnectorError extends Error {
  readonly code = 'connector_error';
  constructor(readonly status: number) {
    super(`The Bot Connector answered ${status}.`);
    this.name = 'ConnectorError';
  }
}

/** Sends and updates bot messages through the Bot Connector REST API. */
export interface BotMessenger {
  /** Posts a card (with optional text) and answers the new activity's id. */
  sendCard(target: MessageTarget, card: ConversationCard, text?: string): Promise<string>;
  /** Replaces a posted card in place. */
  updateCard(target: MessageTarget, activityId: string, card: ConversationCard): Promise<void>;
}

/** How the messenger authenticates: a Bot Framework token, or none (the demo's loopback connector). */
export interface MessengerOptions {
  readonly token: () => Promise<string | null>;
  readonly fetch?: typeof fetch;
}

function activitiesUrl(target: MessageTarget, activityId?: string): string {
  const base = target.serviceUrl.replace(/\/+$/, '');
  const conversation = encodeURIComponent(target.conversationId);
  return `${base}/v3/conversations/${conversation}/activities${activityId ? `/${encodeURIComponent(activityId)}` : ''}`;
}

/**
 * The outbound half of the bot: replies, proactive messages and card updates all go through here, to
 * the serviceUrl stored with each conversation (`POST`/`PUT {serviceUrl}/v3/conversations/{id}/activities`).
 */
export function createBotMessenger(options: MessengerOptions): BotMessenger {
  const send = options.fetch ?? fetch;
  const call = async (method: 'POST' | 'PUT', url: string, body: unknown): Promise<unknown> => {
    const token = await options.token();
    const response = await send(url, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new ConnectorError(response.status);
    }
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : {};
  };
  const activity = (target: MessageTarget, card: ConversationCard, text?: string) => ({
    type: 'message',
    from: { id: target.botId },
    conversation: { id: target.conversationId },
    ...(text ? { text } : {}),
    attachments: [{ contentType: adaptiveCardType, content: card }],
  });
  return {
    async sendCard(target, card, text) {
      const answer = (await call('POST', activitiesUrl(target), activity(target, card, text))) as {
        id?: unknown;
      };
      return typeof answer.id === 'string' ? answer.id : '';
    },
    async updateCard(target, activityId, card) {
      await call('PUT', activitiesUrl(target, activityId), { ...activity(target, card), id: activityId });
    },
  };
}
