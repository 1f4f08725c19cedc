// Channel messages of one team: roots, replies, mentions, reactions and system events, in each author's
// local working hours. Generated per team from a team-specific random stream, so any team can be
// regenerated alone and identically (message-log.ts relies on it). A person's channel activity is split
// across their teams by membership weight; scripted people (ground-truth.ts) are left to scripted-messages.ts.
import { atLocalHour, calendarOf, DAY, MINUTE } from './calendar';
import {
  addReply,
  canAct,
  channelScopes,
  channelTraits,
  decorate,
  membershipWeight,
  NO_MENTIONS,
  type ChannelScope,
  type Draft,
  type MessageWorld,
} from './message-drafts';
import type { DemoMessage, DemoSystemEvent, DemoTeam, DemoUser } from './model';
import type { Rng } from './random';
import { runScriptedPlans } from './scripted-messages';

const SUBJECTS = ['Weekly update', 'Question', 'Heads-up', 'Lessons learned', 'Resource share', 'Kick-off'];

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
