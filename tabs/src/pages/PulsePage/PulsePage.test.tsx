// @vitest-environment jsdom
import type { PulseAnswer, PulseAnswerDraft, PulseView } from '@learnfit/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiRequest } from '../../api/client';
import {
  myPulseItems,
  openPulseView,
  routedClient,
  type Routes,
} from '../../test-fixtures/employee-fixtures';
import { meFixture } from '../../test-fixtures/me-response';
import { renderWithApi } from '../../test-fixtures/render-with-api';
import { draftStorageKey } from './pulse-draft';
import PulsePage from './PulsePage';

const answerPath = '/api/initiatives/i1/pulse/waves/w1/answer';
const draftPath = '/api/initiatives/i1/pulse/waves/w1/draft';
const storageKey = draftStorageKey(meFixture.user.id, 'w1');
const timing = { debounceMs: 10, retryBaseMs: 20 };

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
beforeEach(() => {
  window.location.hash = '#/pulse/i1';
});

const savedDraft = (draft: PulseAnswerDraft) => ({
  waveId: 'w1',
  draft,
  updatedAt: '2026-11-30T10:00:00.000Z',
});

function routes(
  put: (body: PulseAnswer) => Promise<unknown>,
  putDraft: (body: PulseAnswerDraft) => Promise<unknown> = (body) => Promise.resolve(savedDraft(body)),
  view: PulseView = openPulseView,
): Routes {
  return {
    'GET /api/me/pulses': () => Promise.resolve({ items: myPulseItems }),
    'GET /api/initiatives/i1/pulse': () => Promise.resolve(view),
    [`PUT ${answerPath}`]: (call: ApiRequest<unknown>) => put(call.body as PulseAnswer),
    [`PUT ${draftPath}`]: (call: ApiRequest<unknown>) => putDraft(call.body as PulseAnswerDraft),
  };
}

const stored = (answer: PulseAnswer) => ({ waveId: 'w1', answer, updatedAt: '2026-11-30T10:00:00.000Z' });

function question(id: string): HTMLElement {
  return screen.getByTestId(`pulse-question-${id}`);
}

function pick(groupName: string, option: string) {
  const group = screen.getByRole('radiogroup', { name: groupName });
  fireEvent.click(within(group).getByLabelText(option));
}

/** Answers questions 2–4 (enough for the API) and, when asked, every row of question 1. */
function answerRequired() {
  fireEvent.click(within(question('preferredModes')).getByLabelText('Teams chat'));
  fireEvent.click(within(question('expectedHelp')).getByLabelText('4'));
  for (const row of within(question('selfAssessment')).getAllByRole('radiogroup'))
    fireEvent.click(within(row).getByLabelText('3'));
}

function answerCurrentModes() {
  for (const row of within(question('currentModes')).getAllByRole('radiogroup'))
    fireEvent.click(within(row).getByLabelText('Most weeks'));
}

const status = () => screen.getByTestId('pulse-save-status');

const emptyAnswers = { currentModes: {}, preferredModes: [], expectedHelp: null, selfAssessment: {} };

