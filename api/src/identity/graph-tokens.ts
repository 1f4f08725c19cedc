import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  LogLevel,
  ServerError,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import type { FetchLike } from '../graph/transport';
import { ConsentRequiredError } from './auth-error';

/** Tokens for Microsoft Graph: app-only per tenant, or on behalf of a signed-in user. */
export interface GraphTokens {
  /** An app-only token (client credentials) for tenant-wide reads such as usage reports. */
  forApp(tenantId: string): Promise<string>;
  /** A delegated token obtained on behalf of the user whose SSO token is given. */
  forUser(tenantId: string, ssoToken: string, scopes: readonly string[]): Promise<string>;
}

/** Options for msal-backed Graph tokens. */
export interface MsalGraphTokensOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly fetch: FetchLike;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** msal's network seam, backed by LearnFit's transport so demo mode can route login traffic locally. */
export function createMsalNetworkClient(send: FetchLike): INetworkModule {
  async function request<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const init: RequestInit = { method };
    if (options?.headers) init.headers = options.headers;
    if (options?.body !== undefined) init.body = options.body;
    const response = await send(url, init);
    const text = await response.text();
    return {
      headers: Object.fromEntries(response.headers.entries()),
      body: (text.length > 0 ? JSON.parse(text) : {}) as T,
      status: response.status,
    };
  }
  return {
    sendGetRequestAsync: (url, options) => request('GET', url, options),
    sendPostRequestAsync: (url, options) => request('POST', url, options),
  };
}

/**
 * Graph tokens from msal-node, one confidential client per tenant (LearnFit is multi-tenant: each
 * customer's users are exchanged against their own tenant's authority). msal caches tokens in memory.
 */
export function createMsalGraphTokens(options: MsalGraphTokensOptions): GraphTokens {
  const clients = new Map<string, ConfidentialClientApplication>();
  const networkClient = createMsalNetworkClient(options.fetch);
  const level = {
    debug: LogLevel.Verbose,
    info: LogLevel.Warning,
    warn: LogLevel.Warning,
    error: LogLevel.Error,
    silent: LogLevel.Error,
  }[options.logLevel];

  function clientFor(tenantId: string): ConfidentialClientApplication {
    let client = clients.get(tenantId);
    if (!client) {
      client = new ConfidentialClientApplication({
        auth: {
          clientId: options.clientId,
          clientSecret: options.clientSecret,
          authority: `https://login.microsoftonline.com/${tenantId}`,
        },
        system: {
          networkClient,
          loggerOptions: {
            logLevel: level,
            piiLoggingEnabled: false,
            loggerCallback: (_level, message) => {
              if (options.logLevel !== 'silent') console.warn(`[msal] ${message}`);
            },
          },
        },
      });
      clients.set(tenantId, client);
    }
    return client;
  }

  return {
    async forApp(tenantId) {
      const result = await clientFor(tenantId).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      });
      if (!result?.accessToken) throw new Error('Client credentials returned no access token.');
      return result.accessToken;
    },
    async forUser(tenantId, ssoToken, scopes) {
      const graphScopes = scopes.map((scope) => `https://graph.microsoft.com/${scope}`);
      try {
        const result = await clientFor(tenantId).acquireTokenOnBehalfOf({
          oboAssertion: ssoToken,
          scopes: graphScopes,
        });
        if (!result?.accessToken) throw new Error('On-behalf-of returned no access token.');
        return result.accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) throw new ConsentRequiredError(scopes);
        if (error instanceof ServerError && error.errorCode === 'invalid_grant')
          throw new ConsentRequiredError(scopes);
        throw error;
      }
    },
  };
}
