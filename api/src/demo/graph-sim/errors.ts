// Graph's error envelope and the handful of errors the simulator raises.

/** An error answered in Graph's envelope: {"error":{"code","message","innerError":{…}}}. */
export class GraphSimError extends Error {
  /** status: HTTP status; code: Graph's error code; headers: extra response headers. */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphSimError';
  }
}

/** The request and client request ids a response carries. */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Graph writes innerError.date without a zone designator or fraction, e.g. 2025-02-13T10:17:05. */
export function graphDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

/** The JSON body of a Graph error; `inner` adds service-specific innerError fields (e.g. a 429's code). */
export function errorEnvelope(
  code: string,
  message: string,
  ids: RequestIds,
  now: Date,
  inner: Readonly<Record<string, string>> = {},
): object {
  return {
    error: {
      code,
      message,
      innerError: {
        ...inner,
        date: graphDate(now),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** 400 Request_UnsupportedQuery. */
export const unsupportedQuery = (message: string): GraphSimError =>
  new GraphSimError(400, 'Request_UnsupportedQuery', message);

/** 400 BadRequest. */
export const badRequest = (message: string): GraphSimError => new GraphSimError(400, 'BadRequest', message);

/** 404 for a path segment the simulator does not know. */
export const unknownSegment = (segment: string): GraphSimError =>
  new GraphSimError(404, 'UnknownError', `Resource not found for the segment '${segment}'.`);

/** 404 Request_ResourceNotFound for a directory object (a user id, or 'manager'). */
export const directoryNotFound = (what: string): GraphSimError =>
  new GraphSimError(
    404,
    'Request_ResourceNotFound',
    `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** 405 for a method the path does not support. */
export const methodNotAllowed = (): GraphSimError =>
  new GraphSimError(
    405,
    'Request_BadRequest',
    'Specified HTTP method is not allowed for the request target.',
  );

/** 403 for directory and report calls without a sufficient permission. */
export const insufficientPrivileges = (): GraphSimError =>
  new GraphSimError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

/** The header Graph sends with a 401. */
export const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

/** 401 InvalidAuthenticationToken; an empty token and a bad token get different messages. */
export const invalidToken = (missing: boolean): GraphSimError =>
  new GraphSimError(
    401,
    'InvalidAuthenticationToken',
    missing ? 'Access token is empty.' : 'Access token validation failure.',
    { 'WWW-Authenticate': WWW_AUTHENTICATE },
  );
