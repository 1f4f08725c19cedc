// Classifies a request path once, before any handler runs: the permissions.json path template it matches
// (for the 403 check), the Graph service behind it and what its throttling limits are keyed by.
import type { SimRequest } from './context';

/** Graph services the simulator throttles separately (graph-wire-contract.md §5.3, §1.7). */
export type Service = 'identity' | 'teams' | 'reports' | 'admin';

/** Request classes of the Teams per-app-per-tenant limits (contract §5.3 table). */
export type TeamsClass =
  'teamGet' | 'channelGet' | 'channelMessage' | 'teamMembers' | 'channels' | 'otherGet';

/** What dispatch needs to know about a request before handling it. */
export interface RouteInfo {
  /** Lower-case permissions.json template, e.g. `/users/{id}/manager`. */
  template: string;
  service: Service;
  teamsClass?: TeamsClass;
  /** Team or channel id for the 4-requests-per-second-per-team-or-channel limit. */
  resourceKey?: string;
  /** Identity resource-unit cost before the query modifiers. */
  baseCost?: number;
  /** Report function name (lower case), throttled per report. */
  report?: string;
  /** The user a /users/{id}… path is about (for scopes that only reach the signed-in user). */
  targetUser?: string;
}

const CASTS = new Set(['microsoft.graph.user', 'microsoft.graph.group']);

/** Classifies decoded segments after /v1.0; null when the path is not one the simulator serves. */
export function classify(seg: readonly string[]): RouteInfo | null {
  const s = seg.map((x) => x.toLowerCase());
  const [root, a, b, c, d, e, f, g] = s;
  switch (root) {
    case 'users':
    case 'me': {
      const me = root === 'me';
      const rest = me ? s.slice(1) : s.slice(2);
      const prefix = me ? '/me' : s.length === 1 ? '/users' : '/users/{id}';
      if (rest.length > 1) return null;
      const sub = rest[0];
      const template = sub === undefined ? prefix : `${prefix}/${sub}`;
      const target = me ? {} : seg[1] !== undefined ? { targetUser: seg[1] } : {};
      if (sub === 'joinedteams') return { template, service: 'teams', teamsClass: 'teamGet', ...target };
      return { template, service: 'identity', baseCost: template === '/users' ? 2 : 1, ...target };
    }
    case 'groups': {
      if (a === undefined) return { template: '/groups', service: 'identity', baseCost: 1 };
      if (s.length > 4 || (d !== undefined && !CASTS.has(d))) return null;
      if (b === undefined) return { template: '/groups/{id}', service: 'identity', baseCost: 1 };
      if (b !== 'members' && b !== 'transitivemembers') return null;
      return { template: `/groups/{id}/${b}`, service: 'identity', baseCost: b === 'members' ? 3 : 5 };
    }
    case 'teams': {
      if (a === undefined) return null;
      const team = { resourceKey: `team:${a}` };
      if (b === undefined)
        return { template: '/teams/{id}', service: 'teams', teamsClass: 'teamGet', ...team };
      if (b === 'members' && c === undefined)
        return { template: '/teams/{id}/members', service: 'teams', teamsClass: 'teamMembers', ...team };
      if (b !== 'channels') return null;
      if (c === undefined)
        return { template: '/teams/{id}/channels', service: 'teams', teamsClass: 'channels', ...team };
      const channel = { resourceKey: `channel:${c}` };
      const base = '/teams/{id}/channels/{id}';
      if (d === undefined) return { template: base, service: 'teams', teamsClass: 'channelGet', ...channel };
      if (d !== 'messages' || s.length > 8) return null;
      const message = (template: string): RouteInfo => ({
        template: `${base}/messages${template}`,
        service: 'teams',
        teamsClass: 'channelMessage',
        ...channel,
      });
      if (e === undefined) return message('');
      if (e === 'delta') return s.length === 6 ? message('/delta') : null;
      if (f === undefined) return message('/{id}');
      if (f !== 'replies') return null;
      return message(g === undefined ? '/{id}/replies' : '/{id}/replies/{id}');
    }
    case 'reports': {
      const call = /^(\w+)\(\s*(period|date)\s*=/.exec(a ?? '');
      if (!call?.[1] || s.length !== 2) return null;
      return { template: `/reports/${call[1]}(${call[2]}={value})`, service: 'reports', report: call[1] };
    }
    case 'admin':
      return a === 'reportsettings' && s.length === 2
        ? { template: '/admin/reportsettings', service: 'admin' }
        : null;
    default:
      return null;
  }
}

/** Identity resource units of a request: base cost, −1 for $select, +1 for $expand, −1 for $top < 20, at least 1. */
export function identityCost(route: RouteInfo, req: SimRequest): number {
  let cost = route.baseCost ?? 1;
  if (req.query.has('$select')) cost -= 1;
  if (req.query.has('$expand')) cost += 1;
  const top = Number(req.query.get('$top') ?? NaN);
  if (Number.isFinite(top) && top < 20) cost -= 1;
  return Math.max(1, cost);
}
