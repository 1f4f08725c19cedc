import type { CollectionRun } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { collectionRun } from '../test-fixtures/collection-run';
import { ApiError } from './client';
import {
  createCollectionStreamOpener,
  readCollectionEvents,
  readServerSentEvents,
} from './collection-events';

/** A body stream that delivers the given chunks one by one, as a network would. */
function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[index];
      index += 1;
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** A run in `state` at `phase`, as the API streams it. */
const run = (state: CollectionRun['state'], phase: string): CollectionRun =>
  collectionRun(state, { phase, done: 3, total: 10, etaSeconds: 42 });

describe('readServerSentEvents', () => {
  it('parses events split anywhere across chunks, with CRLF, CR and LF line ends', async () => {
    const text =
      'retry: 1000\r\n\r\nid: 1\r\nevent: progress\r\ndata: {"a":1}\r\n\r\nid: 2\revent: done\rdata: x\r\rdata: plain\n\n';
    const chunks = text
      .split('')
      .reduce<string[]>(
        (acc, ch, i) => (i % 3 === 0 ? [...acc, ch] : [...acc.slice(0, -1), `${acc.at(-1) ?? ''}${ch}`]),
        [],
      );
    const events = await collect(readServerSentEvents(streamOf(chunks)));
    expect(events).toEqual([
      { event: 'progress', data: '{"a":1}', id: '1' },
      { event: 'done', data: 'x', id: '2' },
      { event: 'message', data: 'plain', id: '2' },
    ]);
  });

  it('skips heartbeat comments, joins multi-line data and drops an event cut off by the end of the stream', async () => {
    const events = await collect(
      readServerSentEvents(
        streamOf([': heartbeat\n\n', 'data: one\ndata:two\n\n', 'event: progress\ndata: unfinished']),
      ),
    );
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo', id: '' }]);
  });

  it('keeps a CRLF split between two chunks as one line end', async () => {
    const events = await collect(readServerSentEvents(streamOf(['data: a\r', '\n\r', '\ndata: b\n\n'])));
    expect(events).toEqual([
      { event: 'message', data: 'a', id: '' },
      { event: 'message', data: 'b', id: '' },
    ]);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: Wiśniewski\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    expect(await collect(readServerSentEvents(stream))).toEqual([
      { event: 'message', data: 'Wiśniewski', id: '' },
    ]);
  });
});

describe('readCollectionEvents', () => {
  it('yields progress and done runs and skips what does not match the contract', async () => {
    const body = [
      `event: progress\ndata: ${JSON.stringify(run('running', 'messages'))}\n\n`,
      'event: progress\ndata: {not json\n\n',
      'event: progress\ndata: {"id":"run-1"}\n\n',
      `event: other\ndata: ${JSON.stringify(run('running', 'teams'))}\n\n`,
      `event: done\ndata: ${JSON.stringify(run('succeeded', 'assembling'))}\n\n`,
    ];
    const events = await collect(readCollectionEvents(streamOf(body)));
    expect(events.map((e) => [e.kind, e.run.state, e.run.progress?.phase])).toEqual([
      ['progress', 'running', 'messages'],
      ['done', 'succeeded', 'assembling'],
    ]);
  });
});

describe('createCollectionStreamOpener', () => {
  it('sends the bearer token in a header (EventSource cannot) and answers the body stream', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const open = createCollectionStreamOpener({
      baseUrl: 'https://api.example',
      getToken: () => Promise.resolve('tok'),
      fetch: (input, init) => {
        seen.push({ url: String(input), init });
        return Promise.resolve(
          new Response(streamOf(['data: x\n\n']), {
            headers: { 'Content-Type': 'text/event-stream; charset=utf-8' },
          }),
        );
      },
    });
    const stream = await open('run 1', new AbortController().signal);
    expect(await collect(readServerSentEvents(stream))).toEqual([{ event: 'message', data: 'x', id: '' }]);
    expect(seen[0]?.url).toBe('https://api.example/api/collections/run%201/events');
    expect(new Headers(seen[0]?.init?.headers).get('Authorization')).toBe('Bearer tok');
  });

  it('turns a problem answer into an ApiError with its code', async () => {
    const open = createCollectionStreamOpener({
      baseUrl: '',
      getToken: () => Promise.resolve('tok'),
      fetch: () =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              type: 'about:blank',
              title: 'No such collection run',
              status: 404,
              code: 'not_found',
            }),
            {
              status: 404,
              headers: { 'Content-Type': 'application/problem+json' },
            },
          ),
        ),
    });
    const failure = await open('x', new AbortController().signal).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('not_found');
    expect((failure as ApiError).status).toBe(404);
  });
});
