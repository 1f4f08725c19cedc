import { app, authentication } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';
import { tabConfig } from '../config';

/** The Teams themes the tab follows; anything else Teams may send is shown as `default`. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** Maps a theme name from Teams to one the tab knows. */
export function toTeamsTheme(value: string | null | undefined): TeamsTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** The team and channel, when the tab runs as a channel tab. */
export interface ChannelPlacement {
  readonly teamId: string;
  readonly groupId: string | null;
  readonly teamName: string | null;
  readonly channelId: string | null;
  readonly channelName: string | null;
}

/** What the host told the tab about where it runs; ids only, no token. */
export interface HostContext {
  readonly userId: string | null;
  readonly tenantId: string | null;
  readonly userPrincipalName: string | null;
  readonly locale: string;
  readonly frameContext: string;
  readonly hostName: string;
  readonly hostClientType: string;
  readonly placement: ChannelPlacement | null;
  /** The page a Teams deep link asked for (`subEntityId`), a tab path such as `initiatives/<id>/learners`. */
  readonly subPageId: string | null;
}

/** A connected Teams host: its context, single sign-on and theme changes. */
export interface TeamsHost {
  readonly context: HostContext;
  readonly initialTheme: TeamsTheme;
  /** A Teams SSO token for the LearnFit API; rejects with the host's reason. */
  getAuthToken(): Promise<string>;
  /** Subscribes to theme changes; returns the unsubscribe function. */
  onThemeChange(listener: (theme: TeamsTheme) => void): () => void;
}

/** The outcome of looking for a Teams host. */
export type HostConnection = { kind: 'teams'; host: TeamsHost } | { kind: 'not-in-teams'; reason: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function rejectAfter(ms: number, message: string): { promise: Promise<never>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

function toHostContext(context: app.Context): HostContext {
  const team = context.team;
  return {
    userId: context.user?.id ?? null,
    tenantId: context.user?.tenant?.id ?? null,
    userPrincipalName: context.user?.userPrincipalName ?? null,
    locale: context.app.locale,
    frameContext: String(context.page.frameContext),
    hostName: String(context.app.host.name),
    hostClientType: String(context.app.host.clientType),
    placement: team
      ? {
          teamId: team.internalId,
          groupId: team.groupId ?? null,
          teamName: team.displayName ?? null,
          channelId: context.channel?.id ?? null,
          channelName: context.channel?.displayName ?? null,
        }
      : null,
    subPageId: context.page.subPageId ? context.page.subPageId : null,
  };
}

/**
 * Initialises teams-js and reads the context. Outside a Teams frame teams-js rejects at once
 * ("No Parent window found"); a frame whose parent never answers is given up after `timeoutMs`.
 */
export async function connectToTeams(timeoutMs: number = tabConfig.hostTimeoutMs): Promise<HostConnection> {
  const timeout = rejectAfter(timeoutMs, `No Teams host answered within ${timeoutMs / 1000} s.`);
  let context: app.Context;
  try {
    await Promise.race([app.initialize(), timeout.promise]);
    context = await Promise.race([app.getContext(), timeout.promise]);
  } catch (error) {
    return { kind: 'not-in-teams', reason: describe(error) };
  } finally {
    timeout.cancel();
  }

  const listeners = new Set<(theme: TeamsTheme) => void>();
  // teams-js keeps one theme handler, so it is registered once here and fanned out to subscribers.
  app.registerOnThemeChangeHandler((theme) => {
    for (const listener of listeners) listener(toTeamsTheme(theme));
  });
  // Tells Teams the tab loaded, which hides the host's loading indicator; a failure here changes nothing for the user.
  app.notifySuccess().catch(() => undefined);

  return {
    kind: 'teams',
    host: {
      context: toHostContext(context),
      initialTheme: toTeamsTheme(context.app.theme),
      getAuthToken: () => authentication.getAuthToken(),
      onThemeChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

let sharedConnection: Promise<HostConnection> | undefined;

/** Connects once per page: teams-js may be initialised only once, and React may mount twice. */
export function connectToTeamsOnce(): Promise<HostConnection> {
  sharedConnection ??= connectToTeams();
  return sharedConnection;
}

/** The tab's view of its host while connecting, outside Teams, or connected with the current theme. */
export type TeamsHostState =
  | { status: 'connecting' }
  | { status: 'not-in-teams'; reason: string }
  | { status: 'ready'; host: TeamsHost; theme: TeamsTheme };

/** Connects to the Teams host and follows its theme changes. */
export function useTeamsHost(connect: () => Promise<HostConnection> = connectToTeamsOnce): TeamsHostState {
  const [state, setState] = useState<TeamsHostState>({ status: 'connecting' });

  useEffect(() => {
    let active = true;
    let unsubscribe: (() => void) | undefined;
    connect().then(
      (connection) => {
        if (!active) return;
        if (connection.kind === 'not-in-teams') {
          setState({ status: 'not-in-teams', reason: connection.reason });
          return;
        }
        const { host } = connection;
        setState({ status: 'ready', host, theme: host.initialTheme });
        unsubscribe = host.onThemeChange((theme) => setState({ status: 'ready', host, theme }));
      },
      (error: unknown) => {
        if (active) setState({ status: 'not-in-teams', reason: describe(error) });
      },
    );
    return () => {
      active = false;
      unsubscribe?.();
    };
  }, [connect]);

  return state;
}
