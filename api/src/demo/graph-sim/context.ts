// Request/response shapes inside the simulator and the indexes built once over the tenant. Channel
// messages are indexed lazily per team (the tenant generates them on demand) and a bounded number of
// indexed teams is kept.
import type { DemoChannel, DemoGroup, DemoMessage, DemoTeam, DemoTenant, DemoUser } from '../tenant/model';
import type { GraphSimAuth } from './auth';
import type { Throttle } from './throttle';

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
  /** Rendered as Graph's error envelope, with the response's request ids; `inner` adds innerError fields. */
  error?: { code: string; message: string; inner?: Readonly<Record<string, string>> };
}

/** A pending report download behind a reports.office.com link. */
export interface ReportTicket {
  report: string;
  start: string; // YYYY-MM-DD, inclusive
  end: string; // YYYY-MM-DD, inclusive; also the Report Refresh Date
  periodDays: number;
  expiresAt: number;
}

/** A channel's messages: roots newest first, each root's replies newest first, and each thread's last change. */
export interface ChannelMessages {
  roots: DemoMessage[];
  replies: Map<string, DemoMessage[]>;
  /** Root id → the latest created or reaction time in the thread (ISO), Graph's lastModifiedDateTime. */
  threadModified: Map<string, string>;
}

/** Tenant settings the simulator lets callers change (PATCH /admin/reportSettings). */
export interface TenantSettings {
  displayConcealedNames: boolean;
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
  groupById: Map<string, DemoGroup>;
  /** User id → teams the user is a direct member of. */
  teamsOfUser: Map<string, DemoTeam[]>;
  downloads: Map<string, ReportTicket>;
  /** How long a report download link stays valid. */
  downloadTtlMs: number;
  settings: TenantSettings;
  throttle: Throttle | null;
  /** A channel's messages, indexed on first use. */
  channelMessages(team: DemoTeam, channel: DemoChannel): ChannelMessages;
}

/** Messages kept indexed across teams before the least recently used team is dropped. */
const INDEXED_MESSAGES = 300_000;

/** The latest change in a message: its creation or its newest reaction. */
export function lastModified(m: DemoMessage): string {
  let latest = m.createdDateTime;
  for (const r of m.reactions) if (r.createdDateTime > latest) latest = r.createdDateTime;
  return latest;
}

function indexTeam(messages: readonly DemoMessage[]): Map<string, ChannelMessages> {
  const out = new Map<string, ChannelMessages>();
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as DemoMessage;
    let entry = out.get(m.channelId);
    if (!entry) out.set(m.channelId, (entry = { roots: [], replies: new Map(), threadModified: new Map() }));
    const rootId = m.replyToId ?? m.id;
    const modified = lastModified(m);
    if ((entry.threadModified.get(rootId) ?? '') < modified) entry.threadModified.set(rootId, modified);
    if (m.replyToId === null) entry.roots.push(m);
    else {
      const thread = entry.replies.get(m.replyToId);
      if (thread) thread.push(m);
      else entry.replies.set(m.replyToId, [m]);
    }
  }
  return out;
}

/** Indexes the tenant for the routes (O(users + teams), done once per simulator). */
export function createContext(deps: {
  tenant: DemoTenant;
  auth: GraphSimAuth;
  now: () => Date;
  throttle: Throttle | null;
  downloadTtlMs: number;
}): SimContext {
  const { tenant } = deps;
  const userById = new Map(tenant.users.map((u) => [u.id.toLowerCase(), u]));
  const userByUpn = new Map(tenant.users.map((u) => [u.userPrincipalName.toLowerCase(), u]));
  const reportsOf = new Map<string, DemoUser[]>();
  for (const u of tenant.users) {
    if (!u.managerId) continue;
    const list = reportsOf.get(u.managerId);
    if (list) list.push(u);
    else reportsOf.set(u.managerId, [u]);
  }
  const teamsOfUser = new Map<string, DemoTeam[]>();
  for (const team of tenant.teams)
    for (const id of team.memberIds) {
      const list = teamsOfUser.get(id);
      if (list) list.push(team);
      else teamsOfUser.set(id, [team]);
    }
  const indexed = new Map<string, { size: number; channels: Map<string, ChannelMessages> }>();
  let indexedSize = 0;
  const empty = (): ChannelMessages => ({ roots: [], replies: new Map(), threadModified: new Map() });
  return {
    ...deps,
    userById,
    userByUpn,
    reportsOf,
    teamById: new Map(tenant.teams.map((t) => [t.id.toLowerCase(), t])),
    groupById: new Map(tenant.groups.map((g) => [g.id.toLowerCase(), g])),
    teamsOfUser,
    downloads: new Map(),
    downloadTtlMs: deps.downloadTtlMs,
    settings: { displayConcealedNames: tenant.reportsConcealed },
    channelMessages(team, channel) {
      let entry = indexed.get(team.id);
      if (entry) {
        indexed.delete(team.id);
        indexed.set(team.id, entry);
      } else {
        const messages = tenant.messageLog.forTeam(team.id);
        entry = { size: messages.length, channels: indexTeam(messages) };
        for (const [id, old] of indexed) {
          if (indexedSize + entry.size <= INDEXED_MESSAGES) break;
          indexed.delete(id);
          indexedSize -= old.size;
        }
        indexed.set(team.id, entry);
        indexedSize += entry.size;
      }
      return entry.channels.get(channel.id) ?? empty();
    },
  };
}

/** Finds a user by object id or user principal name (case-insensitive), as Graph does. */
export function findUser(ctx: SimContext, idOrUpn: string): DemoUser | undefined {
  const key = idOrUpn.toLowerCase();
  return ctx.userById.get(key) ?? ctx.userByUpn.get(key);
}
