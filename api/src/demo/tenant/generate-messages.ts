// Channel messages of the synthetic tenant: roots, replies, mentions and reactions in a weekday rhythm.
import { channelMemberIds, DAY, isWeekend } from './generate-org';
import type { Archetype, DemoMessage, DemoReaction, DemoTeam, DemoUser, ManagerArchetype } from './model';
import { WeightedSampler, type Rng } from './random';

const MIN = 60_000;
// Channel behaviour per archetype: [root posts per weekday per team, reply weight, reaction weight, reply latency median in minutes].
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
interface Draft {
  at: number;
  root: Draft | null;
  teamId: string;
  channelId: string;
  from: string;
  mentions: string[];
  reactions: { userId: string; at: number; type: DemoReaction['reactionType'] }[];
  subject: string | null;
  id?: string;
}

/** Moves a time to working hours (07:00–19:00 UTC, Monday to Friday), keeping it at or after the input. */
function toWorkingTime(rng: Rng, ms: number): number {
  let day = Math.floor(ms / DAY) * DAY;
  let t = ms - day;
  if (t >= 19 * 60 * MIN) day += DAY;
  if (t >= 19 * 60 * MIN || t < 7 * 60 * MIN) t = 8 * 60 * MIN + rng.int(0, 90 * MIN);
  while (isWeekend(day)) {
    day += DAY;
    t = 8 * 60 * MIN + rng.int(0, 90 * MIN);
  }
  return day + t;
}

const channelTraits = (u: DemoUser) => CHANNEL[u.managerArchetype ?? u.archetype];

/** Generates every channel message of the window, sorted by time, with unique epoch-ms ids. */
export function buildMessages(
  rng: Rng,
  teams: readonly DemoTeam[],
  userById: ReadonlyMap<string, DemoUser>,
  windowStart: number,
  windowEnd: number,
  cutoff: ReadonlyMap<string, number>,
): DemoMessage[] {
  const drafts: Draft[] = [];
  const burstEnd = windowStart + 10 * DAY;
  const active = (id: string, at: number) =>
    at < windowEnd && at < windowStart + (cutoff.get(id) ?? Infinity) * DAY;
  for (const team of teams) {
    const members = team.memberIds.map((id) => userById.get(id) as DemoUser);
    const access = team.channels.map((c) => new Set(channelMemberIds(team, c, userById)));
    const samplers = team.channels.map((c, ci) => {
      const ids = access[ci] ?? new Set<string>();
      const inChannel = members.filter((m) => ids.has(m.id));
      return {
        ids,
        reply: new WeightedSampler(inChannel.map((m) => [m, channelTraits(m)[1]] as const)),
        react: new WeightedSampler(inChannel.map((m) => [m, channelTraits(m)[2]] as const)),
        members: inChannel,
        channel: c,
      };
    });
    const addReply = (root: Draft, s: (typeof samplers)[number], replier: DemoUser, median: number) => {
      const at = toWorkingTime(rng, root.at + Math.max(MIN, Math.round(rng.lognormal(median, 1.1) * MIN)));
      if (!active(replier.id, at)) return;
      const mentions = rng.chance(0.15) && root.from !== replier.id ? [root.from] : [];
      drafts.push(
        decorate(
          rng,
          { ...root, at, root, from: replier.id, mentions, reactions: [], subject: null },
          s.react,
          windowEnd,
        ),
      );
    };
    for (const author of members) {
      const mine = samplers.filter((s) => s.ids.has(author.id));
      const pool = mine.map((s) => [s, s.channel.displayName === 'General' ? 3 : 1] as const);
      for (let d = 0; d < (windowEnd - windowStart) / DAY; d++) {
        const day = windowStart + d * DAY;
        let rate = channelTraits(author)[0];
        if (author.managerArchetype === 'launchBurst') rate = day < burstEnd ? 1.2 : 0.01;
        const n = rng.poisson(rate * (isWeekend(day) ? 0.05 : 1));
        for (let k = 0; k < n; k++) {
          const s = rng.weighted(pool);
          const hour = Math.min(19.5, Math.max(7, rng.normal(13, 2.5)));
          const at = day + Math.floor(hour * 60 * MIN) + rng.int(0, MIN - 1);
          if (!active(author.id, at)) continue;
          const mentions = rng.chance(0.2) ? [rng.pick(s.members).id].filter((id) => id !== author.id) : [];
          const subject = rng.chance(0.3) ? rng.pick(SUBJECTS) : null;
          const root = decorate(
            rng,
            {
              at,
              root: null,
              teamId: team.id,
              channelId: s.channel.id,
              from: author.id,
              mentions,
              reactions: [],
              subject,
            },
            s.react,
            windowEnd,
          );
          drafts.push(root);
          const replyMean =
            author.managerArchetype === 'broadcastOnly'
              ? 0.6
              : author.archetype === 'activeSharer'
                ? 1.8
                : 1.3;
          const replies = rng.poisson(replyMean);
          for (let r = 0; r < replies; r++) {
            const replier = s.reply.draw(rng);
            if (replier && replier.id !== author.id) addReply(root, s, replier, channelTraits(replier)[3]);
          }
          const boss = author.managerId ? userById.get(author.managerId) : undefined;
          if (boss && s.ids.has(boss.id)) {
            const p =
              boss.managerArchetype === 'genuineModeller'
                ? 0.4
                : boss.managerArchetype === 'launchBurst'
                  ? at < burstEnd
                    ? 0.5
                    : 0.03
                  : 0;
            if (rng.chance(p)) addReply(root, s, boss, 30);
          }
        }
      }
    }
  }
  return finalise(drafts);
}

function decorate(rng: Rng, m: Draft, react: WeightedSampler<DemoUser>, windowEnd: number): Draft {
  const n = rng.poisson(m.root ? 0.5 : 1.2);
  const seen = new Set<string>([m.from]);
  for (let i = 0; i < n; i++) {
    const who = react.draw(rng);
    const at = m.at + Math.max(MIN, Math.round(rng.lognormal(45, 1.2) * MIN));
    if (!who || seen.has(who.id) || at >= windowEnd) continue;
    seen.add(who.id);
    m.reactions.push({ userId: who.id, at, type: rng.weighted(REACTIONS) });
  }
  return m;
}

function finalise(drafts: Draft[]): DemoMessage[] {
  const order = drafts.map((d, i) => [d, i] as const).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]);
  let last = -Infinity;
  return order.map(([d]) => {
    const ms = Math.max(Math.floor(d.at), last + 1);
    last = ms;
    d.id = String(ms);
    const reactions = d.reactions
      .sort((a, b) => a.at - b.at)
      .map((r) => ({
        userId: r.userId,
        reactionType: r.type,
        createdDateTime: new Date(Math.max(r.at, ms + 1)).toISOString(),
      }));
    return {
      id: d.id,
      teamId: d.teamId,
      channelId: d.channelId,
      replyToId: d.root?.id ?? null,
      fromUserId: d.from,
      createdDateTime: new Date(ms).toISOString(),
      mentionIds: d.mentions,
      reactions,
      subject: d.subject,
    };
  });
}
