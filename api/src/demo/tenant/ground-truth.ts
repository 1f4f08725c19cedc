// The ground truth of the synthetic tenant: what the generator builds in on purpose so that tests can
// check that LearnFit's diagnostics find it. Everything here comes from the generating archetypes and
// profiles, never from measuring the generated activity.
//
// Definitions (DESIGN.md, "The five diagnostics"; thresholds as in core's default settings):
// - Design team: the L&D head plus 3–5 L&D colleagues. Each gets a LeaderProfile that fixes the four
//   learns-social attributes, and their whole social activity is scripted from it (plans below):
//   participatory — channel/Engage contributions in ~90% of weeks (of the weeks before the quiet last
//     three for leaders who are not current), with replies and reactions to others' posts each of those
//     weeks; when false, contributions on one day in 1 week (windows under 10 weeks) or 2 weeks, and no
//     Engage posts;
//   timely — replies 5 minutes to 3 hours after the root; when false, 2.5 to 5 days after it;
//   transparent — open share (channel + Engage over all sent) about 0.5: private chat 0.4 and email 0.25
//     per working day; when false, about 0.03: chat 20 and email 12 per working day;
//   current — a contribution in the last 7 days; when false, none in the last 21 days.
//   A leader "learns social" when at least 3 of the 4 are true.
// - Target group: enabled members of the sample initiative's target team without direct reports.
//   Level 1 = their managers; level n+1 = managers of level n not already at a lower level (each manager
//   sits at their nearest level). One level, drawn from the seed, is dominated by genuine modellers and
//   the other two by two different non-genuine archetypes: at least 75% of a level's managers get its
//   dominant archetype, the rest a different one. A level "models" when at least half of its managers are
//   genuine modellers. In the target team's channels, chain managers act only by their scripts:
//   genuineModeller — active in ≥85% of weeks: a post, three fast replies to group members, a reaction;
//   launchBurst — only in the first two weeks: three posts, a reply and a reaction a week;
//   broadcastOnly — posts in ≥80% of weeks, never a reply or reaction;
//   absent — nothing.
import { calendarOf, isWorkday, type Calendar } from './calendar';
import type { ActivityOverride } from './activity';
import type { DemoUser, GroundTruth, LeaderProfile, LevelTruth, ManagerArchetype } from './model';
import type { Rng } from './random';

type Flags = readonly [participatory: boolean, timely: boolean, transparent: boolean, current: boolean];

/** The four attributes each leader profile is generated with. Transparent is only ever paired with participatory. */
export const LEADER_PROFILES: Readonly<Record<LeaderProfile, Flags>> = {
  champion: [true, true, true, true],
  lapsedChampion: [true, true, true, false],
  slowSharer: [true, false, true, true],
  busyConnector: [true, true, false, true],
  privateHelper: [false, true, false, true],
  occasionalSlow: [false, false, false, true],
  inboxFirst: [false, false, false, false],
  quietQuick: [false, true, false, false],
  chattyParticipant: [true, false, false, true],
  fadingParticipant: [true, false, true, false],
};
const LEARNING: readonly LeaderProfile[] = ['champion', 'lapsedChampion', 'slowSharer', 'busyConnector'];
const NOT_LEARNING: readonly LeaderProfile[] = [
  'privateHelper',
  'occasionalSlow',
  'inboxFirst',
  'quietQuick',
  'chattyParticipant',
  'fadingParticipant',
];

/** What a scripted person contributes on one window day. */
export interface PlannedDay {
  roots: number;
  replies: number;
  reactions: number;
}

/** A scripted person's channel behaviour in one team. */
export interface ScriptedPlan {
  userId: string;
  teamId: string;
  days: ReadonlyMap<number, PlannedDay>;
  latency: 'fast' | 'slow';
  /** 'group': replies and reactions go to target-group members' posts only. */
  replyTo: 'group' | 'anyone';
}

/** Assigns profiles to the design team: at least one leader learns social and at least one does not. */
export function assignLeaderProfiles(rng: Rng, memberIds: readonly string[]): Map<string, LeaderProfile> {
  const learners = rng.int(1, Math.max(1, memberIds.length - 1));
  const yes = rng.shuffle(LEARNING);
  const no = rng.shuffle(NOT_LEARNING);
  const out = new Map<string, LeaderProfile>();
  rng.shuffle(memberIds).forEach((id, i) => {
    const pool = i < learners ? yes : no;
    out.set(id, pool[(i < learners ? i : i - learners) % pool.length] as LeaderProfile);
  });
  return out;
}

