import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { Express } from 'express';
import { openFitCheck, quickFitCheckCommandId, submitFitCheck } from './message-extension/action';
import { userOf } from './message-extension/identity';
import { readMembers, rosterConversationId } from './message-extension/roster';
import { searchReports } from './message-extension/search';
import { unfurlLink } from './message-extension/unfurl';
import type { MessageExtensionPorts } from './ports';
import { registerConversation, type ConversationPorts } from './conversation/index';

export type * from './ports';
export { diagnosticViews, diagnosticOfView } from './ports';
export { reportLinks, tabLinks, targetOfUrl, type ReportLinks } from './links';
export { cardBytes, maxCardBytes, type AdaptiveCard, type CardAttachment } from './cards/common';
export { fitTemplates, featuresFromForm, templatesInMessage } from './fit-templates';
export { biggestGaps, fitFormCard, fitOutcomeAttachment } from './cards/fit-card';
export { quickFitCheckCommandId } from './message-extension/action';
// B2: the conversation (welcome, commands, proactive messages, change-plan cards).
export * from './conversation/index';

/** The ports the bot and message extension use; the API supplies them. */
export type BotPorts = MessageExtensionPorts & ConversationPorts;

/** How the bot authenticates inbound activities. */
export interface BotOptions {
  readonly appId: string;
  readonly appPassword: string | null;
  readonly tenantId?: string;
  /** Accept activities without a Bot Framework signature. Only the demo may set this. */
  readonly dangerouslyAcceptUnsignedActivities: boolean;
  /**
   * Where the Bot Framework's OpenID metadata lives (its signing keys are read from the same folder,
   * `…/keys`). Default: the public cloud's. Tests point it at a loopback server.
   */
  readonly openIdMetadataUrl?: string;
}

/** The id of the search command in the app manifest. */
export const searchCommandId = 'searchInitiatives';

/**
 * The bearer token the demo sends to the connector (roster reads). The demo has no Azure Bot: its
 * activities come from the host emulator or tests, whose `serviceUrl` is a local fake connector. The SDK
 * decodes bot tokens as JWTs, so this is an unsigned JWT (`alg: none`) that no real service accepts.
 */
const demoConnectorToken = [
  { alg: 'none', typ: 'JWT' },
  { iss: 'learnfit-demo', aud: 'learnfit-demo-connector', exp: 4_102_444_800 },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('unsigned')
  .join('.');

/**
 * The SDK's app without its per-activity user-token lookup. Teams SDK 2.0.9 asks the Bot Framework
 * token service for the sender's OAuth token on every activity (and ignores a failure); LearnFit
 * configures no bot sign-in, so that call can only fail, and it cost a network round trip (seconds
 * offline, where name resolution times out) on every search and unfurl.
 */
class LearnFitApp extends App {
  protected override getUserToken(): Promise<string> {
    return Promise.reject(new Error('LearnFit uses no bot sign-in.'));
  }
}

/**
 * Mounts the Teams SDK app on the given Express app at `POST /api/messages`. Outside the demo, the
 * SDK validates every activity's Bot Framework token (issuer `https://api.botframework.com`, audience
 * our bot id, signing keys from the Bot Framework's OpenID metadata, `serviceurl` claim equal to the
 * activity's) and answers 401 before any handler runs.
 */
export async function mountBot(expressApp: Express, ports: BotPorts, options: BotOptions): Promise<App> {
  const unsigned = options.dangerouslyAcceptUnsignedActivities;
  if (!unsigned && !options.appPassword) {
    throw new Error(
      'The bot needs its app password unless unsigned activities are explicitly allowed (demo only).',
    );
  }
  const app = new LearnFitApp({
    httpServerAdapter: new ExpressAdapter(expressApp),
    clientId: options.appId,
    ...(options.appPassword
      ? { clientSecret: options.appPassword }
      : { token: () => Promise.resolve(demoConnectorToken) }),
    ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    ...(options.openIdMetadataUrl
      ? { cloud: withOverrides(PUBLIC, { openIdMetadataUrl: options.openIdMetadataUrl }) }
      : {}),
    // Teams SDK 2.0.9 calls this switch `skipAuth` (later versions: dangerouslyAllowUnauthenticatedRequests).
    skipAuth: unsigned,
    messagingEndpoint: '/api/messages',
  });

  app.on('message.ext.query', async ({ activity }) => {
    if (activity.value.commandId && activity.value.commandId !== searchCommandId)
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
    const parameter =
      activity.value.parameters?.find((item) => item.name === 'query') ?? activity.value.parameters?.[0];
    const text = typeof parameter?.value === 'string' ? parameter.value : '';
    return searchReports(ports, await userOf(ports, activity), {
      text,
      skip: activity.value.queryOptions?.skip ?? 0,
      count: activity.value.queryOptions?.count ?? 10,
    });
  });

  app.on('message.ext.query-link', async ({ activity }) =>
    unfurlLink(
      ports,
      await userOf(ports, activity),
      typeof activity.value.url === 'string' ? activity.value.url : '',
    ),
  );

  app.on('message.ext.open', ({ activity }) => {
    if (activity.value.commandId !== quickFitCheckCommandId) return Promise.resolve({});
    const content = activity.value.messagePayload?.body?.content;
    return Promise.resolve(
      openFitCheck({
        commandContext: activity.value.commandContext,
        messageContent: typeof content === 'string' ? content : null,
      }),
    );
  });

  app.on('message.ext.submit', async ({ activity, api }) => {
    if (activity.value.commandId !== quickFitCheckCommandId) return {};
    const data: unknown = activity.value.data;
    const conversationId = rosterConversationId(activity.conversation.id, activity.channelData?.team?.id);
    return submitFitCheck(
      ports,
      await userOf(ports, activity),
      data && typeof data === 'object' ? data : {},
      () =>
        readMembers({
          getPaged: (pageSize, token) => api.conversations.members(conversationId).getPaged(pageSize, token),
        }),
    );
  });

  // B2: welcome, commands, notifications opt-out and the change-plan card buttons.
  registerConversation(app, ports);

  await app.initialize();
  return app;
}
