// Teams routes: channels of a team, root messages of a channel (with $expand=replies) and replies.
import { z } from 'zod';
import { channelMemberIds } from '../tenant/generate';
import type { DemoChannel, DemoMessage, DemoTeam } from '../tenant/model';
import { grantedPermissions, holdsAny, type GraphCaller } from './auth';
import { chatMessageResource, channelResource } from './chat-message';
import type { SimContext, SimRequest, SimResponse } from './context';
import { badRequest, GraphSimError, methodNotAllowed, unknownSegment } from './errors';
import { decodeToken, encodeToken, expiredPageToken, GRAPH_ROOT, parseTop, rejectOptions } from './odata';

const READ_CHANNELS = [
  'Channel.ReadBasic.All',
  'ChannelSettings.Read.Group',
  'ChannelSettings.Read.All',
  'ChannelSettings.ReadWrite.Group',
  'ChannelSettings.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
];
const READ_MESSAGES = [
  'ChannelMessage.Read.All',
  'ChannelMessage.Read.Group',
  'Group.Read.All',
  'Group.ReadWrite.All',
];
/** Replies returned inline per root with $expand=replies before Graph switches to replies@odata.nextLink. */
export const INLINE_REPLIES = 1000;

const pageToken = z.object({
  k: z.enum(['messages', 'replies']),
  tm: z.string(),
  ch: z.string(),
  r: z.string().nullable(),
  p: z.number().int().min(0),
  t: z.number().int().min(1).max(50),
  x: z.boolean(),
});
type PageState = z.infer<typeof pageToken>;

const notFound = (message: string) => new GraphSimError(404, 'NotFound', message);

function demand(caller: GraphCaller, accepted: readonly string[]): void {
  if (holdsAny(caller, accepted)) return;
  const [what, held] = caller.kind === 'app' ? ['role', 'Roles'] : ['scope', 'Scopes'];
  throw new GraphSimError(
    403,
    'Forbidden',
    `Missing ${what} permissions on the request. API requires one of '${accepted.join(', ')}'. ${held} on the request '${grantedPermissions(caller).join(', ')}'.`,
  );
}

function canSee(ctx: SimContext, caller: GraphCaller, team: DemoTeam, channel: DemoChannel | null): boolean {
  if (caller.kind === 'app') return true;
  const id = caller.userId ?? '';
  const members = channel ? channelMemberIds(team, channel, ctx.userById) : team.memberIds;
  return members.some((m) => m.toLowerCase() === id.toLowerCase());
}

/** Routes /teams/{id}/channels…; `seg` are the decoded segments after /v1.0. */
export function teamsRoute(
  ctx: SimContext,
  caller: GraphCaller,
  req: SimRequest,
  seg: string[],
): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const [, teamId = '', channels, channelId, messages, messageId, replies, replyId] = seg;
  if (seg.length < 3 || channels?.toLowerCase() !== 'channels')
    throw unknownSegment(seg[seg.length - 1] ?? 'teams');
  const team = ctx.teamById.get(teamId.toLowerCase());
  if (!team) throw notFound(`No team found with Group Id ${teamId}`);
  if (!canSee(ctx, caller, team, null))
    throw new GraphSimError(403, 'Forbidden', 'The caller is not a member of the team.');
  if (channelId === undefined) {
    demand(caller, READ_CHANNELS);
    return { status: 200, json: listChannels(ctx, caller, req, team) };
  }
  const channel = team.channels.find((c) => c.id.toLowerCase() === channelId.toLowerCase());
  if (!channel || !canSee(ctx, caller, team, channel)) throw notFound('Channel not found.');
  if (messages === undefined) {
    demand(caller, READ_CHANNELS);
    rejectOptions(req, ['$select']);
    return {
      status: 200,
      json: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/channels/$entity`,
        ...channelResource(ctx, team, channel),
      },
    };
  }
  if (messages.toLowerCase() !== 'messages') throw unknownSegment(messages);
  demand(caller, READ_MESSAGES);
  const box = ctx.channelMessages.get(`${team.id}|${channel.id}`) ?? {
    roots: [],
    replies: new Map<string, DemoMessage[]>(),
  };
  if (messageId === undefined)
    return { status: 200, json: listMessages(ctx, req, team, channel, box.roots, box.replies) };
  const root = box.roots.find((m) => m.id === messageId);
  if (!root) throw notFound(`Message ${messageId} was not found in this channel.`);
  const thread = box.replies.get(root.id) ?? [];
  if (replies === undefined) {
    rejectOptions(req, ['$expand']);
    const expand = parseRepliesExpand(req.query.get('$expand'));
    return {
      status: 200,
      json: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/channels('${channel.id}')/messages/$entity`,
        ...withReplies(ctx, team, channel, root, thread, expand),
      },
    };
  }
  if (replies.toLowerCase() !== 'replies' || seg.length > 8) throw unknownSegment(replies);
  if (replyId === undefined) return { status: 200, json: listReplies(ctx, req, team, channel, root, thread) };
  const reply = thread.find((m) => m.id === replyId);
  if (!reply) throw notFound(`Reply ${replyId} was not found.`);
  return {
    status: 200,
    json: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/channels('${channel.id}')/messages('${root.id}')/replies/$entity`,
      ...chatMessageResource(ctx, reply),
    },
  };
}

function listChannels(ctx: SimContext, caller: GraphCaller, req: SimRequest, team: DemoTeam): object {
  rejectOptions(req, ['$select', '$filter']);
  const filter = req.query.get('$filter');
  let wanted: string | null = null;
  if (filter !== null) {
    const m = /^\s*membershipType\s+eq\s+'(\w+)'\s*$/i.exec(filter);
    if (!m?.[1])
      throw badRequest(`Invalid filter clause: '${filter}'. Only membershipType eq '<value>' is supported.`);
    wanted = m[1].toLowerCase();
  }
  const select =
    req.query
      .get('$select')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? null;
  const value = team.channels
    .filter((c) => canSee(ctx, caller, team, c) && (wanted === null || c.membershipType === wanted))
    .map((c) => {
      const full = channelResource(ctx, team, c);
      if (!select) return full;
      for (const key of select)
        if (!(key in full))
          throw badRequest(`Could not find a property named '${key}' on type 'microsoft.graph.channel'.`);
      return Object.fromEntries(select.map((key) => [key, full[key]]));
    });
  return {
    '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/channels`,
    '@odata.count': value.length,
    value,
  };
}

