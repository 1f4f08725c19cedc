// Groups: /groups/{id}, /groups/{id}/members and /groups/{id}/transitiveMembers, each optionally cast to
// microsoft.graph.user or microsoft.graph.group; pages of 100 by default and up to 999 (contract §2.4).
// Members are directoryObjects: users and nested groups, each with its @odata.type.
import { z } from 'zod';
import type { DemoGroup, DemoUser } from '../tenant/model';
import type { GraphCaller } from './auth';
import type { SimContext, SimRequest, SimResponse } from './context';
import { badRequest, directoryNotFound, methodNotAllowed, unknownSegment, unsupportedQuery } from './errors';
import {
  decodeToken,
  encodeToken,
  expiredPageToken,
  GRAPH_ROOT,
  parseSelect,
  parseTop,
  project,
  rejectOptions,
  wantsCount,
} from './odata';
import { evaluateSearch, searchOf } from './search';
import { KNOWN_USER_PROPERTIES } from './user-resource';
import { wireUser } from './users';

/** Properties Graph returns for a group without $select (the simulator's subset of them). */
export const DEFAULT_GROUP_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'proxyAddresses',
  'renewedDateTime',
  'resourceProvisioningOptions',
  'securityEnabled',
  'securityIdentifier',
  'theme',
  'visibility',
] as const;

const pageToken = z.object({
  k: z.enum(['members', 'transitivemembers']),
  g: z.string(),
  c: z.enum(['user', 'group']).nullable(),
  p: z.number().int().min(0),
  t: z.number().int().min(1).max(999),
  s: z.string().nullable(),
});

/** A group as Graph returns it (all properties the simulator knows). */
export function groupProperties(ctx: SimContext, g: DemoGroup): Record<string, unknown> {
  const unified = g.kind === 'unified';
  const mail = unified ? `${g.mailNickname}@${ctx.tenant.domain}` : null;
  const team = g.teamId ? ctx.teamById.get(g.teamId.toLowerCase()) : undefined;
  const digits = g.id.replace(/-/g, '').slice(0, 24);
  const sid = [0, 8, 16].map((i) => parseInt(digits.slice(i, i + 8), 16)).join('-');
  return {
    id: g.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: g.createdDateTime,
    description: g.description,
    displayName: g.displayName,
    expirationDateTime: null,
    groupTypes: unified ? ['Unified'] : [],
    isAssignableToRole: null,
    mail,
    mailEnabled: unified,
    mailNickname: g.mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    proxyAddresses: mail ? [`SMTP:${mail}`] : [],
    renewedDateTime: g.createdDateTime,
    resourceProvisioningOptions: team ? ['Team'] : [],
    securityEnabled: !unified,
    securityIdentifier: `S-1-12-1-${sid}`,
    theme: null,
    visibility: unified ? (team?.visibility === 'private' ? 'Private' : 'Public') : null,
  };
}

type Member = { kind: 'user'; user: DemoUser } | { kind: 'group'; group: DemoGroup };

function membersOf(ctx: SimContext, g: DemoGroup, transitive: boolean): Member[] {
  const out: Member[] = [];
  const seenUsers = new Set<string>();
  const seenGroups = new Set<string>([g.id]);
  const groups: DemoGroup[] = [];
  const visit = (group: DemoGroup) => {
    for (const id of group.memberIds) {
      const user = ctx.userById.get(id.toLowerCase());
      if (user && !seenUsers.has(user.id)) {
        seenUsers.add(user.id);
        out.push({ kind: 'user', user });
      }
    }
    for (const id of group.memberGroupIds) {
      const nested = ctx.groupById.get(id.toLowerCase());
      if (!nested || seenGroups.has(nested.id)) continue;
      seenGroups.add(nested.id);
      groups.push(nested);
      if (transitive) visit(nested);
    }
  };
  visit(g);
  return [...out, ...groups.map((group) => ({ kind: 'group' as const, group }))];
}

