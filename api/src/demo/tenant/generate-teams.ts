// Teams and groups of the synthetic tenant. Every team has a Microsoft 365 group with the same id:
// - department teams (the six named communities; membership by department, capped at Teams' 25,000),
// - the Leadership Forum (everyone with reports),
// - one unit team per manager (the manager and their direct reports).
// Security groups nest groups: "All <department>" holds the department head and the unit groups of the
// department's managers; "All Employees" holds the department groups, so transitive membership differs
// from direct membership.
import { DAY } from './calendar';
import type { DemoChannel, DemoGroup, DemoTeam, DemoUser, TeamKind } from './model';
import { CHANNEL_NAMES, TEAM_SPECS } from './names';
import type { Rng } from './random';

/** Most members a team can have (Teams' limit). */
export const TEAM_MEMBER_LIMIT = 25_000;
const UNIT_CHANNELS: readonly string[] = ['Stand-up', 'Wins', 'Help', 'Planning'];

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

/** Lower-case letters and digits of a name, as a mail nickname. */
const nickname = (name: string) => name.replace(/[^A-Za-z0-9]/g, '').slice(0, 56) || 'group';

/** The Microsoft 365 group behind a team: same id, name and people. */
const unifiedGroupOf = (t: DemoTeam): DemoGroup => ({
  id: t.id,
  displayName: t.displayName,
  description: t.description,
  mailNickname: nickname(t.displayName),
  kind: 'unified',
  createdDateTime: t.createdDateTime,
  ownerIds: [...t.ownerIds],
  memberIds: [...t.memberIds],
  memberGroupIds: [],
  teamId: t.id,
});

/** Teams (named, leadership, units) and all groups; ids and dates drawn from the rng. */
export function buildTeams(
  rng: Rng,
  users: readonly DemoUser[],
  reports: ReadonlyMap<string, readonly DemoUser[]>,
  windowStart: number,
): { teams: DemoTeam[]; groups: DemoGroup[] } {
  const ceo = users[0] as DemoUser;
  const heads = new Map((reports.get(ceo.id) ?? []).map((u) => [u.department, u.id]));
  const members = users.filter((u) => u.userType === 'Member');
  const channel = (team: string, displayName: string, priv: boolean, at: number): DemoChannel => ({
    id: `19:${rng.hex(32)}@thread.tacv2`,
    displayName,
    description: priv ? `Private space for ${team} leads.` : `${displayName} for ${team}.`,
    membershipType: priv ? 'private' : 'standard',
    createdDateTime: new Date(at).toISOString(),
  });
  const team = (
    kind: TeamKind,
    displayName: string,
    description: string,
    ownerIds: string[],
    memberIds: string[],
    extra: readonly (readonly [string, boolean])[],
  ): DemoTeam => {
    const created = windowStart - rng.int(90, 700) * DAY;
    const channels = [channel(displayName, 'General', false, created)];
    for (const [name, priv] of extra)
      channels.push(channel(displayName, name, priv, created + rng.int(1, 60) * DAY));
    return {
      id: rng.guid(),
      displayName,
      description,
      kind,
      createdDateTime: new Date(created).toISOString(),
      visibility: kind === 'unit' ? 'private' : 'public',
      ownerIds,
      memberIds,
      channels,
    };
  };
  const teams = TEAM_SPECS.map((spec, i) => {
    const leadership = spec.departments.length === 0;
    const inTeam = (u: DemoUser) =>
      u.id === ceo.id || (leadership ? reports.has(u.id) : spec.departments.includes(u.department));
    const chosen = members.filter(inTeam);
    // Over the limit, people leads stay and individual contributors are cut in directory order.
    const leads = chosen.filter((u) => reports.has(u.id));
    const others = chosen.filter((u) => !reports.has(u.id)).slice(0, TEAM_MEMBER_LIMIT - leads.length);
    const keep = new Set([...leads, ...others]);
    const memberIds = chosen.filter((u) => keep.has(u)).map((u) => u.id);
    const ownerIds = leadership ? [ceo.id] : spec.departments.map((d) => heads.get(d) ?? ceo.id);
    return team(
      leadership ? 'leadership' : 'department',
      spec.name,
      spec.description,
      ownerIds,
      memberIds,
      CHANNEL_NAMES[i] ?? [],
    );
  });
  const unitGroupOf = new Map<string, string>();
  for (const manager of users) {
    const direct = reports.get(manager.id);
    if (!direct || manager.userType !== 'Member') continue;
    const name = manager.id === ceo.id ? 'Executive Team' : `${manager.displayName}'s Team`;
    const extra = rng.chance(0.35) ? [[rng.pick(UNIT_CHANNELS), false] as const] : [];
    const unit = team(
      'unit',
      name,
      `Day-to-day work of ${manager.displayName}'s ${manager.department || 'team'} team.`,
      [manager.id],
      [manager.id, ...direct.filter((u) => u.userType === 'Member').map((u) => u.id)],
      extra,
    );
    teams.push(unit);
    unitGroupOf.set(manager.id, unit.id);
  }
  const groups: DemoGroup[] = teams.map(unifiedGroupOf);
  const security = (displayName: string, ownerId: string, memberIds: string[], memberGroupIds: string[]) => {
    const group: DemoGroup = {
      id: rng.guid(),
      displayName,
      description: `Security group: ${displayName}.`,
      mailNickname: nickname(displayName),
      kind: 'security',
      createdDateTime: new Date(windowStart - rng.int(300, 900) * DAY).toISOString(),
      ownerIds: [ownerId],
      memberIds,
      memberGroupIds,
      teamId: null,
    };
    groups.push(group);
    return group;
  };
  const departmentGroups: string[] = [];
  for (const [department, headId] of heads) {
    const nested = users
      .filter((u) => u.department === department && unitGroupOf.has(u.id))
      .map((u) => unitGroupOf.get(u.id) as string);
    departmentGroups.push(security(`All ${department}`, headId, [headId], nested).id);
  }
  security('All Employees', ceo.id, [ceo.id], departmentGroups);
  return { teams, groups };
}

