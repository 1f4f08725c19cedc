import { describe, expect, it } from 'vitest';
import { calendarOf, buildCalendar, DAY, HOUR, offsetMs, WORK_END_HOUR, WORK_START_HOUR } from './calendar';
import { channelMemberIds, generateTenant } from './generate';
import { buildOrg, MAX_DEPTH } from './generate-org';
import { ACTIVITY_METRICS, type DemoTenant, type DemoUser } from './model';
import { LOCATION_INFO } from './names';
import { Rng } from './random';

const asOf = new Date('2026-11-30T00:00:00Z');
const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf });
const byId = new Map(tenant.users.map((u) => [u.id, u]));
const reportsOf = (id: string) => tenant.users.filter((u) => u.managerId === id);

function chain(t: DemoTenant, u: DemoUser): DemoUser[] {
  const ids = new Map(t.users.map((x) => [x.id, x]));
  const out: DemoUser[] = [];
  for (
    let m = u.managerId ? ids.get(u.managerId) : undefined;
    m;
    m = m.managerId ? ids.get(m.managerId) : undefined
  ) {
    out.push(m);
    if (out.length > t.users.length) throw new Error('cycle');
  }
  return out;
}

function snapshot(t: DemoTenant) {
  return {
    tenantId: t.tenantId,
    users: t.users.map((u) => ({
      ...u,
      daily: ACTIVITY_METRICS.map((m) => Array.from(u.daily[m])),
    })),
    teams: t.teams,
    groups: t.groups,
    messages: t.messages,
    personas: t.personas,
    groundTruth: t.groundTruth,
  };
}

