// Message drafts and the helpers both generic and scripted message generation use: who may act when,
// reactions, replies in the replier's working hours, and each channel's readers with their samplers.
import { calendarOf, DAY, MINUTE, nextWorkingTime, type Calendar } from './calendar';
import { channelMemberIds } from './generate-teams';
import type { ScriptedPlan } from './ground-truth';
import type {
  Archetype,
  DemoChannel,
  DemoReaction,
  DemoSystemEvent,
  DemoTeam,
  DemoUser,
  ManagerArchetype,
} from './model';
import { WeightedSampler, type Rng } from './random';

// Channel behaviour per archetype: [root posts per working day across all teams, reply weight, reaction weight, reply latency median in minutes].
const CHANNEL: Record<Archetype | ManagerArchetype, readonly [number, number, number, number]> = {
  activeSharer: [0.5, 1.5, 1, 45],
  responder: [0.12, 3, 1.2, 20],
  lurker: [0.01, 0.05, 0.8, 120],
  chatOnly: [0.02, 0.2, 0.3, 90],
  emailFirst: [0.03, 0.2, 0.3, 180],
  meetingHeavy: [0.06, 0.4, 0.5, 150],
  genuineModeller: [0.25, 1.5, 1, 30],
  launchBurst: [0.01, 0.3, 0.3, 60],
  broadcastOnly: [0.35, 0, 0.2, 60],
  absent: [0, 0, 0, 60],
};
const REACTIONS: readonly (readonly [DemoReaction['reactionType'], number])[] = [
  ['like', 60],
  ['heart', 15],
  ['laugh', 12],
  ['surprised', 6],
  ['sad', 4],
  ['angry', 3],
];
const TEAM_WEIGHT: Record<DemoTeam['kind'], number> = { unit: 3, department: 2, leadership: 1, cohort: 2 };

/** A reaction before it is rendered. */
export interface DraftReaction {
  userId: string;
  at: number;
  type: DemoReaction['reactionType'];
}

/** The shared empty list for drafts without mentions (never mutated). */
export const NO_MENTIONS: readonly string[] = Object.freeze([]);

/** Adds a reaction to a draft. */
export function addReaction(d: Draft, reaction: DraftReaction): void {
  if (d.reactions) d.reactions.push(reaction);
  else d.reactions = [reaction];
}

/** A message before ids are assigned. */
export interface Draft {
  at: number;
  root: Draft | null;
  channelId: string;
  from: string | null;
  mentions: readonly string[];
  /** null until the first reaction (most messages have none; saves an array per draft). */
  reactions: DraftReaction[] | null;
  subject: string | null;
  event?: DemoSystemEvent;
  /** Final epoch-ms time (the message id), set once the team's drafts are ordered. */
  ms?: number;
}

/** What message generation reads about the tenant. */
export interface MessageWorld {
  calendar: Calendar;
  windowEnd: number;
  userById: ReadonlyMap<string, DemoUser>;
  /** Day index from which a disabled account is silent. */
  cutoff: ReadonlyMap<string, number>;
  /** Sum of a person's membership weights over their teams. */
  totalWeight: ReadonlyMap<string, number>;
  /** People whose activity in a team comes only from their scripts. */
  excluded(teamId: string, userId: string): boolean;
  plans: ReadonlyMap<string, readonly ScriptedPlan[]>;
  groupIds: ReadonlySet<string>;
}

/** A channel with its readers and the samplers that pick repliers and reactors. */
export interface ChannelScope {
  channel: DemoChannel;
  ids: Set<string>;
  members: DemoUser[];
  reply: WeightedSampler<DemoUser>;
  react: WeightedSampler<DemoUser>;
}

const EXP = new Map<number, number>();
/** exp(-x), remembered for the handful of constant means used per message. */
function expOf(x: number): number {
  let e = EXP.get(x);
  if (e === undefined) EXP.set(x, (e = Math.exp(-x)));
  return e;
}

/** A person's weight for a team (unit 3, department or cohort 2, leadership 1): their share of channel activity. */
export const membershipWeight = (team: DemoTeam): number => TEAM_WEIGHT[team.kind];

/** The archetype that drives a person's channel behaviour. */
export const channelTraits = (u: DemoUser) => CHANNEL[u.managerArchetype ?? u.archetype];

/** True when a person can still act at a time: inside the window and before a disabled account's cutoff. */
export function canAct(world: MessageWorld, userId: string, at: number): boolean {
  const start = world.calendar.windowStart;
  return at >= start && at < world.windowEnd && at < start + (world.cutoff.get(userId) ?? Infinity) * DAY;
}

/** Adds up to poisson(mean) reactions from the channel's reactors, after the message and inside the window. */
export function decorate(
  rng: Rng,
  world: MessageWorld,
  m: Draft,
  react: WeightedSampler<DemoUser>,
  mean: number,
): Draft {
  const n = rng.poissonFast(mean, expOf(mean));
  for (let i = 0; i < n; i++) {
    const who = react.draw(rng);
    const at = m.at + Math.max(MINUTE, Math.round(rng.lognormal(45, 1.2) * MINUTE));
    if (
      !who ||
      who.id === m.from ||
      m.reactions?.some((r) => r.userId === who.id) ||
      !canAct(world, who.id, at)
    )
      continue;
    addReaction(m, { userId: who.id, at, type: rng.weighted(REACTIONS) });
  }
  return m;
}

/** Adds a reply by `replier` after a lognormal latency, moved into the replier's working hours. */
export function addReply(
  rng: Rng,
  world: MessageWorld,
  drafts: Draft[],
  root: Draft,
  scope: ChannelScope,
  replier: DemoUser,
  median: number,
): void {
  const local = calendarOf(world.calendar, replier.officeLocation);
  const raw = root.at + Math.max(MINUTE, Math.round(rng.lognormal(median, 1.1) * MINUTE));
  const at = nextWorkingTime(world.calendar, local, raw, rng);
  if (!canAct(world, replier.id, at)) return;
  const mentions = rng.chance(0.15) && root.from && root.from !== replier.id ? [root.from] : NO_MENTIONS;
  const reply: Draft = {
    at,
    root,
    channelId: root.channelId,
    from: replier.id,
    mentions,
    reactions: null,
    subject: null,
  };
  drafts.push(decorate(rng, world, reply, scope.react, 0.5));
}

/** The channels of a team with their readers and samplers (scripted people never sampled). */
export function channelScopes(world: MessageWorld, team: DemoTeam): ChannelScope[] {
  const usable = (id: string) => {
    const u = world.userById.get(id);
    return u && u.userType === 'Member' ? u : undefined;
  };
  return team.channels.map((channel) => {
    const ids = new Set(channelMemberIds(team, channel, world.userById));
    const members = [...ids].map(usable).filter((u): u is DemoUser => !!u);
    const free = members.filter((m) => !world.excluded(team.id, m.id));
    return {
      channel,
      ids,
      members,
      reply: new WeightedSampler(free.map((m) => [m, channelTraits(m)[1]] as const)),
      react: new WeightedSampler(free.map((m) => [m, channelTraits(m)[2]] as const)),
    };
  });
}
