// Org tree, teams and daily activity counts of the synthetic tenant (see generate.ts for the whole picture).
import type { Archetype, DemoChannel, DemoTeam, DemoUser, ManagerArchetype } from './model';
import { CHANNEL_NAMES, DEPARTMENTS, GIVEN_NAMES, LOCATIONS, SURNAMES, TEAM_SPECS } from './names';
import type { Rng } from './random';

/** Milliseconds per day. */
export const DAY = 86_400_000;
type Daily = DemoUser['daily'];
type Metric = keyof Daily;
const METRICS: readonly Metric[] = [
  'privateChatMessages',
  'calls',
  'meetingsAttended',
  'meetingsOrganized',
  'emailsSent',
  'emailsRead',
  'engagePosts',
  'engageReads',
  'engageLikes',
];
// Per-weekday means, in METRICS order.
const RATES: Record<Archetype, readonly number[]> = {
  activeSharer: [12, 1.5, 3, 0.6, 6, 25, 0.5, 6, 1.5],
  responder: [15, 1.5, 3, 0.5, 7, 28, 0.15, 4, 1],
  lurker: [6, 0.8, 2.5, 0.2, 4, 22, 0.02, 5, 0.3],
  chatOnly: [30, 2.5, 2, 0.3, 3, 15, 0.01, 0.5, 0.1],
  emailFirst: [3, 0.5, 2.5, 0.4, 18, 45, 0.05, 1, 0.2],
  meetingHeavy: [8, 2, 6.5, 2, 8, 30, 0.05, 1.5, 0.3],
};
const ARCHETYPES: readonly (readonly [Archetype, number])[] = [
  ['activeSharer', 15],
  ['responder', 20],
  ['lurker', 25],
  ['chatOnly', 15],
  ['emailFirst', 15],
  ['meetingHeavy', 10],
];
const MANAGER_ARCHETYPES: readonly (readonly [ManagerArchetype, number])[] = [
  ['genuineModeller', 30],
  ['launchBurst', 20],
  ['broadcastOnly', 25],
  ['absent', 25],
];

/** Who can read and post in a channel: the team for standard channels; owners and people leads for private ones. */
export function channelMemberIds(
  team: DemoTeam,
  channel: DemoChannel,
  userById: ReadonlyMap<string, DemoUser>,
): string[] {
  if (channel.membershipType === 'standard') return team.memberIds;
  const owners = new Set(team.ownerIds);
  return team.memberIds.filter((id) => owners.has(id) || userById.get(id)?.managerArchetype != null);
}

/** The org tree and each person's level (1 = CEO). */
export interface Org {
  users: DemoUser[];
  level: Map<string, number>;
}

/** Builds people and the manager tree: one CEO, department heads, spans of 3 to 12, guests and disabled accounts. */
export function buildOrg(rng: Rng, people: number, domain: string): Org {
  const users: DemoUser[] = [];
  const level = new Map<string, number>();
  const upns = new Set<string>();
  const reports = new Map<string, number>();
  const add = (
    managerId: string | null,
    department: string,
    jobTitle: string,
    location: string,
    lvl: number,
  ) => {
    const givenName = rng.pick(GIVEN_NAMES);
    const surname = rng.pick(SURNAMES);
    const base = `${givenName}.${surname}`.toLowerCase();
    let local = base;
    for (let n = 2; upns.has(local); n++) local = `${base}${n}`;
    upns.add(local);
    const id = rng.guid();
    const user: DemoUser = {
      id,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      userPrincipalName: `${local}@${domain}`,
      mail: `${local}@${domain}`,
      jobTitle,
      department,
      officeLocation: location,
      managerId,
      accountEnabled: true,
      userType: 'Member',
      archetype: rng.weighted(ARCHETYPES),
      managerArchetype: null,
      daily: emptyDaily(),
    };
    users.push(user);
    level.set(id, lvl);
    if (managerId) reports.set(managerId, (reports.get(managerId) ?? 0) + 1);
    return user;
  };
  const guests = Math.max(2, Math.round(people * 0.01));
  const treeSize = people - guests - 1; // one member account without a manager besides the CEO
  const ceo = add(null, 'Executive', 'Chief Executive Officer', 'Seattle', 1);
  const sizes = apportion(
    treeSize - 1,
    DEPARTMENTS.map((d) => d.share),
    (i) => (DEPARTMENTS[i]?.name === 'Learning & Development' ? 7 : 4),
  );
  const grow = (manager: DemoUser, desc: number, lvl: number, spec: (typeof DEPARTMENTS)[number]): void => {
    if (desc <= 12) {
      for (let i = 0; i < desc; i++) {
        const loc = rng.chance(0.8) ? manager.officeLocation : rng.weighted(LOCATIONS);
        add(manager.id, spec.name, rng.pick(spec.titles), loc, lvl + 1);
      }
      return;
    }
    const k = Math.max(3, Math.min(rng.int(4, 9), Math.floor(desc / 4)));
    for (const size of apportion(
      desc - k * 4,
      Array.from({ length: k }, () => 0.8 + 0.4 * rng.next()),
      () => 0,
    )) {
      const lead = add(manager.id, spec.name, spec.manager, rng.weighted(LOCATIONS), lvl + 1);
      grow(lead, size + 3, lvl + 1, spec);
    }
  };
  DEPARTMENTS.forEach((spec, i) => {
    const head = add(ceo.id, spec.name, spec.head, rng.weighted(LOCATIONS), 2);
    grow(head, (sizes[i] ?? 4) - 1, 2, spec);
  });
  add(null, 'Executive', 'Board Advisor', 'Remote', 1);
  for (let i = 0; i < guests; i++) {
    const g = add(null, '', '', '', 1);
    g.userType = 'Guest';
    g.mail = `${g.givenName}.${g.surname}@fabrikam.example`.toLowerCase();
  }
  const leadsLeads = new Set(users.filter((u) => u.managerId && reports.has(u.id)).map((u) => u.managerId));
  for (const u of users) {
    if (reports.has(u.id)) u.managerArchetype = rng.weighted(MANAGER_ARCHETYPES);
    if (leadsLeads.has(u.id) && (level.get(u.id) ?? 0) > 2) u.jobTitle = `Senior ${u.jobTitle}`;
  }
  const leaves = users.filter((u) => u.managerId && !reports.has(u.id) && u.userType === 'Member');
  for (const u of rng.shuffle(leaves).slice(0, Math.max(2, Math.round(people * 0.005))))
    u.accountEnabled = false;
  return { users, level };
}

