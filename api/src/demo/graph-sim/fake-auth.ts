// A fake token verifier for tests and local tooling: no signatures, just readable bearer strings.
import type { GraphCaller, GraphSimAuth } from './auth';

/** What the fake grants to each kind of caller. */
export interface FakeAuthOptions {
  tenantId: string;
  appRoles?: string[];
  delegatedScopes?: string[];
}

/**
 * Maps `Bearer app` to an app caller, `Bearer app:<Role1>,<Role2>` to an app caller with exactly those
 * roles, `Bearer user:<id>` to a delegated caller, `Bearer user:<id>:<Scope1>,<Scope2>` likewise with
 * those scopes, and `Bearer other-tenant` to an app caller of another tenant; anything else is invalid.
 * App callers are `fake-app` unless the token names another after `@`: `Bearer app@second-app`.
 */
export function createFakeGraphAuth(options: FakeAuthOptions): GraphSimAuth {
  const roles = options.appRoles ?? [
    'User.Read.All',
    'GroupMember.Read.All',
    'Team.ReadBasic.All',
    'TeamMember.Read.All',
    'Reports.Read.All',
    'ReportSettings.Read.All',
    'ChannelMessage.Read.All',
    'Channel.ReadBasic.All',
  ];
  const scopes = options.delegatedScopes ?? [
    'User.Read',
    'User.ReadBasic.All',
    'ChannelMessage.Read.All',
    'Channel.ReadBasic.All',
  ];
  const list = (text: string | undefined, fallback: string[]) =>
    text === undefined ? fallback : text.split(',').filter(Boolean);
  return {
    verify(authorization) {
      const [token, appId = 'fake-app'] = (/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '').split('@');
      let caller: GraphCaller | null = null;
      if (token === 'other-tenant') {
        caller = {
          kind: 'app',
          tenantId: '00000000-0000-0000-0000-000000000000',
          userId: null,
          scopes: [],
          roles,
        };
      } else if (token === 'app' || token?.startsWith('app:')) {
        caller = {
          kind: 'app',
          tenantId: options.tenantId,
          userId: null,
          scopes: [],
          roles: list(token.split(':')[1], roles),
          appId,
        };
      } else if (token?.startsWith('user:')) {
        const [, id, granted] = token.split(':');
        if (id)
          caller = {
            kind: 'delegated',
            tenantId: options.tenantId,
            userId: id,
            scopes: list(granted, scopes),
            roles: [],
            appId,
          };
      }
      return Promise.resolve(caller);
    },
  };
}
