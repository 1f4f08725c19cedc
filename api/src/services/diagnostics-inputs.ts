import { createHash } from 'node:crypto';
import {
  defaultSettings,
  minimumK,
  type AcknowledgementSummary,
  type Audience,
  type CollaborationSnapshot,
  type DiagnosticSettings,
  type Initiative,
  type InitiativeDesign,
  type Kpi,
  type SnapshotRef,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { CollectionStore, SnapshotInfo } from '../store/collection-store';
import type {
  AuditLog,
  InitiativeRecord,
  InitiativeStore,
  KpiValuesReader,
  PulseReader,
  SharingReader,
  TenantSettingsReader,
} from './ports';
import { initiativeKey, type SnapshotCache } from './snapshot-cache';

/** Resolves a Teams or groups audience to user ids (the app's Graph client; the demo tenant in demo mode). */
export type MembersOf = (tenantId: string, audience: Audience) => Promise<string[]>;

/** What the diagnostics and report services read. */
export interface DiagnosticsDeps {
  readonly initiatives: InitiativeStore;
  readonly snapshots: Pick<CollectionStore, 'listSnapshots' | 'loadSnapshot'>;
  readonly settings: TenantSettingsReader;
  readonly pulse: PulseReader;
  readonly kpis: KpiValuesReader;
  readonly sharing: SharingReader;
  readonly audit: AuditLog;
  readonly membersOf: MembersOf;
  /** The keyed pseudonyms stored snapshots use for this tenant. */
  readonly pseudonymizerFor: (tenantId: string) => (id: string) => string;
  readonly cache: SnapshotCache;
  readonly now: () => Date;
  /** B2: released answers to the posted change-plan cards, per change-plan message id. */
  readonly acknowledgements?: (
    tenantId: string,
    initiativeId: string,
  ) => Promise<Map<string, AcknowledgementSummary>>;
}

/** A 32-bit seed from text (FNV-1a), so the bootstrap of one snapshot is reproducible. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Settings of a tenant's diagnostics: the defaults with the tenant's k (never below the floor). */
export function settingsWithK(k: number): DiagnosticSettings {
  return { ...defaultSettings, privacy: { k: Math.max(minimumK, Math.ceil(k)) } };
}

/** The newest of some snapshots (data-as-of, then creation). */
export function newestOf(infos: readonly SnapshotInfo[]): SnapshotInfo | null {
  let newest: SnapshotInfo | null = null;
  for (const info of infos)
    if (
      !newest ||
      info.dataAsOf.getTime() > newest.dataAsOf.getTime() ||
      (info.dataAsOf.getTime() === newest.dataAsOf.getTime() &&
        info.createdAt.getTime() >= newest.createdAt.getTime())
    )
      newest = info;
  return newest;
}

/** How an answer names its snapshot. */
export function snapshotRef(info: SnapshotInfo): SnapshotRef {
  const summary = info.summary as { source?: unknown };
  return {
    id: info.id,
    kind: info.kind,
    dataAsOf: info.dataAsOf.toISOString(),
    weeks: info.weeks,
    people: info.people,
    source: summary.source === 'demo-seed' ? 'demo-seed' : 'collection',
  };
}

/** The target group a collection stored with its snapshot, if the snapshot has one. */
function storedTargetKeys(info: SnapshotInfo): string[] | null {
  const keys = (info.summary as { targetGroupKeys?: unknown }).targetGroupKeys;
  return Array.isArray(keys) && keys.every((key) => typeof key === 'string') ? (keys as string[]) : null;
}

/** Reads the tenant inputs every result depends on, through the short-lived input cache. */
export function tenantInputs(deps: DiagnosticsDeps) {
  return {
    // Compose wraps the initiative store with `invalidatingInitiatives`, so an edit shows at once.
    initiative: (tenantId: string, id: string) =>
      deps.cache.fresh(tenantId, initiativeKey(id), () => deps.initiatives.get(tenantId, id)),
    snapshots: (tenantId: string, refresh = false) =>
      deps.cache.fresh(tenantId, 'snapshots', () => deps.snapshots.listSnapshots(tenantId), refresh),
    settings: (tenantId: string) => deps.cache.fresh(tenantId, 'settings', () => deps.settings.get(tenantId)),
    snapshot: async (tenantId: string, id: string): Promise<CollaborationSnapshot> => {
      const snapshot = await deps.cache.snapshot(tenantId, id, () =>
        deps.snapshots.loadSnapshot(tenantId, id),
      );
      if (!snapshot) throw noSuchSnapshot(id);
      return snapshot;
    },
  };
}

/** 404: the snapshot is not in the caller's tenant. */
export function noSuchSnapshot(id: string): HttpProblem {
  return new HttpProblem(404, 'not_found', 'No such snapshot', `There is no snapshot ${id} in your tenant.`);
}

/** Initiative inputs besides the design: pulse, KPI values, opt-ins, with a version of their content. */
export async function readInitiativeInputs(deps: DiagnosticsDeps, tenantId: string, initiativeId: string) {
  const [pulse, kpiValues, shared, acknowledgements] = await Promise.all([
    deps.pulse.responses(tenantId, initiativeId),
    deps.kpis.values(tenantId, initiativeId),
    deps.sharing.sharedProfiles(tenantId, initiativeId),
    deps.acknowledgements?.(tenantId, initiativeId) ??
      Promise.resolve(new Map<string, AcknowledgementSummary>()),
  ]);
  const version = createHash('sha256')
    .update(
      JSON.stringify([
        pulse,
        [...kpiValues].sort(([a], [b]) => (a < b ? -1 : 1)),
        [...shared].sort(),
        [...acknowledgements].sort(([a], [b]) => (a < b ? -1 : 1)),
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
  return { pulse, kpiValues, shared, acknowledgements, version };
}

/** What `readInitiativeInputs` read. */
export type InitiativeInputs = Awaited<ReturnType<typeof readInitiativeInputs>>;

/** The core initiative of a design: groups as pseudonymous keys, KPIs with their entered values. */
export async function coreInitiative(
  deps: DiagnosticsDeps,
  record: InitiativeRecord & { readonly design: InitiativeDesign },
  info: SnapshotInfo,
  inputs: Pick<InitiativeInputs, 'kpiValues'>,
): Promise<{
  initiative: Initiative;
  targetGroupFrom: 'snapshot' | 'design';
  team: Map<string, string>;
}> {
  const { tenantId, design } = record;
  const pseudonymize = deps.pseudonymizerFor(tenantId);
  const members = (audience: Audience): Promise<string[]> =>
    audience.kind === 'people' ? Promise.resolve([...audience.ids]) : deps.membersOf(tenantId, audience);
  const stored = info.initiativeId === record.id ? storedTargetKeys(info) : null;
  const [target, teamIds, comparison] = await Promise.all([
    stored ? Promise.resolve(null) : members(design.targetGroup),
    members(design.designTeam),
    design.comparisonGroup ? members(design.comparisonGroup) : Promise.resolve(null),
  ]);
  const team = new Map(teamIds.map((id) => [pseudonymize(id), id]));
  const kpis = design.kpis.map((kpi): Kpi => ({
    ...kpi,
    baseline: inputs.kpiValues.get(kpi.id)?.baseline ?? [],
    followUp: inputs.kpiValues.get(kpi.id)?.followUp ?? [],
    comparisonBaseline: inputs.kpiValues.get(kpi.id)?.comparisonBaseline ?? [],
    comparisonFollowUp: inputs.kpiValues.get(kpi.id)?.comparisonFollowUp ?? [],
  }));
  return {
    initiative: {
      id: record.id,
      name: record.name,
      targetGroup: stored ?? (target ?? []).map(pseudonymize),
      designTeam: [...team.keys()],
      comparisonGroup: comparison?.map(pseudonymize) ?? null,
      features: design.features.map((feature) => ({ ...feature, plannedTimes: feature.plannedTimes ?? [] })),
      kpis,
      launchDate: design.launchDate,
    },
    targetGroupFrom: stored ? 'snapshot' : 'design',
    team,
  };
}
