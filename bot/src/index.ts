import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { Express } from 'express';
import { searchInitiatives, type SearchPorts } from './search';

export type { SearchPorts, SearchQuery, SearchResult } from './search';
export { initiativeCard, initiativeResult, type AdaptiveCard, type CardAttachment } from './cards';

/** The ports the bot and message extension use; the API supplies them. */
export type BotPorts = SearchPorts;

/** How the bot authenticates inbound activities. */
export interface BotOptions {
  readonly appId: string;
  readonly appPassword: string | null;
  readonly tenantId?: string;
  /** Accept activities without a Bot Framework signature. Only the demo may set this. */
  readonly dangerouslyAcceptUnsignedActivities: boolean;
}

/** The id of the search command in the app manifest. */
export const searchCommandId = 'searchInitiatives';

/**
 * Mounts the Teams SDK app on the given Express app at `POST /api/messages`. Outside the demo, the
 * SDK validates every activity's Bot Framework token against our bot id.
 */
export async function mountBot(expressApp: Express, ports: BotPorts, options: BotOptions): Promise<App> {
  if (!options.dangerouslyAcceptUnsignedActivities && !options.appPassword) {
    throw new Error(
      'The bot needs its app password unless unsigned activities are explicitly allowed (demo only).',
    );
  }
  const app = new App({
    httpServerAdapter: new ExpressAdapter(expressApp),
    clientId: options.appId,
    ...(options.appPassword ? { clientSecret: options.appPassword } : {}),
    ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    skipAuth: options.dangerouslyAcceptUnsignedActivities,
    messagingEndpoint: '/api/messages',
  });

  app.on('message.ext.query', async ({ activity }) => {
    const parameter =
      activity.value.parameters?.find((item) => item.name === 'query') ?? activity.value.parameters?.[0];
    const text = typeof parameter?.value === 'string' ? parameter.value : '';
    const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? null;
    const isOurCommand = !activity.value.commandId || activity.value.commandId === searchCommandId;
    return searchInitiatives(ports, {
      tenantId: isOurCommand ? tenantId : null,
      text,
      skip: activity.value.queryOptions?.skip ?? 0,
      count: activity.value.queryOptions?.count ?? 10,
    });
  });

  await app.initialize();
  return app;
}
