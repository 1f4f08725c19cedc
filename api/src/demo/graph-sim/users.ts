// Directory routes: /me, /users, /users/{id|upn}, manager, directReports, with $select/$expand/$filter/paging.
import { z } from 'zod';
import type { DemoUser } from '../tenant/model';
import type { GraphCaller } from './auth';
import { findUser, type SimContext, type SimRequest, type SimResponse } from './context';
import {
  badRequest,
  directoryNotFound,
  invalidToken,
  methodNotAllowed,
  unknownSegment,
  unsupportedQuery,
} from './errors';
import {
  decodeToken,
  encodeToken,
  expiredPageToken,
  GRAPH_ROOT,
  isEventual,
  parseExpand,
  parseSelect,
  parseTop,
  project,
  rejectOptions,
  wantsCount,
  type ExpandClause,
} from './odata';
import { evaluateSearch, searchOf } from './search';
import { DEFAULT_USER_PROPERTIES, KNOWN_USER_PROPERTIES, userProperties } from './user-resource';

const USER_TYPE = 'microsoft.graph.user';
/**
 * Graph returns at most 20 items of an expanded collection, without a nextLink. How the simulator honours
 * it: `directReports` expansions are cut to the first 20; `manager` is single-valued, so list pages
 * expand it on every row (pages keep their 1..999 size) and simply omit it for users without a manager.
 */
export const EXPAND_LIMIT = 20;

const pageToken = z.object({
  k: z.enum(['users', 'directReports']),
  u: z.string().optional(),
  p: z.number().int().min(0),
  t: z.number().int().min(1).max(999),
  s: z.string().nullable(),
  f: z.string().nullable(),
  e: z.string().nullable(),
  /** $search, carried so later pages keep it (ConsistencyLevel is not sent again on them). */
  q: z.string().nullable().optional(),
});
type PageState = z.infer<typeof pageToken>;

