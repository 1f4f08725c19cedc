import {
  createInitiativeSchema,
  type Audience,
  type cadences,
  type InitiativeDetail,
  type workModes,
} from '@learnfit/core';
import type { CreateInitiative } from '../../api/initiatives';
import type { DirectoryItem, DirectoryKind } from '../../api/directory';
import { issueMessage, type Issue } from './issue-messages';

/** The wizard's steps, in order. */
export const wizardSteps = ['basics', 'people', 'features', 'kpis', 'comparison', 'review'] as const;

/** A step of the wizard. */
export type WizardStep = (typeof wizardSteps)[number];

/** A group of people being chosen; each kind keeps its own choices, so switching kind loses nothing. */
export interface AudienceDraft {
  readonly kind: DirectoryKind;
  readonly selections: Readonly<Record<DirectoryKind, readonly DirectoryItem[]>>;
}

/** A planned session as typed: day and hour from lists, minutes as text until validated. */
export interface PlannedTimeDraft {
  readonly dayOfWeek: number;
  readonly hour: number;
  readonly durationMinutes: string;
}

/** A feature as typed; `groupSize` is text, empty for the whole group. */
export interface FeatureDraft {
  readonly id: string;
  readonly name: string;
  readonly mode: (typeof workModes)[number];
  readonly cadence: (typeof cadences)[number];
  readonly synchronous: boolean;
  readonly plannedTimes: readonly PlannedTimeDraft[];
  readonly groupSize: string;
}

/** A KPI as typed. */
export interface KpiDraft {
  readonly id: string;
  readonly name: string;
  readonly kirkpatrickLevel: 1 | 2 | 3 | 4;
  readonly unit: string;
  readonly direction: 'increase' | 'decrease';
  readonly source: 'graph' | 'entered';
}

/** Everything typed into the wizard, kept in session storage until it is saved. */
export interface WizardDraft {
  readonly step: WizardStep;
  readonly name: string;
  readonly goal: string;
  readonly launchDate: string;
  readonly targetGroup: AudienceDraft;
  readonly designTeam: AudienceDraft;
  readonly useComparison: boolean;
  readonly comparisonGroup: AudienceDraft;
  readonly features: readonly FeatureDraft[];
  readonly kpis: readonly KpiDraft[];
}

/** Field errors keyed by path without the `design.` prefix: `name`, `targetGroup`, `features.0.name`. */
export type FieldErrors = Readonly<Record<string, string>>;

/** An audience with nothing chosen yet. */
export function emptyAudience(kind: DirectoryKind): AudienceDraft {
  return { kind, selections: { teams: [], groups: [], people: [] } };
}

/** The wizard of a new initiative. */
export function emptyDraft(): WizardDraft {
  return {
    step: 'basics',
    name: '',
    goal: '',
    launchDate: '',
    targetGroup: emptyAudience('teams'),
    designTeam: emptyAudience('people'),
    useComparison: false,
    comparisonGroup: emptyAudience('teams'),
    features: [],
    kpis: [],
  };
}

/** A stored audience as picker items; the API keeps ids only, so names are unknown until searched again. */
function audienceDraft(
  audience: Audience | null,
  fallback: DirectoryKind,
  label: (id: string) => string,
): AudienceDraft {
  if (!audience) return emptyAudience(fallback);
  const empty = emptyAudience(audience.kind);
  const items = audience.ids.map((id) => ({ id, label: label(id), secondary: null }));
  return { kind: audience.kind, selections: { ...empty.selections, [audience.kind]: items } };
}

/** The wizard pre-filled from an initiative, for editing. */
export function draftFromDetail(detail: InitiativeDetail, label: (id: string) => string): WizardDraft {
  const design = detail.design;
  const base = emptyDraft();
  if (!design) return { ...base, name: detail.name, goal: detail.goal };
  return {
    ...base,
    name: detail.name,
    goal: detail.goal,
    launchDate: design.launchDate ?? '',
    targetGroup: audienceDraft(design.targetGroup, 'teams', label),
    designTeam: audienceDraft(design.designTeam, 'people', label),
    useComparison: design.comparisonGroup !== null,
    comparisonGroup: audienceDraft(design.comparisonGroup, 'teams', label),
    features: design.features.map((feature) => ({
      ...feature,
      plannedTimes: feature.plannedTimes.map((time) => ({
        ...time,
        durationMinutes: String(time.durationMinutes),
      })),
      groupSize: feature.groupSize === null ? '' : String(feature.groupSize),
    })),
    kpis: design.kpis.map((kpi) => ({ ...kpi })),
  };
}

