// The bot's conversation, end to end: real activities POSTed to /api/messages, replies and proactive
// messages captured by a loopback fake connector used as the activities' serviceUrl.
import { createBotMessenger } from '@learnfit/bot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitiativeStore } from '../api/src/store/initiative-store';
import { createBotStore } from '../api/src/store/bot-store';
import { createPulseStore } from '../api/src/store/pulse-store';
import { createJobQueue } from '../api/src/jobs/queue';
import { startWorker } from '../api/src/jobs/worker';
import {
  createNotificationService,
  notificationKind,
  notifyWhenCollected,
} from '../api/src/services/notification-service';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { demoPseudonymKey } from '../api/src/config';
import { createConversationPorts } from '../api/src/bot-ports/conversation-ports';
import {
  botAccountId,
  botAdded,
  cardAction,
  installation,
  message,
  postActivity,
  type ActivityScope,
} from './support/bot-activities';
import { startFakeConnector, type FakeConnector } from './support/fake-connector';
import { callApi } from './support/http';
import { createScratchDatabase, requirePostgres } from './support/postgres';
import { startTestServer, type TestServer } from './support/server';

const postgresRuns = await requirePostgres();
const scratch = postgresRuns ? await createScratchDatabase() : null;

let server: TestServer;
let connector: FakeConnector;
let tenantId: string;
const tokens: Record<string, string> = {};

const personal = (userId: string, name = 'Test user'): ActivityScope => ({
  tenantId,
  serviceUrl: connector.serviceUrl,
  userId,
  userName: name,
  conversationId: `a:personal-${userId}`,
  kind: 'personal',
});

const cardsTo = (conversationId: string): Array<{ body: Array<{ text?: string }> }> =>
  connector
    .to(conversationId)
    .flatMap((call) => call.body.attachments ?? [])
    .map((attachment) => attachment.content as { body: Array<{ text?: string }> });

const textOf = (content: { body: Array<{ text?: string }> }): string => JSON.stringify(content);

