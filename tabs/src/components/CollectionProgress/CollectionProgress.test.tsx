// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { CollectionRun } from '@learnfit/core';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient, type ApiRequest } from '../../api/client';
import type { CollectionStreamOpener } from '../../api/collection-events';
import { CollectionStreamProvider } from '../../api/collection-stream-context';
import { collectionRun } from '../../test-fixtures/collection-run';
import { fakeClient } from '../../test-fixtures/fake-client';
import { CollectionProgress, CollectionProgressView } from './CollectionProgress';

afterEach(cleanup);

const fast = { pollMs: 5, reconnectMs: 5, maxStreamFailures: 2 };

function wrap(
  children: ReactNode,
  client: ApiClient = fakeClient({}),
  open: CollectionStreamOpener | null = null,
) {
  return (
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <CollectionStreamProvider open={open}>{children}</CollectionStreamProvider>
      </ApiClientProvider>
    </FluentProvider>
  );
}

function sse(events: ReadonlyArray<[string, CollectionRun]>): ReadableStream<Uint8Array> {
  const text = events.map(([event, run]) => `event: ${event}\ndata: ${JSON.stringify(run)}\n\n`).join('');
  return new Response(text).body ?? new ReadableStream();
}

const bar = () => screen.getByTestId('collection-progress');

describe('CollectionProgressView', () => {
  it('shows the phase, the steps and the time left of a running collection', () => {
    const run = collectionRun('running', { phase: 'messages', done: 3, total: 10, etaSeconds: 42 });
    render(wrap(<CollectionProgressView run={run} transport="stream" />));
    expect(bar().getAttribute('data-phase')).toBe('messages');
    expect(bar().textContent).toMatch(/Reading channel messages/);
    expect(screen.getByTestId('collection-steps').textContent).toBe('3 of 10 steps');
    expect(screen.getByTestId('collection-time-left').textContent).toBe('About 42 s left');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.3');
  });

  it('rounds longer estimates to minutes and hours', () => {
    const { rerender } = render(
      wrap(
        <CollectionProgressView
          run={collectionRun('running', { phase: 'reports', done: 1, total: 4, etaSeconds: 541 })}
          transport="stream"
        />,
      ),
    );
    expect(screen.getByTestId('collection-time-left').textContent).toBe('About 10 min left');
    rerender(
      wrap(
        <CollectionProgressView
          run={collectionRun('running', { phase: 'reports', done: 1, total: 4, etaSeconds: 3900 })}
          transport="stream"
        />,
      ),
    );
    expect(screen.getByTestId('collection-time-left').textContent).toBe('About 1 h 5 min left');
  });

  it('says it is estimating while the total and the time left are unknown', () => {
    render(
      wrap(
        <CollectionProgressView
          run={collectionRun('running', { phase: 'directory', done: 2, total: null, etaSeconds: null })}
          transport="polling"
        />,
      ),
    );
    expect(screen.getByTestId('collection-steps').textContent).toBe('2 steps done');
    expect(screen.getByTestId('collection-time-left').textContent).toBe('Estimating the time left…');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    expect(bar().textContent).toMatch(/checks every few seconds/);
  });

  it('says the run waits for the report limit and counts the wait into the time left', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      vi.setSystemTime(new Date('2026-11-30T10:20:00.000Z'));
      // At "70 of 73 steps" the pace alone says a second is left; the quota frees in nine minutes.
      const run = collectionRun('running', {
        phase: 'reports',
        done: 70,
        total: 73,
        etaSeconds: 1,
        waitingFor: 'reportQuota',
        waitingUntil: '2026-11-30T10:29:00.000Z',
      });
      render(wrap(<CollectionProgressView run={run} transport="stream" />));
      expect(screen.getByTestId('collection-steps').textContent).toBe('70 of 73 steps');
      expect(screen.getByTestId('collection-waiting').textContent).toBe(
        "Waiting for Microsoft 365's report limit — about 9 min",
      );
      expect(screen.getByTestId('collection-time-left').textContent).toBe('About 10 min left');
      // No update arrives while the run waits: the countdown moves on the tab's own clock.
      act(() => {
        vi.advanceTimersByTime(8 * 60_000 + 30_000);
      });
      expect(screen.getByTestId('collection-waiting').textContent).toBe(
        "Waiting for Microsoft 365's report limit — about 30 s",
      );
      expect(screen.getByTestId('collection-time-left').textContent).toBe('About 31 s left');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows no wait once the server says the run works again', () => {
    const run = collectionRun('running', { phase: 'reports', done: 71, total: 73, etaSeconds: 2 });
    render(wrap(<CollectionProgressView run={run} transport="stream" />));
    expect(screen.queryByTestId('collection-waiting')).toBeNull();
    expect(screen.getByTestId('collection-time-left').textContent).toBe('About 2 s left');
  });

  it('names queued, failed and cancelled runs', () => {
    const { rerender } = render(
      wrap(<CollectionProgressView run={collectionRun('queued')} transport="stream" />),
    );
    expect(bar().getAttribute('data-phase')).toBe('queued');
    expect(bar().textContent).toMatch(/Waiting to start/);
    rerender(wrap(<CollectionProgressView run={collectionRun('failed')} transport="idle" />));
    expect(bar().getAttribute('data-phase')).toBe('failed');
    expect(screen.getByTestId('collection-final').textContent).toBe(
      'The collection failed: Microsoft Graph refused to list the directory (403).',
    );
    rerender(wrap(<CollectionProgressView run={collectionRun('cancelled')} transport="idle" />));
    expect(screen.getByTestId('collection-final').textContent).toMatch(/cancelled/);
  });
});

