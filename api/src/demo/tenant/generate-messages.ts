// Channel messages of one team: roots, replies, mentions, reactions and system events, in each author's
// local working hours. Generated per team from a team-specific random stream, so any team can be
// regenerated alone and identically (message-log.ts relies on it). A person's channel activity is split
// across their teams by membership weight; scripted people (ground-truth.ts) are left to scripted-messages.ts.
import { atLocalHour, calendarOf, DAY, MINUTE, nextWorkingTime, type Calendar } from './calendar';
import { channelMemberIds } from './generate-teams';
import type { ScriptedPlan } from './ground-truth';
import type {
  Archetype,
  DemoChannel,
  DemoMessage,
  DemoReaction,
  DemoSystemEvent,
  DemoTeam,
  DemoUser,
  ManagerArchetype,
} from './model';
import { WeightedSampler, type Rng } from './random';
import { runScriptedPlans } from './scripted-messages';

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
const SUBJECTS = ['Weekly update', 'Question', 'Heads-up', 'Lessons learned', 'Resource share', 'Kick-off'];
const TEAM_WEIGHT: Record<DemoTeam['kind'], number> = { unit: 3, department: 2, leadership: 1 };

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

/** A person's weight for a team (unit 3, department 2, leadership 1): their share of channel activity. */
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

function bossReplyChance(boss: DemoUser, at: number, burstEnd: number): number {
  if (boss.managerArchetype === 'genuineModeller') return 0.4;
  if (boss.managerArchetype === 'launchBurst') return at < burstEnd ? 0.5 : 0.03;
  return 0;
}

function generic(
  rng: Rng,
  world: MessageWorld,
  team: DemoTeam,
  scopes: ChannelScope[],
  drafts: Draft[],
): void {
  const { calendar } = world;
  const burstEnd = calendar.windowStart + 10 * DAY;
  for (const id of team.memberIds) {
    const author = world.userById.get(id);
    if (!author || author.userType !== 'Member' || world.excluded(team.id, id)) continue;
    const mine = scopes.filter((s) => s.ids.has(id));
    if (mine.length === 0) continue;
    const pool = mine.map((s) => [s, s.channel.displayName === 'General' ? 3 : 1] as const);
    const share = membershipWeight(team) / (world.totalWeight.get(id) ?? membershipWeight(team));
    const local = calendarOf(calendar, author.officeLocation);
    const traits = channelTraits(author);
    const burst = author.managerArchetype === 'launchBurst';
    const base = traits[0] * share;
    // Means per working day and per other day; a launch burst posts 1.2 a day for its first ten days.
    const steady = burst ? 0.01 * share : base;
    const early = burst ? 1.2 * share : base;
    const means = [steady, steady * 0.05, early, early * 0.05];
    const exps = means.map((m) => Math.exp(-m));
    const workdays = local.workday;
    const replyMean =
      author.managerArchetype === 'broadcastOnly' ? 0.6 : author.archetype === 'activeSharer' ? 1.8 : 1.3;
    const boss = author.managerId ? world.userById.get(author.managerId) : undefined;
    for (let d = 0; d < calendar.days; d++) {
      const which = (d < 10 ? 2 : 0) + (workdays[d] === 1 ? 0 : 1);
      const l = means[which] ?? 0;
      if (l <= 0) continue;
      const n = rng.poissonFast(l, exps[which] ?? 1);
      for (let k = 0; k < n; k++) {
        const s = rng.weighted(pool);
        const hour = Math.min(18.4, Math.max(8, rng.normal(13, 2.5)));
        const at = atLocalHour(calendar, local, d, hour) + rng.int(0, MINUTE - 1);
        if (!canAct(world, id, at)) continue;
        const mention = rng.chance(0.2) ? rng.pick(s.members).id : id;
        const mentions = mention !== id ? [mention] : NO_MENTIONS;
        const subject = rng.chance(0.3) ? rng.pick(SUBJECTS) : null;
        const root: Draft = {
          at,
          root: null,
          channelId: s.channel.id,
          from: id,
          mentions,
          reactions: null,
          subject,
        };
        drafts.push(decorate(rng, world, root, s.react, 1.2));
        const replies = rng.poisson(replyMean);
        for (let r = 0; r < replies; r++) {
          const replier = s.reply.draw(rng);
          if (replier && replier.id !== id)
            addReply(rng, world, drafts, root, s, replier, channelTraits(replier)[3]);
        }
        if (
          boss &&
          s.ids.has(boss.id) &&
          !world.excluded(team.id, boss.id) &&
          rng.chance(bossReplyChance(boss, at, burstEnd))
        )
          addReply(rng, world, drafts, root, s, boss, 30);
      }
    }
  }
}

function systemEvents(rng: Rng, world: MessageWorld, team: DemoTeam, drafts: Draft[]): void {
  const general = team.channels[0];
  const owner = world.userById.get(team.ownerIds[0] ?? '');
  const others = team.memberIds.filter((id) => id !== owner?.id);
  if (!general || !owner || others.length === 0) return;
  const local = calendarOf(world.calendar, owner.officeLocation);
  const count = 1 + (rng.chance(0.4) ? 1 : 0);
  for (let i = 0; i < count; i++) {
    const day = rng.int(0, world.calendar.days - 1);
    const at = atLocalHour(world.calendar, local, day, 9 + rng.next() * 8);
    const memberIds = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(others)))];
    if (!canAct(world, owner.id, at)) continue;
    const event: DemoSystemEvent = { kind: 'membersAdded', initiatorId: owner.id, memberIds };
    drafts.push({
      at,
      root: null,
      channelId: general.id,
      from: null,
      mentions: NO_MENTIONS,
      reactions: null,
      subject: null,
      event,
    });
  }
}

/**
 * Every message draft of one team, oldest first, each with its final epoch-ms time `ms` (unique within
 * the team: ties move forward by a millisecond). Cheap enough to stream a 100,000-person tenant.
 */
export function generateTeamDrafts(rng: Rng, world: MessageWorld, team: DemoTeam): Draft[] {
  const drafts: Draft[] = [];
  const scopes = channelScopes(world, team);
  generic(rng, world, team, scopes, drafts);
  runScriptedPlans(rng, world, team, scopes, world.plans.get(team.id) ?? [], drafts);
  systemEvents(rng, world, team, drafts);
  drafts.sort((a, b) => a.at - b.at); // stable: ties keep generation order
  let last = -Infinity;
  for (const d of drafts) {
    d.ms = Math.max(Math.floor(d.at), last + 1);
    last = d.ms;
  }
  return drafts;
}

/** Turns a team's ordered drafts into Graph-ready messages. */
export function draftsToMessages(teamId: string, drafts: readonly Draft[]): DemoMessage[] {
  return drafts.map((d) => {
    const ms = d.ms ?? Math.floor(d.at);
    const reactions = (d.reactions ?? [])
      .sort((a, b) => a.at - b.at)
      .map((r) => ({
        userId: r.userId,
        reactionType: r.type,
        createdDateTime: new Date(Math.max(r.at, ms + 1)).toISOString(),
      }));
    const message: DemoMessage = {
      id: String(ms),
      teamId,
      channelId: d.channelId,
      replyToId: d.root ? String(d.root.ms ?? Math.floor(d.root.at)) : null,
      fromUserId: d.from,
      createdDateTime: new Date(ms).toISOString(),
      mentionIds: [...d.mentions],
      reactions,
      subject: d.subject,
    };
    if (d.event) message.event = d.event;
    return message;
  });
}
