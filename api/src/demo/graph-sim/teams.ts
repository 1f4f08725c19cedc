// Teams routes: a team and its members (team-resource.ts), channels, root messages of a channel (with
// $expand=replies) and replies (message-pages.ts), and the messages delta (messages-delta.ts).
// Permissions are checked by dispatch; delegated callers see only teams and channels they belong to.
import { channelMemberIds } from '../tenant/generate';
import type { DemoChannel, DemoTeam } from '../tenant/model';
import type { GraphCaller } from './auth';
import {
  chatMessageResource,
  channelResource,
  wantsUnknownEnums,
  type MessageRendering,
} from './chat-message';
import type { SimContext, SimRequest, SimResponse } from './context';
import { badRequest, GraphSimError, methodNotAllowed, unknownSegment } from './errors';
import { listMessages, listReplies, parseRepliesExpand, withReplies } from './message-pages';
import { messagesDelta } from './messages-delta';
import { GRAPH_ROOT, rejectOptions } from './odata';
import { teamResourceRoute } from './team-resource';

const notFound = (message: string) => new GraphSimError(404, 'NotFound', message);

function canSee(ctx: SimContext, caller: GraphCaller, team: DemoTeam, channel: DemoChannel | null): boolean {
  if (caller.kind === 'app') return true;
  const id = caller.userId ?? '';
  const members = channel ? channelMemberIds(team, channel, ctx.userById) : team.memberIds;
  return members.some((m) => m.toLowerCase() === id.toLowerCase());
}

/** Routes /teams/{id}…; `seg` are the decoded segments after /v1.0. */
export function teamsRoute(
  ctx: SimContext,
  caller: GraphCaller,
  req: SimRequest,
  seg: string[],
): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const [, teamId = '', channels, channelId, messages, messageId, replies, replyId] = seg;
  if (seg.length < 2) throw unknownSegment('teams');
  const team = ctx.teamById.get(teamId.toLowerCase());
  if (!team) throw notFound(`No team found with Group Id ${teamId}`);
  if (channels?.toLowerCase() !== 'channels') return teamResourceRoute(ctx, caller, req, team, seg.slice(2));
  if (!canSee(ctx, caller, team, null))
    throw new GraphSimError(403, 'Forbidden', 'The caller is not a member of the team.');
  if (channelId === undefined) return { status: 200, json: listChannels(ctx, caller, req, team) };
  const channel = team.channels.find((c) => c.id.toLowerCase() === channelId.toLowerCase());
  if (!channel || !canSee(ctx, caller, team, channel)) throw notFound('Channel not found.');
  if (messages === undefined) {
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
  const box = ctx.channelMessages(team, channel);
  const rendering: MessageRendering = { unknownEnums: wantsUnknownEnums(req) };
  if (messageId === undefined)
    return { status: 200, json: listMessages(ctx, req, team, channel, box, rendering) };
  if (messageId.toLowerCase() === 'delta' && replies === undefined)
    return { status: 200, json: messagesDelta(ctx, req, team, channel, box, rendering) };
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
        ...withReplies(ctx, team, channel, root, thread, expand, rendering),
      },
    };
  }
  if (replies.toLowerCase() !== 'replies' || seg.length > 8) throw unknownSegment(replies);
  if (replyId === undefined)
    return { status: 200, json: listReplies(ctx, req, team, channel, root, thread, rendering) };
  const reply = thread.find((m) => m.id === replyId);
  if (!reply) throw notFound(`Reply ${replyId} was not found.`);
  return {
    status: 200,
    json: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/channels('${channel.id}')/messages('${root.id}')/replies/$entity`,
      ...chatMessageResource(ctx, reply, rendering),
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
