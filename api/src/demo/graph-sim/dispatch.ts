// Routes one simulator request: authentication, then the path's permission check (permissions.json),
// then throttling, then the handler. Errors become Graph's error envelope, never exceptions.
import { adminRoute } from './admin';
import type { GraphCaller } from './auth';
import { batchRoute } from './batch';
import { findUser, type SimContext, type SimRequest, type SimResponse } from './context';
import { badRequest, GraphSimError, invalidToken, methodNotAllowed, unknownSegment } from './errors';
import { THROTTLED_INNER } from './faults';
import { groupsRoute } from './groups';
import { GRAPH_ROOT } from './odata';
import { acceptedPermissions, checkPermission } from './permissions';
import { downloadRoute, reportsRoute } from './reports';
import { classify } from './routes';
import { joinedTeamsRoute } from './team-resource';
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
    ['groups', 'EntitySet'],
    ['teams', 'EntitySet'],
    ['me', 'Singleton'],
    ['reports', 'Singleton'],
    ['admin', 'Singleton'],
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
  const first = rest[0]?.toLowerCase();
  if (first === '$batch') {
    if (rest.length !== 1) throw unknownSegment(rest[1] ?? '');
    return batchRoute(req, (sub) => dispatch(ctx, sub), authorization ?? '', ctx.now);
  }
  const info = classify(rest);
  let extra: Record<string, string> = {};
  if (info && acceptedPermissions(req.method, info.template, caller.kind) !== null) {
    if (info.targetUser) info.targetUser = findUser(ctx, info.targetUser)?.id ?? info.targetUser;
    checkPermission(caller, req.method, info);
    const verdict = ctx.throttle?.check(caller, info, req);
    if (verdict && !verdict.allowed)
      return {
        status: 429,
        headers: { ...verdict.headers, 'Retry-After': String(verdict.retryAfterSeconds) },
        error: { code: 'TooManyRequests', message: 'Please retry again later.', inner: THROTTLED_INNER },
      };
    extra = verdict?.headers ?? {};
  }
  const res = handle(ctx, caller, req, rest, first);
  return Object.keys(extra).length > 0 ? { ...res, headers: { ...extra, ...res.headers } } : res;
}

function handle(
  ctx: SimContext,
  caller: GraphCaller,
  req: SimRequest,
  rest: string[],
  first: string | undefined,
): SimResponse {
  switch (first) {
    case 'me':
    case 'users': {
      const sub = rest[first === 'me' ? 1 : 2]?.toLowerCase();
      if (sub === 'joinedteams' && rest.length === (first === 'me' ? 2 : 3))
        return joinedTeamsRoute(ctx, caller, req, rest);
      return usersRoute(ctx, caller, req, rest);
    }
    case 'groups':
      return groupsRoute(ctx, caller, req, rest);
    case 'reports':
      return reportsRoute(ctx, caller, req, rest);
    case 'teams':
      return teamsRoute(ctx, caller, req, rest);
    case 'admin':
      return adminRoute(ctx, req, rest);
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