/** The chosen ids of an audience, as the API takes them. */
export function toAudience(draft: AudienceDraft): Audience {
  return { kind: draft.kind, ids: draft.selections[draft.kind].map((item) => item.id) } as Audience;
}

/** Text to a number for the schema to check; anything that is not a plain number becomes NaN. */
function toNumber(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The exact body of `POST /api/initiatives` (and the `PATCH` of an edit) for a draft. */
export function toCreateBody(draft: WizardDraft): CreateInitiative {
  return {
    name: draft.name,
    goal: draft.goal,
    design: {
      targetGroup: toAudience(draft.targetGroup),
      designTeam: toAudience(draft.designTeam),
      comparisonGroup: draft.useComparison ? toAudience(draft.comparisonGroup) : null,
      features: draft.features.map((feature) => ({
        id: feature.id,
        name: feature.name,
        mode: feature.mode,
        cadence: feature.cadence,
        synchronous: feature.synchronous,
        plannedTimes: feature.plannedTimes.map((time) => ({
          dayOfWeek: time.dayOfWeek,
          hour: time.hour,
          durationMinutes: toNumber(time.durationMinutes),
        })),
        groupSize: feature.groupSize.trim() === '' ? null : toNumber(feature.groupSize),
      })),
      kpis: draft.kpis.map((kpi) => ({ ...kpi })),
      launchDate: draft.launchDate === '' ? null : draft.launchDate,
    },
  };
}

/** Which top-level fields (after `design.`) each step owns. */
const stepFields: Record<WizardStep, readonly string[]> = {
  basics: ['name', 'goal', 'launchDate'],
  people: ['targetGroup', 'designTeam'],
  features: ['features'],
  kpis: ['kpis'],
  comparison: ['comparisonGroup'],
  review: ['name', 'goal', 'launchDate', 'targetGroup', 'designTeam', 'features', 'kpis', 'comparisonGroup'],
};

const audienceFields = new Set(['targetGroup', 'designTeam', 'comparisonGroup']);

/** The field an issue belongs to: audience issues belong to the picker as a whole. */
function fieldKey(path: readonly PropertyKey[]): string {
  const parts = (path[0] === 'design' ? path.slice(1) : path).map(String);
  const [first] = parts;
  if (first !== undefined && audienceFields.has(first)) return first;
  return parts.join('.');
}

/** Validates the draft with the API's own create schema and keeps the errors of the given steps' fields. */
export function validate(draft: WizardDraft, step: WizardStep): FieldErrors {
  const result = createInitiativeSchema.safeParse(toCreateBody(draft));
  if (result.success) return {};
  const owned = stepFields[step];
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = fieldKey(issue.path);
    const top = key.split('.')[0] ?? '';
    if (!owned.includes(top) || errors[key] !== undefined) continue;
    errors[key] = issueMessage(issue as Issue);
  }
  return errors;
}

/** The first step with an error, so Create can send the person where the fix is. */
export function firstStepWithErrors(errors: FieldErrors): WizardStep | null {
  const keys = Object.keys(errors).map((key) => key.split('.')[0] ?? '');
  return (
    wizardSteps.find((step) => step !== 'review' && stepFields[step].some((field) => keys.includes(field))) ??
    null
  );
}

/** A feature or KPI id not yet used in the list: `prefix`, then `prefix-2`, `prefix-3`… */
export function uniqueId(prefix: string, taken: ReadonlyArray<{ readonly id: string }>): string {
  const used = new Set(taken.map((item) => item.id));
  const base = prefix.slice(0, 34);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
