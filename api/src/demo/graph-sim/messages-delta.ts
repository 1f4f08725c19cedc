// GET /teams/{t}/channels/{c}/messages/delta (contract §3.2): root messages of the last 8 months whose
// thread changed (a message or reaction) after an optional `$filter=lastModifiedDateTime gt <time>`, oldest
// change first, pages of up to 50. Every page ends with an @odata.nextLink ($skiptoken) or, on the last
// page, an @odata.deltaLink ($deltatoken) that returns only threads changed after this round.
import { z } from 'zod';
import type { DemoChannel, DemoTeam } from '../tenant/model';
import type { MessageRendering } from './chat-message';
import type { ChannelMessages, SimContext, SimRequest } from './context';
import { badRequest, unsupportedQuery } from './errors';
import { decodeToken, encodeToken, expiredPageToken, GRAPH_ROOT, parseTop, rejectOptions } from './odata';
import { parseRepliesExpand, withReplies } from './message-pages';

const state = z.object({
  k: z.enum(['page', 'delta']),
  tm: z.string(),
  ch: z.string(),
  p: z.number().int().min(0),
  t: z.number().int().min(1).max(50),
  x: z.boolean(),
  since: z.number().nullable(),
  until: z.number(),
});
type DeltaState = z.infer<typeof state>;

/** How far back delta reaches, in months. */
export const DELTA_MONTHS = 8;

function parseSince(raw: string | null): number | null {
  if (raw === null) return null;
  const m = /^\s*lastModifiedDateTime\s+gt\s+'?([0-9T:.\-+Z]+)'?\s*$/i.exec(raw);
  if (!m?.[1])
    throw unsupportedQuery(`Only 'lastModifiedDateTime gt <dateTime>' is supported in $filter on delta.`);
  const at = Date.parse(m[1]);
  if (Number.isNaN(at)) throw badRequest(`Invalid dateTime '${m[1]}' in $filter.`);
  return at;
}

function parseSkip(raw: string | null): number {
  if (raw === null) return 0;
  if (!/^\d{1,9}$/.test(raw.trim())) throw badRequest(`Invalid value '${raw}' for $skip.`);
  return Number(raw.trim());
}

/** Answers one delta request for a channel. */
export function messagesDelta(
  ctx: SimContext,
  req: SimRequest,
  team: DemoTeam,
  channel: DemoChannel,
  box: ChannelMessages,
  rendering: MessageRendering,
): object {
  rejectOptions(req, ['$top', '$skip', '$filter', '$expand', '$skiptoken', '$deltatoken']);
  const now = ctx.now().getTime();
  const skipToken = req.query.get('$skiptoken');
  const deltaToken = req.query.get('$deltatoken');
  let s: DeltaState;
  if (skipToken !== null || deltaToken !== null) {
    const decoded = decodeToken(skipToken ?? deltaToken ?? '', state);
    if (
      decoded.tm !== team.id ||
      decoded.ch !== channel.id ||
      decoded.k !== (skipToken !== null ? 'page' : 'delta')
    )
      throw expiredPageToken();
    s = skipToken !== null ? decoded : { ...decoded, k: 'page', p: 0, since: decoded.until, until: now };
  } else {
    const top = parseTop(req.query.get('$top'), 20, 50, (raw) =>
      badRequest(`Invalid page size '${raw}': $top must be between 1 and 50.`),
    );
    s = {
      k: 'page',
      tm: team.id,
      ch: channel.id,
      p: parseSkip(req.query.get('$skip')),
      t: top,
      x: parseRepliesExpand(req.query.get('$expand')),
      since: parseSince(req.query.get('$filter')),
      until: now,
    };
  }
  const oldest = new Date(now);
  oldest.setUTCMonth(oldest.getUTCMonth() - DELTA_MONTHS);
  const changed = box.roots
    .map((m) => ({ m, at: Date.parse(box.threadModified.get(m.id) ?? m.createdDateTime) }))
    .filter(
      ({ m, at }) =>
        Date.parse(m.createdDateTime) >= oldest.getTime() &&
        at <= s.until &&
        (s.since === null || at > s.since),
    )
    .sort((a, b) => a.at - b.at || Number(a.m.id) - Number(b.m.id));
  const page = changed.slice(s.p, s.p + s.t);
  const base = `${GRAPH_ROOT}/teams/${team.id}/channels/${channel.id}/messages/delta`;
  const more = s.p + s.t < changed.length;
  const link = more
    ? { '@odata.nextLink': `${base}?$skiptoken=${encodeToken({ ...s, p: s.p + s.t })}` }
    : { '@odata.deltaLink': `${base}?$deltatoken=${encodeToken({ ...s, k: 'delta', p: 0 })}` };
  const typed: MessageRendering = { ...rendering, typed: true };
  return {
    '@odata.context': `${GRAPH_ROOT}/$metadata#Collection(chatMessage)`,
    ...link,
    value: page.map(({ m }) => withReplies(ctx, team, channel, m, box.replies.get(m.id) ?? [], s.x, typed)),
  };
}
