import { describe, expect, it } from 'vitest';
import { channelMemberIds, generateTenant } from './generate';
import type { DemoTenant, DemoUser } from './model';

const asOf = new Date('2026-11-30T00:00:00Z');
const DAY = 86_400_000;
const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf });
const byId = new Map(tenant.users.map((u) => [u.id, u]));
const reportsOf = (id: string) => tenant.users.filter((u) => u.managerId === id);

function chain(u: DemoUser): DemoUser[] {
  const out: DemoUser[] = [];
  for (
    let m = u.managerId ? byId.get(u.managerId) : undefined;
    m;
    m = m.managerId ? byId.get(m.managerId) : undefined
  ) {
    out.push(m);
    if (out.length > tenant.users.length) throw new Error('cycle');
  }
  return out;
}

function last30(t: DemoTenant, id: string) {
  const user = t.users.find((u) => u.id === id) as DemoUser;
  const since = new Date(Date.parse(t.asOf) - 30 * DAY).toISOString();
  return {
    chat: user.daily.privateChatMessages.slice(-30).reduce((a, b) => a + b, 0),
    channel: t.messages.filter((m) => m.fromUserId === id && m.createdDateTime >= since).length,
  };
}

describe('generateTenant', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateTenant({ seed: 42, people: 300, weeks: 6, asOf })).toEqual(tenant);
    const other = generateTenant({ seed: 43, people: 300, weeks: 6, asOf });
    expect(other.tenantId).not.toBe(tenant.tenantId);
    expect(other.users.map((u) => u.displayName)).not.toEqual(tenant.users.map((u) => u.displayName));
  });

  it('builds an org tree without cycles, one CEO, depth 4-5 and spans of 3-12', () => {
    expect(tenant.users).toHaveLength(300);
    const depth = Math.max(...tenant.users.map((u) => chain(u).length + 1));
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

  it('has unique ids and UPNs, departments, guests and disabled accounts', () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(tenant.tenantId).toMatch(guid);
    expect(new Set(tenant.users.map((u) => u.id)).size).toBe(300);
    expect(new Set(tenant.users.map((u) => u.userPrincipalName)).size).toBe(300);
    for (const u of tenant.users) {
      expect(u.id).toMatch(guid);
      expect(u.userPrincipalName).toMatch(/^[a-z]+\.[a-z]+\d*@learnfit-demo\.onmicrosoft\.com$/);
      expect(u.daily.privateChatMessages).toHaveLength(42);
      expect(u.daily.engageLikes).toHaveLength(42);
    }
    expect(new Set(tenant.users.map((u) => u.department))).toContain('Learning & Development');
    expect(tenant.users.filter((u) => u.userType === 'Guest').length).toBeGreaterThanOrEqual(2);
    expect(tenant.users.filter((u) => !u.accountEnabled).length).toBeGreaterThanOrEqual(2);
    expect(new Set(tenant.users.map((u) => u.archetype)).size).toBe(6);
    expect(new Set(tenant.users.map((u) => u.managerArchetype).filter(Boolean)).size).toBe(4);
  });

  it('has six teams with 2-4 channels, a private channel and consistent membership', () => {
    expect(tenant.teams).toHaveLength(6);
    for (const team of tenant.teams) {
      expect(team.channels.length).toBeGreaterThanOrEqual(2);
      expect(team.channels.length).toBeLessThanOrEqual(4);
      for (const c of team.channels) expect(c.id).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
      for (const id of [...team.memberIds, ...team.ownerIds]) expect(byId.has(id)).toBe(true);
      for (const id of team.ownerIds) expect(team.memberIds).toContain(id);
    }
    expect(tenant.teams.flatMap((t) => t.channels).some((c) => c.membershipType === 'private')).toBe(true);
  });

  it('writes channel messages with unique epoch-ms ids, replies after roots, in a weekday rhythm', () => {
    const start = Date.parse(tenant.windowStart);
    expect(start).toBe(Date.parse(tenant.asOf) - 42 * DAY);
    const ids = new Set(tenant.messages.map((m) => m.id));
    expect(ids.size).toBe(tenant.messages.length);
    const roots = new Map(tenant.messages.filter((m) => m.replyToId === null).map((m) => [m.id, m]));
    expect(roots.size).toBeGreaterThan(300);
    expect(tenant.messages.length - roots.size).toBeGreaterThan(300);
    let weekday = 0;
    for (const m of tenant.messages) {
      const at = Date.parse(m.createdDateTime);
      expect(m.id).toMatch(/^\d+$/);
      expect(Number(m.id)).toBe(at);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(Date.parse(tenant.asOf));
      const team = tenant.teams.find((t) => t.id === m.teamId);
      const channel = team?.channels.find((c) => c.id === m.channelId);
      expect(team && channel && channelMemberIds(team, channel, byId)).toContain(m.fromUserId);
      if (m.replyToId !== null) {
        const root = roots.get(m.replyToId);
        expect(root?.channelId).toBe(m.channelId);
        expect(at).toBeGreaterThan(Date.parse(root?.createdDateTime ?? ''));
      }
      for (const r of m.reactions) expect(Date.parse(r.createdDateTime)).toBeGreaterThan(at);
      for (const id of m.mentionIds) expect(byId.has(id)).toBe(true);
      const dow = new Date(at).getUTCDay();
      if (dow !== 0 && dow !== 6) weekday++;
    }
    expect(weekday / tenant.messages.length).toBeGreaterThan(0.9);
    expect(tenant.messages.some((m) => m.mentionIds.length > 0)).toBe(true);
    expect(tenant.messages.some((m) => m.reactions.length > 0)).toBe(true);
  });

  it('drives channel volume by archetype', () => {
    const perCapita = (a: DemoUser['archetype']) => {
      const people = tenant.users.filter((u) => u.archetype === a && u.managerArchetype === null);
      const ids = new Set(people.map((u) => u.id));
      return tenant.messages.filter((m) => ids.has(m.fromUserId)).length / people.length;
    };
    expect(perCapita('activeSharer')).toBeGreaterThan(5 * perCapita('lurker'));
    const absent = new Set(tenant.users.filter((u) => u.managerArchetype === 'absent').map((u) => u.id));
    expect(tenant.messages.filter((m) => absent.has(m.fromUserId))).toHaveLength(0);
  });

  it('picks personas that meet their rules', () => {
    const { learner, manager, learningLeader, admin } = tenant.personas;
    expect(new Set([learner, manager, learningLeader, admin]).size).toBe(4);
    for (const id of [learner, manager, learningLeader, admin]) expect(byId.get(id)?.managerId).toBeTruthy();
    const l = byId.get(learner) as DemoUser;
    expect(['activeSharer', 'responder']).toContain(l.archetype);
    expect(reportsOf(learner)).toHaveLength(0);
    expect(tenant.teams.some((t) => t.memberIds.includes(learner))).toBe(true);
    const m = byId.get(manager) as DemoUser;
    expect(reportsOf(manager).length).toBeGreaterThanOrEqual(3);
    expect([2, 3]).toContain(chain(m).length + 1);
    expect(byId.get(learningLeader)?.department).toBe('Learning & Development');
    expect(tenant.appRoles[learningLeader]).toEqual(['LearningLeader']);
    expect(byId.get(admin)?.department).toBe('IT');
    expect(tenant.appRoles[admin]).toEqual(['Admin']);
    const [a, b] = [last30(tenant, learner), last30(tenant, manager)];
    expect(a.chat).toBeGreaterThan(0);
    expect(a.channel).toBeGreaterThan(0);
    expect(b.chat).toBeGreaterThan(0);
    expect(b.channel).toBeGreaterThan(0);
    expect(a.chat).not.toBe(b.chat);
    expect(a.channel).not.toBe(b.channel);
  });

  it('describes a sample initiative with an L&D design team', () => {
    const { targetTeamId, designTeamMemberIds } = tenant.sampleInitiative;
    expect(tenant.teams.map((t) => t.id)).toContain(targetTeamId);
    expect(designTeamMemberIds.length).toBeGreaterThanOrEqual(4);
    expect(designTeamMemberIds.length).toBeLessThanOrEqual(6);
    for (const id of designTeamMemberIds) expect(byId.get(id)?.department).toBe('Learning & Development');
    expect(tenant.reportsConcealed).toBe(false);
  });

  it('scales to larger tenants with the same invariants', () => {
    const big = generateTenant({ seed: 7, people: 3000, weeks: 2, asOf: new Date('2026-11-30T15:45:00Z') });
    expect(big.users).toHaveLength(3000);
    expect(big.windowStart).toBe('2026-11-16T00:00:00.000Z');
    const spans = new Map<string, number>();
    for (const u of big.users) if (u.managerId) spans.set(u.managerId, (spans.get(u.managerId) ?? 0) + 1);
    for (const n of spans.values()) expect(n >= 3 && n <= 12).toBe(true);
    expect(new Set(big.users.map((u) => u.userPrincipalName)).size).toBe(3000);
    expect(new Set(big.messages.map((m) => m.id)).size).toBe(big.messages.length);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateTenant({ seed: 1, people: 10, weeks: 6, asOf })).toThrow(RangeError);
    expect(() => generateTenant({ seed: 1, people: 300, weeks: 0, asOf })).toThrow(RangeError);
  });
});
