// Routes one simulator request to its handler and renders responses (including Graph's error envelope).
import type { SimContext, SimRequest, SimResponse } from './context';
import { batchRoute } from './batch';
import { badRequest, GraphSimError, invalidToken, methodNotAllowed, unknownSegment } from './errors';
import { GRAPH_ROOT } from './odata';
import { downloadRoute, reportsRoute } from './reports';
import { teamsRoute } from './teams';
import { usersRoute } from './users';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The request URI contains an invalid escape sequence in '${segment}'.`);
  }
}

function serviceDocument(req: SimRequest): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const sets = [
    ['users', 'EntitySet'],
    ['teams', 'EntitySet'],
    ['me', 'Singleton'],
    ['reports', 'Singleton'],
  ];
  return {
    status: 200,
    json: {
      '@odata.context': `${GRAPH_ROOT}/$metadata`,
      value: sets.map(([name, kind]) => ({ name, kind, url: name })),
    },
  };
}

async function route(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  const seg = req.path.split('/').filter(Boolean).map(decodeSegment);
  if (seg[0] === 'data' && seg[1] === 'download' && seg.length === 3)
    return downloadRoute(ctx, req, seg[2] ?? '');
  if (seg[0]?.toLowerCase() !== 'v1.0') throw unknownSegment(seg[0] ?? '');
  const rest = seg.slice(1);
  if (rest.length === 0) return serviceDocument(req);
  const authorization = req.header('authorization');
  const caller = await ctx.auth.verify(authorization);
  if (!caller || caller.tenantId.toLowerCase() !== ctx.tenant.tenantId.toLowerCase())
    throw invalidToken(!/^Bearer\s+\S/i.test(authorization ?? ''));
  switch (rest[0]?.toLowerCase()) {
    case '$batch':
      if (rest.length !== 1) throw unknownSegment(rest[1] ?? '');
      return batchRoute(req, (sub) => dispatch(ctx, sub), authorization ?? '', ctx.now);
    case 'me':
    case 'users':
      return usersRoute(ctx, caller, req, rest);
    case 'reports':
      return reportsRoute(ctx, caller, req, rest);
    case 'teams':
      return teamsRoute(ctx, caller, req, rest);
    default:
      throw unknownSegment(rest[0] ?? '');
  }
}

/** Answers one request; errors become responses, never exceptions. */
export async function dispatch(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  try {
    return await route(ctx, req);
  } catch (e) {
    if (e instanceof GraphSimError)
      return { status: e.status, headers: { ...e.headers }, error: { code: e.code, message: e.message } };
    return {
      status: 500,
      error: { code: 'generalException', message: 'An unexpected error occurred in the Graph simulator.' },
    };
  }
}