const invalidPageSize = (raw: string) =>
  unsupportedQuery(`Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);

/** Routes /me… and /users… (permissions are checked by dispatch); `seg` are the decoded segments after /v1.0. */
export function usersRoute(
  ctx: SimContext,
  caller: GraphCaller,
  req: SimRequest,
  seg: string[],
): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  let user: DemoUser | undefined;
  let rest: string[];
  if (seg[0]?.toLowerCase() === 'me') {
    if (caller.kind !== 'delegated' || !caller.userId)
      throw badRequest('/me request is only valid with delegated authentication flow.');
    user = findUser(ctx, caller.userId);
    if (!user) throw invalidToken(false);
    rest = seg.slice(1);
  } else {
    if (seg.length === 1) return { status: 200, json: listUsers(ctx, req) };
    user = findUser(ctx, seg[1] ?? '');
    if (!user) throw directoryNotFound(seg[1] ?? '');
    rest = seg.slice(2);
  }
  const sub = rest[0]?.toLowerCase();
  if (rest.length === 0) return { status: 200, json: getUser(ctx, req, user) };
  if (rest.length === 1 && sub === 'manager') return { status: 200, json: getManager(ctx, req, user) };
  if (rest.length === 1 && sub === 'directreports')
    return { status: 200, json: listDirectReports(ctx, req, user) };
  throw unknownSegment(rest[0] ?? '');
}

/** Parses a $select list of user properties. */
export const selectUser = (raw: string | null) => parseSelect(raw, KNOWN_USER_PROPERTIES, USER_TYPE);
const contextOf = (set: string, select: string[] | null, entity: boolean) =>
  `${GRAPH_ROOT}/$metadata#${set}${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;

/** A user as Graph returns it: the selected (or default) properties, typed when inside a directoryObject list. */
export function wireUser(
  ctx: SimContext,
  u: DemoUser,
  select: string[] | null,
  typed: boolean,
): Record<string, unknown> {
  const props = project(userProperties(ctx.tenant, u), select, DEFAULT_USER_PROPERTIES);
  return typed ? { '@odata.type': `#${USER_TYPE}`, ...props } : props;
}

function managerOf(ctx: SimContext, u: DemoUser): DemoUser | undefined {
  return u.managerId ? ctx.userById.get(u.managerId.toLowerCase()) : undefined;
}

/** The nested manager chain, up to `levels` deep; undefined when the user has no manager. */
function managerChain(
  ctx: SimContext,
  u: DemoUser,
  levels: number,
  select: string[] | null,
): Record<string, unknown> | undefined {
  const seen = new Set<string>([u.id]);
  let top: Record<string, unknown> | undefined;
  let parent: Record<string, unknown> | undefined;
  for (
    let m = managerOf(ctx, u), level = 1;
    m && level <= levels && !seen.has(m.id);
    m = managerOf(ctx, m), level++
  ) {
    seen.add(m.id);
    const node = wireUser(ctx, m, select, true);
    if (parent) parent['manager'] = node;
    else top = node;
    parent = node;
  }
  return top;
}

function expansion(
  ctx: SimContext,
  req: SimRequest,
  u: DemoUser,
  clause: ExpandClause,
): Record<string, unknown> {
  const name = clause.name.toLowerCase();
  const select = selectUser(clause.select);
  if (name === 'manager') {
    if (clause.levels !== null && !isEventual(req))
      throw unsupportedQuery("$levels requires the ConsistencyLevel header set to 'eventual'.");
    const chain = managerChain(ctx, u, clause.levels ?? 1, select);
    return chain ? { manager: chain } : {};
  }
  if (name === 'directreports') {
    if (clause.levels !== null) throw unsupportedQuery('$levels is only supported when expanding manager.');
    const reports = (ctx.reportsOf.get(u.id) ?? []).slice(0, EXPAND_LIMIT);
    return { directReports: reports.map((r) => wireUser(ctx, r, select, true)) };
  }
  throw badRequest(
    `Parsing OData Select and Expand failed: Could not find a property named '${clause.name}' on type '${USER_TYPE}'.`,
  );
}

function getUser(ctx: SimContext, req: SimRequest, u: DemoUser): object {
  rejectOptions(req, ['$select', '$expand']);
  const select = selectUser(req.query.get('$select'));
  const expand = parseExpand(req.query.get('$expand'));
  return {
    '@odata.context': contextOf('users', select, true),
    ...wireUser(ctx, u, select, false),
    ...(expand ? expansion(ctx, req, u, expand) : {}),
  };
}

function getManager(ctx: SimContext, req: SimRequest, u: DemoUser): object {
  rejectOptions(req, ['$select']);
  const select = selectUser(req.query.get('$select'));
  const manager = managerOf(ctx, u);
  if (!manager) throw directoryNotFound('manager');
  return {
    '@odata.context': `${GRAPH_ROOT}/$metadata#directoryObjects/$entity`,
    ...wireUser(ctx, manager, select, true),
  };
}

/** Starts or resumes paging: a $skiptoken carries the whole query; otherwise read it from the URL. */
function pageState(
  req: SimRequest,
  kind: PageState['k'],
  userId?: string,
): { state: PageState; first: boolean } {
  const token = req.query.get('$skiptoken');
  if (token !== null) {
    const state = decodeToken(token, pageToken);
    if (state.k !== kind || (userId !== undefined && state.u !== userId)) throw expiredPageToken();
    return { state, first: false };
  }
  const q = req.query;
  const t = parseTop(q.get('$top'), 100, 999, invalidPageSize);
  const base = {
    k: kind,
    p: 0,
    t,
    s: q.get('$select'),
    f: q.get('$filter'),
    e: q.get('$expand'),
    q: q.get('$search'),
  };
  return { state: userId === undefined ? base : { ...base, u: userId }, first: true };
}

function page<T>(all: readonly T[], state: PageState, link: (next: PageState) => string) {
  const items = all.slice(state.p, state.p + state.t);
  const nextAt = state.p + state.t;
  return { items, nextLink: nextAt < all.length ? link({ ...state, p: nextAt }) : null };
}

function listUsers(ctx: SimContext, req: SimRequest): object {
  rejectOptions(req, ['$select', '$top', '$filter', '$count', '$expand', '$skiptoken', '$search']);
  const { state, first } = pageState(req, 'users');
  const count = first && wantsCount(req);
  const search = searchOf(req, state.q ?? null, first, Object.values(FILTERABLE), USER_TYPE);
  const select = selectUser(state.s);
  const expand = parseExpand(state.e);
  if (expand?.levels != null)
    throw unsupportedQuery(
      '$levels parameter is only supported on a single user, not on a collection of users.',
    );
  if (expand && (count || search))
    throw unsupportedQuery('$expand is not supported with advanced queries ($count, $search).');
  const filter = userFilter(state.f);
  const matches = ctx.tenant.users.filter(
    (u) => filter(u) && (search === null || evaluateSearch(search, u, readUserProperty)),
  );
  const { items, nextLink } = page(
    matches,
    state,
    (next) => `${GRAPH_ROOT}/users?$skiptoken=${encodeToken(next)}`,
  );
  return {
    '@odata.context': contextOf('users', select, false),
    ...(count ? { '@odata.count': matches.length } : {}),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: items.map((u) => ({
      ...wireUser(ctx, u, select, false),
      ...(expand ? expansion(ctx, req, u, expand) : {}),
    })),
  };
}

function listDirectReports(ctx: SimContext, req: SimRequest, u: DemoUser): object {
  rejectOptions(req, ['$select', '$top', '$count', '$skiptoken']);
  const { state, first } = pageState(req, 'directReports', u.id);
  const count = first && wantsCount(req);
  const select = selectUser(state.s);
  const all = ctx.reportsOf.get(u.id) ?? [];
  const { items, nextLink } = page(
    all,
    state,
    (next) => `${GRAPH_ROOT}/users/${u.id}/directReports?$skiptoken=${encodeToken(next)}`,
  );
  return {
    '@odata.context': contextOf('directoryObjects', select, false),
    ...(count ? { '@odata.count': all.length } : {}),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: items.map((r) => wireUser(ctx, r, select, true)),
  };
}

/** A user's string property for $search (null for other types). */
function readUserProperty(u: DemoUser, property: string): string | null {
  const value = u[property as keyof DemoUser];
  return typeof value === 'string' ? value : null;
}

const FILTERABLE: Record<string, keyof DemoUser> = {
  accountenabled: 'accountEnabled',
  department: 'department',
  usertype: 'userType',
  jobtitle: 'jobTitle',
  officelocation: 'officeLocation',
  displayname: 'displayName',
  userprincipalname: 'userPrincipalName',
  mail: 'mail',
  givenname: 'givenName',
  surname: 'surname',
  id: 'id',
};

/** $filter: `<property> eq <value>` clauses joined by `and`, on the properties above. */
function userFilter(raw: string | null): (u: DemoUser) => boolean {
  if (raw === null || raw.trim() === '') return () => true;
  const tests = raw.split(/\s+and\s+/i).map((clause) => {
    const m = /^\s*\(?\s*(\w+)\s+(\w+)\s+(?:'((?:[^']|'')*)'|(true|false))\s*\)?\s*$/i.exec(clause);
    if (!m?.[1] || !m[2]) throw badRequest(`Invalid filter clause: '${clause.trim()}'.`);
    const key = FILTERABLE[m[1].toLowerCase()];
    if (!key || m[2].toLowerCase() !== 'eq')
      throw unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${m[1]}' of resource 'User'.`,
      );
    const wanted =
      m[4] !== undefined ? m[4].toLowerCase() === 'true' : (m[3] ?? '').replace(/''/g, "'").toLowerCase();
    if (key === 'accountEnabled' ? typeof wanted !== 'boolean' : typeof wanted !== 'string')
      throw badRequest(`A binary operator with incompatible types was detected in '${clause.trim()}'.`);
    return (u: DemoUser) => {
      const v = u[key];
      return typeof v === 'string' ? v.toLowerCase() === wanted : v === wanted;
    };
  });
  return (u) => tests.every((t) => t(u));
}
