// Teams themselves: GET /teams/{id}, /teams/{id}/members (aadUserConversationMember items) and the
// user's direct memberships, /me/joinedTeams and /users/{id}/joinedTeams (contract §2.4).
import type { Team } from '@microsoft/microsoft-graph-types';
import type { DemoTeam } from '../tenant/model';
import type { GraphCaller } from './auth';
import { findUser, type SimContext, type SimRequest, type SimResponse } from './context';
import { badRequest, directoryNotFound, GraphSimError, methodNotAllowed, unknownSegment } from './errors';
import { GRAPH_ROOT, parseSelect, project, rejectOptions } from './odata';

const MEMBER_PROPERTIES = [
  'id',
  'roles',
  'displayName',
  'visibleHistoryStartDateTime',
  'userId',
  'email',
  'tenantId',
];

/** The team's thread id, as Teams and teams-js show it. */
export const internalTeamId = (team: DemoTeam): string => `19:${team.id.replace(/-/g, '')}@thread.tacv2`;

/** A team as Graph returns it from GET /teams/{id}. */
export function teamResource(ctx: SimContext, team: DemoTeam): Record<string, unknown> {
  const owners = new Set(team.ownerIds);
  const guests = team.memberIds.filter(
    (id) => ctx.userById.get(id.toLowerCase())?.userType === 'Guest',
  ).length;
  const { tenantId } = ctx.tenant;
  const wire: Team = {
    id: team.id,
    createdDateTime: team.createdDateTime,
    displayName: team.displayName,
    description: team.description,
    internalId: internalTeamId(team),
    classification: null,
    specialization: 'none',
    visibility: team.visibility,
    webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(internalTeamId(team))}/conversations?groupId=${team.id}&tenantId=${tenantId}`,
    isArchived: false,
    tenantId,
    memberSettings: {
      allowCreateUpdateChannels: true,
      allowDeleteChannels: true,
      allowAddRemoveApps: true,
      allowCreatePrivateChannels: true,
      allowCreateUpdateRemoveTabs: true,
      allowCreateUpdateRemoveConnectors: true,
    },
    guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
    messagingSettings: {
      allowUserEditMessages: true,
      allowUserDeleteMessages: true,
      allowOwnerDeleteMessages: true,
      allowTeamMentions: true,
      allowChannelMentions: true,
    },
    funSettings: {
      allowGiphy: true,
      giphyContentRating: 'moderate',
      allowStickersAndMemes: true,
      allowCustomMemes: true,
    },
    summary: {
      ownersCount: team.ownerIds.length,
      membersCount: team.memberIds.filter((id) => !owners.has(id)).length - guests,
      guestsCount: guests,
    },
  };
  return { ...wire };
}

/** True when a delegated caller is a member of the team (apps see every team). */
export function isTeamMember(caller: GraphCaller, team: DemoTeam): boolean {
  if (caller.kind === 'app') return true;
  const id = (caller.userId ?? '').toLowerCase();
  return team.memberIds.some((m) => m.toLowerCase() === id);
}

/** Parses the member filters Graph documents: by userId, or owners via roles/any. */
function memberFilter(raw: string | null): (userId: string, roles: string[]) => boolean {
  if (raw === null) return () => true;
  const byUser =
    /^\s*\(?\s*microsoft\.graph\.aadUserConversationMember\/userId\s+eq\s+'([^']*)'\s*\)?\s*$/i.exec(raw);
  if (byUser) return (userId) => userId.toLowerCase() === (byUser[1] ?? '').toLowerCase();
  const byRole = /^\s*roles\/any\(\s*(\w+)\s*:\s*\1\s+eq\s+'(\w+)'\s*\)\s*$/i.exec(raw);
  if (byRole) return (_id, roles) => roles.includes((byRole[2] ?? '').toLowerCase());
  throw badRequest(`Invalid filter clause: '${raw}'.`);
}

/** GET /teams/{id} and /teams/{id}/members; `rest` are the segments after the team id. */
export function teamResourceRoute(
  ctx: SimContext,
  caller: GraphCaller,
  req: SimRequest,
  team: DemoTeam,
  rest: string[],
): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  if (!isTeamMember(caller, team))
    throw new GraphSimError(403, 'Forbidden', 'The caller is not a member of the team.');
  if (rest.length === 0) {
    rejectOptions(req, ['$select']);
    const full = teamResource(ctx, team);
    const select = parseSelect(req.query.get('$select'), Object.keys(full), 'microsoft.graph.team');
    return {
      status: 200,
      json: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#teams/$entity`,
        ...project(full, select, Object.keys(full)),
      },
    };
  }
  if (rest.length !== 1 || rest[0]?.toLowerCase() !== 'members')
    throw unknownSegment(rest[rest.length - 1] ?? '');
  rejectOptions(req, ['$select', '$filter']);
  const select = parseSelect(
    req.query.get('$select'),
    MEMBER_PROPERTIES,
    'microsoft.graph.aadUserConversationMember',
  );
  const keep = memberFilter(req.query.get('$filter'));
  const owners = new Set(team.ownerIds);
  const value = [];
  for (const id of team.memberIds) {
    const user = ctx.userById.get(id.toLowerCase());
    if (!user) continue;
    const roles = owners.has(id) ? ['owner'] : user.userType === 'Guest' ? ['guest'] : [];
    if (!keep(user.id, roles)) continue;
    const full = {
      id: Buffer.from(`0#${team.id}#${user.id}`, 'utf8').toString('base64'),
      roles,
      displayName: user.displayName,
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId: user.id,
      email: user.mail,
      tenantId: ctx.tenant.tenantId,
    };
    value.push({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      ...project(full, select, MEMBER_PROPERTIES),
    });
  }
  return {
    status: 200,
    json: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#teams('${team.id}')/members`,
      '@odata.count': value.length,
      value,
    },
  };
}

/** /me/joinedTeams (delegated) and /users/{id}/joinedTeams: direct memberships, id/displayName/description only. */
export function joinedTeamsRoute(
  ctx: SimContext,
  caller: GraphCaller,
  req: SimRequest,
  seg: string[],
): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const me = seg[0]?.toLowerCase() === 'me';
  if (me && (caller.kind !== 'delegated' || !caller.userId))
    throw badRequest('/me request is only valid with delegated authentication flow.');
  const user = findUser(ctx, me ? (caller.userId ?? '') : (seg[1] ?? ''));
  if (!user) throw directoryNotFound(seg[1] ?? 'me');
  if (caller.kind === 'delegated' && user.id.toLowerCase() !== (caller.userId ?? '').toLowerCase())
    throw new GraphSimError(403, 'Forbidden', 'Delegated callers can only read their own joined teams.');
  rejectOptions(req, []);
  const teams = ctx.teamsOfUser.get(user.id) ?? [];
  return {
    status: 200,
    json: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#teams`,
      '@odata.count': teams.length,
      value: teams.map((t) => ({ id: t.id, displayName: t.displayName, description: t.description })),
    },
  };
}
