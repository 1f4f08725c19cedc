// The ground truth must hold in the generated activity: measured here with simple versions of the
// DESIGN.md rules, so a diagnostics test can rely on it later.
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from './calendar';
import { generateTenant } from './generate';
import { LEADER_PROFILES } from './ground-truth';
import type { DemoMessage, DemoTenant } from './model';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

function measure(t: DemoTenant) {
  const start = Date.parse(t.windowStart);
  const days = t.weeks * 7;
  const byKey = new Map(t.messages.map((m) => [`${m.teamId}|${m.id}`, m]));
  const dayOf = (m: DemoMessage) => Math.floor((Date.parse(m.createdDateTime) - start) / DAY);
  const authored = (id: string, teamId?: string) =>
    t.messages.filter(
      (m) => m.fromUserId === id && !m.event && (teamId === undefined || m.teamId === teamId),
    );
  const latencies = (replies: DemoMessage[]) =>
    replies.flatMap((r) => {
      const root = byKey.get(`${r.teamId}|${r.replyToId}`);
      return root && root.fromUserId !== r.fromUserId
        ? [(Date.parse(r.createdDateTime) - Date.parse(root.createdDateTime)) / MINUTE]
        : [];
    });
  return { start, days, byKey, dayOf, authored, latencies };
}

function checkLeaders(t: DemoTenant): void {
  const { days, dayOf, authored, latencies } = measure(t);
  const byId = new Map(t.users.map((u) => [u.id, u]));
  expect(t.groundTruth.designTeam.map((l) => l.userId)).toEqual(t.sampleInitiative.designTeamMemberIds);
  expect(t.groundTruth.designTeam.some((l) => l.learnsSocial)).toBe(true);
  expect(t.groundTruth.designTeam.some((l) => !l.learnsSocial)).toBe(true);
  for (const leader of t.groundTruth.designTeam) {
    const [p, tm, tr, c] = LEADER_PROFILES[leader.profile];
    expect([leader.participatory, leader.timely, leader.transparent, leader.current]).toEqual([p, tm, tr, c]);
    expect(leader.learnsSocial).toBe([p, tm, tr, c].filter(Boolean).length >= 3);
    const user = byId.get(leader.userId);
    if (!user) throw new Error('leader missing');
    const mine = authored(leader.userId);
    const contributionDays = new Set(mine.map(dayOf));
    user.daily.engagePosts.forEach((n, d) => n > 0 && contributionDays.add(d));
    const weeks = new Set([...contributionDays].map((d) => Math.floor(d / 7)));
    // Leaders who are not current are quiet for their last three weeks: count the weeks before.
    const eligible = c ? t.weeks : Math.floor((days - 21) / 7);
    if (p) expect(weeks.size / eligible, leader.profile).toBeGreaterThanOrEqual(0.75);
    else expect(weeks.size / t.weeks, leader.profile).toBeLessThanOrEqual(0.2);
    const lat = latencies(mine.filter((m) => m.replyToId !== null));
    expect(lat.length, leader.profile).toBeGreaterThan(0);
    if (tm) expect(median(lat), leader.profile).toBeLessThanOrEqual(60 * 3);
    else expect(Math.min(...lat), leader.profile).toBeGreaterThanOrEqual(2880);
    const sum = (a: Uint8Array) => a.reduce((x, y) => x + y, 0);
    const open = mine.length + sum(user.daily.engagePosts);
    const openShare = open / (open + sum(user.daily.privateChatMessages) + sum(user.daily.emailsSent));
    if (tr) expect(openShare, leader.profile).toBeGreaterThanOrEqual(0.3);
    else expect(openShare, leader.profile).toBeLessThanOrEqual(0.1);
    const last = Math.max(-1, ...contributionDays);
    if (c) expect(last, leader.profile).toBeGreaterThanOrEqual(days - 7);
    else expect(last, leader.profile).toBeLessThan(days - 21);
  }
}

function checkLevels(t: DemoTenant): void {
  const { dayOf, authored, latencies, byKey } = measure(t);
  const truth = t.groundTruth;
  const byId = new Map(t.users.map((u) => [u.id, u]));
  const group = new Set(truth.targetGroupIds);
  expect(truth.targetTeamId).toBe(t.sampleInitiative.targetTeamId);
  const level1 = new Set(truth.targetGroupIds.map((id) => byId.get(id)?.managerId));
  expect(new Set(truth.levels[0]?.managers.map((m) => m.userId))).toEqual(level1);
  const dominants = truth.levels.filter((l) => l.managers.length > 0).map((l) => l.dominant);
  expect(new Set(dominants).size).toBe(dominants.length);
  expect(truth.levelsModelling).toBe(1);
  for (const level of truth.levels) {
    const main = level.managers.filter((m) => m.archetype === level.dominant).length;
    expect(main).toBeGreaterThanOrEqual(Math.ceil(level.managers.length * 0.75));
    expect(level.models).toBe(level.dominant === 'genuineModeller');
    for (const m of level.managers) {
      expect(byId.get(m.userId)?.managerArchetype).toBe(m.archetype);
      const mine = authored(m.userId, truth.targetTeamId);
      const replies = mine.filter((x) => x.replyToId !== null);
      const weeks = new Set(mine.map((x) => Math.floor(dayOf(x) / 7)));
      if (m.archetype === 'absent') expect(mine).toHaveLength(0);
      if (m.archetype === 'broadcastOnly') {
        expect(replies).toHaveLength(0);
        expect(weeks.size / t.weeks).toBeGreaterThanOrEqual(0.5);
      }
      if (m.archetype === 'launchBurst') {
        expect(mine.every((x) => dayOf(x) < 14)).toBe(true);
        expect(mine.length).toBeGreaterThanOrEqual(5);
      }
      if (m.archetype === 'genuineModeller') {
        expect(weeks.size / t.weeks).toBeGreaterThanOrEqual(0.5);
        const toGroup = replies.filter((r) =>
          group.has(byKey.get(`${r.teamId}|${r.replyToId}`)?.fromUserId ?? ''),
        );
        expect(toGroup.length).toBeGreaterThanOrEqual(2);
        expect(median(latencies(replies))).toBeLessThanOrEqual(1440);
      }
    }
  }
}

describe('ground truth', () => {
  const demo = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
  const long = generateTenant({ seed: 5, people: 1000, weeks: 26, asOf: new Date('2026-06-15T00:00:00Z') });

  it('design-team leaders behave as their profiles say (demo size, 6 weeks)', () => checkLeaders(demo));
  it('design-team leaders behave as their profiles say (26 weeks)', () => checkLeaders(long));
  it('levels 1-3 above the target group differ and each manager acts out their archetype', () => {
    checkLevels(demo);
    checkLevels(long);
  });
});
