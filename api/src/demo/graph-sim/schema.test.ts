// Checks the simulator's property names and enum values against Microsoft's published v1.0 metadata
// (the reference copies described in reference/graph/README.md; read at test time, never bundled).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import { startTestSimulator, type TestSimulator } from './test-harness';
import { KNOWN_USER_PROPERTIES } from './user-resource';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const referenceDir = [
  join(repoRoot, 'reference/graph'),
  join(repoRoot, 'docs/reference/graph'),
  join(repoRoot, '../shared/reference/graph'),
].find((dir) => existsSync(join(dir, 'v1.0-entity-types.json')));

type Members = Record<string, { properties: string[]; navigationProperties: string[] }>;

function loadSchema(dir: string) {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const ns = 'microsoft.graph';
  const entities = (JSON.parse(read('v1.0-entity-types.json')) as Record<string, Members>)[ns] ?? {};
  const complex = (JSON.parse(read('v1.0-complex-types.json')) as Record<string, Members>)[ns] ?? {};
  const enums =
    (JSON.parse(read('v1.0-enum-types.json')) as Record<string, Record<string, string[]>>)[ns] ?? {};
  const csdl = read('v1.0-Prod.csdl');
  const graphSchema = csdl.slice(0, csdl.indexOf('</Schema>'));
  const base = new Map<string, string>();
  for (const m of graphSchema.matchAll(/<(?:EntityType|ComplexType) Name="(\w+)"([^>]*)>/g)) {
    const parent = /BaseType="graph\.(\w+)"/.exec(m[2] ?? '')?.[1];
    if (m[1] && parent) base.set(m[1], parent);
  }
  const members = (type: string | undefined): string[] => {
    if (!type) return [];
    const t = entities[type] ?? complex[type];
    if (!t) throw new Error(`unknown type ${type}`);
    return [...t.properties, ...t.navigationProperties, ...members(base.get(type))];
  };
  return {
    unknownKeys: (type: string, obj: unknown, allowed: readonly string[] = []) =>
      Object.keys(obj as object).filter(
        (k) => !k.includes('@odata') && !members(type).includes(k) && !allowed.includes(k),
      ),
    enumValues: (name: string) => enums[name] ?? [],
  };
}

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator(tenant);
});
afterAll(() => sim.close());

