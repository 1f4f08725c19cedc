import {
  auditPageSchema,
  consentStatusSchema,
  directoryPeopleListSchema,
  erasureResultSchema,
  tenantSettingsSchema,
  tenantSettingsViewSchema,
  type AuditPage,
  type ConsentStatus,
  type ErasureResult,
  type FoundPerson,
  type TenantSettings,
  type TenantSettingsView,
} from '@learnfit/core';
import type { ApiClient } from './client';
import { useApiResource, type Resource } from './use-resource';

/** Audit page sizes the admin page offers (the API allows 1–200). */
export const auditPageSizes = [25, 50, 100, 200] as const;

/** The fields an admin may change: exactly what the strict `PUT` accepts (no `savedAt`). */
export function settingsBody(settings: TenantSettings | TenantSettingsView): TenantSettings {
  return {
    k: settings.k,
    retentionDays: settings.retentionDays,
    initiativeCreators: settings.initiativeCreators,
    nameManagersInParticipation: settings.nameManagersInParticipation,
  };
}

/** Loads `GET /api/admin/settings`. */
export function useAdminSettings(): Resource<TenantSettingsView> {
  return useApiResource('admin-settings', (client, signal) =>
    client.request({ path: '/api/admin/settings', schema: tenantSettingsViewSchema, signal }),
  );
}

/** `PUT /api/admin/settings` with the checked settings only; read-only fields never go on the wire. */
export function saveAdminSettings(client: ApiClient, settings: TenantSettings): Promise<TenantSettingsView> {
  return client.request({
    method: 'PUT',
    path: '/api/admin/settings',
    schema: tenantSettingsViewSchema,
    body: tenantSettingsSchema.parse(settingsBody(settings)),
  });
}

/** Loads `GET /api/admin/consent`: permissions granted, what each is for, and data coverage. */
export function useConsentStatus(): Resource<ConsentStatus> {
  return useApiResource('admin-consent', (client, signal) =>
    client.request({ path: '/api/admin/consent', schema: consentStatusSchema, signal }),
  );
}

/** The path of one audit page: newest first, `before` the id of the last entry already shown. */
export function auditPath(limit: number, before: string | null): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (before !== null) query.set('before', before);
  return `/api/admin/audit?${query.toString()}`;
}

/** Loads one page of `GET /api/admin/audit`. */
export function useAuditPage(limit: number, before: string | null): Resource<AuditPage> {
  const path = auditPath(limit, before);
  return useApiResource(path, (client, signal) => client.request({ path, schema: auditPageSchema, signal }));
}

/** `GET /api/directory/people?q=`: people to pick for an erasure (at most 25). */
export async function searchPeople(
  client: ApiClient,
  text: string,
  signal: AbortSignal,
): Promise<FoundPerson[]> {
  const path = `/api/directory/people?${new URLSearchParams({ q: text }).toString()}`;
  const list = await client.request({ path, schema: directoryPeopleListSchema, signal });
  return list.items;
}

/** `DELETE /api/admin/people/:userId`: erases everything LearnFit stores about one person. */
export function erasePerson(client: ApiClient, userId: string): Promise<ErasureResult> {
  return client.request({
    method: 'DELETE',
    path: `/api/admin/people/${encodeURIComponent(userId)}`,
    schema: erasureResultSchema,
  });
}

/** `DELETE /api/admin/tenant-data`: erases the whole tenant's data; `confirm` is the tenant id typed out. */
export function eraseTenantData(client: ApiClient, confirm: string): Promise<ErasureResult> {
  return client.request({
    method: 'DELETE',
    path: '/api/admin/tenant-data',
    schema: erasureResultSchema,
    body: { confirm },
  });
}

/** An Entra object id, as `DELETE /api/admin/people/:userId` requires. */
export const entraObjectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
