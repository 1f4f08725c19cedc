import {
  myPulseAnswerSchema,
  myPulseDraftSchema,
  pulseResultsSchema,
  pulseViewSchema,
  pulseWaveListSchema,
  pulseWaveSchema,
  type PulseAnswer,
  type PulseAnswerDraft,
} from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPseudonymKey } from '../api/src/config';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { createPulseStore } from '../api/src/store/pulse-store';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;
let tenantId: string;
let leader: string;
let admin: string;
let learner: string;
let learnerId: string;
/** Tokens of six people besides the personas, to reach k = 5 answers. */
let people: Array<{ id: string; token: string }>;

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0' });
  const demo = server.composed.demo!;
  tenantId = demo.tenant.tenantId;
  const personas = demo.tenant.personas;
  leader = await demo.identity.issueSsoToken(personas.learningLeader);
  admin = await demo.identity.issueSsoToken(personas.admin);
  learnerId = personas.learner;
  learner = await demo.identity.issueSsoToken(learnerId);
  const others = demo.tenant.users
    .map((user) => user.id)
    .filter((id) => !Object.values(personas).includes(id))
    .slice(0, 6);
  people = await Promise.all(
    others.map(async (id) => ({ id, token: await demo.identity.issueSsoToken(id) })),
  );
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

