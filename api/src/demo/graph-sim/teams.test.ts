import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelMemberIds, generateTenant } from '../tenant/generate';
import type { DemoTeam } from '../tenant/model';
import { syntheticText } from './chat-message';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const byId = new Map(tenant.users.map((u) => [u.id, u]));
const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId) as DemoTeam;
const general = team.channels[0];
const privateChannel = team.channels.find((c) => c.membershipType === 'private');
let sim: TestSimulator;

interface Message {
  id: string;
  replyToId: string | null;
  createdDateTime: string;
  body: { contentType: string; content: string };
  mentions: { id: number; mentionText: string; mentioned: { user: { id: string } } }[];
  reactions: { reactionType: string; user: { user: { id: string } } }[];
  from: { user: { id: string; displayName: string } };
  'replies@odata.count'?: number;
  replies?: Message[];
}
interface Page<T> {
  '@odata.count': number;
  '@odata.nextLink'?: string;
  value: T[];
}

async function get<T>(url: string, token = 'app'): Promise<{ status: number; body: T }> {
  const res = await sim.fetch(url, { token });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

describe('teams, channels and messages', () => {
  it('lists channels with Graph property names', async () => {
    const { body } = await get<Page<Record<string, unknown>>>(`/v1.0/teams/${team.id}/channels`);
    expect(body.value.map((c) => c['id'])).toEqual(team.channels.map((c) => c.id));
    expect(body['@odata.count']).toBe(team.channels.length);
    expect(body.value[0]).toMatchObject({
      displayName: 'General',
      membershipType: 'standard',
      tenantId: tenant.tenantId,
    });
    const priv = await get<Page<Record<string, unknown>>>(
      `/v1.0/teams/${team.id}/channels?$filter=membershipType eq 'private'`,
    );
    expect(priv.body.value.every((c) => c['membershipType'] === 'private')).toBe(true);
  });

  it('pages root messages newest first and matches the tenant, replies included', async () => {
    const roots = tenant.messages.filter((m) => m.channelId === general?.id && m.replyToId === null);
    const seen: Message[] = [];
    let url: string | undefined =
      `/v1.0/teams/${team.id}/channels/${general?.id}/messages?$top=50&$expand=replies`;
    while (url) {
      const { body }: { body: Page<Message> } = await get<Page<Message>>(url);
      expect(body.value.length).toBeLessThanOrEqual(50);
      seen.push(...body.value);
      url = body['@odata.nextLink'];
      if (url)
        expect(url.startsWith(`https://graph.microsoft.com/v1.0/teams/${team.id}/channels/`)).toBe(true);
    }
    expect(seen.map((m) => m.id)).toEqual(roots.map((m) => m.id).reverse());
    for (const m of seen) {
      const replies = tenant.messages.filter((r) => r.replyToId === m.id);
      expect(m['replies@odata.count']).toBe(replies.length);
      expect(m.replies?.map((r) => r.id).sort()).toEqual(replies.map((r) => r.id).sort());
    }
    const first = await get<Page<Message>>(`/v1.0/teams/${team.id}/channels/${general?.id}/messages`);
    expect(first.body.value).toHaveLength(Math.min(20, roots.length));
    expect(first.body.value[0]?.replies).toBeUndefined();
    expect((await get(`/v1.0/teams/${team.id}/channels/${general?.id}/messages?$top=51`)).status).toBe(400);
  });

  it('renders mentions, reactions and a synthetic body', async () => {
    const m = tenant.messages.find(
      (x) =>
        x.teamId === team.id && x.replyToId === null && x.mentionIds.length > 0 && x.reactions.length > 0,
    );
    expect(m).toBeDefined();
    if (!m) return;
    const { body } = await get<Message>(`/v1.0/teams/${team.id}/channels/${m.channelId}/messages/${m.id}`);
    const mentioned = byId.get(m.mentionIds[0] ?? '');
    expect(body.body.contentType).toBe('html');
    expect(body.body.content).toContain(`<at id="0">${mentioned?.displayName}</at>`);
    expect(body.body.content).toContain(syntheticText(tenant.seed, m));
    expect(body.mentions[0]).toMatchObject({
      id: 0,
      mentionText: mentioned?.displayName,
      mentioned: { user: { id: mentioned?.id } },
    });
    expect(body.reactions.map((r) => r.user.user.id)).toEqual(m.reactions.map((r) => r.userId));
    expect(body.from.user.displayName).toBe(byId.get(m.fromUserId ?? '')?.displayName);
  });

  it('lists replies newest first with $top up to 50', async () => {
    const root = tenant.messages.find(
      (m) => m.teamId === team.id && tenant.messages.filter((r) => r.replyToId === m.id).length >= 2,
    );
    if (!root) throw new Error('no thread with two replies');
    const replies = tenant.messages.filter((r) => r.replyToId === root.id).reverse();
    const base = `/v1.0/teams/${team.id}/channels/${root.channelId}/messages/${root.id}/replies`;
    const one = await get<Page<Message>>(`${base}?$top=1`);
    expect(one.body.value.map((r) => r.id)).toEqual([replies[0]?.id]);
    const next = await get<Page<Message>>(one.body['@odata.nextLink'] ?? '');
    expect(next.body.value[0]?.id).toBe(replies[1]?.id);
    expect((await get(`${base}?$top=60`)).status).toBe(400);
  });

  it('limits delegated callers to their teams and private channels', async () => {
    const outsider = tenant.users.find((u) => u.userType === 'Member' && !team.memberIds.includes(u.id));
    const denied = await get<{ error: { code: string } }>(
      `/v1.0/teams/${team.id}/channels`,
      `user:${outsider?.id}`,
    );
    expect(denied.status).toBe(403);
    if (!privateChannel) return;
    const inside = new Set(channelMemberIds(team, privateChannel, byId));
    const member = team.memberIds.find((id) => !inside.has(id));
    const visible = await get<Page<{ id: string }>>(`/v1.0/teams/${team.id}/channels`, `user:${member}`);
    expect(visible.body.value.map((c) => c.id)).not.toContain(privateChannel.id);
    expect(
      (await get(`/v1.0/teams/${team.id}/channels/${privateChannel.id}/messages`, `user:${member}`)).status,
    ).toBe(404);
  });

  it('answers 403 Forbidden to apps without a channel-message permission and 404 for unknown teams', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>(
      `/v1.0/teams/${team.id}/channels/${general?.id}/messages`,
      'app:User.Read.All',
    );
    expect(status).toBe(403);
    expect(body.error.code).toBe('Forbidden');
    expect(body.error.message).toContain('ChannelMessage.Read.Group');
    expect((await get('/v1.0/teams/00000000-0000-0000-0000-000000000000/channels')).status).toBe(404);
  });
});