/** Splits total into parts proportional to weights, each at least min(i), by largest remainder. */
function apportion(total: number, weights: readonly number[], min: (i: number) => number): number[] {
  const floor = weights.map((_, i) => min(i));
  const rest = total - floor.reduce((a, b) => a + b, 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((x, i) => (floor[i] ?? 0) + Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) {
    const i = order[j]?.[1] ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

function emptyDaily(): Daily {
  return {
    privateChatMessages: [],
    calls: [],
    meetingsAttended: [],
    meetingsOrganized: [],
    emailsSent: [],
    emailsRead: [],
    engagePosts: [],
    engageReads: [],
    engageLikes: [],
  };
}

/** True on Saturday and Sunday (UTC). */
export const isWeekend = (dayMs: number): boolean => {
  const dow = (Math.floor(dayMs / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return dow === 0 || dow === 6;
};

/** Draws a person's per-day counts from their archetype; zero from the cutoff day on. */
export function dailyCounts(rng: Rng, u: DemoUser, days: number, windowStart: number, cutoff: number): Daily {
  const daily = emptyDaily();
  const rates = RATES[u.archetype];
  const mult = rng.lognormal(1, 0.3) * (u.userType === 'Guest' ? 0.3 : 1);
  const lead = u.managerArchetype ? [1, 1, 1.4, 2.5, 1.2, 1.2, 1, 1, 1] : null;
  for (let d = 0; d < days; d++) {
    const f = d >= cutoff ? 0 : isWeekend(windowStart + d * DAY) ? 0.05 : 1;
    METRICS.forEach((m, i) => daily[m].push(rng.poisson((rates[i] ?? 0) * mult * f * (lead?.[i] ?? 1))));
  }
  return daily;
}

/** The six teams with their channels; membership follows departments (Leadership Forum: everyone with reports). */
export function buildTeams(rng: Rng, users: readonly DemoUser[], windowStart: number): DemoTeam[] {
  const ceo = users[0] as DemoUser;
  const heads = new Map(users.filter((u) => u.managerId === ceo.id).map((u) => [u.department, u.id]));
  return TEAM_SPECS.map((spec, i) => {
    const leadership = spec.departments.length === 0;
    const inTeam = (u: DemoUser) =>
      u.id === ceo.id || (leadership ? u.managerArchetype !== null : spec.departments.includes(u.department));
    const memberIds = users.filter((u) => u.userType === 'Member' && inTeam(u)).map((u) => u.id);
    const ownerIds = leadership ? [ceo.id] : spec.departments.map((d) => heads.get(d) ?? ceo.id);
    const created = windowStart - rng.int(90, 700) * DAY;
    const channel = (displayName: string, priv: boolean, at: number): DemoChannel => ({
      id: `19:${rng.hex(32)}@thread.tacv2`,
      displayName,
      description: priv ? `Private space for ${spec.name} leads.` : `${displayName} for ${spec.name}.`,
      membershipType: priv ? 'private' : 'standard',
      createdDateTime: new Date(at).toISOString(),
    });
    const channels = [channel('General', false, created)];
    for (const [name, priv] of CHANNEL_NAMES[i] ?? [])
      channels.push(channel(name, priv, created + rng.int(1, 60) * DAY));
    return {
      id: rng.guid(),
      displayName: spec.name,
      description: spec.description,
      ownerIds,
      memberIds,
      channels,
    };
  });
}