const GROUP_NAMES: readonly string[] = DEFAULT_GROUP_PROPERTIES;
const invalidPageSize = (raw: string) =>
  unsupportedQuery(`Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);

/** Routes /groups/{id}[/members|/transitiveMembers[/microsoft.graph.user|group]] (permissions checked by dispatch). */
export function groupsRoute(
  ctx: SimContext,
  _caller: GraphCaller,
  req: SimRequest,
  seg: string[],
): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const [, id = '', relation, cast] = seg;
  if (seg.length < 2) return { status: 200, json: listGroups(ctx, req) };
  const group = ctx.groupById.get(id.toLowerCase());
  if (!group) throw directoryNotFound(id);
  if (relation === undefined) {
    rejectOptions(req, ['$select']);
    const select = parseSelect(req.query.get('$select'), GROUP_NAMES, 'microsoft.graph.group');
    return {
      status: 200,
      json: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#groups/$entity`,
        ...project(groupProperties(ctx, group), select, DEFAULT_GROUP_PROPERTIES),
      },
    };
  }
  const kind = relation.toLowerCase();
  if (kind !== 'members' && kind !== 'transitivemembers') throw unknownSegment(relation);
  const castTo =
    cast === undefined
      ? null
      : cast.toLowerCase() === 'microsoft.graph.user'
        ? 'user'
        : cast.toLowerCase() === 'microsoft.graph.group'
          ? 'group'
          : undefined;
  if (castTo === undefined || seg.length > 4) throw unknownSegment(cast ?? relation);
  rejectOptions(req, ['$select', '$top', '$count', '$skiptoken']);
  const token = req.query.get('$skiptoken');
  const state =
    token !== null
      ? decodeToken(token, pageToken)
      : {
          k: kind,
          g: group.id,
          c: castTo,
          p: 0,
          t: parseTop(req.query.get('$top'), 100, 999, invalidPageSize),
          s: req.query.get('$select'),
        };
  if (state.k !== kind || state.g !== group.id || state.c !== castTo) throw expiredPageToken();
  const count = token === null && wantsCount(req);
  const select = parseSelect(
    state.s,
    [...new Set([...KNOWN_USER_PROPERTIES, ...GROUP_NAMES])],
    'microsoft.graph.directoryObject',
  );
  const all = membersOf(ctx, group, kind === 'transitivemembers').filter(
    (m) => castTo === null || m.kind === castTo,
  );
  const items = all.slice(state.p, state.p + state.t);
  const next = state.p + state.t < all.length ? encodeToken({ ...state, p: state.p + state.t }) : null;
  const path = `groups/${group.id}/${relation}${cast ? `/${cast}` : ''}`;
  const only = (names: readonly string[]) => {
    if (!select) return null;
    const mine = select.filter((n) => names.includes(n));
    return mine.length > 0 ? mine : ['id'];
  };
  return {
    status: 200,
    json: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#${castTo === 'user' ? 'users' : castTo === 'group' ? 'groups' : 'directoryObjects'}`,
      ...(count ? { '@odata.count': all.length } : {}),
      ...(next ? { '@odata.nextLink': `${GRAPH_ROOT}/${path}?$skiptoken=${next}` } : {}),
      value: items.map((m) =>
        m.kind === 'user'
          ? wireUser(ctx, m.user, only(KNOWN_USER_PROPERTIES), castTo === null)
          : {
              ...(castTo === null ? { '@odata.type': '#microsoft.graph.group' } : {}),
              ...project(groupProperties(ctx, m.group), only(GROUP_NAMES), DEFAULT_GROUP_PROPERTIES),
            },
      ),
    },
  };
}

const listToken = z.object({
  k: z.literal('groups'),
  p: z.number().int().min(0),
  t: z.number().int().min(1).max(999),
  s: z.string().nullable(),
  f: z.string().nullable(),
  q: z.string().nullable(),
});

/** String properties of a group that $search accepts (those $filter supports). */
const SEARCHABLE_GROUP = ['displayName', 'description', 'mail', 'mailNickname'] as const;

/**
 * $filter on the group list: clauses joined by `and`, each one of
 * `resourceProvisioningOptions/any(x:x eq 'Team')` (the documented way to list teams),
 * `groupTypes/any(c:c eq 'Unified')`, `securityEnabled|mailEnabled eq true|false` or
 * `displayName|mailNickname eq '…'`.
 */
