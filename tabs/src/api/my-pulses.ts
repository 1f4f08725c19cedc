import {
  myPulseAnswerSchema,
  myPulseListSchema,
  pulseViewSchema,
  type MyPulseAnswer,
  type MyPulseItem,
  type PulseAnswer,
  type PulseView,
} from '@learnfit/core';
import type { ApiClient } from './client';
import { useApiResource, type Resource } from './use-resource';

function pulsePath(initiativeId: string): string {
  return `/api/initiatives/${encodeURIComponent(initiativeId)}/pulse`;
}

/** `GET /api/me/pulses`: the caller's initiatives, pulses waiting for them first. */
export async function fetchMyPulses(client: ApiClient, signal?: AbortSignal): Promise<MyPulseItem[]> {
  const list = await client.request({
    path: '/api/me/pulses',
    schema: myPulseListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

/** `GET /api/initiatives/:id/pulse`: the questions, the open wave and the caller's own answer. */
export function fetchPulseView(
  client: ApiClient,
  initiativeId: string,
  signal?: AbortSignal,
): Promise<PulseView> {
  return client.request({
    path: pulsePath(initiativeId),
    schema: pulseViewSchema,
    ...(signal ? { signal } : {}),
  });
}

/** `PUT .../pulse/waves/:waveId/answer`: stores (or replaces) the caller's answer while the wave is open. */
export function putPulseAnswer(
  client: ApiClient,
  initiativeId: string,
  waveId: string,
  answer: PulseAnswer,
): Promise<MyPulseAnswer> {
  return client.request({
    method: 'PUT',
    path: `${pulsePath(initiativeId)}/waves/${encodeURIComponent(waveId)}/answer`,
    schema: myPulseAnswerSchema,
    body: answer,
  });
}

/** The caller's initiatives and pulses, loaded once per mount. */
export function useMyPulses(): Resource<MyPulseItem[]> {
  return useApiResource('me/pulses', (client, signal) => fetchMyPulses(client, signal));
}

/** Pulses that ask the caller and are open, the unanswered ones first (the API already orders them). */
export function openPulsesFor(items: readonly MyPulseItem[]): MyPulseItem[] {
  return items.filter((item) => item.invited && item.wave !== null);
}
