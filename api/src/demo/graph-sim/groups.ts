// Groups: /groups/{id}, /groups/{id}/members and /groups/{id}/transitiveMembers, each optionally cast to
// microsoft.graph.user or microsoft.graph.group; pages of 100 by default and up to 999 (contract §2.4).
// Members are directoryObjects: users and nested groups, each with its @odata.type.
import { z } from 'zod';
import type { DemoGroup, DemoUser } from '../tenant/model';
import type { GraphCaller } from './auth';
import type { SimContext, SimRequest, SimResponse } from './context';
import { directoryNotFound, methodNotAllowed, unknownSegment, unsupportedQuery } from './errors';
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
  if (seg.length < 2) throw unknownSegment('groups');
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
