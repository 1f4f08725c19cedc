// Request/response shapes inside the simulator and the indexes built once over the tenant.
import type { DemoMessage, DemoTeam, DemoTenant, DemoUser } from '../tenant/model';
import type { GraphSimAuth } from './auth';

/** One request as the routes see it (also used for the items of a $batch). */
export interface SimRequest {
  method: string;
  /** Path without query, e.g. `/v1.0/users/abc`; segments are still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Header lookup, case-insensitive. */
  header(name: string): string | undefined;
  body: unknown;
}

/** One response before it is written to the wire. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  bytes?: Buffer;
  /** Rendered as Graph's error envelope, with the response's request ids. */
  error?: { code: string; message: string };
}

/** A pending report download behind a reports.office.com link. */
export interface ReportTicket {
  report: string;
  start: string; // YYYY-MM-DD, inclusive
  end: string; // YYYY-MM-DD, inclusive; also the Report Refresh Date
  periodDays: number;
  expiresAt: number;
}

/** A channel's messages: roots newest first, and each root's replies newest first. */
export interface ChannelMessages {
  roots: DemoMessage[];
  replies: Map<string, DemoMessage[]>;
}

/** What every route can use. */
export interface SimContext {
  tenant: DemoTenant;
  auth: GraphSimAuth;
  now: () => Date;
  userById: Map<string, DemoUser>;
  userByUpn: Map<string, DemoUser>;
  reportsOf: Map<string, DemoUser[]>;
  teamById: Map<string, DemoTeam>;
  channelMessages: Map<string, ChannelMessages>; // key: `${teamId}|${channelId}`
  downloads: Map<string, ReportTicket>;
}

/** Indexes the tenant for the routes (O(users + messages), done once per simulator). */
export function createContext(deps: { tenant: DemoTenant; auth: GraphSimAuth; now: () => Date }): SimContext {
  const { tenant } = deps;
  const userById = new Map(tenant.users.map((u) => [u.id.toLowerCase(), u]));
  const userByUpn = new Map(tenant.users.map((u) => [u.userPrincipalName.toLowerCase(), u]));
  const reportsOf = new Map<string, DemoUser[]>();
  for (const u of tenant.users) {
    if (!u.managerId) continue;
    const list = reportsOf.get(u.managerId) ?? [];
    list.push(u);
    reportsOf.set(u.managerId, list);
  }
  const channelMessages = new Map<string, ChannelMessages>();
  const bucket = (m: DemoMessage) => {
    const key = `${m.teamId}|${m.channelId}`;
    let entry = channelMessages.get(key);
    if (!entry) channelMessages.set(key, (entry = { roots: [], replies: new Map() }));
    return entry;
  };
  for (let i = tenant.messages.length - 1; i >= 0; i--) {
    const m = tenant.messages[i] as DemoMessage;
    const entry = bucket(m);
    if (m.replyToId === null) entry.roots.push(m);
    else {
      const thread = entry.replies.get(m.replyToId);
      if (thread) thread.push(m);
      else entry.replies.set(m.replyToId, [m]);
    }
  }
  return {
    ...deps,
    userById,
    userByUpn,
    reportsOf,
    teamById: new Map(tenant.teams.map((t) => [t.id.toLowerCase(), t])),
    channelMessages,
    downloads: new Map(),
  };
}

/** Finds a user by object id or user principal name (case-insensitive), as Graph does. */
export function findUser(ctx: SimContext, idOrUpn: string): DemoUser | undefined {
  const key = idOrUpn.toLowerCase();
  return ctx.userById.get(key) ?? ctx.userByUpn.get(key);
}
