// The wire form of channels and chatMessages, with Graph's full property set. Message bodies are synthetic
// sentences derived from the seed and the message id; LearnFit's adapter drops them.
import type { Channel, ChatMessage, MembersAddedEventMessageDetail } from '@microsoft/microsoft-graph-types';
import { MESSAGE_WORDS } from '../tenant/names';
import { hashString, mix32, Rng } from '../tenant/random';
import type { DemoChannel, DemoMessage, DemoReaction, DemoTeam } from '../tenant/model';
import { lastModified, type SimContext, type SimRequest } from './context';

const REACTION_NAMES: Record<DemoReaction['reactionType'], string> = {
  like: 'Like',
  heart: 'Heart',
  laugh: 'Laugh',
  surprised: 'Surprised',
  sad: 'Sad',
  angry: 'Angry',
};

/** A channel as Graph returns it. */
export function channelResource(ctx: SimContext, team: DemoTeam, c: DemoChannel): Record<string, unknown> {
  const wire: Channel = {
    id: c.id,
    createdDateTime: c.createdDateTime,
    displayName: c.displayName,
    description: c.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId: ctx.tenant.tenantId,
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/${encodeURIComponent(c.displayName)}?groupId=${team.id}&tenantId=${ctx.tenant.tenantId}`,
    membershipType: c.membershipType,
    isArchived: false,
  };
  return { ...wire };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A deterministic synthetic sentence for a message (never stored anywhere). */
export function syntheticText(seed: number, m: DemoMessage): string {
  const rng = new Rng(mix32(seed ^ hashString(m.id)));
  if (m.replyToId !== null) return rng.pick(MESSAGE_WORDS.replies);
  return `${rng.pick(MESSAGE_WORDS.openers)} ${rng.pick(MESSAGE_WORDS.topics)}. ${rng.pick(MESSAGE_WORDS.closers)}`;
}

function userIdentity(ctx: SimContext, id: string, withName: boolean) {
  return {
    '@odata.type': '#microsoft.graph.teamworkUserIdentity',
    id,
    displayName: withName ? (ctx.userById.get(id.toLowerCase())?.displayName ?? null) : null,
    userIdentityType: 'aadUser' as const,
    tenantId: ctx.tenant.tenantId,
  };
}

/**
 * True when the request asked for evolvable enum members (`Prefer: include-unknown-enum-members`); without
 * it Graph answers system events with messageType `unknownFutureValue` (contract §3.3).
 */
export function wantsUnknownEnums(req: SimRequest): boolean {
  return (req.header('prefer') ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === 'include-unknown-enum-members');
}

/** How a message is rendered: with evolvable enum members, and with `@odata.type` (delta items carry it). */
export interface MessageRendering {
  unknownEnums: boolean;
  typed?: boolean;
}

function eventDetail(ctx: SimContext, m: DemoMessage): Record<string, unknown> | null {
  if (!m.event) return null;
  const detail: MembersAddedEventMessageDetail = {
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    members: m.event.memberIds.map((id) => userIdentity(ctx, id, false)),
    initiator: { application: null, device: null, user: userIdentity(ctx, m.event.initiatorId, false) },
  };
  return { '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail', ...detail };
}

/** A channel message (root, reply or system event) as Graph returns it. */
export function chatMessageResource(
  ctx: SimContext,
  m: DemoMessage,
  rendering: MessageRendering = { unknownEnums: false },
): Record<string, unknown> {
  const names = m.mentionIds.map((id) => ctx.userById.get(id.toLowerCase())?.displayName ?? 'Unknown user');
  const ats = names.map((name, i) => `<at id="${i}">${escapeHtml(name)}</at>`).join(' ');
  const text = escapeHtml(syntheticText(ctx.tenant.seed, m));
  const { tenantId } = ctx.tenant;
  const system = m.event !== undefined;
  const wire: ChatMessage = {
    id: m.id,
    replyToId: m.replyToId,
    etag: m.id,
    messageType: system ? (rendering.unknownEnums ? 'systemEventMessage' : 'unknownFutureValue') : 'message',
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: lastModified(m),
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: m.subject,
    summary: null,
    chatId: null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(m.channelId)}/${m.id}?groupId=${m.teamId}&tenantId=${tenantId}&createdTime=${m.id}&parentMessageId=${m.replyToId ?? m.id}`,
    policyViolation: null,
    eventDetail: eventDetail(ctx, m),
    from:
      m.fromUserId === null
        ? null
        : { application: null, device: null, user: userIdentity(ctx, m.fromUserId, true) },
    body: system
      ? { contentType: 'html', content: '<systemEventMessage/>' }
      : { contentType: 'html', content: `<div><div>${ats ? `${ats} ` : ''}${text}</div></div>` },
    channelIdentity: { teamId: m.teamId, channelId: m.channelId },
    attachments: [],
    mentions: m.mentionIds.map((id, i) => ({
      id: i,
      mentionText: names[i] ?? null,
      mentioned: { application: null, device: null, conversation: null, user: userIdentity(ctx, id, true) },
    })),
    reactions: m.reactions.map((r) => ({
      reactionType: r.reactionType,
      displayName: REACTION_NAMES[r.reactionType],
      reactionContentUrl: null,
      createdDateTime: r.createdDateTime,
      user: { application: null, device: null, user: userIdentity(ctx, r.userId, false) },
    })),
    messageHistory: [],
  };
  return rendering.typed ? { '@odata.type': '#microsoft.graph.chatMessage', ...wire } : { ...wire };
}
