// The org tree of the synthetic tenant: one CEO, department heads, spans of 3 to 12 and at most seven
// levels, people without a manager, guests and disabled accounts (see generate.ts for the whole picture).
import {
  ACTIVITY_METRICS,
  type Archetype,
  type DailyCounts,
  type DemoUser,
  type ManagerArchetype,
} from './model';
import { DEPARTMENTS, GIVEN_NAMES, LOCATION_INFO, LOCATIONS, SURNAMES } from './names';
import type { Rng } from './random';

/** Deepest level of the tree (1 = CEO); large tenants reach it, small ones stay shallower. */
export const MAX_DEPTH = 7;
/** Widest span of control. */
export const MAX_SPAN = 12;
const MIN_SPAN = 3;

const ARCHETYPES: readonly (readonly [Archetype, number])[] = [
  ['activeSharer', 15],
  ['responder', 20],
  ['lurker', 25],
  ['chatOnly', 15],
  ['emailFirst', 15],
  ['meetingHeavy', 10],
];

/** How often each management archetype occurs among managers not placed on purpose. */
export const MANAGER_ARCHETYPES: readonly (readonly [ManagerArchetype, number])[] = [
  ['genuineModeller', 30],
  ['launchBurst', 20],
  ['broadcastOnly', 25],
  ['absent', 25],
];

/** The org tree and each person's level (1 = CEO) and direct reports. */
export interface Org {
  users: DemoUser[];
  level: Map<string, number>;
  reports: Map<string, DemoUser[]>;
}

/** Most people that fit under a manager with `levelsBelow` levels of reports beneath them. */
function capacity(levelsBelow: number): number {
  let total = 0;
  for (let i = 1, width = MAX_SPAN; i <= levelsBelow; i++, width *= MAX_SPAN) total += width;
  return total;
}

/** An empty activity record; generate.ts points it at the tenant's shared activity columns. */
export function emptyDaily(): DailyCounts {
  const empty = new Uint8Array(0);
  return Object.fromEntries(ACTIVITY_METRICS.map((m) => [m, empty])) as DailyCounts;
}

/** Builds people and the manager tree: one CEO, department heads, spans of 3 to 12, depth ≤ 7, guests and disabled accounts. */
export function buildOrg(rng: Rng, people: number, domain: string): Org {
  const users: DemoUser[] = [];
  const level = new Map<string, number>();
  const upns = new Set<string>();
  const reports = new Map<string, DemoUser[]>();
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
      timeZone: (LOCATION_INFO[location] ?? LOCATION_INFO['Remote'])?.timeZone ?? 'UTC',
      managerId,
      accountEnabled: true,
      userType: 'Member',
      archetype: rng.weighted(ARCHETYPES),
      managerArchetype: null,
      daily: emptyDaily(),
    };
    users.push(user);
    level.set(id, lvl);
    if (managerId) {
      const list = reports.get(managerId);
      if (list) list.push(user);
      else reports.set(managerId, [user]);
    }
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
  // `desc` people go under `manager` (at level lvl): directly when they fit in one span, else under leads.
  const grow = (manager: DemoUser, desc: number, lvl: number, spec: (typeof DEPARTMENTS)[number]): void => {
    if (desc <= MAX_SPAN) {
      for (let i = 0; i < desc; i++) {
        const loc = rng.chance(0.8) ? manager.officeLocation : rng.weighted(LOCATIONS);
        add(manager.id, spec.name, rng.pick(spec.titles), loc, lvl + 1);
      }
      return;
    }
    const cap = capacity(MAX_DEPTH - lvl - 1);
    const needed = Math.ceil(desc / cap);
    const k = Math.min(MAX_SPAN, Math.max(needed, MIN_SPAN, Math.min(rng.int(3, 8), Math.floor(desc / 6))));
    const tight = desc / k > 0.8 * cap;
    const weights = Array.from({ length: k }, () => (tight ? 1 : 0.8 + 0.4 * rng.next()));
    for (const size of apportion(desc - k, weights, () => MIN_SPAN)) {
      const lead = add(manager.id, spec.name, spec.manager, rng.weighted(LOCATIONS), lvl + 1);
      grow(lead, size, lvl + 1, spec);
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
  for (const u of users) {
    if (reports.has(u.id)) u.managerArchetype = rng.weighted(MANAGER_ARCHETYPES);
    const leadsLeads = (reports.get(u.id) ?? []).some((r) => reports.has(r.id));
    if (leadsLeads && (level.get(u.id) ?? 0) > 2) u.jobTitle = `Senior ${u.jobTitle}`;
  }
  const leaves = users.filter((u) => u.managerId && !reports.has(u.id) && u.userType === 'Member');
  for (const u of rng.shuffle(leaves).slice(0, Math.max(2, Math.round(people * 0.005))))
    u.accountEnabled = false;
  return { users, level, reports };
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
