import {
  myProfileSchema,
  pulseQuestions,
  pulseViewSchema,
  type MyProfile,
  type MyPulseItem,
  type PulseView,
} from '@learnfit/core';
import type { ApiClient, ApiRequest } from '../api/client';
import { fakeClient } from './fake-client';
import { meFixture } from './me-response';

/** An open pulse of initiative `i1` that the person has not answered yet. */
export const openPulseView: PulseView = pulseViewSchema.parse({
  initiativeId: 'i1',
  questions: pulseQuestions,
  wave: {
    id: 'w1',
    initiativeId: 'i1',
    state: 'open',
    openedAt: '2026-11-20T09:00:00.000Z',
    closesAt: '2026-12-04T17:00:00.000Z',
    closedAt: null,
  },
  myAnswer: null,
  myAnswerUpdatedAt: null,
  myDraft: null,
  myDraftUpdatedAt: null,
  privacy: { k: 5, retentionDays: 180 },
});

/** `GET /api/me/pulses` items: one pulse waiting, one answered, one initiative without a pulse. */
export const myPulseItems: MyPulseItem[] = [
  {
    initiativeId: 'i1',
    initiativeName: 'Sales onboarding',
    status: 'active',
    relations: ['learner'],
    invited: true,
    wave: { id: 'w1', closesAt: '2026-12-04T17:00:00.000Z' },
    answeredAt: null,
  },
  {
    initiativeId: 'i2',
    initiativeName: 'Service academy',
    status: 'active',
    relations: ['designTeam', 'learner'],
    invited: true,
    wave: { id: 'w2', closesAt: '2026-12-10T17:00:00.000Z' },
    answeredAt: '2026-11-25T10:00:00.000Z',
  },
  {
    initiativeId: 'i3',
    initiativeName: 'Leadership circle',
    status: 'draft',
    relations: ['lead'],
    invited: false,
    wave: null,
    answeredAt: null,
  },
];

const evidence = (label: string, value: number | null, unit = 'count') => ({
  signal: label,
  label,
  value,
  unit,
});

/** The person's own profile: three of four habits met, with a self-assessment on two. */
export const myProfileFixture: MyProfile = myProfileSchema.parse({
  snapshotId: 's1',
  initiativeId: null,
  dataAsOf: '2026-11-28T00:00:00.000Z',
  weeks: 12,
  bar: 50,
  attributesMet: 3,
  learnsSocial: true,
  attributes: {
    participatory: {
      score: 72,
      meetsBar: true,
      selfAssessment: 4,
      meaning: 'Contributes in channels most weeks.',
      evidence: [evidence('Channel posts', 14)],
    },
    timely: {
      score: 64,
      meetsBar: true,
      selfAssessment: 2,
      meaning: 'Replies within a business day.',
      evidence: [evidence('Median minutes to reply in threads you joined', 95, 'minutes')],
    },
    transparent: {
      score: 31,
      meetsBar: false,
      selfAssessment: null,
      meaning: 'Prefers open channels over private chat.',
      evidence: [evidence('Private chat messages', 410)],
    },
    current: {
      score: null,
      meetsBar: null,
      selfAssessment: null,
      meaning: 'Active on a social surface in the last 14 days.',
      evidence: [evidence('Days since your last channel or Viva Engage contribution', null, 'days')],
    },
  },
});

/** A handler per `METHOD path`; the fake rejects any other call so a test notices it. */
export type Routes = Record<string, (call: ApiRequest<unknown>) => Promise<unknown>>;

/** A fake client answering `/api/me` with the fixture (unless given) and the listed routes. */
export function routedClient(
  routes: Routes,
  getMe: ApiClient['getMe'] = () => Promise.resolve(meFixture),
): ApiClient {
  return fakeClient({
    getMe,
    request: <T>(call: ApiRequest<T>): Promise<T> => {
      const handler = routes[`${call.method ?? 'GET'} ${call.path}`];
      if (!handler) return Promise.reject(new Error(`unexpected call: ${call.method ?? 'GET'} ${call.path}`));
      return handler(call as ApiRequest<unknown>) as Promise<T>;
    },
  });
}
