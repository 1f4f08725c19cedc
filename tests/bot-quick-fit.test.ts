// The quick workflow-fit check end to end: the message extension's dialog and its estimate for the
// conversation's members (served by a fake connector roster), checked against core's own computation.
import { biggestGaps } from '@learnfit/bot';
import { createPrivacyGuard, diagnoseWorkflowFit, seededRandom, type SolutionFeature } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPseudonymKey } from '../api/src/config';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { newestOf, seedOf, settingsWithK } from '../api/src/services/diagnostics-service';
import { orgBelow } from '../api/src/services/report-service';
import { createCollectionStore } from '../api/src/store/collection-store';
import {
  startMessageExtensionHarness,
  type Attachment,
  type FakeRoster,
  type MessageExtensionHarness,
} from './support/message-extension';
import type { TestServer } from './support/server';

let harness: MessageExtensionHarness;
let server: TestServer;
let tenant: DemoTenant;
let connector: FakeRoster;

const activity = (name: string, who: string, value: unknown) => harness.activity(name, who, value);
const invoke = (body: unknown) => harness.invoke(body);
const attachments = (body: unknown): Promise<Attachment[]> => harness.attachments(body);

const discussionChannel: SolutionFeature = {
  id: 'discussion-channel',
  name: 'Discussion channel',
  mode: 'channelPosts',
  cadence: 'weekly',
  synchronous: false,
  plannedTimes: [],
  groupSize: null,
};

/** The estimate core computes for these members (Entra ids) and features, as the bot must show it. */
async function expectedEstimate(memberIds: readonly string[], features: SolutionFeature[]) {
  const { info, snapshot, pseudonymize } = await snapshotOfTenant();
  const present = new Set(snapshot.people.map((person) => person.key));
  const keys = [...new Set(memberIds.map(pseudonymize))].filter((key) => present.has(key)).sort();
  return diagnoseWorkflowFit({
    snapshot,
    initiative: {
      id: 'quick-fit-check',
      name: 'Quick fit check',
      targetGroup: keys,
      designTeam: [],
      comparisonGroup: null,
      features,
      kpis: [],
      launchDate: null,
    },
    pulse: [],
    settings: settingsWithK(5),
    random: seededRandom(seedOf(info.id)),
    guard: createPrivacyGuard({ k: 5 }),
  });
}

/** The people in the newest snapshot, with their pseudonymous keys. */
async function snapshotOfTenant() {
  const store = createCollectionStore(server.composed.store.db, () => new Date());
  const info = newestOf(await store.listSnapshots(tenant.tenantId));
  if (!info) throw new Error('no snapshot');
  const snapshot = await store.loadSnapshot(tenant.tenantId, info.id);
  if (!snapshot) throw new Error('snapshot not loadable');
  return { info, snapshot, pseudonymize: createPseudonymizer(demoPseudonymKey, tenant.tenantId) };
}

