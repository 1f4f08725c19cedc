// Deterministic synthetic tenant: org tree, Teams, channel messages and daily activity, all from one seed.
// The window covers whole UTC days: it ends at the start of asOf's UTC day (exactly asOf when asOf is
// midnight UTC, the demo default) and starts weeks*7 days earlier. Nothing here reads the clock.
import { buildMessages } from './generate-messages';
import { buildOrg, buildTeams, dailyCounts, DAY } from './generate-org';
import type { DemoMessage, DemoTeam, DemoTenant, DemoUser } from './model';
import { Rng } from './random';

/** Who can read and post in a channel (defined with the teams, re-exported for the simulator). */
export { channelMemberIds } from './generate-org';

/** Options of generateTenant; asOf always comes from the caller. */
export interface GenerateTenantOptions {
  seed: number;
  people: number;
  weeks: number;
  asOf: Date;
}

/** Builds the whole demo tenant from a seed; identical options always give a deep-equal tenant. */
export function generateTenant(options: GenerateTenantOptions): DemoTenant {
  const { seed, people, weeks } = options;
  if (!Number.isInteger(people) || people < 50) throw new RangeError('people must be an integer >= 50');
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new RangeError('weeks must be an integer in 1..52');
  const windowEnd = Math.floor(options.asOf.getTime() / DAY) * DAY;
  const windowStart = windowEnd - weeks * 7 * DAY;
  const days = weeks * 7;
  const domain = 'learnfit-demo.onmicrosoft.com';
  const org = buildOrg(Rng.derive(seed, 'org'), people, domain);
  const { users, level } = org;
  const userById = new Map(users.map((u) => [u.id, u]));
  const actRng = Rng.derive(seed, 'activity');
  const cutoff = new Map<string, number>(); // disabled accounts stop being active on this day index
  for (const u of users) {
    if (!u.accountEnabled) cutoff.set(u.id, actRng.int(Math.floor(days / 3), Math.floor((2 * days) / 3)));
    u.daily = dailyCounts(actRng, u, days, windowStart, cutoff.get(u.id) ?? days);
  }
  const teams = buildTeams(Rng.derive(seed, 'teams'), users, windowStart);
  const messages = buildMessages(
    Rng.derive(seed, 'messages'),
    teams,
    userById,
    windowStart,
    windowEnd,
    cutoff,
  );
  const personaRng = Rng.derive(seed, 'personas');
  const target = teams[1] as DemoTeam;
  const recent = recentCounts(users, messages, days, windowEnd);
  const personas = pickPersonas(personaRng, users, teams, target, level, recent);
  const lnd = users.filter((u) => u.department === 'Learning & Development' && u.accountEnabled);
  const others = personaRng.shuffle(lnd.filter((u) => u.id !== personas.learningLeader));
  const designTeam = [personas.learningLeader, ...others.slice(0, personaRng.int(3, 5)).map((u) => u.id)];
  return {
    tenantId: Rng.derive(seed, 'tenant').guid(),
    displayName: 'LearnFit Demo Co',
    domain,
    seed,
    asOf: options.asOf.toISOString(),
    windowStart: new Date(windowStart).toISOString(),
    users,
    teams,
    messages,
    appRoles: { [personas.learningLeader]: ['LearningLeader'], [personas.admin]: ['Admin'] },
    personas,
    sampleInitiative: {
      name: 'Peer learning for customer conversations',
      goal: 'Shorten time-to-first-deal for new sellers by learning from peers in the channels they already use.',
      targetTeamId: target.id,
      designTeamMemberIds: designTeam,
    },
    reportsConcealed: false,
  };
}

type Recent = Map<string, { chat: number; channel: number }>;

function recentCounts(
  users: readonly DemoUser[],
  messages: readonly DemoMessage[],
  days: number,
  windowEnd: number,
): Recent {
  const from = Math.max(0, days - 30);
  const out: Recent = new Map(
    users.map((u) => [
      u.id,
      { chat: u.daily.privateChatMessages.slice(from).reduce((a, b) => a + b, 0), channel: 0 },
    ]),
  );
  const since = new Date(windowEnd - 30 * DAY).toISOString();
  for (const m of messages)
    if (m.createdDateTime >= since) (out.get(m.fromUserId) as { channel: number }).channel++;
  return out;
}

function pickPersonas(
  rng: Rng,
  users: readonly DemoUser[],
  teams: readonly DemoTeam[],
  target: DemoTeam,
  level: ReadonlyMap<string, number>,
  recent: Recent,
): DemoTenant['personas'] {
  const ok = (u: DemoUser | undefined): u is DemoUser =>
    !!u && u.accountEnabled && u.userType === 'Member' && u.managerId !== null;
  const byId = new Map(users.map((u) => [u.id, u]));
  const inTeam = new Set(teams.flatMap((t) => t.memberIds));
  const reportCount = new Map<string, number>();
  for (const u of users)
    if (u.managerId) reportCount.set(u.managerId, (reportCount.get(u.managerId) ?? 0) + 1);
  const counts = (id: string) => recent.get(id) ?? { chat: 0, channel: 0 };
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
    const a = counts(l.id),
      b = counts(m.id);
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
  // Prefer a learner in the target team whose own manager fits; else any fitting manager; else any team.
  const findPair = (pool: readonly string[]): [DemoUser, DemoUser] | null => {
    const ls = learners(pool);
    for (const l of ls) {
      const direct = l.managerId ? byId.get(l.managerId) : undefined;
      if (managerFits(direct, l)) return [l, direct];
    }
    for (const l of ls) {
      const m = managers.find((c) => managerFits(c, l));
      if (m) return [l, m];
    }
    return null;
  };
  const pair = findPair(target.memberIds) ?? findPair([...inTeam]);
  if (!pair)
    throw new Error('generateTenant: no learner/manager persona pair fits the rules; try another seed');
  const head = users.find((u) => u.department === 'Learning & Development' && level.get(u.id) === 2);
  const it = users.filter((u) => ok(u) && u.department === 'IT' && !u.managerArchetype);
  const admin = it.find((u) => u.jobTitle === 'Microsoft 365 Administrator') ?? it[0];
  if (!head || !admin) throw new Error('generateTenant: the org has no L&D head or IT member');
  admin.jobTitle = 'Microsoft 365 Administrator';
  return { learner: pair[0].id, manager: pair[1].id, learningLeader: head.id, admin: admin.id };
}
