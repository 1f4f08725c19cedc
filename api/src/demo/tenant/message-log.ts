// Channel messages held lazily: each team's messages are regenerated from its own random stream when
// asked for, and the most recently used teams stay cached up to a message budget. Small tenants end up
// fully cached; a 100,000-person tenant never holds more than the budget.
import type { DemoMessage, DemoTeam, MessageLog } from './model';

/** Messages kept in memory by default (about 100 MB); generation streams through the rest. */
export const DEFAULT_MESSAGE_CACHE = 250_000;

/** The log plus what the generator needs: one streaming pass and the materialised list. */
export interface MessageLogControl<D> {
  readonly log: MessageLog;
  /** Visits every team's drafts once, in team order, without building messages; records the total. */
  stream(visit: (team: DemoTeam, drafts: readonly D[]) => void): void;
  /** Every message, oldest first (ties in team order); built on first call and kept. */
  all(): readonly DemoMessage[];
}

/** Creates a lazy, cached log over deterministic per-team generation (drafts first, then messages). */
export function createMessageLog<D>(
  teams: readonly DemoTeam[],
  draft: (team: DemoTeam) => D[],
  build: (team: DemoTeam, drafts: readonly D[]) => DemoMessage[],
  cacheLimit: number = DEFAULT_MESSAGE_CACHE,
): MessageLogControl<D> {
  const byId = new Map(teams.map((t) => [t.id.toLowerCase(), t]));
  const cache = new Map<string, DemoMessage[]>();
  let cached = 0;
  let total = 0;
  let everything: DemoMessage[] | null = null;
  const remember = (id: string, messages: DemoMessage[]) => {
    if (messages.length > cacheLimit) return;
    while (cached + messages.length > cacheLimit) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cached -= cache.get(oldest.value)?.length ?? 0;
      cache.delete(oldest.value);
    }
    cache.set(id, messages);
    cached += messages.length;
  };
  const forTeam = (teamId: string): readonly DemoMessage[] => {
    const key = teamId.toLowerCase();
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const team = byId.get(key);
    if (!team) return [];
    const messages = build(team, draft(team));
    remember(key, messages);
    return messages;
  };
  const log: MessageLog = {
    forTeam,
    get total() {
      return total;
    },
  };
  return {
    log,
    stream(visit) {
      total = 0;
      for (const team of teams) {
        const drafts = draft(team);
        total += drafts.length;
        visit(team, drafts);
      }
    },
    all() {
      if (!everything) {
        const list = teams.flatMap((t) => [...forTeam(t.id)]);
        everything = list.sort((a, b) =>
          a.createdDateTime < b.createdDateTime ? -1 : a.createdDateTime > b.createdDateTime ? 1 : 0,
        );
      }
      return everything;
    },
  };
}
