import {
  initiativeDetailSchema,
  initiativeListSchema,
  type createInitiativeSchema,
  type InitiativeDetail,
  type InitiativeSummary,
  type RoleName,
  type updateInitiativeSchema,
} from '@learnfit/core';
import type { z } from 'zod';
import type { ApiClient } from './client';
import { useApiResource, type Resource } from './use-resource';

/** The body of `POST /api/initiatives`. */
export type CreateInitiative = z.input<typeof createInitiativeSchema>;
/** The body of `PATCH /api/initiatives/:id`. */
export type UpdateInitiative = z.input<typeof updateInitiativeSchema>;

/** Whether a person may create an initiative: yes for editors, perhaps for managers (the admin decides). */
export type CreatorAccess = 'yes' | 'maybe' | 'no';

/** Learning leaders and admins edit initiatives and run collections. */
export function canEditInitiatives(roles: readonly RoleName[]): boolean {
  return roles.includes('LearningLeader') || roles.includes('Admin');
}

/** Editors create; managers may, when the tenant's admin allowed it (the API answers 403 otherwise). */
export function creatorAccess(roles: readonly RoleName[]): CreatorAccess {
  if (canEditInitiatives(roles)) return 'yes';
  return roles.includes('Manager') ? 'maybe' : 'no';
}

function initiativePath(id: string): string {
  return `/api/initiatives/${encodeURIComponent(id)}`;
}

/** `GET /api/initiatives`. */
export async function fetchInitiatives(
  client: ApiClient,
  signal?: AbortSignal,
): Promise<InitiativeSummary[]> {
  const list = await client.request({
    path: '/api/initiatives',
    schema: initiativeListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

/** `GET /api/initiatives/:id`. */
export function fetchInitiative(
  client: ApiClient,
  id: string,
  signal?: AbortSignal,
): Promise<InitiativeDetail> {
  return client.request({
    path: initiativePath(id),
    schema: initiativeDetailSchema,
    ...(signal ? { signal } : {}),
  });
}

/** `POST /api/initiatives`: answers the created initiative. */
export function createInitiative(client: ApiClient, body: CreateInitiative): Promise<InitiativeDetail> {
  return client.request({ method: 'POST', path: '/api/initiatives', schema: initiativeDetailSchema, body });
}

/** `PATCH /api/initiatives/:id`. */
export function updateInitiative(
  client: ApiClient,
  id: string,
  patch: UpdateInitiative,
): Promise<InitiativeDetail> {
  return client.request({
    method: 'PATCH',
    path: initiativePath(id),
    schema: initiativeDetailSchema,
    body: patch,
  });
}

/** `POST /api/initiatives/:id/archive`. */
export function archiveInitiative(client: ApiClient, id: string): Promise<InitiativeDetail> {
  return client.request({
    method: 'POST',
    path: `${initiativePath(id)}/archive`,
    schema: initiativeDetailSchema,
  });
}

/** The initiatives of the tenant, newest first. */
export function useInitiatives(): Resource<InitiativeSummary[]> {
  return useApiResource('initiatives', async (client, signal) =>
    [...(await fetchInitiatives(client, signal))].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
}

/** One initiative with its design. */
export function useInitiative(id: string): Resource<InitiativeDetail> {
  return useApiResource(`initiative:${id}`, (client, signal) => fetchInitiative(client, id, signal));
}
