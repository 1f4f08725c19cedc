// @vitest-environment jsdom
import type { ChangePlanPostRequest } from '@learnfit/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiRequest } from '../../../api/client';
import { tableRows } from '../../../components/charts/chart-test-utils';
import type { ChannelPlacement } from '../../../teams/host';
import { diagnosticsFixture } from '../../../test-fixtures/diagnostics-response';
import { renderWithClient, routedClient, type FakeAnswer } from '../diagnostics-test-utils';
import ChangePlanView from './ChangePlanView';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const id = diagnosticsFixture.initiative.id;
const postsKey = `/api/initiatives/${id}/change-plan/posts`;
const placement: ChannelPlacement = {
  teamId: '19:team@thread.tacv2',
  groupId: '70f7e500-b79f-4b02-a75d-a009d8857780',
  teamName: 'Sales & Customer Success',
  channelId: '19:general@thread.tacv2',
  channelName: 'General',
};
const post = (messageId: string, audience: string, postedAt: string) => ({
  id: `post-${messageId}`,
  messageId,
  audience,
  teamId: placement.groupId ?? '',
  channelId: placement.channelId ?? '',
  postedAt,
  counts: { in: 4, notForMe: 1 },
});

function setup(
  routes: Record<string, FakeAnswer | ((call: ApiRequest<unknown>) => FakeAnswer)>,
  where: ChannelPlacement | null,
) {
  const fake = routedClient(routes);
  renderWithClient(fake.client, <ChangePlanView data={diagnosticsFixture} placement={where} />);
  return fake;
}

describe('ChangePlanView', () => {
  it('shows the plan’s size, its actions on a timeline by ADKAR stage, and the messages per segment', async () => {
    setup({ [`GET ${postsKey}`]: { ok: { posts: [] } } }, null);
    expect(screen.getByText('A light plan')).toBeTruthy();
    const rows = tableRows(screen.getByTestId('plan-timeline'));
    expect(rows[0]).toEqual(['Week −2', 'Awareness', 'Sponsor', 'The sponsor says why', 'Viva Engage']);
    expect(rows).toHaveLength(7);
    const messages = within(screen.getByTestId('plan-messages')).getAllByRole('article');
    expect(messages.map((message) => message.getAttribute('aria-label'))).toEqual([
      'Peer learning for customer conversations: what changes for Sales',
      'Peer learning for customer conversations: what changes for Everyone else in the group',
    ]);
    expect(await screen.findByText('No cards have been posted yet.')).toBeTruthy();
  });

  it('lists posted cards with their answers, and says so when this server cannot post', async () => {
    setup(
      {
        [`GET ${postsKey}`]: {
          ok: { posts: [post('message:department:Sales', 'Sales', '2026-12-01T09:00:00Z')] },
        },
      },
      null,
    );
    const posted = await screen.findByTestId('posted-cards');
    await waitFor(() => expect(posted.textContent).toContain('I’m in: 4 · Not for me: 1'));
    cleanup();
    setup(
      { [`GET ${postsKey}`]: { error: new ApiError({ status: 404, code: 'not_found', title: 'x' }) } },
      null,
    );
    expect(
      await screen.findByText('Posting cards is not available on this LearnFit server yet.'),
    ).toBeTruthy();
  });

  it('saves the actions and messages as a CSV file', async () => {
    setup({ [`GET ${postsKey}`]: { ok: { posts: [] } } }, null);
    let saved: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:plan';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('change-plan-peer-learning-for-customer-conversations.csv');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(click).toHaveBeenCalledTimes(1);
    const text = (await saved?.text()) ?? '';
    expect(text).toContain('Kind,Week,Date,ADKAR stage,Owner,Channel,Audience,Title,Text');
    expect(text).toContain('The sponsor says why');
  });

  it('opens a print view that prints and closes again', () => {
    setup({ [`GET ${postsKey}`]: { ok: { posts: [] } } }, null);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Print view' }));
    expect(screen.getByTestId('change-plan-print').textContent).toContain('The sponsor says why');
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close print view' }));
    expect(screen.getByTestId('plan-timeline')).toBeTruthy();
  });

  it('posts the chosen messages to the current channel and shows the new cards', async () => {
    let sent: ChangePlanPostRequest | undefined;
    let listed = 0;
    const { calls } = setup(
      {
        [`GET ${postsKey}`]: () => {
          listed += 1;
          return {
            ok: {
              posts: listed > 1 ? [post('message:department:Sales', 'Sales', '2026-12-01T09:00:00Z')] : [],
            },
          };
        },
        [`POST ${postsKey}`]: (call) => {
          sent = call.body as ChangePlanPostRequest;
          return { ok: { posts: [post('message:department:Sales', 'Sales', '2026-12-01T09:00:00Z')] } };
        },
      },
      placement,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Post to channel' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('post-channel').textContent).toMatch(/This channel: General/);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Everyone else in the group (36)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Post' }));
    expect((await screen.findByTestId('posted-confirmation')).textContent).toBe('1 cards were posted.');
    expect(sent).toEqual({
      teamId: placement.groupId,
      channelId: placement.channelId,
      messageIds: ['message:department:Sales'],
    });
    await waitFor(() => expect(screen.getByTestId('posted-cards').textContent).toContain('Sales'));
    expect(calls.filter((call) => call.method === undefined && call.path === postsKey)).toHaveLength(2);
  });

  it('explains how to post when the tab does not run in a channel, and finds teams by name', async () => {
    const found = {
      id: 'team-1',
      displayName: 'Sales & Customer Success',
      description: null,
      mail: null,
      visibility: 'Public',
    };
    setup(
      {
        [`GET ${postsKey}`]: { ok: { posts: [] } },
        'GET /api/directory/teams': (call) => {
          expect(call.path).toBe('/api/directory/teams?q=sal');
          return { ok: { items: [found] } };
        },
      },
      null,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Post to channel' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('post-channel').textContent).toMatch(
      /can post only to a channel it runs in/,
    );
    expect((within(dialog).getByRole('button', { name: 'Post' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(within(dialog).getByRole('combobox'), { target: { value: 'sal' } });
    fireEvent.click(within(dialog).getByRole('combobox'));
    expect(await screen.findByRole('option', { name: 'Sales & Customer Success' })).toBeTruthy();
  });

  it('says so when this server cannot post cards yet', async () => {
    setup(
      {
        [`GET ${postsKey}`]: { ok: { posts: [] } },
        [`POST ${postsKey}`]: { error: new ApiError({ status: 404, code: 'not_found', title: 'x' }) },
      },
      placement,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Post to channel' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Post' }));
    expect((await within(dialog).findByTestId('post-unavailable')).textContent).toBe(
      'Posting cards is not available on this LearnFit server yet.',
    );
  });

  it('shows why posting failed when the API refuses', async () => {
    setup(
      {
        [`GET ${postsKey}`]: { ok: { posts: [] } },
        [`POST ${postsKey}`]: { error: new ApiError({ status: 403, code: 'forbidden', title: 'No' }) },
      },
      placement,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Post to channel' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Post' }));
    expect((await within(dialog).findByTestId('tab-error')).getAttribute('data-error-code')).toBe(
      'forbidden',
    );
  });
});
