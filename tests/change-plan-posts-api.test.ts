// "Spell it out" posts: a learning leader posts change-plan messages through the bot to a channel; people
// answer on the card; the k-suppressed counts come back in GET posts, in the card and in the diagnostics.
import type { ChangePlanPostList, DiagnosticsResponse } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAdded, cardAction, type ActivityScope, postActivity } from './support/bot-activities';
import { startFakeConnector, type FakeConnector } from './support/fake-connector';
import { callApi } from './support/http';
import { expectProblem } from './support/problem';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let connector: FakeConnector;
let leaderToken: string;
let learnerToken: string;
let initiativeId: string;
const teamId = '33333333-2222-4333-8444-555555555555';
const channelId = '19:plan-channel@thread.tacv2';

const posts = (token: string, body?: unknown) =>
  callApi(
    server.baseUrl,
    body === undefined ? 'GET' : 'POST',
    `/api/initiatives/${initiativeId}/change-plan/posts`,
    token,
    body,
  );

async function diagnostics(): Promise<DiagnosticsResponse> {
  const response = await callApi(
    server.baseUrl,
    'GET',
    `/api/initiatives/${initiativeId}/diagnostics`,
    leaderToken,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as DiagnosticsResponse;
}

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  leaderToken = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  learnerToken = await demo.identity.issueSsoToken(demo.tenant.personas.learner);
  const list = await callApi(server.baseUrl, 'GET', '/api/initiatives', leaderToken);
  const items = ((await list.json()) as { items: Array<{ id: string; name: string }> }).items;
  initiativeId = items.find((item) => item.name === demo.tenant.sampleInitiative.name)!.id;
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

describe('change-plan posts', () => {
  it('refuses learners, bad bodies, and a team the app is not in (nothing posted)', async () => {
    const plan = (await diagnostics()).results.changePlan.data.messages;
    const body = { teamId, channelId, messageIds: [plan[0]!.id] };
    await expectProblem(await posts(learnerToken, body), 403, 'forbidden');
    await expectProblem(await posts(leaderToken, { teamId, channelId, messageIds: [] }), 400, 'bad_request');
    await expectProblem(await posts(leaderToken, { ...body, extra: 1 }), 400, 'bad_request');
    const notInstalled = await posts(leaderToken, body);
    await expectProblem(notInstalled, 409, 'conflict');
    expect(connector.calls).toHaveLength(0);
    expect(((await (await posts(leaderToken)).json()) as ChangePlanPostList).posts).toEqual([]);
  });

  it('posts one card per message, and answers update the card and the counts everywhere', async () => {
    const demo = server.composed.demo!;
    const tenantId = demo.tenant.tenantId;
    const install: ActivityScope = {
      tenantId,
      serviceUrl: connector.serviceUrl,
      userId: demo.tenant.personas.learningLeader,
      conversationId: '19:general-plan@thread.tacv2',
      kind: 'channel',
      teamId,
    };
    await postActivity(server.baseUrl, botAdded(install));
    const plan = (await diagnostics()).results.changePlan.data.messages;
    expect(plan.length).toBeGreaterThan(0);
    const chosen = plan.slice(0, 2).map((message) => message.id);
    const posted = await posts(leaderToken, { teamId, channelId, messageIds: chosen });
    expect(posted.status).toBe(201);
    const list = (await posted.json()) as ChangePlanPostList;
    expect(list.posts.map((post) => post.messageId)).toEqual(chosen);
    const cards = connector.to(channelId).filter((call) => call.method === 'POST');
    expect(cards).toHaveLength(chosen.length);
    expect(JSON.stringify(cards[0]!.body)).toContain(plan[0]!.title);
    expect(JSON.stringify(cards[0]!.body)).toContain('Action.Execute');
    const post = list.posts[0]!;

    // Six people answer (k = 5): five "I'm in", one "Not for me"; one changes their mind, one clicks twice.
    const people = demo.tenant.users.slice(20, 26).map((user) => user.id);
    const answer = async (userId: string, value: 'in' | 'notForMe') => {
      const scope: ActivityScope = { ...install, userId, conversationId: channelId };
      return postActivity(server.baseUrl, cardAction(scope, 'ack', { postId: post.id, answer: value }));
    };
    for (const userId of people.slice(0, 5)) await answer(userId, 'in');
    await answer(people[5]!, 'in');
    const last = await answer(people[5]!, 'notForMe');
    await answer(people[5]!, 'notForMe');
    expect(last.status).toBe(200);
    const reply = last.body as { statusCode: number; type: string; value: unknown };
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    const shown = JSON.stringify(reply.value);
    expect(shown).toContain('5 in');
    expect(shown).toContain('fewer than 5 not for me');
    expect(shown).toContain('You said: not for me');
    // Everyone else's copy is replaced in place too (without the personal line).
    const updates = connector.to(channelId).filter((call) => call.method === 'PUT');
    expect(updates.at(-1)!.activityId).toBeTruthy();
    expect(JSON.stringify(updates.at(-1)!.body)).toContain('5 in');
    expect(JSON.stringify(updates.at(-1)!.body)).not.toContain('You said');

    const listed = ((await (await posts(leaderToken)).json()) as ChangePlanPostList).posts;
    const counted = listed.find((item) => item.id === post.id)!;
    expect(counted.counts).toEqual({ in: 5, notForMe: 0, withheld: ['notForMe'] });

    const results = (await diagnostics()).results;
    const message = results.changePlan.data.messages.find((item) => item.id === post.messageId)!;
    expect(message.acknowledgements).toEqual({ posts: 1, in: 5, notForMe: 0, withheldPosts: 1 });
    expect(results.learners.data.acknowledgements).toEqual({
      posts: chosen.length,
      in: 5,
      notForMe: 0,
      withheldPosts: 1,
    });
  });
});