async function json(url: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await sim.fetch(url, { token: 'app', headers });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('wire objects match the Graph v1.0 schema', () => {
  it('finds the reference metadata', () => {
    expect(referenceDir, 'copy of reference/graph (v1.0-entity-types.json, v1.0-Prod.csdl)').toBeDefined();
    const schema = loadSchema(referenceDir ?? '');
    expect(schema.unknownKeys('chatMessage', { id: '1', replies: [], made_up: 1 })).toEqual(['made_up']);
  });

  it('emits only user properties of microsoft.graph.user', async () => {
    const schema = loadSchema(referenceDir ?? '');
    const learner = tenant.personas.learner;
    const full = await json(`/v1.0/users/${learner}?$select=${KNOWN_USER_PROPERTIES.join(',')}`);
    expect(schema.unknownKeys('user', full)).toEqual([]);
    const chain = await json(`/v1.0/users/${learner}?$expand=manager($levels=max)`, {
      ConsistencyLevel: 'eventual',
    });
    for (let m = chain['manager'] as Record<string, unknown> | undefined; m; m = m['manager'] as typeof m)
      expect(schema.unknownKeys('user', m)).toEqual([]);
    const list = await json('/v1.0/users?$top=20&$expand=directReports');
    for (const u of list['value'] as Record<string, unknown>[])
      expect(schema.unknownKeys('user', u)).toEqual([]);
  });

  it('emits only channel properties and valid membership types', async () => {
    const schema = loadSchema(referenceDir ?? '');
    for (const team of tenant.teams) {
      const body = await json(`/v1.0/teams/${team.id}/channels`);
      for (const c of body['value'] as Record<string, unknown>[]) {
        expect(schema.unknownKeys('channel', c)).toEqual([]);
        expect(schema.enumValues('channelMembershipType')).toContain(c['membershipType']);
      }
    }
  });

  it('emits chatMessage objects with valid nested shapes and enum values', async () => {
    const schema = loadSchema(referenceDir ?? '');
    const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId);
    const body = await json(
      `/v1.0/teams/${team?.id}/channels/${team?.channels[0]?.id}/messages?$top=50&$expand=replies`,
    );
    const messages = (body['value'] as Record<string, unknown>[]).flatMap((m) => [
      m,
      ...((m['replies'] as Record<string, unknown>[]) ?? []),
    ]);
    expect(messages.some((m) => (m['mentions'] as unknown[]).length > 0)).toBe(true);
    expect(messages.some((m) => (m['reactions'] as unknown[]).length > 0)).toBe(true);
    // teamworkUserIdentity is an open type; Graph adds tenantId to it on the wire.
    const identity = (o: unknown) => {
      const user = (o as Record<string, unknown>)['user'];
      expect(schema.unknownKeys('teamworkUserIdentity', user, ['tenantId'])).toEqual([]);
      expect(schema.enumValues('teamworkUserIdentityType')).toContain(
        (user as Record<string, unknown>)['userIdentityType'],
      );
    };
    for (const m of messages) {
      expect(schema.unknownKeys('chatMessage', m)).toEqual([]);
      expect(schema.enumValues('chatMessageType')).toContain(m['messageType']);
      expect(schema.enumValues('chatMessageImportance')).toContain(m['importance']);
      expect(schema.unknownKeys('itemBody', m['body'])).toEqual([]);
      expect(schema.enumValues('bodyType')).toContain((m['body'] as Record<string, unknown>)['contentType']);
      expect(schema.unknownKeys('channelIdentity', m['channelIdentity'])).toEqual([]);
      if (m['eventDetail']) {
        expect(m['from']).toBeNull();
        const detail = m['eventDetail'] as Record<string, unknown>;
        expect(detail['@odata.type']).toBe('#microsoft.graph.membersAddedEventMessageDetail');
        expect(schema.unknownKeys('membersAddedEventMessageDetail', detail)).toEqual([]);
        identity(detail['initiator']);
        for (const member of detail['members'] as Record<string, unknown>[])
          expect(schema.unknownKeys('teamworkUserIdentity', member, ['tenantId'])).toEqual([]);
      } else {
        expect(schema.unknownKeys('chatMessageFromIdentitySet', m['from'])).toEqual([]);
        identity(m['from']);
      }
      for (const mention of m['mentions'] as Record<string, unknown>[]) {
        expect(schema.unknownKeys('chatMessageMention', mention)).toEqual([]);
        expect(schema.unknownKeys('chatMessageMentionedIdentitySet', mention['mentioned'])).toEqual([]);
        identity(mention['mentioned']);
      }
      for (const reaction of m['reactions'] as Record<string, unknown>[]) {
        expect(schema.unknownKeys('chatMessageReaction', reaction)).toEqual([]);
        expect(schema.unknownKeys('chatMessageReactionIdentitySet', reaction['user'])).toEqual([]);
        identity(reaction['user']);
      }
    }
  });

  it('emits only group, directoryObject and member properties for groups', async () => {
    const schema = loadSchema(referenceDir ?? '');
    const all = tenant.groups.find((g) => g.displayName === 'All Employees');
    for (const group of [tenant.groups[0], all]) {
      const body = await json(`/v1.0/groups/${group?.id}`);
      expect(schema.unknownKeys('group', body)).toEqual([]);
    }
    const members = await json(`/v1.0/groups/${all?.id}/transitiveMembers?$top=999`);
    for (const m of members['value'] as Record<string, unknown>[]) {
      const type = m['@odata.type'] === '#microsoft.graph.group' ? 'group' : 'user';
      expect(schema.unknownKeys(type, m)).toEqual([]);
    }
  });

  it('emits only team, settings, summary and conversation-member properties for teams', async () => {
    const schema = loadSchema(referenceDir ?? '');
    const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId);
    const body = await json(`/v1.0/teams/${team?.id}`);
    expect(schema.unknownKeys('team', body)).toEqual([]);
    expect(schema.enumValues('teamVisibilityType')).toContain(body['visibility']);
    expect(schema.enumValues('teamSpecialization')).toContain(body['specialization']);
    const complex: Record<string, string> = {
      memberSettings: 'teamMemberSettings',
      guestSettings: 'teamGuestSettings',
      messagingSettings: 'teamMessagingSettings',
      funSettings: 'teamFunSettings',
      summary: 'teamSummary',
    };
    for (const [key, type] of Object.entries(complex))
      expect(schema.unknownKeys(type, body[key]), key).toEqual([]);
    expect(schema.enumValues('giphyRatingType')).toContain(
      (body['funSettings'] as Record<string, unknown>)['giphyContentRating'],
    );
    const members = await json(`/v1.0/teams/${team?.id}/members`);
    for (const m of members['value'] as Record<string, unknown>[])
      expect(schema.unknownKeys('aadUserConversationMember', m)).toEqual([]);
    const joined = await json(`/v1.0/users/${tenant.personas.learner}/joinedTeams`);
    for (const t of joined['value'] as Record<string, unknown>[])
      expect(schema.unknownKeys('team', t)).toEqual([]);
    const settings = await json('/v1.0/admin/reportSettings');
    expect(schema.unknownKeys('adminReportSettings', settings)).toEqual([]);
  });

  it('emits only chatMessage properties in delta items, system events included', async () => {
    const schema = loadSchema(referenceDir ?? '');
    const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId);
    const events = tenant.messages.filter((m) => m.event && m.teamId === team?.id);
    expect(events.length).toBeGreaterThan(0);
    const body = await json(
      `/v1.0/teams/${team?.id}/channels/${events[0]?.channelId}/messages/delta?$top=50&$expand=replies`,
      {
        Prefer: 'include-unknown-enum-members',
      },
    );
    const items = body['value'] as Record<string, unknown>[];
    for (const m of items) {
      expect(m['@odata.type']).toBe('#microsoft.graph.chatMessage');
      expect(schema.unknownKeys('chatMessage', m)).toEqual([]);
      expect(schema.enumValues('chatMessageType')).toContain(m['messageType']);
    }
    const event = await json(
      `/v1.0/teams/${team?.id}/channels/${events[0]?.channelId}/messages/${events[0]?.id}`,
    );
    expect(schema.enumValues('chatMessageType')).toContain(event['messageType']);
    expect(schema.unknownKeys('membersAddedEventMessageDetail', event['eventDetail'])).toEqual([]);
  });
});
