/** A request body sent as is with its own media type (a CSV upload, say). */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly text: string,
  ) {}
}

/**
 * Calls the API as a signed-in user; a string body is sent as is (for malformed JSON), a `RawBody` with
 * its media type, anything else as JSON.
 */
export function callApi(
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Response> {
  if (body instanceof RawBody)
    return fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': body.contentType },
      body: body.text,
    });
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