describe('PulsePage', () => {
  it('shows the questions in labelled groups, progress, and what happens to the answers', async () => {
    const view = { ...openPulseView, privacy: { k: 7, retentionDays: 90 } };
    renderWithApi(
      <PulsePage timing={timing} />,
      routedClient(routes(() => Promise.reject(new Error('no')), undefined, view)),
    );
    await waitFor(() => expect(screen.getByTestId('page-pulse').dataset['state']).toBe('ready'));
    expect(screen.getByRole('heading', { level: 1, name: 'Pulse: Sales onboarding' })).toBeTruthy();
    expect(screen.getAllByRole('group').length).toBeGreaterThanOrEqual(4);
    expect(screen.getByRole('radiogroup', { name: 'Teams chat' })).toBeTruthy();
    expect(screen.getByTestId('pulse-progress').textContent).toBe('0 of 4 questions answered');
    // The tenant's own threshold and retention, as the API reports them.
    expect(screen.getByTestId('pulse-privacy').textContent).toMatch(/at least 7 people/);
    expect(screen.getByTestId('pulse-privacy').textContent).toMatch(/at most 90 days/);
    pick('Teams chat', 'Most days');
    expect(screen.getByTestId('pulse-progress').textContent).toBe('0 of 4 questions answered');
    fireEvent.click(within(question('expectedHelp')).getByLabelText('5 – A great deal'));
    expect(screen.getByTestId('pulse-progress').textContent).toBe('1 of 4 questions answered');
  });

  it('saves from the first click: a draft while incomplete, then the complete answer', async () => {
    const put = vi.fn((body: PulseAnswer) => Promise.resolve(stored(body)));
    let confirmDraft: () => void = () => undefined;
    const putDraft = vi.fn(
      (body: PulseAnswerDraft) =>
        new Promise((resolve) => {
          confirmDraft = () => resolve(savedDraft(body));
        }),
    );
    renderWithApi(<PulsePage timing={timing} />, routedClient(routes(put, putDraft)));
    await screen.findByTestId('pulse-question-currentModes');

    pick('Teams chat', 'Most days');
    // Kept on the device at once, and on its way to the API after the pause.
    expect(JSON.parse(window.localStorage.getItem(storageKey) ?? '{}').draft.currentModes).toEqual({
      chat: 'daily',
    });
    await waitFor(() => expect(putDraft).toHaveBeenCalledTimes(1));
    expect(putDraft.mock.calls[0]?.[0]).toEqual({ currentModes: { chat: 'daily' } });
    expect(status().textContent).toBe('Saving…');
    // The device copy stays until the API confirms it.
    expect(window.localStorage.getItem(storageKey)).not.toBeNull();
    confirmDraft();
    await waitFor(() => expect(status().dataset['status']).toBe('draftSaved'));
    expect(status().textContent).toMatch(/^Saved at .*count once questions 2 to 4 have an answer/);
    expect(window.localStorage.getItem(storageKey)).toBeNull();
    expect(put).not.toHaveBeenCalled();

    answerRequired();
    await waitFor(() => expect(status().dataset['status']).toBe('saved'));
    expect(status().textContent).toMatch(/^Saved at /);
    expect(status().textContent).not.toMatch(/count once/);
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[0]?.[0]).toEqual({
      currentModes: { chat: 'daily' },
      preferredModes: ['chat'],
      expectedHelp: 4,
      selfAssessment: { participatory: 3, timely: 3, transparent: 3, current: 3 },
    });
    expect(window.localStorage.getItem(storageKey)).toBeNull();
    expect(status().getAttribute('aria-live')).toBe('polite');

    pick('Teams chat', 'Not at all');
    await waitFor(() => expect(put).toHaveBeenCalledTimes(2));
    expect(put.mock.calls[1]?.[0].currentModes).toEqual({ chat: 'never' });
  });

  it('retries a failed save and keeps the answers on the device until the API has them', async () => {
    const put = vi
      .fn((body: PulseAnswer) => Promise.resolve(stored(body)))
      .mockRejectedValueOnce(new ApiError({ status: 0, code: 'network_error', title: 'offline' }))
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'internal', title: 'down' }));
    renderWithApi(<PulsePage timing={timing} />, routedClient(routes(put)));
    await screen.findByTestId('pulse-question-currentModes');
    answerRequired();

    await waitFor(() => expect(status().dataset['status']).toBe('retrying'));
    expect(status().textContent).toMatch(/kept on this device/);
    expect(window.localStorage.getItem(storageKey)).not.toBeNull();

    await waitFor(() => expect(status().textContent).toMatch(/^Saved at/), { timeout: 2000 });
    expect(put).toHaveBeenCalledTimes(3);
    expect(window.localStorage.getItem(storageKey)).toBeNull();
  });

  it('restores unsent answers after a reload and sends them', async () => {
    const put = vi.fn((body: PulseAnswer) => Promise.resolve(stored(body)));
    window.localStorage.setItem(
      storageKey,
      JSON.stringify({
        editedAt: Date.now(),
        draft: {
          currentModes: { email: 'weekly' },
          preferredModes: ['engage'],
          expectedHelp: 2,
          selfAssessment: { participatory: 1, timely: 2, transparent: 3, current: 4 },
        },
      }),
    );
    renderWithApi(<PulsePage timing={timing} />, routedClient(routes(put)));
    await screen.findByTestId('pulse-question-currentModes');

    const email = screen.getByRole('radiogroup', { name: 'Email' });
    expect((within(email).getByLabelText('Most weeks') as HTMLInputElement).checked).toBe(true);
    expect(
      (within(question('preferredModes')).getByLabelText('Viva Engage') as HTMLInputElement).checked,
    ).toBe(true);
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0]?.[0].expectedHelp).toBe(2);
    await waitFor(() => expect(window.localStorage.getItem(storageKey)).toBeNull());
  });

  it("continues from the draft saved on another device, unless this device's copy is newer", async () => {
    const put = vi.fn((body: PulseAnswer) => Promise.resolve(stored(body)));
    const putDraft = vi.fn((body: PulseAnswerDraft) => Promise.resolve(savedDraft(body)));
    const view: PulseView = {
      ...openPulseView,
      myDraft: { preferredModes: ['engage'], expectedHelp: 2 },
      myDraftUpdatedAt: new Date(Date.now() - 60_000).toISOString(),
    };
    // An older copy on this device (changed before the other device saved) is dropped.
    window.localStorage.setItem(
      storageKey,
      JSON.stringify({ editedAt: Date.now() - 120_000, draft: { ...emptyAnswers, expectedHelp: 5 } }),
    );
    renderWithApi(<PulsePage timing={timing} />, routedClient(routes(put, putDraft, view)));
    await screen.findByTestId('pulse-question-currentModes');
    expect(
      (within(question('preferredModes')).getByLabelText('Viva Engage') as HTMLInputElement).checked,
    ).toBe(true);
    expect((within(question('expectedHelp')).getByLabelText('2') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('pulse-progress').textContent).toBe('2 of 4 questions answered');
    expect(window.localStorage.getItem(storageKey)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(putDraft).not.toHaveBeenCalled();
    cleanup();

    // A copy on this device changed after the other device saved wins, and is sent.
    window.localStorage.setItem(
      storageKey,
      JSON.stringify({ editedAt: Date.now(), draft: { ...emptyAnswers, expectedHelp: 5 } }),
    );
    renderWithApi(<PulsePage timing={timing} />, routedClient(routes(put, putDraft, view)));
    await screen.findByTestId('pulse-question-currentModes');
    expect(
      (within(question('expectedHelp')).getByLabelText('5 – A great deal') as HTMLInputElement).checked,
    ).toBe(true);
    await waitFor(() => expect(putDraft).toHaveBeenCalledTimes(1));
    expect(putDraft.mock.calls[0]?.[0]).toEqual({ expectedHelp: 5 });
    await waitFor(() => expect(window.localStorage.getItem(storageKey)).toBeNull());
  });

  it('lists what is missing on Finish, then shows the finish state once everything is saved', async () => {
    const put = vi.fn((body: PulseAnswer) => Promise.resolve(stored(body)));
    renderWithApi(<PulsePage timing={{ debounceMs: 5000 }} />, routedClient(routes(put)));
    await screen.findByTestId('pulse-question-currentModes');
    answerRequired();

    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    const missing = await screen.findByTestId('pulse-missing');
    expect(within(missing).getAllByRole('listitem')).toHaveLength(1);
    expect(missing.textContent).toMatch(/Question 1:/);

    answerCurrentModes();
    expect(screen.getByTestId('pulse-progress').textContent).toBe('4 of 4 questions answered');
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    const done = await screen.findByTestId('pulse-done');
    expect(done.textContent).toMatch(/your answers are saved/);
    expect(put).toHaveBeenCalledTimes(1);
    expect(Object.keys(put.mock.calls[0]?.[0].currentModes ?? {})).toHaveLength(8);
    expect(document.activeElement?.textContent).toBe('Thank you, your answers are saved');
  });

  it('says when the wave closed instead of retrying forever', async () => {
    const closed = () => Promise.reject(new ApiError({ status: 409, code: 'conflict', title: 'closed' }));
    const put = vi.fn(closed);
    const putDraft = vi.fn(closed);
    renderWithApi(<PulsePage timing={timing} />, routedClient(routes(put, putDraft)));
    await screen.findByTestId('pulse-question-currentModes');
    pick('Teams chat', 'Most days');
    await waitFor(() => expect(status().dataset['status']).toBe('closed'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(putDraft).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem(storageKey)).not.toBeNull();
    answerRequired();
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(put).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem(storageKey)).not.toBeNull();
  });

  it('shows an empty state at #/pulse when nothing waits for the person', async () => {
    window.location.hash = '#/pulse';
    renderWithApi(
      <PulsePage />,
      routedClient({ 'GET /api/me/pulses': () => Promise.resolve({ items: [myPulseItems[2]] }) }),
    );
    await waitFor(() => expect(screen.getByTestId('page-pulse').dataset['state']).toBe('empty'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('No pulse is waiting for you');
  });

  it('lets the person choose at #/pulse when several pulses are open', async () => {
    window.location.hash = '#/pulse';
    renderWithApi(
      <PulsePage />,
      routedClient({ 'GET /api/me/pulses': () => Promise.resolve({ items: myPulseItems }) }),
    );
    const link = await screen.findByRole('link', { name: 'Answer the pulse for Sales onboarding' });
    expect(link.getAttribute('href')).toBe('#/pulse/i1');
    expect(screen.getByRole('link', { name: 'Change my answers for Service academy' })).toBeTruthy();
  });
});
