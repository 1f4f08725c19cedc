// Activities as Teams sends them to the messaging endpoint, for the bot's conversation tests.

/** Who and where an activity comes from. */
export interface ActivityScope {
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly userId: string;
  readonly userName?: string;
  readonly conversationId: string;
  readonly kind: 'personal' | 'channel' | 'groupChat';
  /** Channels: the team's Microsoft 365 group id and the channel id. */
  readonly teamId?: string;
  readonly channelId?: string;
}

/** The demo bot's id (the recipient of every activity). */
export const botAccountId = '28:00000000-0000-4000-8000-00000000b07d';

let counter = 0;

function base(scope: ActivityScope) {
  counter += 1;
  return {
    id: `activity-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: scope.serviceUrl,
    from: { id: `29:${scope.userId}`, name: scope.userName ?? 'Test user', aadObjectId: scope.userId },
    recipient: { id: botAccountId, name: 'LearnFit' },
    conversation: { id: scope.conversationId, conversationType: scope.kind, tenantId: scope.tenantId },
    channelData: {
      tenant: { id: scope.tenantId },
      ...(scope.kind === 'channel'
        ? {
            team: { id: `19:team-${scope.teamId ?? ''}@thread.tacv2`, aadGroupId: scope.teamId },
            channel: { id: scope.channelId ?? scope.conversationId },
          }
        : {}),
    },
    locale: 'en-US',
  };
}

/** `conversationUpdate` with the bot among the members added (or removed). */
export function botAdded(scope: ActivityScope, removed = false) {
  const members = [{ id: botAccountId }];
  return {
    ...base(scope),
    type: 'conversationUpdate',
    ...(removed ? { membersRemoved: members } : { membersAdded: members }),
  };
}

/** `installationUpdate` add or remove. */
export function installation(scope: ActivityScope, action: 'add' | 'remove') {
  return { ...base(scope), type: 'installationUpdate', action };
}

/** A message; in channels Teams puts the bot's mention into the text. */
export function message(scope: ActivityScope, text: string) {
  const mention = scope.kind === 'personal' ? '' : '<at>LearnFit</at> ';
  return {
    ...base(scope),
    type: 'message',
    text: `${mention}${text}`,
    ...(mention
      ? {
          entities: [
            { type: 'mention', text: '<at>LearnFit</at>', mentioned: { id: botAccountId, name: 'LearnFit' } },
          ],
        }
      : {}),
  };
}

/** The `adaptiveCard/action` invoke of an Action.Execute button. */
export function cardAction(scope: ActivityScope, verb: string, data: Record<string, string> = {}) {
  return {
    ...base(scope),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

/** POSTs an activity to the server's messaging endpoint. */
export async function postActivity(
  baseUrl: string,
  activity: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}
