import { createHash } from 'node:crypto';
import {
  createPrivacyGuard,
  defaultSettings,
  diagnosticsQuerySchema,
  minimumK,
  diagnoseWorkflowFit,
  runAllDiagnostics,
  seededRandom,
  type AcknowledgementSummary,
  type AllDiagnostics,
  type Audience,
  type CollaborationSnapshot,
  type DiagnosticSettings,
  type DiagnosticsResponse,
  type Initiative,
  type InitiativeDesign,
  type Kpi,
  type LeadersView,
  type PulseResponse,
  type SnapshotRef,
  type WorkflowFitResult,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { CollectionStore, SnapshotInfo } from '../store/collection-store';
import type {
  AuditEntry,
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

/** An initiative with a design, evaluated over one snapshot (shared by the diagnostics and the report). */
export interface Evaluation {
  /** Everything the result depends on; rendered answers are cached under it. */
  readonly key: string;
  readonly initiative: InitiativeRecord & { readonly design: InitiativeDesign };
  readonly snapshot: SnapshotRef;
  readonly k: number;
  readonly targetGroupFrom: 'snapshot' | 'design';
  readonly all: AllDiagnostics;
  /** Design-team pseudonym → user id, to name the profiles a viewer may see. */
  readonly designTeam: ReadonlyMap<string, string>;
  /** B2: answers to posted change-plan cards per message id (empty when nothing was posted). */
  readonly acknowledgements: ReadonlyMap<string, AcknowledgementSummary>;
}

/** The workflow fit alone of an initiative over its newest snapshot (what the report shows). */
export interface FitEvaluation {
  readonly key: string;
  readonly initiative: Evaluation['initiative'];
  readonly snapshot: SnapshotRef;
  readonly k: number;
  readonly fit: WorkflowFitResult;
}

/** The diagnostics use cases. */
export interface DiagnosticsService {
  /** `GET /api/initiatives/:id/diagnostics`: the JSON text of the answer. */
  view(identity: SsoIdentity, initiativeId: string, query: unknown): Promise<string>;
  /** All five diagnostics (learning leaders and admins). */
  evaluate(identity: SsoIdentity, initiativeId: string, snapshotId?: string): Promise<Evaluation>;
  /** The workflow fit only: it reads no pulse, KPI or sharing input, so it is cached on fewer keys. */
  workflowFit(identity: SsoIdentity, initiativeId: string): Promise<FitEvaluation>;
  /** Forgets everything cached about a tenant (after erasure or a change no cache key captures). */
  invalidate(tenantId: string): void;
}

const editors = ['LearningLeader', 'Admin'];

/** Throws 403 unless the caller is a learning leader or an admin. */
export function requireLeader(identity: SsoIdentity, what: string): void {
  if (!identity.roles.some((role) => editors.includes(role)))
    throw new HttpProblem(
      403,
      'forbidden',
      `Only learning leaders and admins read ${what}`,
      'Ask an admin to assign you the LearningLeader role in the LearnFit enterprise application.',
    );
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

/**
 * Records a view at most once a minute per person, action and target: a tab that re-renders or a
 * refreshing report is one view, not hundreds of log rows. Exports are recorded every time elsewhere.
 */
export function createViewAudit(
  audit: AuditLog,
  now: () => number,
  windowMs = 60_000,
): (tenantId: string, entry: AuditEntry) => Promise<void> {
  const last = new Map<string, number>();
  return async (tenantId, entry) => {
    const key = JSON.stringify([tenantId, entry.actorId, entry.action, entry.target, entry.detail ?? null]);
    const at = now();
    const previous = last.get(key);
    if (previous !== undefined && at - previous < windowMs) return;
    if (last.size > 10_000) last.clear();
    last.set(key, at);
    try {
      await audit.record(tenantId, entry);
    } catch (error) {
      last.delete(key);
      throw error;
    }
  };
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

function noSuchSnapshot(id: string): HttpProblem {
  return new HttpProblem(404, 'not_found', 'No such snapshot', `There is no snapshot ${id} in your tenant.`);
}

/** Initiative inputs besides the design: pulse, KPI values, opt-ins, with a version of their content. */
async function readInitiativeInputs(deps: DiagnosticsDeps, tenantId: string, initiativeId: string) {
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

type InitiativeInputs = Awaited<ReturnType<typeof readInitiativeInputs>>;

/** The core initiative of a design: groups as pseudonymous keys, KPIs with their entered values. */
async function coreInitiative(
  deps: DiagnosticsDeps,
  record: Evaluation['initiative'],
  info: SnapshotInfo,
  inputs: Pick<InitiativeInputs, 'kpiValues'>,
): Promise<{
  initiative: Initiative;
  targetGroupFrom: Evaluation['targetGroupFrom'];
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

/** The leader diagnostic with each profile passed through the guard for the viewer. */
function leadersFor(evaluation: Evaluation, viewerKey: string): LeadersView {
  const { leaders } = evaluation.all;
  const guard = createPrivacyGuard({ k: evaluation.k });
  const { profiles, ...data } = leaders.data;
  const released = profiles.flatMap((owned) => {
    const value = guard.releaseOwned(owned, viewerKey);
    if (value === null) return [];
    const { selfAssessment, ...scores } = value;
    return [
      {
        userId: evaluation.designTeam.get(owned.ownerKey) ?? null,
        own: owned.ownerKey === viewerKey,
        ...scores,
        selfAssessment: selfAssessment ? { ...selfAssessment } : null,
      },
    ];
  });
  return {
    ...leaders,
    data: { ...data, profiles: released, profilesWithheld: profiles.length - released.length },
  };
}

/**
 * B2: the released answers to posted change-plan cards, added to each change-plan message and, summed,
 * to the learner diagnostic. Sums of released (k-suppressed) per-post counts only, so nothing withheld
 * can be recovered by subtraction.
 */
function withAcknowledgements(
  results: DiagnosticsResponse['results'],
  acknowledgements: ReadonlyMap<string, AcknowledgementSummary>,
): DiagnosticsResponse['results'] {
  if (acknowledgements.size === 0) return results;
  const total: AcknowledgementSummary = { posts: 0, in: 0, notForMe: 0, withheldPosts: 0 };
  for (const summary of acknowledgements.values()) {
    total.posts += summary.posts;
    total.in += summary.in;
    total.notForMe += summary.notForMe;
    total.withheldPosts += summary.withheldPosts;
  }
  const { changePlan, learners } = results;
  return {
    ...results,
    changePlan: {
      ...changePlan,
      data: {
        ...changePlan.data,
        messages: changePlan.data.messages.map((message) => {
          const summary = acknowledgements.get(message.id);
          return summary ? { ...message, acknowledgements: summary } : message;
        }),
      },
    },
    learners: { ...learners, data: { ...learners.data, acknowledgements: total } },
  };
}

/** Wires the diagnostics use cases. */
export function createDiagnosticsService(deps: DiagnosticsDeps): DiagnosticsService {
  const read = tenantInputs(deps);
  const auditView = createViewAudit(deps.audit, () => deps.now().getTime());

  /** The initiative, its design, the snapshot to read and the tenant's k: everything but the inputs. */
  const resolve = async (identity: SsoIdentity, initiativeId: string, snapshotId?: string) => {
    requireLeader(identity, 'diagnostics');
    const { tenantId } = identity;
    const record = await read.initiative(tenantId, initiativeId);
    if (!record)
      throw new HttpProblem(
        404,
        'not_found',
        'No such initiative',
        `There is no initiative ${initiativeId}.`,
      );
    const design = record.design;
    if (!design)
      throw new HttpProblem(
        409,
        'conflict',
        'The initiative has no design yet',
        'Describe its target group, design team and features first (PATCH /api/initiatives/:id).',
      );
    let infos = await read.snapshots(tenantId);
    let info: SnapshotInfo | null;
    if (snapshotId !== undefined) {
      info = infos.find((candidate) => candidate.id === snapshotId) ?? null;
      // A snapshot saved since the list was read is found on a second look.
      if (!info) {
        infos = await read.snapshots(tenantId, true);
        info = infos.find((candidate) => candidate.id === snapshotId) ?? null;
      }
      if (!info) throw noSuchSnapshot(snapshotId);
    } else {
      info = newestOf(infos.filter((candidate) => candidate.initiativeId === initiativeId));
      if (!info)
        throw new HttpProblem(
          404,
          'not_found',
          'No snapshot for this initiative yet',
          'Run a collection for it (POST /api/collections with this initiativeId) and try again when it has finished.',
        );
    }
    const settings = await read.settings(tenantId);
    const k = settingsWithK(settings.k).privacy.k;
    const updatedAt = (record.updatedAt ?? record.createdAt).toISOString();
    const base = [info.id, initiativeId, updatedAt, k, settings.nameManagersInParticipation].join('|');
    return { tenantId, record: { ...record, design }, info, k, base };
  };

  const evaluate: DiagnosticsService['evaluate'] = async (identity, initiativeId, snapshotId) => {
    const { tenantId, record, info, k, base } = await resolve(identity, initiativeId, snapshotId);
    // Read every time (three small queries): answers and KPI values entered a moment ago count at once.
    const inputs = await readInitiativeInputs(deps, tenantId, initiativeId);
    const key = `${base}|${inputs.version}`;
    const computed = await deps.cache.memo(tenantId, `diagnostics|${key}`, async () => {
      const snapshot = await read.snapshot(tenantId, info.id);
      const { initiative, targetGroupFrom, team } = await coreInitiative(deps, record, info, inputs);
      const pulse: PulseResponse[] = inputs.pulse;
      const all = runAllDiagnostics({
        snapshot,
        initiative,
        pulse,
        settings: settingsWithK(k),
        random: seededRandom(seedOf(info.id)),
        guard: createPrivacyGuard({ k }),
        sharedProfiles: inputs.shared,
      });
      return { all, targetGroupFrom, team };
    });
    return {
      key,
      initiative: record,
      snapshot: snapshotRef(info),
      k,
      targetGroupFrom: computed.targetGroupFrom,
      all: computed.all,
      designTeam: computed.team,
      acknowledgements: inputs.acknowledgements,
    };
  };

  const workflowFit: DiagnosticsService['workflowFit'] = async (identity, initiativeId) => {
    const { tenantId, record, info, k, base } = await resolve(identity, initiativeId);
    const fit = await deps.cache.memo(tenantId, `workflow-fit|${base}`, async () => {
      const snapshot = await read.snapshot(tenantId, info.id);
      const { initiative } = await coreInitiative(deps, record, info, { kpiValues: new Map() });
      return diagnoseWorkflowFit({
        snapshot,
        initiative,
        pulse: [],
        settings: settingsWithK(k),
        random: seededRandom(seedOf(info.id)),
        guard: createPrivacyGuard({ k }),
      });
    });
    return { key: base, initiative: record, snapshot: snapshotRef(info), k, fit };
  };

  return {
    evaluate,
    workflowFit,
    async view(identity, initiativeId, query) {
      requireLeader(identity, 'diagnostics');
      const { snapshotId } = diagnosticsQuerySchema.parse(query);
      const evaluation = await evaluate(identity, initiativeId, snapshotId);
      const viewerKey = deps.pseudonymizerFor(identity.tenantId)(identity.userId);
      const body = await deps.cache.memo(
        identity.tenantId,
        `diagnostics-json|${evaluation.key}|${viewerKey}`,
        () => {
          const response: DiagnosticsResponse = {
            initiative: {
              id: evaluation.initiative.id,
              name: evaluation.initiative.name,
              updatedAt: (evaluation.initiative.updatedAt ?? evaluation.initiative.createdAt).toISOString(),
            },
            snapshot: evaluation.snapshot,
            k: evaluation.k,
            targetGroupFrom: evaluation.targetGroupFrom,
            results: withAcknowledgements(
              { ...evaluation.all, leaders: leadersFor(evaluation, viewerKey) },
              evaluation.acknowledgements,
            ),
          };
          return JSON.stringify(response);
        },
      );
      await auditView(identity.tenantId, {
        actorId: identity.userId,
        action: 'diagnostics.view',
        target: `initiative:${initiativeId}`,
        detail: { snapshotId: evaluation.snapshot.id },
      });
      return body;
    },
    invalidate: (tenantId) => deps.cache.invalidate(tenantId),
  };
}