describe('CollectionProgress', () => {
  it('follows the event stream to the end and reports the finished run', async () => {
    const open = vi.fn<CollectionStreamOpener>(() =>
      Promise.resolve(
        sse([
          ['progress', collectionRun('running', { phase: 'teams', done: 1, total: 9, etaSeconds: 80 })],
          ['done', collectionRun('succeeded', { phase: 'assembling', done: 9, total: 9, etaSeconds: 0 })],
        ]),
      ),
    );
    const onFinish = vi.fn();
    render(
      wrap(
        <CollectionProgress run={collectionRun('queued')} onFinish={onFinish} timing={fast} />,
        fakeClient({}),
        open,
      ),
    );
    await waitFor(() => expect(bar().getAttribute('data-phase')).toBe('succeeded'));
    expect(onFinish).toHaveBeenCalledWith(
      expect.objectContaining({ state: 'succeeded', snapshotId: 'snap-1' }),
    );
    expect(open).toHaveBeenCalledWith('run-1', expect.any(AbortSignal));
  });

  it('polls GET /api/collections/:id when the stream cannot be opened', async () => {
    const open = vi.fn<CollectionStreamOpener>(() =>
      Promise.reject(new ApiError({ status: 0, code: 'network_error', title: 'down' })),
    );
    const answers = [
      collectionRun('running', { phase: 'reports', done: 5, total: 9, etaSeconds: 30 }),
      collectionRun('succeeded', { phase: 'assembling', done: 9, total: 9, etaSeconds: 0 }),
    ];
    const request = vi.fn((call: ApiRequest<unknown>) => {
      expect(call.path).toBe('/api/collections/run-1');
      return Promise.resolve(answers.length > 1 ? answers.shift() : answers[0]);
    });
    const onFinish = vi.fn();
    render(
      wrap(
        <CollectionProgress run={collectionRun('running', null)} onFinish={onFinish} timing={fast} />,
        fakeClient({ request: request as ApiClient['request'] }),
        open,
      ),
    );
    await waitFor(() => expect(onFinish).toHaveBeenCalledOnce());
    expect(open).toHaveBeenCalledTimes(2);
    expect(bar().getAttribute('data-phase')).toBe('succeeded');
  });

  it('shows a finished run as it is, without following it', () => {
    const open = vi.fn<CollectionStreamOpener>();
    render(wrap(<CollectionProgress run={collectionRun('cancelled')} timing={fast} />, fakeClient({}), open));
    expect(bar().getAttribute('data-phase')).toBe('cancelled');
    expect(open).not.toHaveBeenCalled();
  });
});