function parseRepliesExpand(raw: string | null): boolean {
  if (raw === null) return false;
  if (raw.trim().toLowerCase() !== 'replies')
    throw badRequest(`Expanding '${raw}' is not supported on chatMessage; use 'replies'.`);
  return true;
}

function withReplies(
  ctx: SimContext,
  team: DemoTeam,
  channel: DemoChannel,
  root: DemoMessage,
  thread: readonly DemoMessage[],
  expand: boolean,
) {
  const wire = chatMessageResource(ctx, root);
  if (!expand) return wire;
  const next =
    thread.length > INLINE_REPLIES
      ? {
          'replies@odata.nextLink': `${GRAPH_ROOT}/teams/${team.id}/channels/${channel.id}/messages/${root.id}/replies?$skiptoken=${encodeToken(state('replies', team, channel, root.id, INLINE_REPLIES, 50, false))}`,
        }
      : {};
  return {
    ...wire,
    'replies@odata.count': thread.length,
    ...next,
    replies: thread.slice(0, INLINE_REPLIES).map((r) => chatMessageResource(ctx, r)),
  };
}

function state(
  k: PageState['k'],
  team: DemoTeam,
  channel: DemoChannel,
  r: string | null,
  p: number,
  t: number,
  x: boolean,
): PageState {
  return { k, tm: team.id, ch: channel.id, r, p, t, x };
}

const invalidTop = (raw: string) => badRequest(`Invalid page size '${raw}': $top must be between 1 and 50.`);

function resume(req: SimRequest, fresh: PageState): PageState {
  const token = req.query.get('$skiptoken');
  if (token === null) return fresh;
  const s = decodeToken(token, pageToken);
  if (s.k !== fresh.k || s.tm !== fresh.tm || s.ch !== fresh.ch || s.r !== fresh.r) throw expiredPageToken();
  return s;
}

function listMessages(
  ctx: SimContext,
  req: SimRequest,
  team: DemoTeam,
  channel: DemoChannel,
  roots: readonly DemoMessage[],
  threads: ReadonlyMap<string, DemoMessage[]>,
): object {
  rejectOptions(req, ['$top', '$expand', '$skiptoken']);
  const fresh = state(
    'messages',
    team,
    channel,
    null,
    0,
    parseTop(req.query.get('$top'), 20, 50, invalidTop),
    parseRepliesExpand(req.query.get('$expand')),
  );
  const s = resume(req, fresh);
  const items = roots.slice(s.p, s.p + s.t);
  const more = s.p + s.t < roots.length;
  return {
    '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/channels('${channel.id}')/messages`,
    '@odata.count': items.length,
    ...(more
      ? {
          '@odata.nextLink': `${GRAPH_ROOT}/teams/${team.id}/channels/${channel.id}/messages?$skiptoken=${encodeToken({ ...s, p: s.p + s.t })}`,
        }
      : {}),
    value: items.map((m) => withReplies(ctx, team, channel, m, threads.get(m.id) ?? [], s.x)),
  };
}

function listReplies(
  ctx: SimContext,
  req: SimRequest,
  team: DemoTeam,
  channel: DemoChannel,
  root: DemoMessage,
  thread: readonly DemoMessage[],
): object {
  rejectOptions(req, ['$top', '$skiptoken']);
  const s = resume(
    req,
    state('replies', team, channel, root.id, 0, parseTop(req.query.get('$top'), 20, 50, invalidTop), false),
  );
  const items = thread.slice(s.p, s.p + s.t);
  const more = s.p + s.t < thread.length;
  return {
    '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/channels('${channel.id}')/messages('${root.id}')/replies`,
    '@odata.count': items.length,
    ...(more
      ? {
          '@odata.nextLink': `${GRAPH_ROOT}/teams/${team.id}/channels/${channel.id}/messages/${root.id}/replies?$skiptoken=${encodeToken({ ...s, p: s.p + s.t })}`,
        }
      : {}),
    value: items.map((m) => chatMessageResource(ctx, m)),
  };
}
