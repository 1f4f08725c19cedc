import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { toChannelMessageRecord } from './channel-messages';

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