/** The target group and the managers at levels 1–3 above it. */
export function targetChain(
  targetMemberIds: readonly string[],
  userById: ReadonlyMap<string, DemoUser>,
  reports: ReadonlyMap<string, readonly DemoUser[]>,
): { group: string[]; levels: string[][] } {
  const group = targetMemberIds.filter((id) => {
    const u = userById.get(id);
    return !!u && u.accountEnabled && u.userType === 'Member' && !reports.has(id);
  });
  const seen = new Set<string>();
  const levels: string[][] = [];
  let below = group;
  for (let level = 1; level <= 3; level++) {
    const ids: string[] = [];
    for (const id of below) {
      const m = userById.get(id)?.managerId;
      if (m && !seen.has(m)) {
        seen.add(m);
        ids.push(m);
      }
    }
    levels.push(ids);
    below = ids;
  }
  return { group, levels };
}

/** Sets the chain managers' archetypes so that the three levels differ; returns each level's dominant one. */
export function placeChainArchetypes(
  rng: Rng,
  levels: readonly (readonly string[])[],
  userById: ReadonlyMap<string, DemoUser>,
): ManagerArchetype[] {
  const genuineLevel = rng.int(0, 2);
  const others = rng.shuffle<ManagerArchetype>(['launchBurst', 'broadcastOnly', 'absent']);
  const dominant = [0, 1, 2].map((i) =>
    i === genuineLevel ? 'genuineModeller' : (others.shift() as ManagerArchetype),
  );
  levels.forEach((ids, i) => {
    const main = dominant[i] as ManagerArchetype;
    const rest = (['genuineModeller', 'launchBurst', 'broadcastOnly', 'absent'] as const).filter(
      (a) => a !== main && (main === 'genuineModeller' || a !== 'genuineModeller'),
    );
    const shuffled = rng.shuffle(ids);
    const dominantCount = Math.ceil(shuffled.length * 0.75);
    shuffled.forEach((id, j) => {
      const u = userById.get(id);
      if (u) u.managerArchetype = j < dominantCount ? main : rng.pick(rest);
    });
  });
  return dominant;
}

/** Picks a working day (Tuesday–Thursday first) of a week, before `before` (a day index). */
function dayInWeek(
  rng: Rng,
  calendar: Calendar,
  user: DemoUser,
  week: number,
  before: number,
): number | null {
  const local = calendarOf(calendar, user.officeLocation);
  const days: number[] = [];
  for (let d = week * 7; d < Math.min(week * 7 + 7, calendar.days, before); d++)
    if (isWorkday(calendar, local, d)) days.push(d);
  const mid = days.filter((d) =>
    [2, 3, 4].includes(new Date(calendar.windowStart + d * 86_400_000).getUTCDay()),
  );
  return days.length === 0 ? null : rng.pick(mid.length > 0 ? mid : days);
}