beforeAll(async () => {
  harness = await startMessageExtensionHarness();
  ({ server, tenant, connector } = harness);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('quick workflow-fit check', () => {
  it('opens the dialog, pre-filled from a message without echoing its text', async () => {
    const compose = await invoke(
      activity('composeExtension/fetchTask', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
      }),
    );
    expect(compose.status).toBe(200);
    const task = (
      compose.json as { task: { type: string; value: { card: { content: { body: unknown[] } } } } }
    ).task;
    expect(task.type).toBe('continue');
    expect(JSON.stringify(task)).toContain(
      '"id":"templates","label":"Formats","isMultiSelect":true,"style":"expanded","value":""',
    );
    const secret = 'Ferngully-Marker-7731';
    const fromMessage = await invoke(
      activity('composeExtension/fetchTask', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'message',
        messagePayload: {
          id: 'm1',
          body: {
            contentType: 'html',
            content: `<p>${secret}: a live webinar and a Viva Engage community</p>`,
          },
        },
      }),
    );
    expect(fromMessage.text).toContain('"value":"live-session,engage-community"');
    expect(fromMessage.text).not.toContain(secret);
  });

  it("estimates a leader's team with core's own computation and names the three biggest gaps", async () => {
    const team = tenant.teams.find((candidate) => candidate.id === tenant.sampleInitiative.targetTeamId)!;
    connector.members.splice(0, connector.members.length, ...team.memberIds);
    connector.requests.length = 0;
    const [card] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data: {
          templates: 'discussion-channel,live-session,external-lms',
          customMode: '',
          customCadence: 'weekly',
        },
      }),
    );
    expect(
      connector.requests.some((line) =>
        line.startsWith('GET /v3/conversations/19:chat-1@thread.v2/pagedMembers'),
      ),
    ).toBe(true);
    const expected = await expectedEstimate(team.memberIds, [
      discussionChannel,
      {
        id: 'live-session',
        name: 'Live session',
        mode: 'meetings',
        cadence: 'biweekly',
        synchronous: true,
        plannedTimes: [],
        groupSize: null,
      },
      {
        id: 'external-lms',
        name: 'External LMS module',
        mode: 'externalLms',
        cadence: 'monthly',
        synchronous: false,
        plannedTimes: [],
        groupSize: null,
      },
    ]);
    const json = JSON.stringify(card);
    expect(card?.preview.content.text).toBe(
      `${Math.round(expected.data.overallScore!)} of 100 over ${expected.data.groupSize} people`,
    );
    const gaps = biggestGaps(expected).map((feature) => feature.name);
    expect(gaps).toHaveLength(3);
    for (const name of gaps) expect(json).toContain(name);
  });

  it('refuses a group under k with a clear card, and gives a learner no group estimate', async () => {
    connector.members.splice(0, connector.members.length, ...tenant.users.slice(0, 3).map((user) => user.id));
    const data = { templates: 'peer-qa' };
    const [small] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.learningLeader, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data,
      }),
    );
    expect(small?.preview.content.title).toBe('Group too small for a fit estimate');
    const team = tenant.teams.find((candidate) => candidate.id === tenant.sampleInitiative.targetTeamId)!;
    connector.members.splice(0, connector.members.length, ...team.memberIds);
    const [learner] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.learner, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data,
      }),
    );
    expect(learner?.preview.content.title).toBe('Group estimates are for learning leaders and managers');
    expect(JSON.stringify(learner)).not.toMatch(/\d+ of 100/);
  });

  /** The manager persona's org in the newest snapshot (everyone below them), and people outside it. */
  async function managerOrg() {
    const { snapshot, pseudonymize } = await snapshotOfTenant();
    const below = new Set(orgBelow(snapshot, pseudonymize(tenant.personas.manager)) ?? []);
    const inOrg = tenant.users.filter((user) => below.has(pseudonymize(user.id))).map((user) => user.id);
    const outsiders = tenant.users
      .filter((user) => !below.has(pseudonymize(user.id)) && user.id !== tenant.personas.manager)
      .slice(0, 20)
      .map((user) => user.id);
    return { inOrg, outsiders };
  }

  const managerCheck = async (members: readonly string[]) => {
    connector.members.splice(0, connector.members.length, ...members);
    const [card] = await attachments(
      activity('composeExtension/submitAction', tenant.personas.manager, {
        commandId: 'quickFitCheck',
        commandContext: 'compose',
        data: { templates: 'discussion-channel' },
      }),
    );
    return card;
  };

  it("estimates a manager's own org among the members, and leaves everyone else out", async () => {
    const { inOrg, outsiders } = await managerOrg();
    // The demo's manager persona leads a team of six (seed 42): enough for an estimate at k = 5.
    expect(inOrg.length).toBeGreaterThanOrEqual(5);
    const card = await managerCheck([tenant.personas.manager, ...inOrg, ...outsiders]);
    const expected = await expectedEstimate(inOrg, [discussionChannel]);
    expect(expected.data.groupSize).toBe(inOrg.length);
    expect(card?.preview.content.title).toBe('Quick workflow-fit estimate');
    expect(card?.preview.content.text).toBe(
      `${Math.round(expected.data.overallScore!)} of 100 over ${inOrg.length} people`,
    );
    expect(JSON.stringify(card)).toContain('the members of this conversation in your org');
  });

  it('refuses a manager whose org members in the conversation are fewer than k, however large the chat', async () => {
    const { inOrg, outsiders } = await managerOrg();
    const members = [tenant.personas.manager, ...inOrg.slice(0, 4), ...outsiders];
    const card = await managerCheck(members);
    expect(card?.preview.content.title).toBe('Group too small for a fit estimate');
    expect(card?.preview.content.text).toContain(
      `LearnFit found 4 of ${members.length} the members of this conversation in your org`,
    );
    expect(JSON.stringify(card)).not.toMatch(/\d+ of 100/);
  });
});
