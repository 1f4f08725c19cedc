// Pages of channel messages and replies: root messages newest first (up to 50 a page, replies inline with
// $expand=replies up to 1000) and a root's replies, with opaque $skiptoken state.
import { z } from 'zod';
import type { DemoChannel, DemoMessage, DemoTeam } from '../tenant/model';
import { chatMessageResource, type MessageRendering } from './chat-message';
import type { ChannelMessages, SimContext, SimRequest } from './context';
import { badRequest } from './errors';
import { decodeToken, encodeToken, expiredPageToken, GRAPH_ROOT, parseTop, rejectOptions } from './odata';

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

/** Parses $expand on messages: only `replies` is supported. */
export function parseRepliesExpand(raw: string | null): boolean {
  if (raw === null) return false;
  if (raw.trim().toLowerCase() !== 'replies')
    throw badRequest(`Expanding '${raw}' is not supported on chatMessage; use 'replies'.`);
  return true;
}

/** A root message, with its replies inline (up to 1000, then replies@odata.nextLink) when expanded. */
export function withReplies(
  ctx: SimContext,
  team: DemoTeam,
  channel: DemoChannel,
  root: DemoMessage,
  thread: readonly DemoMessage[],
  expand: boolean,
  rendering: MessageRendering,
) {
  const wire = chatMessageResource(ctx, root, rendering);
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
    replies: thread.slice(0, INLINE_REPLIES).map((r) => chatMessageResource(ctx, r, rendering)),
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

/** GET …/messages: one page of root messages. */
export function listMessages(
  ctx: SimContext,
  req: SimRequest,
  team: DemoTeam,
  channel: DemoChannel,
  box: ChannelMessages,
  rendering: MessageRendering,
): object {
  const { roots, replies: threads } = box;
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
    value: items.map((m) => withReplies(ctx, team, channel, m, threads.get(m.id) ?? [], s.x, rendering)),
  };
}

/** GET …/messages/{id}/replies: one page of a root's replies. */
export function listReplies(
  ctx: SimContext,
  req: SimRequest,
  team: DemoTeam,
  channel: DemoChannel,
  root: DemoMessage,
  thread: readonly DemoMessage[],
  rendering: MessageRendering,
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
    value: items.map((m) => chatMessageResource(ctx, m, rendering)),
  };
}