function groupFilter(ctx: SimContext, raw: string | null): (g: DemoGroup) => boolean {
  if (raw === null || raw.trim() === '') return () => true;
  const tests = raw.split(/\s+and\s+/i).map((clause): ((g: DemoGroup) => boolean) => {
    const text = clause
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .trim();
    const lambda =
      /^(resourceProvisioningOptions|groupTypes)\/any\(\s*(\w+)\s*:\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(
        text,
      );
    if (lambda?.[1] && lambda[2] && lambda[3]) {
      if (lambda[2] !== lambda[3]) throw badRequest(`Could not find a property named '${lambda[3]}'.`);
      const property =
        lambda[1].toLowerCase() === 'groupTypes'.toLowerCase() ? 'groupTypes' : 'resourceProvisioningOptions';
      const wanted = (lambda[4] ?? '').replace(/''/g, "'").toLowerCase();
      return (g) =>
        ((groupProperties(ctx, g)[property] as string[]) ?? []).some(
          (value) => value.toLowerCase() === wanted,
        );
    }
    const flag = /^(securityEnabled|mailEnabled)\s+eq\s+(true|false)$/i.exec(text);
    if (flag?.[1] && flag[2]) {
      const property = flag[1].toLowerCase() === 'securityenabled' ? 'securityEnabled' : 'mailEnabled';
      const wanted = flag[2].toLowerCase() === 'true';
      return (g) => groupProperties(ctx, g)[property] === wanted;
    }
    const name = /^(displayName|mailNickname)\s+eq\s+'((?:[^']|'')*)'$/i.exec(text);
    if (name?.[1]) {
      const property = name[1].toLowerCase() === 'displayname' ? 'displayName' : 'mailNickname';
      const wanted = (name[2] ?? '').replace(/''/g, "'").toLowerCase();
      return (g) => String(groupProperties(ctx, g)[property] ?? '').toLowerCase() === wanted;
    }
    throw unsupportedQuery(
      `Unsupported or invalid query filter clause specified for resource 'Group': '${text}'.`,
    );
  });
  return (g) => tests.every((test) => test(g));
}

/** GET /groups: $filter, $search (advanced query), $select, $top (default 100, max 999), $count and paging. */
function listGroups(ctx: SimContext, req: SimRequest): object {
  rejectOptions(req, ['$select', '$top', '$filter', '$count', '$search', '$skiptoken']);
  const token = req.query.get('$skiptoken');
  const state =
    token !== null
      ? decodeToken(token, listToken)
      : {
          k: 'groups' as const,
          p: 0,
          t: parseTop(req.query.get('$top'), 100, 999, invalidPageSize),
          s: req.query.get('$select'),
          f: req.query.get('$filter'),
          q: req.query.get('$search'),
        };
  const first = token === null;
  const count = first && wantsCount(req);
  const select = parseSelect(state.s, GROUP_NAMES, 'microsoft.graph.group');
  const search = searchOf(req, state.q, first, SEARCHABLE_GROUP, 'microsoft.graph.group');
  const filter = groupFilter(ctx, state.f);
  const matches = ctx.tenant.groups.filter(
    (g) =>
      filter(g) &&
      (search === null ||
        evaluateSearch(search, g, (group, property) => {
          const value = groupProperties(ctx, group)[property];
          return typeof value === 'string' ? value : null;
        })),
  );
  const items = matches.slice(state.p, state.p + state.t);
  const next = state.p + state.t < matches.length ? encodeToken({ ...state, p: state.p + state.t }) : null;
  return {
    '@odata.context': `${GRAPH_ROOT}/$metadata#groups${select ? `(${select.join(',')})` : ''}`,
    ...(count ? { '@odata.count': matches.length } : {}),
    ...(next ? { '@odata.nextLink': `${GRAPH_ROOT}/groups?$skiptoken=${next}` } : {}),
    value: items.map((g) => project(groupProperties(ctx, g), select, DEFAULT_GROUP_PROPERTIES)),
  };
}