/** Plans a design-team leader's channel contributions and their chat, email and Engage counts. */
export function planLeader(
  rng: Rng,
  calendar: Calendar,
  user: DemoUser,
  profile: LeaderProfile,
  teamId: string,
): { plan: ScriptedPlan; override: ActivityOverride } {
  const [participatory, timely, transparent, current] = LEADER_PROFILES[profile];
  const weeks = Math.ceil(calendar.days / 7);
  const before = current ? calendar.days : calendar.days - 21;
  const last = weeks - 1;
  let active: number[];
  if (participatory) {
    const skip = new Set(
      rng.shuffle([...Array(weeks).keys()].filter((w) => w !== last)).slice(0, Math.floor(weeks * 0.1)),
    );
    active = [...Array(weeks).keys()].filter((w) => !skip.has(w));
  } else {
    const count = weeks < 10 ? 1 : 2;
    // Slow replies answer posts from days before: no quiet week 0 for them, its posts would predate the window.
    const earliest = timely || weeks < 3 ? 0 : 1;
    const earlier = rng.shuffle(
      [...Array(weeks).keys()].filter((w) => w !== last && w >= earliest && w * 7 < before),
    );
    active = current ? [last, ...earlier.slice(0, count - 1)] : earlier.slice(0, count);
  }
  const days = new Map<number, PlannedDay>();
  const engage = new Map<number, number>();
  for (const w of active) {
    const latest = current && w === last ? calendar.days : before;
    const from = current && w === last ? Math.max(w * 7, calendar.days - 7) : w * 7;
    const d = dayInWeek(rng, calendar, user, w, latest) ?? (from < latest ? from : null);
    if (d === null || d < from) continue;
    const recent = current && w === last;
    days.set(d, {
      roots: participatory || recent ? 1 : 0,
      replies: participatory ? 3 : 2,
      reactions: participatory ? 2 : 0,
    });
    if (participatory) engage.set(d, 1);
  }
  const override: ActivityOverride = {
    rates: transparent
      ? { privateChatMessages: 0.4, emailsSent: 0.25 }
      : { privateChatMessages: 20, emailsSent: 12 },
    exact: { engagePosts: engage, engageLikes: engage },
  };
  return {
    plan: { userId: user.id, teamId, days, latency: timely ? 'fast' : 'slow', replyTo: 'anyone' },
    override,
  };
}

/** Plans a chain manager's contributions in the target team from their archetype (null for absent). */
export function planChainManager(
  rng: Rng,
  calendar: Calendar,
  user: DemoUser,
  teamId: string,
): ScriptedPlan | null {
  const archetype = user.managerArchetype;
  if (!archetype || archetype === 'absent') return null;
  const weeks = Math.ceil(calendar.days / 7);
  const all = [...Array(weeks).keys()];
  const keep = (share: number) => {
    const dropped = new Set(rng.shuffle(all).slice(0, Math.floor(weeks * share)));
    return all.filter((w) => !dropped.has(w));
  };
  const [active, day]: [number[], PlannedDay] =
    archetype === 'genuineModeller'
      ? [keep(0.15), { roots: 1, replies: 3, reactions: 1 }]
      : archetype === 'launchBurst'
        ? [all.slice(0, 2), { roots: 3, replies: 1, reactions: 1 }]
        : [keep(0.2), { roots: 2, replies: 0, reactions: 0 }];
  const days = new Map<number, PlannedDay>();
  for (const w of active) {
    const d = dayInWeek(rng, calendar, user, w, calendar.days);
    if (d !== null) days.set(d, { ...day });
  }
  return { userId: user.id, teamId, days, latency: 'fast', replyTo: 'group' };
}

/** Writes the ground truth from the profiles and archetypes the generator assigned. */
export function buildGroundTruth(
  profiles: ReadonlyMap<string, LeaderProfile>,
  designTeam: readonly string[],
  targetTeamId: string,
  chain: { group: string[]; levels: string[][] },
  dominant: readonly ManagerArchetype[],
  userById: ReadonlyMap<string, DemoUser>,
): GroundTruth {
  const leaders = designTeam.map((userId) => {
    const profile = profiles.get(userId) ?? 'inboxFirst';
    const [participatory, timely, transparent, current] = LEADER_PROFILES[profile];
    const attributesMet = [participatory, timely, transparent, current].filter(Boolean).length;
    return {
      userId,
      profile,
      participatory,
      timely,
      transparent,
      current,
      attributesMet,
      learnsSocial: attributesMet >= 3,
    };
  });
  const levels: LevelTruth[] = chain.levels.map((ids, i) => {
    const managers = ids.map((userId) => {
      const archetype = userById.get(userId)?.managerArchetype ?? 'absent';
      return { userId, archetype, genuine: archetype === 'genuineModeller' };
    });
    const genuineCount = managers.filter((m) => m.genuine).length;
    return {
      level: (i + 1) as 1 | 2 | 3,
      dominant: managers.length > 0 ? (dominant[i] ?? null) : null,
      managers,
      genuineCount,
      models: managers.length > 0 && genuineCount * 2 >= managers.length,
    };
  });
  return {
    designTeam: leaders,
    designTeamLearningSocial: leaders.filter((l) => l.learnsSocial).length,
    targetTeamId,
    targetGroupIds: chain.group,
    levels,
    levelsModelling: levels.filter((l) => l.models).length,
  };
}
