import {
  AuthenticationHandler,
  Client,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { FetchLike } from './transport';

/** Supplies a bearer token for Graph; one per caller (app-only or on behalf of a user). */
export type AccessTokenSource = () => Promise<string>;

/**
 * The last link of the Graph middleware chain: sends the request through LearnFit's transport.
 * In production the transport is plain fetch; in demo mode it routes Microsoft's hosts to simulators.
 */
class TransportHandler implements Middleware {
  constructor(private readonly send: FetchLike) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.send(context.request, context.options);
  }
}

/** Options for a Graph client. */
export interface GraphClientOptions {
  readonly fetch: FetchLike;
  readonly accessToken: AccessTokenSource;
  /** Upper bound for Retry-After waits; tests shorten it. */
  readonly maxRetries?: number;
}

/**
 * Builds a Graph client with the SDK's standard chain (auth, retry honouring Retry-After, redirect,
 * telemetry) ending in the transport. The same code path runs in production and in demo mode.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const authentication = new AuthenticationHandler({ getAccessToken: options.accessToken });
  const retry = new RetryHandler(new RetryHandlerOptions(3, options.maxRetries ?? 3));
  const redirect = new RedirectHandler(new RedirectHandlerOptions());
  const telemetry = new TelemetryHandler();
  const transport = new TransportHandler(options.fetch);
  authentication.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(telemetry);
  telemetry.setNext(transport);
  return Client.initWithMiddleware({ middleware: authentication, defaultVersion: 'v1.0' });
}
