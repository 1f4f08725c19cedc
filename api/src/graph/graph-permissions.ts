/**
 * The catalogue of every Microsoft Graph request LearnFit's production code makes, with the permission
 * it asks for each. A declaration only: no production code imports it, so nothing here changes what the
 * app does. tests/permissions.test.ts checks it against the code's Graph calls, Microsoft's permission
 * data (permissions.json), docs/permissions.md and infra/aad.manifest.json.
 */

/** How Graph authorises a request: on behalf of the signed-in person, or as the app itself. */
export type GraphScheme = 'DelegatedWork' | 'Application';

/**
 * How a request comes about: a direct call (`.api(…)`, including the next-link pages that reuse its
 * path), an item of a JSON `$batch`, or a navigation the response embeds through `$expand`.
 */
export type GraphRequestVia = 'call' | '$batch' | '$expand';

/** One Graph request and the permission LearnFit holds for it. */
export interface GraphRequest {
  readonly method: 'GET';
  /** Path template as permissions.json writes it: `{id}` for keys, `{value}` for function parameters. */
  readonly path: string;
  readonly scheme: GraphScheme;
  /** The one permission LearnFit asks for that authorises this request. */
  readonly permission: string;
  /** Files (from the repository root) whose code makes the request. */
  readonly sources: readonly string[];
  readonly via: GraphRequestVia;
  /** Set when Microsoft's permission data does not list `permission` for this path: why it is used anyway. */
  readonly gap?: string;
}

/** A request to Graph that needs no permission of its own. */
export interface PermissionFreeGraphRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly sources: readonly string[];
  readonly reason: string;
}

const userDirectory = 'api/src/graph/user-directory.ts';
const directorySearch = 'api/src/graph/directory-search.ts';
const orgChart = 'api/src/graph/collectors/org-chart.ts';
const teamStructure = 'api/src/graph/collectors/team-structure.ts';
const channelMessages = 'api/src/graph/collectors/channel-messages.ts';
const dailyActivity = 'api/src/graph/collectors/daily-activity.ts';
const usageReports = 'api/src/graph/usage-reports.ts';
const directReports = 'api/src/bot-ports/direct-reports.ts';

/** The user-detail reports the daily series read, one `(date=…)` request per report and day. */
const dailyReports = [
  'getTeamsUserActivityUserDetail',
  'getEmailActivityUserDetail',
  'getYammerActivityUserDetail',
  'getSharePointActivityUserDetail',
  'getOneDriveActivityUserDetail',
] as const;

/** Every Graph request of the production code (api/src, demo excluded). */
export const graphRequests: readonly GraphRequest[] = [
  // Delegated: the tab's SSO token exchanged on behalf of the user (tokens.forUser in compose.ts).
  {
    method: 'GET',
    path: '/me',
    scheme: 'DelegatedWork',
    permission: 'User.Read',
    sources: [userDirectory],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/me/manager',
    scheme: 'DelegatedWork',
    permission: 'User.ReadBasic.All',
    sources: [userDirectory],
    via: '$expand',
    gap:
      'permissions.json lists only User.Read.All (admin consent) and broader for /me/manager. A Microsoft ' +
      'Entra PM wrote that User.Read with User.ReadBasic.All reads the manager (microsoftgraph/' +
      'microsoft-graph-docs#3982); levels 2 and 3 of the chain are untested against a real tenant.',
  },
  {
    method: 'GET',
    path: '/me/directReports',
    scheme: 'DelegatedWork',
    permission: 'User.Read',
    sources: [userDirectory],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/users',
    scheme: 'DelegatedWork',
    permission: 'User.ReadBasic.All',
    sources: [directorySearch],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/groups',
    scheme: 'DelegatedWork',
    permission: 'Group.ReadBasic.All',
    sources: [directorySearch],
    via: 'call',
  },
  // Application: client credentials per tenant (appClientFor / tokens.forApp in compose.ts).
  {
    method: 'GET',
    path: '/users',
    scheme: 'Application',
    permission: 'User.Read.All',
    sources: [orgChart],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/users/{id}/manager',
    scheme: 'Application',
    permission: 'User.Read.All',
    sources: [orgChart],
    via: '$expand',
  },
  {
    method: 'GET',
    path: '/users/{id}/directReports',
    scheme: 'Application',
    permission: 'User.Read.All',
    sources: [directReports],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/teams/{id}/members',
    scheme: 'Application',
    permission: 'TeamMember.Read.All',
    sources: [teamStructure],
    via: '$batch',
  },
  {
    method: 'GET',
    path: '/teams/{id}/channels',
    scheme: 'Application',
    permission: 'Channel.ReadBasic.All',
    sources: [teamStructure],
    via: '$batch',
  },
  {
    method: 'GET',
    path: '/groups/{id}/transitiveMembers/microsoft.graph.user',
    scheme: 'Application',
    permission: 'GroupMember.ReadBasic.All',
    sources: [teamStructure],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/teams/{id}/channels/{id}/messages',
    scheme: 'Application',
    permission: 'ChannelMessage.Read.All',
    sources: [channelMessages],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/teams/{id}/channels/{id}/messages/{id}/replies',
    scheme: 'Application',
    permission: 'ChannelMessage.Read.All',
    sources: [channelMessages],
    via: '$expand',
  },
  {
    method: 'GET',
    path: '/admin/reportSettings',
    scheme: 'Application',
    permission: 'ReportSettings.Read.All',
    sources: [dailyActivity],
    via: 'call',
  },
  {
    method: 'GET',
    path: '/reports/getTeamsUserActivityUserDetail(period={value})',
    scheme: 'Application',
    permission: 'Reports.Read.All',
    sources: [usageReports],
    via: 'call',
  },
  ...dailyReports.map((fn): GraphRequest => ({
    method: 'GET',
    path: `/reports/${fn}(date={value})`,
    scheme: 'Application',
    permission: 'Reports.Read.All',
    sources: [dailyActivity],
    via: 'call',
  })),
];

/** Graph requests that are authorised without a permission of their own. */
export const permissionFreeGraphRequests: readonly PermissionFreeGraphRequest[] = [
  {
    method: 'POST',
    path: '/$batch',
    sources: ['api/src/graph/pacing/batch.ts'],
    reason: 'JSON batching: Graph authorises each item against its own path, catalogued above.',
  },
  {
    method: 'GET',
    path: '/',
    sources: ['api/src/compose.ts'],
    reason:
      'Readiness probe of the v1.0 root, sent without a token: any HTTP answer proves Graph is reachable.',
  },
];