describe('generateTenant', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(snapshot(generateTenant({ seed: 42, people: 300, weeks: 6, asOf }))).toEqual(snapshot(tenant));
    const other = generateTenant({ seed: 43, people: 300, weeks: 6, asOf });
    expect(other.tenantId).not.toBe(tenant.tenantId);
    expect(other.users.map((u) => u.displayName)).not.toEqual(tenant.users.map((u) => u.displayName));
  });

  it('builds an org tree without cycles, one CEO, depth 4-5 and spans of 3-12', () => {
    expect(tenant.users).toHaveLength(300);
    const depth = Math.max(...tenant.users.map((u) => chain(tenant, u).length + 1));
    expect(depth).toBeGreaterThanOrEqual(4);
    expect(depth).toBeLessThanOrEqual(5);
    const roots = tenant.users.filter((u) => u.managerId === null);
    expect(roots.filter((u) => reportsOf(u.id).length > 0)).toHaveLength(1);
    expect(roots.length).toBeGreaterThanOrEqual(3);
    for (const u of tenant.users) {
      const n = reportsOf(u.id).length;
      if (n > 0) expect(n, u.jobTitle).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(12);
      expect(u.managerArchetype !== null).toBe(n > 0);
      if (u.managerId) expect(byId.has(u.managerId)).toBe(true);
    }
  });

  it('reaches seven levels, never more, with spans of 3-12 in a large org', () => {
    const { users, level, reports } = buildOrg(Rng.derive(7, 'org'), 12_000, 'example.com');
    expect(users).toHaveLength(12_000);
    expect(Math.max(...level.values())).toBe(MAX_DEPTH);
    for (const list of reports.values()) expect(list.length >= 3 && list.length <= 12).toBe(true);
  });

  it('has unique ids and UPNs, departments, guests, disabled accounts and a time zone per office', () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(tenant.tenantId).toMatch(guid);
    expect(new Set(tenant.users.map((u) => u.id)).size).toBe(300);
    expect(new Set(tenant.users.map((u) => u.userPrincipalName)).size).toBe(300);
    for (const u of tenant.users) {
      expect(u.id).toMatch(guid);
      expect(u.userPrincipalName).toMatch(/^[a-z]+\.[a-z]+\d*@learnfit-demo\.onmicrosoft\.com$/);
      expect(u.daily.privateChatMessages).toHaveLength(42);
      expect(u.daily.sitePagesVisited).toHaveLength(42);
      expect(u.timeZone).toBe((LOCATION_INFO[u.officeLocation] ?? LOCATION_INFO['Remote'])?.timeZone);
    }
    expect(new Set(tenant.users.map((u) => u.timeZone)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(tenant.users.map((u) => u.department))).toContain('Learning & Development');
    expect(tenant.users.filter((u) => u.userType === 'Guest').length).toBeGreaterThanOrEqual(2);
    expect(tenant.users.filter((u) => !u.accountEnabled).length).toBeGreaterThanOrEqual(2);
    expect(new Set(tenant.users.map((u) => u.archetype)).size).toBe(6);
    expect(new Set(tenant.users.map((u) => u.managerArchetype).filter(Boolean)).size).toBe(4);
  });

  it('has department teams, a leadership forum and a unit team per manager, each backed by a group', () => {
    const kinds = tenant.teams.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'department')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'leadership')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'unit')).toHaveLength(
      tenant.users.filter((u) => reportsOf(u.id).length > 0).length,
    );
    const groups = new Map(tenant.groups.map((g) => [g.id, g]));
    for (const team of tenant.teams) {
      expect(team.channels.length).toBeGreaterThanOrEqual(1);
      expect(team.channels.length).toBeLessThanOrEqual(4);
      for (const c of team.channels) expect(c.id).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
      for (const id of [...team.memberIds, ...team.ownerIds]) expect(byId.has(id)).toBe(true);
      for (const id of team.ownerIds) expect(team.memberIds).toContain(id);
      expect(groups.get(team.id)).toMatchObject({
        kind: 'unified',
        teamId: team.id,
        memberIds: team.memberIds,
      });
    }
    expect(tenant.teams.flatMap((t) => t.channels).some((c) => c.membershipType === 'private')).toBe(true);
    const all = tenant.groups.find((g) => g.displayName === 'All Employees');
    expect(all?.memberGroupIds.every((id) => groups.get(id)?.kind === 'security')).toBe(true);
  });

  it('writes channel messages with per-team unique epoch-ms ids, replies after roots and system events', () => {
    const start = Date.parse(tenant.windowStart);
    expect(start).toBe(Date.parse(tenant.asOf) - 42 * DAY);
    const roots = new Map(
      tenant.messages.filter((m) => m.replyToId === null).map((m) => [`${m.teamId}|${m.id}`, m]),
    );
    expect(new Set(tenant.messages.map((m) => `${m.teamId}|${m.id}`)).size).toBe(tenant.messages.length);
    expect(tenant.messageLog.total).toBe(tenant.messages.length);
    expect(roots.size).toBeGreaterThan(300);
    expect(tenant.messages.length - roots.size).toBeGreaterThan(300);
    const teams = new Map(tenant.teams.map((t) => [t.id, t]));
    for (const m of tenant.messages) {
      const at = Date.parse(m.createdDateTime);
      expect(Number(m.id)).toBe(at);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(Date.parse(tenant.asOf));
      const team = teams.get(m.teamId);
      const channel = team?.channels.find((c) => c.id === m.channelId);
      if (m.event) {
        expect(m.fromUserId).toBeNull();
        expect(channel?.displayName).toBe('General');
        continue;
      }
      expect(team && channel && channelMemberIds(team, channel, byId)).toContain(m.fromUserId);
      if (m.replyToId !== null) {
        const root = roots.get(`${m.teamId}|${m.replyToId}`);
        expect(root?.channelId).toBe(m.channelId);
        expect(at).toBeGreaterThan(Date.parse(root?.createdDateTime ?? ''));
      }
      for (const r of m.reactions) expect(Date.parse(r.createdDateTime)).toBeGreaterThan(at);
      for (const id of m.mentionIds) expect(byId.has(id)).toBe(true);
    }
    expect(tenant.messages.some((m) => m.event?.kind === 'membersAdded')).toBe(true);
    expect(tenant.messages.some((m) => m.mentionIds.length > 0)).toBe(true);
    expect(tenant.messages.some((m) => m.reactions.length > 0)).toBe(true);
  });

  it('posts in local working hours on local working days, and keeps public holidays quiet', () => {
    const calendar = buildCalendar(Date.parse(tenant.windowStart), 42);
    let inHours = 0;
    let total = 0;
    for (const m of tenant.messages) {
      const author = m.fromUserId ? byId.get(m.fromUserId) : undefined;
      if (!author) continue;
      const local = calendarOf(calendar, author.officeLocation);
      const day = Math.floor((Number(m.id) - calendar.windowStart) / DAY);
      const localMs = Number(m.id) + offsetMs(local, day);
      const localDay = Math.floor((localMs - calendar.windowStart) / DAY);
      const hour = (localMs - calendar.windowStart - localDay * DAY) / HOUR;
      total++;
      if (local.workday[localDay] === 1 && hour >= WORK_START_HOUR && hour < WORK_END_HOUR + 0.5) inHours++;
    }
    expect(inHours / total).toBeGreaterThan(0.95);
    const us = (date: string) =>
      tenant.messages.filter((m) => {
        const author = m.fromUserId ? byId.get(m.fromUserId) : undefined;
        return author?.officeLocation === 'Seattle' && m.createdDateTime.startsWith(date);
      }).length;
    expect(us('2026-11-26')).toBeLessThan(us('2026-11-24') / 5); // Thanksgiving vs. the Tuesday before
  });

  it('counts each person’s channel posts and replies per day exactly as the messages say', () => {
    const start = Date.parse(tenant.windowStart);
    const expected = new Map<string, number[]>();
    for (const m of tenant.messages) {
      if (!m.fromUserId || m.event) continue;
      const key = `${m.fromUserId}|${m.replyToId === null ? 'p' : 'r'}`;
      const days = expected.get(key) ?? new Array<number>(42).fill(0);
      const d = Math.floor((Date.parse(m.createdDateTime) - start) / DAY);
      days[d] = (days[d] ?? 0) + 1;
      expected.set(key, days);
    }
    for (const u of tenant.users) {
      expect(Array.from(u.daily.channelPosts)).toEqual(expected.get(`${u.id}|p`) ?? new Array(42).fill(0));
      expect(Array.from(u.daily.channelReplies)).toEqual(expected.get(`${u.id}|r`) ?? new Array(42).fill(0));
    }
  });

  it('drives channel volume by archetype', () => {
    const scripted = new Set([...tenant.sampleInitiative.designTeamMemberIds]);
    const perCapita = (a: DemoUser['archetype']) => {
      const people = tenant.users.filter(
        (u) => u.archetype === a && u.managerArchetype === null && !scripted.has(u.id),
      );
      const ids = new Set(people.map((u) => u.id));
      return tenant.messages.filter((m) => m.fromUserId && ids.has(m.fromUserId)).length / people.length;
    };
    expect(perCapita('activeSharer')).toBeGreaterThan(5 * perCapita('lurker'));
    const absent = new Set(
      tenant.users.filter((u) => u.managerArchetype === 'absent' && !scripted.has(u.id)).map((u) => u.id),
    );
    expect(tenant.messages.filter((m) => m.fromUserId && absent.has(m.fromUserId))).toHaveLength(0);
  });

  it('picks personas that meet their rules', () => {
    const { learner, manager, learningLeader, admin } = tenant.personas;
    expect(new Set([learner, manager, learningLeader, admin]).size).toBe(4);
    for (const id of [learner, manager, learningLeader, admin]) expect(byId.get(id)?.managerId).toBeTruthy();
    expect(['activeSharer', 'responder']).toContain(byId.get(learner)?.archetype);
    expect(reportsOf(learner)).toHaveLength(0);
    expect(reportsOf(manager).length).toBeGreaterThanOrEqual(3);
    expect([2, 3]).toContain(chain(tenant, byId.get(manager) as DemoUser).length + 1);
    expect(byId.get(learningLeader)?.department).toBe('Learning & Development');
    expect(tenant.appRoles[learningLeader]).toEqual(['LearningLeader']);
    expect(byId.get(admin)?.department).toBe('IT');
    expect(tenant.appRoles[admin]).toEqual(['Admin']);
  });

  it('scales to larger tenants with the same invariants', () => {
    const big = generateTenant({ seed: 7, people: 3000, weeks: 2, asOf: new Date('2026-11-30T15:45:00Z') });
    expect(big.users).toHaveLength(3000);
    expect(big.windowStart).toBe('2026-11-16T00:00:00.000Z');
    const spans = new Map<string, number>();
    for (const u of big.users) if (u.managerId) spans.set(u.managerId, (spans.get(u.managerId) ?? 0) + 1);
    for (const n of spans.values()) expect(n >= 3 && n <= 12).toBe(true);
    expect(new Set(big.users.map((u) => u.userPrincipalName)).size).toBe(3000);
    const team = big.teams[0];
    const messages = team ? big.messageLog.forTeam(team.id) : [];
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    expect(big.messageLog.forTeam(team?.id ?? '')).toBe(messages);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateTenant({ seed: 1, people: 10, weeks: 6, asOf })).toThrow(RangeError);
    expect(() => generateTenant({ seed: 1, people: 100_001, weeks: 6, asOf })).toThrow(RangeError);
    expect(() => generateTenant({ seed: 1, people: 300, weeks: 0, asOf })).toThrow(RangeError);
  });
});

