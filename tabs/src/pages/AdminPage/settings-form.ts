import {
  minimumK,
  retentionDaysRange,
  tenantSettingsSchema,
  type TenantSettings,
  type TenantSettingsView,
} from '@learnfit/core';
import { fill, strings } from '../../messages/strings';

/** The settings form as typed: numbers stay text until checked, so a half-typed value is not lost. */
export interface SettingsFormValues {
  readonly k: string;
  readonly retentionDays: string;
  readonly initiativeCreators: TenantSettings['initiativeCreators'];
  readonly nameManagersInParticipation: boolean;
}

/** A field of the settings. */
export type SettingsField = keyof TenantSettings;

/** The largest k an admin may choose (the contract's upper bound). */
export const maximumK = 100;

/** The form's starting values from what the API answered. */
export function formValuesOf(view: TenantSettingsView): SettingsFormValues {
  return {
    k: String(view.k),
    retentionDays: String(view.retentionDays),
    initiativeCreators: view.initiativeCreators,
    nameManagersInParticipation: view.nameManagersInParticipation,
  };
}

function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

const fieldMessages: Record<SettingsField, () => string> = {
  k: () => fill(strings.admin.kInvalid, { min: minimumK, max: maximumK }),
  retentionDays: () =>
    fill(strings.admin.retentionInvalid, { min: retentionDaysRange.min, max: retentionDaysRange.max }),
  initiativeCreators: () => strings.admin.creatorsInvalid,
  nameManagersInParticipation: () => strings.admin.creatorsInvalid,
};

/**
 * Checks the form with the contract's own schema (the one the API applies), so the tab refuses exactly
 * what the API would; each failing field gets a message in the admin's words.
 */
export function checkSettings(
  values: SettingsFormValues,
): { ok: true; settings: TenantSettings } | { ok: false; errors: Partial<Record<SettingsField, string>> } {
  const parsed = tenantSettingsSchema.safeParse({
    k: toNumber(values.k),
    retentionDays: toNumber(values.retentionDays),
    initiativeCreators: values.initiativeCreators,
    nameManagersInParticipation: values.nameManagersInParticipation,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Partial<Record<SettingsField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in fieldMessages && !errors[field as SettingsField])
      errors[field as SettingsField] = fieldMessages[field as SettingsField]();
  }
  return { ok: false, errors };
}

/** Whether the form differs from the saved settings. */
export function isDirty(values: SettingsFormValues, saved: TenantSettingsView): boolean {
  const start = formValuesOf(saved);
  return (
    values.k.trim() !== start.k ||
    values.retentionDays.trim() !== start.retentionDays ||
    values.initiativeCreators !== start.initiativeCreators ||
    values.nameManagersInParticipation !== start.nameManagersInParticipation
  );
}
