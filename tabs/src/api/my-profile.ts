import {
  myProfileSchema,
  sharingListSchema,
  sharingStateSchema,
  type MyProfile,
  type SharingState,
} from '@learnfit/core';
import type { ApiClient } from './client';
import { useApiResource, type Resource } from './use-resource';

/** `GET /api/me/profile`: the caller's own scores and evidence (404 `not_found` while there is none). */
export function fetchMyProfile(client: ApiClient, signal?: AbortSignal): Promise<MyProfile> {
  return client.request({ path: '/api/me/profile', schema: myProfileSchema, ...(signal ? { signal } : {}) });
}

/** `GET /api/me/sharing`: the design teams the caller may share their profile with. */
export async function fetchSharing(client: ApiClient, signal?: AbortSignal): Promise<SharingState[]> {
  const list = await client.request({
    path: '/api/me/sharing',
    schema: sharingListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

/** `PUT /api/me/sharing`: opt in to (or out of) sharing with one initiative's design team. */
export function putSharing(client: ApiClient, initiativeId: string, share: boolean): Promise<SharingState> {
  return client.request({
    method: 'PUT',
    path: '/api/me/sharing',
    schema: sharingStateSchema,
    body: { initiativeId, share },
  });
}

/** The caller's own profile, loaded once per mount. */
export function useMyProfile(): Resource<MyProfile> {
  return useApiResource('me/profile', (client, signal) => fetchMyProfile(client, signal));
}

/** The caller's sharing choices, loaded once per mount. */
export function useMySharing(): Resource<SharingState[]> {
  return useApiResource('me/sharing', (client, signal) => fetchSharing(client, signal));
}
