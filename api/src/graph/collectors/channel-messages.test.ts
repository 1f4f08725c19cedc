import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { createRateGovernor } from '../pacing/governor';
import { channelUnit, collectChannelMessages, toChannelMessageRecord } from './channel-messages';
import { createMemoryJournal } from './journal';

const secret = 'Quarterly numbers are confidential';

const message: ChatMessage = {
  id: '1616965872395',
  replyToId: null,
  createdDateTime: '2026-11-20T10:00:00Z',
  subject: `Re: ${secret}`,
  summary: secret,
  body: { contentType: 'html', content: `<p>${secret} <at id="0">Jane</at></p>` },
  from: { user: { id: 'u1', displayName: 'Ann Author' } },
  mentions: [{ id: 0, mentionText: 'Jane', mentioned: { user: { id: 'u2', displayName: 'Jane' } } }],
  reactions: [
    { reactionType: 'like', createdDateTime: '2026-11-20T11:00:00Z', user: { user: { id: 'u3' } } },
  ],
  attachments: [{ name: `${secret}.docx` }],
};

describe('toChannelMessageRecord', () => {
  it('keeps ids, author, times, mentions and reactions and drops body, subject and names', () => {
    const record = toChannelMessageRecord(message, 't1', 'c1');
    expect(record).toEqual({
      id: '1616965872395',
      teamId: 't1',
      channelId: 'c1',
      replyToId: null,
      fromId: 'u1',
      createdAt: Date.parse('2026-11-20T10:00:00Z'),
      mentionIds: ['u2'],
      reactions: [{ userId: 'u3', createdAt: Date.parse('2026-11-20T11:00:00Z') }],
    });
    const text = JSON.stringify(record);
    for (const word of ['Quarterly', 'confidential', 'Ann', 'Jane', 'docx', 'html'])
      expect(text).not.toContain(word);
  });

  it('skips system events, which have no from.user', () => {
    expect(toChannelMessageRecord({ ...message, from: null }, 't1', 'c1')).toBeNull();
    expect(
      toChannelMessageRecord({ ...message, from: { application: { id: 'bot' } } }, 't1', 'c1'),
    ).toBeNull();
  });
});

describe('collectChannelMessages resuming from the journal', () => {
  const day = (n: number): string => new Date(Date.UTC(2026, 10, n, 9)).toISOString();
  const root = (id: string, n: number): ChatMessage => ({
    id,
    createdDateTime: day(n),
    lastModifiedDateTime: day(n),
    from: { user: { id: `u-${id}` } },
  });
  const first = '/teams/t1/channels/c1/messages?$top=50&$expand=replies';
  const pages: Record<string, { value: ChatMessage[]; '@odata.nextLink'?: string }> = {
    [first]: { value: [root('m3', 20)], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/page2' },
    'https://graph.microsoft.com/v1.0/page2': {
      value: [root('m2', 18)],
      '@odata.nextLink': 'https://graph.microsoft.com/v1.0/page3',
    },
    'https://graph.microsoft.com/v1.0/page3': { value: [root('m1', 2)] },
  };

  /** A client serving `pages`; `stale` links answer 400 as an expired skip token does. */
  function fakeClient(requested: string[], stale: ReadonlySet<string> = new Set()): Client {
    return {
      api: (url: string) => ({
        get: () => {
          requested.push(url);
          if (stale.has(url)) return Promise.reject(new GraphError(400, 'The skip token has expired.'));
          const page = pages[url];
          return page ? Promise.resolve(page) : Promise.reject(new GraphError(404, 'NotFound'));
        },
      }),
    } as unknown as Client;
  }
  // A virtual clock that only sleeping moves, so the per-channel limit passes at once.
  let time = 0;
  const governor = createRateGovernor({
    now: () => time,
    sleep: (ms) => {
      time += ms;
      return Promise.resolve();
    },
  });
  const windowStart = Date.parse('2026-11-10T00:00:00Z');

  it('continues from the saved next link and reads no page twice', async () => {
    const journal = createMemoryJournal();
    await journal.commit(
      channelUnit('t1', 'c1'),
      { state: 'next', link: 'https://graph.microsoft.com/v1.0/page2' },
      {
        messages: [toChannelMessageRecord(root('m3', 20), 't1', 'c1')!],
      },
    );
    const requested: string[] = [];
    await collectChannelMessages(fakeClient(requested), governor, journal, 't1', 'c1', windowStart);
    expect(requested).toEqual([
      'https://graph.microsoft.com/v1.0/page2',
      'https://graph.microsoft.com/v1.0/page3',
    ]);
    expect((await journal.messages()).map((message) => message.id).sort()).toEqual(['m1', 'm2', 'm3']);
    expect((await journal.units()).get(channelUnit('t1', 'c1'))).toEqual({ state: 'done', info: {} });
  });

  it('starts the channel over when the saved link has gone stale', async () => {
    const journal = createMemoryJournal();
    const expired = 'https://graph.microsoft.com/v1.0/page2?$skiptoken=from-yesterday';
    await journal.commit(channelUnit('t1', 'c1'), { state: 'next', link: expired });
    const requested: string[] = [];
    const stale = new Set([expired]);
    await expect(
      collectChannelMessages(fakeClient(requested, stale), governor, journal, 't1', 'c1', windowStart),
    ).resolves.toBeUndefined();
    expect(requested).toEqual([
      expired,
      first,
      'https://graph.microsoft.com/v1.0/page2',
      'https://graph.microsoft.com/v1.0/page3',
    ]);
    expect((await journal.messages()).map((message) => message.id).sort()).toEqual(['m1', 'm2', 'm3']);
  });
});
