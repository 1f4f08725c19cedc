// Deterministic synthetic tenant: org tree, groups and Teams, daily activity and channel messages, all
// from one seed, for 50 to 100,000 people. The window covers whole UTC days: it ends at the start of
// asOf's UTC day (exactly asOf when asOf is midnight UTC) and starts weeks*7 days earlier. Nothing here
// reads the clock. Order of work: org → teams → the sample initiative and its scripted people (ground
// truth) → daily activity → one streaming pass over every team's messages for the channel counts.
import { allocateActivity, fillActivity, sumDays, type ActivityOverride } from './activity';
import { buildCalendar, DAY } from './calendar';
import { buildOrg } from './generate-org';
import { draftsToMessages, generateTeamDrafts } from './generate-messages';
import { buildCohortTeams, buildTeams, type CohortSpec } from './generate-teams';
import {
  assignLeaderProfiles,
  buildGroundTruth,
  placeChainArchetypes,
  planChainManager,
  planLeader,
  targetChain,
  type ScriptedPlan,
} from './ground-truth';
import { membershipWeight, type MessageWorld } from './message-drafts';
import { createMessageLog, DEFAULT_MESSAGE_CACHE } from './message-log';
import type { DemoTeam, DemoTenant, DemoUser } from './model';
import { pickPersonas } from './personas';
import { Rng } from './random';

/** Who can read and post in a channel (defined with the teams, re-exported for the simulator). */
export { channelMemberIds } from './generate-teams';

/** Smallest and largest tenant the generator builds. */
export const PEOPLE_RANGE = [50, 100_000] as const;

/** Options of generateTenant; asOf always comes from the caller. */
export interface GenerateTenantOptions {
  seed: number;
  people: number;
  weeks: number;
  asOf: Date;
  /** Messages kept in memory between requests (default 250,000); the rest are regenerated on demand. */
  messageCache?: number;
  /**
   * Adds cross-department cohort teams (benchmarks use 10 × 100 as a 1,000-person target group). Drawn
   * from their own random stream, after the other teams; without this option the tenant is unchanged.
   */
  cohorts?: CohortSpec;
}

const TARGET_TEAM = 'Sales & Customer Success';
const LEADER_TEAM = 'People & Learning';
const LND = 'Learning & Development';

function named(teams: readonly DemoTeam[], name: string): DemoTeam {
  const team = teams.find((t) => t.kind !== 'unit' && t.displayName === name);
  if (!team) throw new Error(`generateTenant: no team named ${name}`);
  return team;
}