/** How many cross-department cohort teams to add, and how many people each holds. */
export interface CohortSpec {
  readonly count: number;
  readonly size: number;
}

/**
 * Cohort teams: `count` public teams of `size` enabled members each (fewer when the tenant has fewer than
 * count × size), drawn without repeats across departments (a programme's learning cohorts; benchmarks target them as a group of count × size
 * people). Each has General and a Q&A channel; the first member owns it. Also their unified groups.
 */
export function buildCohortTeams(
  rng: Rng,
  users: readonly DemoUser[],
  windowStart: number,
  spec: CohortSpec,
): { teams: DemoTeam[]; groups: DemoGroup[] } {
  const pool = rng.shuffle(users.filter((u) => u.userType === 'Member' && u.accountEnabled));
  // A tenant too small for count × size shares its enabled members out evenly instead.
  const size = Math.min(spec.size, Math.floor(pool.length / Math.max(1, spec.count)));
  const teams: DemoTeam[] = [];
  for (let index = 0; index < spec.count; index += 1) {
    const memberIds = pool.slice(index * size, (index + 1) * size).map((u) => u.id);
    const created = windowStart - rng.int(60, 400) * DAY;
    const displayName = `Learning Cohort ${index + 1}`;
    const channel = (name: string, at: number): DemoChannel => ({
      id: `19:${rng.hex(32)}@thread.tacv2`,
      displayName: name,
      description: `${name} for ${displayName}.`,
      membershipType: 'standard',
      createdDateTime: new Date(at).toISOString(),
    });
    teams.push({
      id: rng.guid(),
      displayName,
      description: `Cohort ${index + 1} of the cross-department learning programme.`,
      kind: 'cohort',
      createdDateTime: new Date(created).toISOString(),
      visibility: 'public',
      ownerIds: memberIds.slice(0, 1),
      memberIds,
      channels: [channel('General', created), channel('Questions & Answers', created + rng.int(1, 30) * DAY)],
    });
  }
  const groups: DemoGroup[] = teams.map(unifiedGroupOf);
  return { teams, groups };
}
