// Turns a simulator response into what goes on the wire: request ids, content types, error envelopes.
import type { SimResponse } from './context';
import { errorEnvelope, type RequestIds } from './errors';

/** Content type of Graph's JSON answers. */
export const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** A response ready for the wire: status, headers (with request ids) and a body. */
export interface Rendered {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | object | undefined;
}

/** Adds request ids and content types, and turns errors into Graph's envelope. */
export function render(res: SimResponse, ids: RequestIds, now: Date): Rendered {
  const headers: Record<string, string> = {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    ...res.headers,
  };
  if (res.error) {
    headers['Content-Type'] = 'application/json';
    return {
      status: res.status,
      headers,
      body: errorEnvelope(res.error.code, res.error.message, ids, now, res.error.inner),
    };
  }
  if (res.json !== undefined) {
    headers['Content-Type'] ??= GRAPH_JSON;
    headers['OData-Version'] = '4.0';
    return { status: res.status, headers, body: res.json as object };
  }
  return { status: res.status, headers, body: res.bytes ?? res.text };
}