/** Builds the whole demo tenant from a seed; identical options always give an identical tenant. */
export function generateTenant(options: GenerateTenantOptions): DemoTenant {
  const { seed, people, weeks } = options;
  if (!Number.isInteger(people) || people < PEOPLE_RANGE[0] || people > PEOPLE_RANGE[1])
    throw new RangeError(`people must be an integer in ${PEOPLE_RANGE[0]}..${PEOPLE_RANGE[1]}`);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new RangeError('weeks must be an integer in 1..52');
  const windowEnd = Math.floor(options.asOf.getTime() / DAY) * DAY;
  const days = weeks * 7;
  const windowStart = windowEnd - days * DAY;
  const calendar = buildCalendar(windowStart, days);
  const domain = 'learnfit-demo.onmicrosoft.com';
  const { users, level, reports } = buildOrg(Rng.derive(seed, 'org'), people, domain);
  const userById = new Map(users.map((u) => [u.id, u]));
  const { teams, groups } = buildTeams(Rng.derive(seed, 'teams'), users, reports, windowStart);
  if (options.cohorts) {
    const cohorts = buildCohortTeams(Rng.derive(seed, 'cohorts'), users, windowStart, options.cohorts);
    teams.push(...cohorts.teams);
    groups.push(...cohorts.groups);
  }
  const target = named(teams, TARGET_TEAM);
  const leaderTeam = named(teams, LEADER_TEAM);

  const initiativeRng = Rng.derive(seed, 'initiative');
  const head = users.find((u) => u.department === LND && level.get(u.id) === 2);
  if (!head) throw new Error('generateTenant: the org has no L&D head');
  const lnd = users.filter(
    (u) => u.department === LND && u.accountEnabled && u.userType === 'Member' && u !== head,
  );
  const designTeam = [
    head.id,
    ...initiativeRng
      .shuffle(lnd)
      .slice(0, initiativeRng.int(3, 5))
      .map((u) => u.id),
  ];
  const profiles = assignLeaderProfiles(initiativeRng, designTeam);
  const chain = targetChain(target.memberIds, userById, reports);
  const dominant = placeChainArchetypes(initiativeRng, chain.levels, userById);

  const planRng = Rng.derive(seed, 'plans');
  const plans = new Map<string, ScriptedPlan[]>();
  const overrides = new Map<string, ActivityOverride>();
  const addPlan = (plan: ScriptedPlan) => plans.set(plan.teamId, [...(plans.get(plan.teamId) ?? []), plan]);
  for (const id of designTeam) {
    const { plan, override } = planLeader(
      planRng,
      calendar,
      userById.get(id) as DemoUser,
      profiles.get(id) ?? 'inboxFirst',
      leaderTeam.id,
    );
    addPlan(plan);
    overrides.set(id, override);
  }
  const chainIds = new Set(chain.levels.flat());
  for (const id of chainIds) {
    const plan = planChainManager(planRng, calendar, userById.get(id) as DemoUser, target.id);
    if (plan) addPlan(plan);
  }
  const designSet = new Set(designTeam);

  allocateActivity(users, days);
  const activityRng = Rng.derive(seed, 'activity');
  const cutoff = new Map<string, number>(); // disabled accounts stop being active on this day index
  for (const u of users) {
    if (!u.accountEnabled)
      cutoff.set(u.id, activityRng.int(Math.floor(days / 3), Math.floor((2 * days) / 3)));
    fillActivity(activityRng, u, calendar, cutoff.get(u.id) ?? days, overrides.get(u.id) ?? null);
  }

  const totalWeight = new Map<string, number>();
  for (const team of teams)
    for (const id of team.memberIds) totalWeight.set(id, (totalWeight.get(id) ?? 0) + membershipWeight(team));
  const world: MessageWorld = {
    calendar,
    windowEnd,
    userById,
    cutoff,
    totalWeight,
    excluded: (teamId, userId) => designSet.has(userId) || (teamId === target.id && chainIds.has(userId)),
    plans,
    groupIds: new Set(chain.group),
  };
  const messageLog = createMessageLog(
    teams,
    (team) => generateTeamDrafts(Rng.derive(seed, `messages:${team.id}`), world, team),
    (team, drafts) => draftsToMessages(team.id, drafts),
    options.messageCache ?? DEFAULT_MESSAGE_CACHE,
  );
  messageLog.stream((_team, drafts) => {
    for (const m of drafts) {
      const author = m.from ? userById.get(m.from) : undefined;
      if (!author || m.event) continue;
      const d = Math.floor(((m.ms ?? m.at) - windowStart) / DAY);
      const series = m.root === null ? author.daily.channelPosts : author.daily.channelReplies;
      if (d >= 0 && d < days && (series[d] ?? 0) < 255) series[d] = (series[d] ?? 0) + 1;
    }
  });

  const recent = (u: DemoUser) => ({
    chat: sumDays(u.daily.privateChatMessages, days - 30, days),
    channel:
      sumDays(u.daily.channelPosts, days - 30, days) + sumDays(u.daily.channelReplies, days - 30, days),
  });
  const personas = pickPersonas(Rng.derive(seed, 'personas'), users, teams, target, level, head, recent);
  return {
    tenantId: Rng.derive(seed, 'tenant').guid(),
    displayName: 'LearnFit Demo Co',
    domain,
    seed,
    asOf: options.asOf.toISOString(),
    windowStart: new Date(windowStart).toISOString(),
    weeks,
    users,
    teams,
    groups,
    messageLog: messageLog.log,
    get messages() {
      return messageLog.all();
    },
    appRoles: { [personas.learningLeader]: ['LearningLeader'], [personas.admin]: ['Admin'] },
    personas,
    sampleInitiative: {
      name: 'Peer learning for customer conversations',
      goal: 'Shorten time-to-first-deal for new sellers by learning from peers in the channels they already use.',
      targetTeamId: target.id,
      designTeamMemberIds: designTeam,
    },
    groundTruth: buildGroundTruth(profiles, designTeam, target.id, chain, dominant, userById),
    reportsConcealed: false,
  };
}
