// The scripted part of a team's messages: design-team leaders and the managers above the target group
// act exactly as their plans say (ground-truth.ts), so the tenant's ground truth holds by construction.
// When a planned reply finds no suitable post to answer, a colleague's post is added for it.
import { atLocalHour, calendarOf, DAY, HOUR, MINUTE } from './calendar';
import {
  addReaction,
  addReply,
  canAct,
  NO_MENTIONS,
  channelTraits,
  decorate,
  type ChannelScope,
  type Draft,
  type MessageWorld,
} from './message-drafts';
import type { ScriptedPlan } from './ground-truth';
import type { DemoTeam, DemoUser } from './model';
import type { Rng } from './random';

/** First index of a time-sorted array whose time is at or after `at`. */
function lowerBound(items: readonly Draft[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as Draft).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs every plan of the team after its generic messages exist. */
export function runScriptedPlans(
  rng: Rng,
  world: MessageWorld,
  team: DemoTeam,
  scopes: readonly ChannelScope[],
  plans: readonly ScriptedPlan[],
  drafts: Draft[],
): void {
  if (plans.length === 0) return;
  const roots = drafts
    .filter((d) => d.root === null && d.from !== null && !d.event)
    .sort((a, b) => a.at - b.at);
  for (const plan of plans) {
    const user = world.userById.get(plan.userId);
    const mine = scopes.filter((s) => s.ids.has(plan.userId));
    if (!user || mine.length === 0) continue;
    const channelIds = new Set(mine.map((s) => s.channel.id));
    const answerable = (d: Draft) =>
      d.from !== plan.userId &&
      channelIds.has(d.channelId) &&
      (plan.replyTo === 'anyone' || (d.from !== null && world.groupIds.has(d.from)));
    runPlan(rng, world, user, plan, mine, roots, answerable, drafts);
  }
}

function runPlan(
  rng: Rng,
  world: MessageWorld,
  user: DemoUser,
  plan: ScriptedPlan,
  mine: readonly ChannelScope[],
  candidates: readonly Draft[],
  answerable: (d: Draft) => boolean,
  drafts: Draft[],
): void {
  const { calendar } = world;
  const local = calendarOf(calendar, user.officeLocation);
  const pool = mine.map((s) => [s, s.channel.displayName === 'General' ? 3 : 1] as const);
  const scopeOf = new Map(mine.map((s) => [s.channel.id, s]));
  const answered = new Set<Draft>();
  const post = (at: number, s: ChannelScope): Draft | null => {
    if (!canAct(world, user.id, at)) return null;
    const root: Draft = {
      at,
      root: null,
      channelId: s.channel.id,
      from: user.id,
      mentions: NO_MENTIONS,
      reactions: null,
      subject: null,
    };
    drafts.push(decorate(rng, world, root, s.react, 1));
    const replies = rng.poisson(1);
    for (let r = 0; r < replies; r++) {
      const replier = s.reply.draw(rng);
      if (replier && replier.id !== user.id)
        addReply(rng, world, drafts, root, s, replier, channelTraits(replier)[3]);
    }
    return root;
  };
  // A colleague's post for a planned reply to answer, when none exists in the wanted time range.
  const colleaguePost = (at: number): Draft | null => {
    const s = rng.weighted(pool);
    if (at < calendar.windowStart) return null;
    let author: DemoUser | undefined;
    for (let tries = 0; tries < 60 && !author; tries++) {
      const m = rng.pick(s.members);
      // Colleagues who ask are individual contributors acting freely (never a scripted or management persona).
      const free = m.managerArchetype === null && !world.excluded(plan.teamId, m.id);
      if (
        m.id !== user.id &&
        m.accountEnabled &&
        free &&
        (plan.replyTo === 'anyone' || world.groupIds.has(m.id))
      )
        author = m;
    }
    if (!author) return null;
    const root: Draft = {
      at,
      root: null,
      channelId: s.channel.id,
      from: author.id,
      mentions: NO_MENTIONS,
      reactions: null,
      subject: null,
    };
    drafts.push(decorate(rng, world, root, s.react, 0.8));
    return root;
  };
  for (const d of [...plan.days.keys()].sort((a, b) => a - b)) {
    const day = plan.days.get(d);
    if (!day) continue;
    for (let i = 0; i < day.roots; i++)
      post(
        atLocalHour(calendar, local, d, Math.min(16.5, Math.max(8.5, rng.normal(11, 1.5)))),
        rng.weighted(pool),
      );
    for (let i = 0; i < day.replies; i++) {
      const t = atLocalHour(calendar, local, d, 9.5 + rng.next() * 7.5);
      if (!canAct(world, user.id, t)) continue;
      const [lo, hi] =
        plan.latency === 'fast' ? [t - 3 * HOUR, t - 5 * MINUTE] : [t - 5 * DAY, t - 2.5 * DAY];
      const found: Draft[] = [];
      for (
        let j = lowerBound(candidates, lo);
        j < candidates.length && (candidates[j] as Draft).at <= hi && found.length < 20;
        j++
      ) {
        const c = candidates[j] as Draft;
        if (!answered.has(c) && answerable(c)) found.push(c);
      }
      const lag =
        plan.latency === 'fast'
          ? Math.min(3 * HOUR, Math.max(5 * MINUTE, rng.lognormal(25, 0.6) * MINUTE))
          : 2.5 * DAY + rng.next() * 2 * DAY;
      const root = found.length > 0 ? rng.pick(found) : colleaguePost(Math.round(t - lag));
      if (!root) {
        post(t, rng.weighted(pool));
        continue;
      }
      answered.add(root);
      const s = scopeOf.get(root.channelId);
      const mentions = root.from && rng.chance(0.3) ? [root.from] : NO_MENTIONS;
      const reply: Draft = {
        at: t,
        root,
        channelId: root.channelId,
        from: user.id,
        mentions,
        reactions: null,
        subject: null,
      };
      drafts.push(s ? decorate(rng, world, reply, s.react, 0.5) : reply);
    }
    const reactAt = atLocalHour(calendar, local, d, 16 + rng.next());
    if (!canAct(world, user.id, reactAt)) continue;
    let reacted = 0;
    for (let j = lowerBound(candidates, reactAt) - 1; j >= 0 && reacted < day.reactions; j--) {
      const c = candidates[j] as Draft;
      if (c.at < reactAt - 3 * DAY) break;
      if (!answerable(c) || c.reactions?.some((r) => r.userId === user.id)) continue;
      addReaction(c, { userId: user.id, at: reactAt, type: 'like' });
      reacted++;
    }
  }
}
