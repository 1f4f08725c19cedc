import {
  createPrivacyGuard,
  diagnosticsQuerySchema,
  diagnoseWorkflowFit,
  runAllDiagnostics,
  seededRandom,
  type AcknowledgementSummary,
  type AllDiagnostics,
  type DiagnosticsResponse,
  type InitiativeDesign,
  type PulseResponse,
  type SnapshotRef,
  type WorkflowFitResult,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { SnapshotInfo } from '../store/collection-store';
import {
  coreInitiative,
  newestOf,
  noSuchSnapshot,
  readInitiativeInputs,
  seedOf,
  settingsWithK,
  snapshotRef,
  tenantInputs,
  type DiagnosticsDeps,
} from './diagnostics-inputs';
import { leadersFor, withAcknowledgements } from './diagnostics-view';
import type { AuditEntry, AuditLog, InitiativeRecord } from './ports';

export {
  newestOf,
  seedOf,
  settingsWithK,
  snapshotRef,
  tenantInputs,
  type DiagnosticsDeps,
  type MembersOf,
} from './diagnostics-inputs';

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
  invalidate(tenantId: string): Promise<void>;
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