async function createInitiative(): Promise<string> {
  const demo = server.composed.demo!;
  const response = await call('POST', '/api/initiatives', leader, {
    name: 'Pulse test',
    design: {
      targetGroup: { kind: 'teams', ids: [demo.tenant.sampleInitiative.targetTeamId] },
      designTeam: { kind: 'people', ids: [demo.tenant.personas.learningLeader] },
    },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

async function openWave(initiativeId: string, token = leader): Promise<string> {
  const response = await call('POST', `/api/initiatives/${initiativeId}/pulse/waves`, token, {
    closesAt: inDays(7),
  });
  expect(response.status).toBe(201);
  const wave = pulseWaveSchema.parse(await response.json());
  expect(response.headers.get('location')).toBe(`/api/initiatives/${initiativeId}/pulse/waves/${wave.id}`);
  expect(wave).toMatchObject({ initiativeId, state: 'open', closedAt: null });
  return wave.id;
}

function answer(rating: number, overrides: Partial<PulseAnswer> = {}): PulseAnswer {
  return {
    currentModes: { chat: 'daily', channelPosts: 'monthly' },
    preferredModes: ['channelPosts'],
    expectedHelp: rating,
    selfAssessment: { participatory: rating, timely: rating, transparent: 2, current: 1 },
    ...overrides,
  };
}

const answerPath = (initiativeId: string, waveId: string): string =>
  `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/answer`;

async function results(initiativeId: string, waveId: string) {
  const response = await call(
    'GET',
    `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/results`,
    leader,
  );
  expect(response.status).toBe(200);
  return pulseResultsSchema.parse(await response.json());
}

async function storedAnswers(): Promise<Array<Record<string, unknown>>> {
  return (await server.composed.store.db.selectFrom('pulse_answer').selectAll().execute()) as Array<
    Record<string, unknown>
  >;
}

describe('pulse over HTTP', () => {
  it('takes one answer per person, editable until the wave closes, under a pseudonym', async () => {
    const initiativeId = await createInitiative();
    const empty = pulseViewSchema.parse(
      await (await call('GET', `/api/initiatives/${initiativeId}/pulse`, learner)).json(),
    );
    expect(empty.questions.map((question) => question.id)).toEqual([
      'currentModes',
      'preferredModes',
      'expectedHelp',
      'selfAssessment',
    ]);
    expect(empty).toMatchObject({ wave: null, myAnswer: null });

    const waveId = await openWave(initiativeId);
    await expectProblem(
      await call('POST', `/api/initiatives/${initiativeId}/pulse/waves`, admin, { closesAt: inDays(3) }),
      409,
      'conflict',
    );

    const first = await call('PUT', answerPath(initiativeId, waveId), learner, answer(2));
    expect(first.status).toBe(200);
    expect(myPulseAnswerSchema.parse(await first.json()).answer).toEqual(answer(2));
    const edited = answer(4, { preferredModes: ['chat', 'meetings'], currentModes: {} });
    expect((await call('PUT', answerPath(initiativeId, waveId), learner, edited)).status).toBe(200);
    expect((await call('PUT', answerPath(initiativeId, waveId), people[0]!.token, answer(5))).status).toBe(
      200,
    );

    const mine = pulseViewSchema.parse(
      await (await call('GET', `/api/initiatives/${initiativeId}/pulse`, learner)).json(),
    );
    expect(mine.wave?.id).toBe(waveId);
    expect(mine.myAnswer).toEqual(edited);
    const theirs = pulseViewSchema.parse(
      await (await call('GET', `/api/initiatives/${initiativeId}/pulse`, people[0]!.token)).json(),
    );
    expect(theirs.myAnswer).toEqual(answer(5));

    // Two rows, keyed by the keyed pseudonym; the user id appears nowhere in them.
    const rows = (await storedAnswers()).filter((row) => row['wave_id'] === waveId);
    const keyOf = createPseudonymizer(demoPseudonymKey, tenantId);
    expect(rows.map((row) => row['person_key']).sort()).toEqual(
      [keyOf(learnerId), keyOf(people[0]!.id)].sort(),
    );
    expect(JSON.stringify(rows)).not.toContain(learnerId);
    expect(rows.find((row) => row['person_key'] === keyOf(learnerId))?.['answer']).toEqual(edited);

    // Too few answers and an open wave: nothing but the reason.
    expect(await results(initiativeId, waveId)).toMatchObject({
      k: 5,
      respondents: null,
      withheld: { reason: 'below_k' },
      figures: null,
    });

    const closed = await call('POST', `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/close`, leader);
    expect(pulseWaveSchema.parse(await closed.json()).state).toBe('closed');
    const again = await call('POST', `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/close`, admin);
    expect(again.status).toBe(200);

    await expectProblem(
      await call('PUT', answerPath(initiativeId, waveId), learner, answer(1)),
      409,
      'conflict',
    );
    const after = (await storedAnswers()).find(
      (row) => row['wave_id'] === waveId && row['person_key'] === keyOf(learnerId),
    );
    expect(after?.['answer']).toEqual(edited);
    const view = pulseViewSchema.parse(
      await (await call('GET', `/api/initiatives/${initiativeId}/pulse`, learner)).json(),
    );
    expect(view).toMatchObject({ wave: null, myAnswer: null });

    // A new wave may open once the last one is closed.
    const next = await openWave(initiativeId, admin);
    const list = pulseWaveListSchema.parse(
      await (await call('GET', `/api/initiatives/${initiativeId}/pulse/waves`, leader)).json(),
    );
    expect(list.items.map((wave) => [wave.id, wave.state])).toEqual([
      [next, 'open'],
      [waveId, 'closed'],
    ]);
  });

  it('withholds results under k answers and shows exact figures at k', async () => {
    const initiativeId = await createInitiative();
    const under = await openWave(initiativeId);
    for (const [index, person] of people.slice(0, 4).entries())
      expect(
        (await call('PUT', answerPath(initiativeId, under), person.token, answer(index + 1))).status,
      ).toBe(200);
    await call('POST', `/api/initiatives/${initiativeId}/pulse/waves/${under}/close`, leader);
    const withheld = await results(initiativeId, under);
    expect(withheld).toMatchObject({ respondents: null, withheld: { reason: 'below_k' }, figures: null });
    expect(withheld.withheld?.detail).toBe('Fewer than 5 people have answered, so no figures are shown.');

    const atK = await openWave(initiativeId);
    for (const [index, person] of people.slice(0, 5).entries())
      await call('PUT', answerPath(initiativeId, atK), person.token, answer(index + 1));
    // Open: the count shows (5 ≥ k) but no figure does.
    expect(await results(initiativeId, atK)).toMatchObject({
      respondents: 5,
      withheld: { reason: 'wave_open' },
      figures: null,
    });
    await call('POST', `/api/initiatives/${initiativeId}/pulse/waves/${atK}/close`, leader);
    const shown = await results(initiativeId, atK);
    expect(shown).toMatchObject({ respondents: 5, withheld: null });
    expect(shown.figures?.expectedHelp).toEqual({ n: 5, mean: 3, counts: [1, 1, 1, 1, 1] });
    expect(shown.figures?.selfAssessment.rows.map((row) => [row.attribute, row.mean])).toEqual([
      ['participatory', 3],
      ['timely', 3],
      ['transparent', 2],
      ['current', 1],
    ]);
    expect(shown.figures?.preferredModes.options.find((option) => option.mode === 'channelPosts')).toEqual({
      mode: 'channelPosts',
      count: 5,
      share: 1,
    });
    expect(shown.figures?.currentModes.rows.find((row) => row.mode === 'chat')?.counts).toEqual({
      never: 0,
      monthly: 0,
      weekly: 0,
      daily: 5,
    });
    expect(JSON.stringify(shown)).not.toMatch(/personKey|person_key/);

    // The diagnostics read the latest closed wave's answers as core pulse responses.
    const reader = createPulseStore(server.composed.store.db, () => new Date());
    const responses = await reader.responses(tenantId, initiativeId);
    expect(responses.map((response) => response.expectedHelp).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(responses[0]).toMatchObject({ preferredModes: ['channelPosts'], selfAssessment: { current: 1 } });
  });

  it('keeps waves and results to leaders and refuses bad answers, writing nothing', async () => {
    const initiativeId = await createInitiative();
    await expectProblem(
      await call('POST', `/api/initiatives/${initiativeId}/pulse/waves`, learner, { closesAt: inDays(7) }),
      403,
      'forbidden',
    );
    const waveId = await openWave(initiativeId);
    await expectProblem(
      await call('GET', `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/results`, learner),
      403,
      'forbidden',
    );
    await expectProblem(
      await call('POST', `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/close`, learner),
      403,
      'forbidden',
    );
    await expectProblem(
      await call('GET', `/api/initiatives/${initiativeId}/pulse/waves`, learner),
      403,
      'forbidden',
    );

    const before = await storedAnswers();
    const bad: unknown[] = [
      {},
      answer(6),
      answer(0),
      answer(2.5),
      { ...answer(3), comment: 'free text is never stored' },
      answer(3, { preferredModes: [] }),
      answer(3, { preferredModes: ['chat', 'chat'] }),
      answer(3, { preferredModes: ['chat', 'calls', 'email', 'meetings'] }),
      { ...answer(3), currentModes: { chat: 'hourly' } },
      { ...answer(3), currentModes: { fax: 'daily' } },
    ];
    for (const body of bad)
      await expectProblem(
        await call('PUT', answerPath(initiativeId, waveId), learner, body),
        400,
        'bad_request',
      );
    await expectProblem(
      await call('PUT', answerPath(initiativeId, 'no-such-wave'), learner, answer(3)),
      404,
      'not_found',
    );
    await expectProblem(
      await call('PUT', answerPath('no-such-initiative', waveId), learner, answer(3)),
      404,
      'not_found',
    );
    for (const closesAt of [inDays(-1), inDays(91), 'tomorrow'])
      await expectProblem(
        await call('POST', `/api/initiatives/${initiativeId}/pulse/waves`, leader, { closesAt }),
        // The open wave would answer 409; a bad time is refused before that is looked at.
        400,
        'bad_request',
      );
    expect(await storedAnswers()).toEqual(before);
  });
});

const draftPath = (initiativeId: string, waveId: string): string =>
  `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/draft`;

async function viewOf(initiativeId: string, token: string) {
  const response = await call('GET', `/api/initiatives/${initiativeId}/pulse`, token);
  expect(response.status).toBe(200);
  return pulseViewSchema.parse(await response.json());
}

async function saveDraft(initiativeId: string, waveId: string, token: string, draft: PulseAnswerDraft) {
  const response = await call('PUT', draftPath(initiativeId, waveId), token, draft);
  expect(response.status).toBe(200);
  return myPulseDraftSchema.parse(await response.json());
}

async function storedDrafts(): Promise<Array<Record<string, unknown>>> {
  return (await server.composed.store.db.selectFrom('pulse_draft').selectAll().execute()) as Array<
    Record<string, unknown>
  >;
}

describe('pulse drafts over HTTP', () => {
  it('saves from the first answer, shows it to its owner only, and gives way to the complete answer', async () => {
    const initiativeId = await createInitiative();
    const waveId = await openWave(initiativeId);
    const first = await saveDraft(initiativeId, waveId, learner, { currentModes: { chat: 'daily' } });
    expect(first).toMatchObject({ waveId, draft: { currentModes: { chat: 'daily' } } });
    const second = await saveDraft(initiativeId, waveId, learner, {
      currentModes: { chat: 'daily' },
      expectedHelp: 3,
      selfAssessment: { timely: 2 },
    });
    expect(Date.parse(second.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));

    // Another device of the same person continues from the draft; nobody else sees it.
    const mine = await viewOf(initiativeId, learner);
    expect(mine).toMatchObject({
      myAnswer: null,
      myDraft: { currentModes: { chat: 'daily' }, expectedHelp: 3, selfAssessment: { timely: 2 } },
      myDraftUpdatedAt: second.updatedAt,
    });
    expect(await viewOf(initiativeId, people[0]!.token)).toMatchObject({ myDraft: null, myAnswer: null });
    expect(await viewOf(initiativeId, leader)).toMatchObject({ myDraft: null });
    // A draft is not an answer, and is stored under the pseudonym only.
    expect((await storedAnswers()).filter((row) => row['wave_id'] === waveId)).toEqual([]);
    const drafts = (await storedDrafts()).filter((row) => row['wave_id'] === waveId);
    expect(drafts.map((row) => row['person_key'])).toEqual([
      createPseudonymizer(demoPseudonymKey, tenantId)(learnerId),
    ]);
    expect(JSON.stringify(drafts)).not.toContain(learnerId);

    // The complete answer replaces the draft.
    expect((await call('PUT', answerPath(initiativeId, waveId), learner, answer(2))).status).toBe(200);
    expect(await viewOf(initiativeId, learner)).toMatchObject({
      myAnswer: answer(2),
      myDraft: null,
      myDraftUpdatedAt: null,
    });
    expect((await storedDrafts()).filter((row) => row['wave_id'] === waveId)).toEqual([]);

    // Changing a complete answer keeps the answer counted and the unfinished change as the draft.
    await saveDraft(initiativeId, waveId, learner, { preferredModes: [] });
    expect(await viewOf(initiativeId, learner)).toMatchObject({
      myAnswer: answer(2),
      myDraft: { preferredModes: [] },
    });

    // Closed: no more drafts (409 like the answer), and the wave's drafts are gone.
    await call('POST', `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/close`, leader);
    await expectProblem(
      await call('PUT', draftPath(initiativeId, waveId), learner, { expectedHelp: 1 }),
      409,
      'conflict',
    );
    expect((await storedDrafts()).filter((row) => row['wave_id'] === waveId)).toEqual([]);
  });

  it('never counts drafts in results or diagnostics', async () => {
    const initiativeId = await createInitiative();
    const waveId = await openWave(initiativeId);
    // Five people with drafts that would be complete answers, and one real answer.
    for (const person of people.slice(0, 5)) await saveDraft(initiativeId, waveId, person.token, answer(4));
    expect((await call('PUT', answerPath(initiativeId, waveId), people[5]!.token, answer(1))).status).toBe(
      200,
    );
    expect(await results(initiativeId, waveId)).toMatchObject({
      respondents: null,
      withheld: { reason: 'below_k' },
    });
    const reader = createPulseStore(server.composed.store.db, () => new Date());
    expect((await reader.responses(tenantId, initiativeId)).map((row) => row.expectedHelp)).toEqual([1]);
    await call('POST', `/api/initiatives/${initiativeId}/pulse/waves/${waveId}/close`, leader);
    expect(await results(initiativeId, waveId)).toMatchObject({ respondents: null, figures: null });
  });

  it('refuses bad drafts writing nothing, and forgets drafts past retention', async () => {
    const initiativeId = await createInitiative();
    const waveId = await openWave(initiativeId);
    await saveDraft(initiativeId, waveId, learner, { expectedHelp: 5 });
    const before = await storedDrafts();
    const bad: unknown[] = [
      [],
      { comment: 'free text is never stored' },
      { expectedHelp: 6 },
      { expectedHelp: 2.5 },
      { expectedHelp: '3' },
      { preferredModes: ['chat', 'chat'] },
      { preferredModes: ['chat', 'calls', 'email', 'meetings'] },
      { preferredModes: ['fax'] },
      { currentModes: { chat: 'hourly' } },
      { currentModes: { fax: 'daily' } },
      { selfAssessment: { kindness: 3 } },
      { selfAssessment: { timely: 0 } },
    ];
    for (const body of bad)
      await expectProblem(
        await call('PUT', draftPath(initiativeId, waveId), learner, body),
        400,
        'bad_request',
      );
    await expectProblem(
      await call('PUT', draftPath(initiativeId, 'no-such-wave'), learner, { expectedHelp: 1 }),
      404,
      'not_found',
    );
    expect(await storedDrafts()).toEqual(before);
    expect((await viewOf(initiativeId, learner)).myDraft).toEqual({ expectedHelp: 5 });

    // The pulse page tells the person the tenant's real numbers.
    const settings = (await (await call('GET', '/api/admin/settings', admin)).json()) as {
      k: number;
      retentionDays: number;
    };
    expect((await viewOf(initiativeId, learner)).privacy).toEqual({
      k: settings.k,
      retentionDays: settings.retentionDays,
    });

    // A draft last saved longer ago than the tenant keeps data is gone the next time anyone looks.
    await server.composed.store.db
      .updateTable('pulse_draft')
      .set({ updated_at: new Date(Date.now() - (settings.retentionDays + 1) * 86_400_000) })
      .where('wave_id', '=', waveId)
      .execute();
    expect((await viewOf(initiativeId, learner)).myDraft).toBeNull();
    expect((await storedDrafts()).filter((row) => row['wave_id'] === waveId)).toEqual([]);
  });

  it("erases a person's drafts with the rest of their data", async () => {
    const initiativeId = await createInitiative();
    const waveId = await openWave(initiativeId);
    const person = people[5]!;
    await saveDraft(initiativeId, waveId, person.token, { expectedHelp: 2 });
    await saveDraft(initiativeId, waveId, people[4]!.token, { expectedHelp: 3 });
    const erased = await call('DELETE', `/api/admin/people/${person.id}`, admin);
    expect(erased.status).toBe(200);
    expect((await viewOf(initiativeId, person.token)).myDraft).toBeNull();
    expect((await viewOf(initiativeId, people[4]!.token)).myDraft).toEqual({ expectedHelp: 3 });
  });
});