describe('cohort teams', () => {
  it('adds count teams of distinct enabled members, each with a unified group, leaving other teams as they were', () => {
    const withCohorts = generateTenant({
      seed: 42,
      people: 300,
      weeks: 6,
      asOf,
      cohorts: { count: 4, size: 20 },
    });
    const cohorts = withCohorts.teams.filter((team) => team.kind === 'cohort');
    expect(cohorts).toHaveLength(4);
    const members = cohorts.flatMap((team) => team.memberIds);
    expect(new Set(members).size).toBe(80);
    for (const id of members) {
      const person = withCohorts.users.find((u) => u.id === id);
      expect(person?.accountEnabled && person.userType === 'Member').toBe(true);
    }
    for (const team of cohorts) {
      expect(withCohorts.groups.find((group) => group.id === team.id)?.teamId).toBe(team.id);
      expect(withCohorts.messageLog.forTeam(team.id).length).toBeGreaterThan(0);
    }
    const others = withCohorts.teams.filter((team) => team.kind !== 'cohort');
    expect(others.map(({ id, memberIds }) => ({ id, memberIds }))).toEqual(
      tenant.teams.map(({ id, memberIds }) => ({ id, memberIds })),
    );
  });

  it('shares a small tenant out evenly when count × size is more than it has', () => {
    const small = generateTenant({ seed: 7, people: 60, weeks: 2, asOf, cohorts: { count: 10, size: 100 } });
    const cohorts = small.teams.filter((team) => team.kind === 'cohort');
    const sizes = new Set(cohorts.map((team) => team.memberIds.length));
    expect(sizes.size).toBe(1);
    const size = [...sizes][0] ?? 0;
    expect(size).toBeGreaterThan(0);
    expect(size * 10).toBeLessThanOrEqual(small.users.filter((u) => u.accountEnabled).length);
  });
});
