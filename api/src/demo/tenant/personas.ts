// The four people the demo's persona switcher signs in as, chosen by rule from the generated tenant.
import type { DemoPersonas, DemoTeam, DemoUser } from './model';
import type { Rng } from './random';

/** Recent counts (last 30 days) used to pick personas whose numbers are worth showing. */
export type RecentCounts = (u: DemoUser) => { chat: number; channel: number };

/**
 * Learner: an active sharer or responder in the target team (else any team) without reports; manager:
 * their own manager when that manager is at level 2–3 with three or more reports, else another such
 * manager; both with chat and channel activity in the last 30 days, and different numbers. Learning
 * leader: the L&D head. Admin: an IT individual contributor, titled Microsoft 365 Administrator.
 */
export function pickPersonas(
  rng: Rng,
  users: readonly DemoUser[],
  teams: readonly DemoTeam[],
  target: DemoTeam,
  level: ReadonlyMap<string, number>,
  head: DemoUser,
  recent: RecentCounts,
): DemoPersonas {
  const ok = (u: DemoUser | undefined): u is DemoUser =>
    !!u && u.accountEnabled && u.userType === 'Member' && u.managerId !== null;
  const byId = new Map(users.map((u) => [u.id, u]));
  const inTeam = new Set(teams.flatMap((t) => t.memberIds));
  const reportCount = new Map<string, number>();
  for (const u of users)
    if (u.managerId) reportCount.set(u.managerId, (reportCount.get(u.managerId) ?? 0) + 1);
  const learners = (ids: readonly string[]) =>
    rng.shuffle(
      ids
        .map((id) => byId.get(id))
        .filter(
          (u) =>
            ok(u) && !u.managerArchetype && (u.archetype === 'activeSharer' || u.archetype === 'responder'),
        ) as DemoUser[],
    );
  const managerFits = (m: DemoUser | undefined, l: DemoUser): m is DemoUser => {
    if (
      !ok(m) ||
      !inTeam.has(m.id) ||
      ![2, 3].includes(level.get(m.id) ?? 0) ||
      (reportCount.get(m.id) ?? 0) < 3
    )
      return false;
    const a = recent(l);
    const b = recent(m);
    return (
      a.chat > 0 &&
      a.channel > 0 &&
      b.chat > 0 &&
      b.channel > 0 &&
      a.chat !== b.chat &&
      a.channel !== b.channel
    );
  };
  const managers = rng.shuffle(users.filter((u) => u.managerArchetype));
  const findPair = (pool: readonly string[]): [DemoUser, DemoUser] | null => {
    const ls = learners(pool);
    for (const l of ls) {
      const direct = l.managerId ? byId.get(l.managerId) : undefined;
      if (managerFits(direct, l)) return [l, direct];
    }
    for (const l of ls.slice(0, 200)) {
      const m = managers.find((c) => managerFits(c, l));
      if (m) return [l, m];
    }
    return null;
  };
  const pair = findPair(target.memberIds) ?? findPair([...inTeam]);
  if (!pair)
    throw new Error('generateTenant: no learner/manager persona pair fits the rules; try another seed');
  const it = users.filter((u) => ok(u) && u.department === 'IT' && !u.managerArchetype);
  const admin = it.find((u) => u.jobTitle === 'Microsoft 365 Administrator') ?? it[0];
  if (!admin) throw new Error('generateTenant: the org has no IT member');
  admin.jobTitle = 'Microsoft 365 Administrator';
  return { learner: pair[0].id, manager: pair[1].id, learningLeader: head.id, admin: admin.id };
}
