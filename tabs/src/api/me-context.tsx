import type { RoleName } from '@learnfit/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useMe, type MeState } from './use-me';

/** `GET /api/me` as loaded once for the whole tab, with Retry. */
export interface SharedMe {
  readonly state: MeState;
  readonly retry: () => void;
}

const MeContext = createContext<SharedMe | null>(null);

/** Loads the signed-in person once and shares them with the navigation and every page below. */
export function MeProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The shared `GET /api/me` state; needs a `MeProvider` above it. */
export function useSharedMe(): SharedMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useSharedMe needs a MeProvider above it.');
  return me;
}

/** The signed-in person's roles once known; null while loading, after a failure or without a provider. */
export function useMyRoles(): readonly RoleName[] | null {
  const me = useContext(MeContext);
  return me?.state.status === 'ready' ? me.state.me.roles : null;
}

/** The signed-in person's user id once known (used to keep one person's drafts apart from another's). */
export function useMyUserId(): string | null {
  const me = useContext(MeContext);
  return me?.state.status === 'ready' ? me.state.me.user.id : null;
}
