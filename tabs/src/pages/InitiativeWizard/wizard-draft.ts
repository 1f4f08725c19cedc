import { cadences, workModes } from '@learnfit/core';
import { z } from 'zod';
import { wizardSteps, type WizardDraft } from './wizard-model';

const item = z.object({ id: z.string(), label: z.string(), secondary: z.string().nullable() });
const audience = z.object({
  kind: z.enum(['teams', 'groups', 'people']),
  selections: z.object({ teams: z.array(item), groups: z.array(item), people: z.array(item) }),
});

// Checks what comes back from storage: another version of the tab may have written something else.
const draftSchema = z.object({
  step: z.enum(wizardSteps),
  name: z.string(),
  goal: z.string(),
  launchDate: z.string(),
  targetGroup: audience,
  designTeam: audience,
  useComparison: z.boolean(),
  comparisonGroup: audience,
  features: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mode: z.enum(workModes),
      cadence: z.enum(cadences),
      synchronous: z.boolean(),
      plannedTimes: z.array(
        z.object({ dayOfWeek: z.number(), hour: z.number(), durationMinutes: z.string() }),
      ),
      groupSize: z.string(),
    }),
  ),
  kpis: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kirkpatrickLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      unit: z.string(),
      direction: z.enum(['increase', 'decrease']),
      source: z.enum(['graph', 'entered']),
    }),
  ),
});

/** The storage key of a wizard: one draft for a new initiative, one per initiative being edited. */
export function draftKey(initiativeId: string | null): string {
  return initiativeId === null ? 'learnfit:wizard:new' : `learnfit:wizard:edit:${initiativeId}`;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be blocked (privacy settings, sandboxed frames); the wizard then works without drafts.
    return null;
  }
}

/** The saved draft, or `null` when there is none or it cannot be read. */
export function loadDraft(key: string): WizardDraft | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the draft for this browser tab's session, so a reload loses nothing typed. */
export function saveDraft(key: string, draft: WizardDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // A full or blocked storage only means the draft does not survive a reload.
  }
}

/** Forgets the draft (after a successful save, or when the person discards it). */
export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}
