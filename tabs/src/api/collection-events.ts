import { collectionRunSchema, problemSchema, type CollectionRun } from '@learnfit/core';
import { ApiError } from './client';

/** One server-sent event: its type (`message` when unnamed), data lines joined by `\n`, and last id. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string;
}

/** A run update from the collection event stream. */
export interface CollectionEvent {
  readonly kind: 'progress' | 'done';
  readonly run: CollectionRun;
}

/** Opens `GET /api/collections/:id/events` and answers the body stream. */
export type CollectionStreamOpener = (
  runId: string,
  signal: AbortSignal,
) => Promise<ReadableStream<Uint8Array>>;

/**
 * Reads a `text/event-stream` body as the HTML standard parses it: lines end with CRLF, LF or CR, a
 * blank line dispatches, `:` lines are comments (the heartbeat), and an event without data is dropped.
 */
export async function* readServerSentEvents(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastId = '';
  let pendingCr = false;

  function* takeLines(final: boolean): Generator<string> {
    let start = 0;
    for (let index = 0; index < buffer.length; index += 1) {
      const ch = buffer[index];
      if (ch !== '\n' && ch !== '\r') continue;
      if (ch === '\n' && pendingCr && index === start) {
        // The LF of a CRLF split across two chunks.
        pendingCr = false;
        start = index + 1;
        continue;
      }
      yield buffer.slice(start, index);
      pendingCr = ch === '\r' && index === buffer.length - 1;
      if (ch === '\r' && buffer[index + 1] === '\n') index += 1;
      start = index + 1;
    }
    buffer = buffer.slice(start);
    if (final && buffer !== '') {
      yield buffer;
      buffer = '';
    }
  }

  function field(line: string): ServerSentEvent | null {
    if (line === '') {
      const ready = data.length > 0 ? { event: event || 'message', data: data.join('\n'), id: lastId } : null;
      event = '';
      data = [];
      return ready;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
    else if (name === 'id' && !value.includes('\u0000')) lastId = value;
    return null;
  }

  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const line of takeLines(done)) {
        const ready = field(line);
        if (ready) yield ready;
      }
      // An event not ended by a blank line when the stream closes is dropped, as the standard says.
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The run updates of a collection event stream; events that do not match the contract are skipped. */
export async function* readCollectionEvents(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<CollectionEvent> {
  for await (const message of readServerSentEvents(stream)) {
    if (message.event !== 'progress' && message.event !== 'done') continue;
    let json: unknown;
    try {
      json = JSON.parse(message.data) as unknown;
    } catch {
      continue;
    }
    const run = collectionRunSchema.safeParse(json);
    if (run.success) yield { kind: message.event, run: run.data };
  }
}

/**
 * The stream opener for the real API. `EventSource` cannot send the bearer token the API requires on
 * every route, so the stream is read with fetch and a `ReadableStream`.
 */
export function createCollectionStreamOpener(options: {
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
}): CollectionStreamOpener {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return async (runId, signal) => {
    const token = await options.getToken();
    const response = await doFetch(`${options.baseUrl}/api/collections/${encodeURIComponent(runId)}/events`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      signal,
    });
    const type = response.headers.get('Content-Type') ?? '';
    if (response.ok && response.body && type.startsWith('text/event-stream')) return response.body;
    let body: unknown;
    try {
      body = (await response.json()) as unknown;
    } catch {
      body = undefined;
    }
    const problem = problemSchema.safeParse(body);
    if (problem.success)
      throw new ApiError({
        status: response.status,
        code: problem.data.code,
        title: problem.data.title,
        detail: problem.data.detail ?? null,
      });
    throw new ApiError({
      status: response.status,
      code: 'unexpected_status',
      title: `HTTP ${response.status} without an event stream`,
    });
  };
}
