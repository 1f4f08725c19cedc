import type { SsoIdentity } from '../identity/sso-token-validator';
import type { Logger } from '../logger';
import type { PrincipalRolesStore } from './principal-roles-store';

/** Options of the recorder. */
export interface PrincipalRolesRecorderOptions {
  readonly store: PrincipalRolesStore;
  readonly now: () => Date;
  readonly logger: Logger;
  /** A person's unchanged roles are written again after this long, to refresh `seen_at` (10 min). */
  readonly refreshMs?: number;
  /** People whose last write is remembered in memory (oldest dropped first). */
  readonly maxEntries?: number;
}

/** Remembers the app roles of each validated SSO token for the bot. */
export interface PrincipalRolesRecorder {
  /** Records in the background; never throws and never delays the caller. */
  seen(identity: SsoIdentity): void;
  /** Resolves when the writes started so far have finished (tests, shutdown). */
  settled(): Promise<void>;
}

/**
 * Writes a person's app roles when they differ from the last write or that write is older than
 * `refreshMs`; otherwise does nothing, so a busy tab costs no database writes. The write runs behind
 * the request: a failed write is logged (without the person's id) and retried on the next request.
 */
export function createPrincipalRolesRecorder(options: PrincipalRolesRecorderOptions): PrincipalRolesRecorder {
  const refreshMs = options.refreshMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 50_000;
  const last = new Map<string, { roles: string; at: number }>();
  const pending = new Set<Promise<void>>();
  return {
    seen(identity) {
      const key = `${identity.tenantId}|${identity.userId.toLowerCase()}`;
      const roles = JSON.stringify([...new Set(identity.roles)].sort());
      const at = options.now();
      const previous = last.get(key);
      if (previous && previous.roles === roles && at.getTime() - previous.at < refreshMs) return;
      last.delete(key);
      last.set(key, { roles, at: at.getTime() });
      if (last.size > maxEntries) last.delete(last.keys().next().value ?? '');
      const write = options.store
        .record(identity.tenantId, identity.userId, identity.roles, at)
        .catch((error: unknown) => {
          if (last.get(key)?.at === at.getTime()) last.delete(key);
          options.logger.warn('principal roles not recorded', {
            error: error instanceof Error ? error.message : String(error),
          });
        })
        .finally(() => pending.delete(write));
      pending.add(write);
    },
    async settled() {
      await Promise.all([...pending]);
    },
  };
}