async function waitFor(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Posts `conversationUpdate` and `installationUpdate` of several fresh installs all at once. */
async function expectOneWelcomeEach(target: TestServer, label: string): Promise<void> {
  const demo = target.composed.demo!;
  const leader = personal(demo.tenant.personas.learningLeader, 'Lee Leader');
  const scopes: ActivityScope[] = [1, 2, 3, 4, 5].flatMap((n) => [
    {
      ...leader,
      tenantId: demo.tenant.tenantId,
      conversationId: `19:race-${label}-group-${n}@thread.v2`,
      kind: 'groupChat' as const,
    },
    {
      ...leader,
      tenantId: demo.tenant.tenantId,
      conversationId: `19:race-${label}-channel-${n}@thread.tacv2`,
      kind: 'channel' as const,
      teamId: `33333333-2222-4333-8444-55555555555${n}`,
    },
  ]);
  const answers = await Promise.all(
    scopes.flatMap((scope) => [
      postActivity(target.baseUrl, botAdded(scope)),
      postActivity(target.baseUrl, installation(scope, 'add')),
    ]),
  );
  expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
  for (const scope of scopes) {
    const cards = cardsTo(scope.conversationId);
    expect(cards, scope.conversationId).toHaveLength(1);
    expect(textOf(cards[0]!)).toContain("I'm LearnFit");
  }
}

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({ WORKER_CONCURRENCY: '1' });
  const demo = server.composed.demo!;
  tenantId = demo.tenant.tenantId;
  for (const persona of ['learner', 'manager', 'learningLeader'] as const) {
    tokens[persona] = await demo.identity.issueSsoToken(demo.tenant.personas[persona]);
    // The bot gets app roles from the person's last tab visit (their validated SSO token).
    expect((await callApi(server.baseUrl, 'GET', '/api/me', tokens[persona]!)).status).toBe(200);
  }
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

/** A notification service of another process on the test database, sending through the fake connector. */
function notificationServiceOn(queue: ReturnType<typeof createJobQueue>) {
  const db = server.composed.store.db;
  return createNotificationService({
    queue,
    store: createBotStore(db),
    initiatives: createInitiativeStore(db),
    pulse: createPulseStore(db, () => new Date()),
    membersOf: () => Promise.resolve([]),
    keyFor: (tenant, userId) => createPseudonymizer(demoPseudonymKey, tenant)(userId),
    messenger: () => createBotMessenger({ token: () => Promise.resolve(null) }),
    publicUrl: 'http://localhost',
    now: () => new Date(),
  });
}
describe('install', () => {
  it('welcomes once in a personal chat, a team and a group chat, and stores the reference', async () => {
    const demo = server.composed.demo!;
    const leader = personal(demo.tenant.personas.learningLeader, 'Lee Leader');
    const team: ActivityScope = {
      ...leader,
      conversationId: '19:general-install@thread.tacv2',
      kind: 'channel',
      teamId: '11111111-2222-4333-8444-555555555555',
    };
    const group: ActivityScope = {
      ...leader,
      conversationId: '19:group-install@thread.v2',
      kind: 'groupChat',
    };
    for (const scope of [leader, team, group]) {
      // Teams sends both on install; one welcome only.
      expect((await postActivity(server.baseUrl, botAdded(scope))).status).toBe(200);
      expect((await postActivity(server.baseUrl, installation(scope, 'add'))).status).toBe(200);
      const cards = cardsTo(scope.conversationId);
      expect(cards).toHaveLength(1);
      expect(textOf(cards[0]!)).toContain("I'm LearnFit");
    }
    expect(textOf(cardsTo(leader.conversationId)[0]!)).toContain('Hi Lee');
    expect(textOf(cardsTo(team.conversationId)[0]!)).toContain('channels');
    const store = createBotStore(server.composed.store.db);
    const stored = await store.channelConversations(tenantId, team.teamId);
    expect(stored.map((row) => [row.conversationId, row.serviceUrl])).toEqual([
      [team.conversationId, connector.serviceUrl],
    ]);
    // Uninstall forgets the conversation.
    await postActivity(server.baseUrl, installation(group, 'remove'));
    expect(await store.conversation(tenantId, group.conversationId)).toBeNull();
  });

  it('welcomes once when Teams delivers both install activities at the same moment', async () => {
    await expectOneWelcomeEach(server, 'embedded');
  });

  it('tells exactly one of two concurrent saves that the conversation is new', async () => {
    // The embedded database runs a whole request before the next, so race the ports directly: their
    // queries interleave here as two requests' do on PostgreSQL.
    const db = server.composed.store.db;
    const ports = createConversationPorts({
      botId: botAccountId,
      store: createBotStore(db),
      collections: { list: () => Promise.resolve([]) },
      initiatives: createInitiativeStore(db),
      posts: { acknowledge: () => Promise.resolve(null) },
      messenger: createBotMessenger({ token: () => Promise.resolve(null) }),
      appLink: 'http://localhost',
      now: () => new Date(),
    });
    for (const n of [1, 2, 3]) {
      const address = {
        tenantId,
        conversationId: `19:race-ports-${n}@thread.v2`,
        kind: 'groupChat' as const,
        serviceUrl: connector.serviceUrl,
        teamId: null,
        channelId: null,
        userId: server.composed.demo!.tenant.personas.learningLeader,
        botId: botAccountId,
      };
      const created = await Promise.all([ports.saveConversation(address), ports.saveConversation(address)]);
      expect(created.filter(Boolean)).toHaveLength(1);
      // Every later save (each message refreshes the reference) is not new.
      expect(await ports.saveConversation(address)).toBe(false);
    }
  });
});

describe.skipIf(!postgresRuns)('install on a PostgreSQL server', () => {
  // On a networked database the two handlers really interleave between their queries.
  let pgServer: TestServer;
  beforeAll(async () => {
    pgServer = await startTestServer({ WORKER_CONCURRENCY: '1', DATABASE_URL: scratch!.url });
  });
  afterAll(async () => {
    await pgServer?.close();
    await scratch?.drop();
  });

  it('welcomes once when Teams delivers both install activities at the same moment', async () => {
    await expectOneWelcomeEach(pgServer, 'postgres');
  });
});

describe('commands', () => {
  it('answers help, status and report, and strips the @mention in channels', async () => {
    const demo = server.composed.demo!;
    const leader = personal(demo.tenant.personas.learningLeader);
    await postActivity(server.baseUrl, message(leader, 'help'));
    await postActivity(server.baseUrl, message(leader, 'status'));
    const cards = cardsTo(leader.conversationId).slice(-2).map(textOf);
    expect(cards[0]).toContain('What I can do');
    expect(cards[1]).toContain('Collection status');

    const channel: ActivityScope = {
      ...leader,
      conversationId: '19:general-commands@thread.tacv2;messageid=123',
      kind: 'channel',
      teamId: '22222222-2222-4333-8444-555555555555',
    };
    await postActivity(server.baseUrl, message(channel, 'HELP '));
    expect(textOf(cardsTo('19:general-commands@thread.tacv2').at(-1)!)).toContain('What I can do');

    const learner = personal(demo.tenant.personas.learner);
    await postActivity(server.baseUrl, message(learner, 'status'));
    expect(textOf(cardsTo(learner.conversationId).at(-1)!)).toContain('learning leaders and admins');
    await postActivity(server.baseUrl, message(learner, 'report'));
    // A learner sees no report through the bot, as in the tab.
    expect(textOf(cardsTo(learner.conversationId).at(-1)!)).toContain('no report you may read');

    await postActivity(server.baseUrl, message(leader, `report ${demo.tenant.sampleInitiative.name}`));
    const report = textOf(cardsTo(leader.conversationId).at(-1)!);
    expect(report).toContain(demo.tenant.sampleInitiative.name);
    expect(report).not.toContain('no report you may read');
  });

  it('turns notifications off and on, by command and by the card button', async () => {
    const demo = server.composed.demo!;
    const learner = personal(demo.tenant.personas.learner);
    const store = createBotStore(server.composed.store.db);
    await postActivity(server.baseUrl, message(learner, 'stop notifications'));
    expect(await store.isOptedOut(tenantId, learner.userId)).toBe(true);
    const clicked = await postActivity(server.baseUrl, cardAction(learner, 'notificationsOn'));
    expect(clicked.status).toBe(200);
    expect(JSON.stringify(clicked.body)).toContain('Notifications are on again');
    expect(await store.isOptedOut(tenantId, learner.userId)).toBe(false);
  });
});

describe('proactive messages', () => {
  it('sends "collection finished" once to the owner, never to someone who opted out', async () => {
    const demo = server.composed.demo!;
    const db = server.composed.store.db;
    const leader = personal(demo.tenant.personas.learningLeader);
    await postActivity(server.baseUrl, botAdded(leader));
    const created = await callApi(server.baseUrl, 'POST', '/api/initiatives', tokens['learningLeader']!, {
      name: 'Notify me',
      design: {
        targetGroup: { kind: 'people', ids: [demo.tenant.personas.learner] },
        designTeam: { kind: 'people', ids: [demo.tenant.personas.learningLeader] },
      },
    });
    expect(created.status).toBe(201);
    const initiativeId = ((await created.json()) as { id: string }).id;
    const queue = createJobQueue(db);
    const notifications = notificationServiceOn(queue);
    // The real code path: the collection handler finishing queues the notification.
    const finished = notifyWhenCollected(() => Promise.resolve({ people: 42 }), notifications);
    const payload = {
      snapshotKind: 'baseline',
      initiativeId,
      teamIds: [],
      weeks: 4,
      dataAsOf: new Date().toISOString(),
    };
    const job = { id: 'run-notify-1', tenantId, payload } as Parameters<typeof finished>[0]['job'];
    const ctx = { job, signal: new AbortController().signal, progress: () => Promise.resolve() };
    await finished(ctx);
    await finished(ctx); // a retried run queues nothing twice
    await waitFor(() =>
      cardsTo(leader.conversationId).some((card) => textOf(card).includes('Collection finished')),
    );
    // Two workers more race for anything left: still exactly one message.
    const workers = [1, 2].map((n) =>
      startWorker(queue, {
        workerId: `extra-${n}`,
        handlers: { [notificationKind]: notifications.handler },
        pollMs: 50,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await Promise.all(workers.map((worker) => worker.stop()));
    const sent = cardsTo(leader.conversationId).filter((card) =>
      textOf(card).includes('Collection finished'),
    );
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0]!)).toContain('42 people');

    // Opted out: nothing for the next run.
    await postActivity(server.baseUrl, message(leader, 'stop notifications'));
    await finished({ ...ctx, job: { ...job, id: 'run-notify-2' } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      cardsTo(leader.conversationId).filter((card) => textOf(card).includes('Collection finished')),
    ).toHaveLength(1);
    await postActivity(server.baseUrl, message(leader, 'start notifications'));
  });

  it('invites the target group when a pulse opens and reminds each person exactly once, with two workers', async () => {
    const demo = server.composed.demo!;
    const db = server.composed.store.db;
    const people = demo.tenant.users.slice(10, 13).map((user) => user.id);
    for (const userId of people) await postActivity(server.baseUrl, botAdded(personal(userId)));
    const optedOut = people[2]!;
    await postActivity(server.baseUrl, message(personal(optedOut), 'stop notifications'));
    const created = await callApi(server.baseUrl, 'POST', '/api/initiatives', tokens['learningLeader']!, {
      name: 'Pulse reminder',
      design: {
        targetGroup: { kind: 'people', ids: people },
        designTeam: { kind: 'people', ids: [demo.tenant.personas.learningLeader] },
      },
    });
    expect(created.status).toBe(201);
    const initiativeId = ((await created.json()) as { id: string }).id;
    // A short wave: the one reminder is due half-way, two seconds from now.
    const wave = await callApi(
      server.baseUrl,
      'POST',
      `/api/initiatives/${initiativeId}/pulse/waves`,
      tokens['learningLeader']!,
      { closesAt: new Date(Date.now() + 4000).toISOString() },
    );
    expect(wave.status).toBe(201);
    // A second worker on the same database next to the server's own.
    const queue = createJobQueue(db);
    const second = startWorker(queue, {
      workerId: 'second',
      pollMs: 100,
      handlers: {
        [notificationKind]: notificationServiceOn(queue).handler,
      },
    });
    try {
      const count = (userId: string, word: string) =>
        cardsTo(`a:personal-${userId}`).filter((card) => textOf(card).includes(word)).length;
      await waitFor(() => count(people[0]!, 'Reminder') === 1 && count(people[1]!, 'Reminder') === 1);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      for (const userId of people.slice(0, 2)) {
        expect(count(userId, 'Two minutes for')).toBe(1);
        expect(count(userId, 'Reminder')).toBe(1);
      }
      expect(count(optedOut, 'Two minutes for') + count(optedOut, 'Reminder')).toBe(0);
    } finally {
      await second.stop();
    }
  });
});
