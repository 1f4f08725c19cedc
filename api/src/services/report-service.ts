import {
  createPrivacyGuard,
  diagnoseWorkflowFit,
  modeWords,
  myOrgReportQuerySchema,
  seededRandom,
  type CollaborationSnapshot,
  type ReportCell,
  type SnapshotRef,
  type SolutionFeature,
  type WorkflowFitResult,
  type WorkflowReport,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import {
  createViewAudit,
  newestOf,
  requireLeader,
  seedOf,
  settingsWithK,
  snapshotRef,
  tenantInputs,
  type DiagnosticsDeps,
  type DiagnosticsService,
} from './diagnostics-service';
import { reportCsv, reportHtml } from './report-render';

/** The three forms a report is served in. */
export type ReportFormat = 'json' | 'csv' | 'html';

/** A rendered report: the body and its media type. */
export interface RenderedReport {
  readonly body: string;
  readonly contentType: string;
  /** File name for exports (CSV, HTML). */
  readonly fileName: string;
}

/** The workflow-fit reports. */
export interface ReportService {
  initiativeReport(
    identity: SsoIdentity,
    initiativeId: string,
    format: ReportFormat,
  ): Promise<RenderedReport>;
  myOrgReport(identity: SsoIdentity, query: unknown, format: ReportFormat): Promise<RenderedReport>;
}

const dayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The label of an hour-of-week bin, e.g. `Tue 14:00`. */
export function binLabel(bin: number): string {
  return `${dayNames[Math.floor(bin / 24)] ?? '?'} ${String(bin % 24).padStart(2, '0')}:00`;
}

function cell(
  section: ReportCell['section'],
  item: string,
  measure: string,
  value: number | null,
  unit: string,
  n: number | null,
  text = '',
): ReportCell {
  return { section, item, measure, value, unit, n: value === null ? null : n, text };
}

/** Where the figures come from: the snapshot's data-as-of and whether it is synthetic demo data. */
export function snapshotCell(ref: SnapshotRef): ReportCell {
  const demo = ref.source === 'demo-seed' ? ', synthetic demo data' : '';
  return cell(
    'overview',
    'snapshot',
    'dataAsOf',
    null,
    '',
    null,
    `${ref.dataAsOf} (${ref.weeks} weeks, ${ref.kind}${demo})`,
  );
}

/** The report's rows: every figure of the workflow-fit result, then its findings and recommendations. */
export function reportCells(fit: WorkflowFitResult, ref: SnapshotRef): ReportCell[] {
  const { data } = fit;
  const group = data.groupSize;
  const cells: ReportCell[] = [
    snapshotCell(ref),
    cell('overview', 'coverage', fit.coverage.confidence, null, '', null, fit.coverage.note),
    cell('overview', 'group', 'overallScore', data.overallScore, 'of 100', group),
    cell('overview', 'group', 'featureFitMean', data.featureFitMean, 'of 100', group),
    cell('overview', 'group', 'modeMixDistance', data.modeMixDistance, 'share', group),
    // A property of the design, not of people.
    cell('overview', 'design', 'unmeasuredDesignShare', data.unmeasuredDesignShare, 'share', null),
  ];
  for (const usage of data.modes) {
    if (!usage.measurable) continue;
    const item = modeWords[usage.mode].noun;
    cells.push(
      cell('mode', item, 'weeklyUsers', usage.weeklyUsers, 'share', group),
      cell('mode', item, 'averageWeekActive', usage.averageWeekActive, 'share', group),
      // Computed over the mode's users, whose exact number the result does not carry.
      cell('mode', item, 'medianPerActiveWeek', usage.medianPerActiveWeek, 'per active week', null),
    );
  }
  for (const feature of data.features)
    cells.push(
      cell('feature', feature.name, 'score', feature.score, 'of 100', group),
      cell('feature', feature.name, 'adoption', feature.adoption, 'share', group),
      cell('feature', feature.name, 'intensity', feature.intensity, 'share', group),
      cell('feature', feature.name, 'timing', feature.timing, 'share', group),
      cell('feature', feature.name, 'cadenceMatch', feature.cadenceMatch, 'share', group),
    );
  for (const entry of data.modeMix)
    cells.push(
      cell('mode-mix', modeWords[entry.mode].noun, 'design', entry.design, 'share', null),
      cell('mode-mix', modeWords[entry.mode].noun, 'observed', entry.observed, 'share', group),
    );
  const withData = data.heatmap.peopleWithData;
  data.heatmap.values.forEach((value, bin) =>
    cells.push(cell('heatmap', binLabel(bin), 'activeShare', value, 'share', withData)),
  );
  for (const finding of fit.findings)
    cells.push(cell('finding', finding.code, finding.severity, null, '', null, finding.text));
  for (const move of data.recommendations)
    cells.push(cell('recommendation', move.featureId, move.code, null, '', null, move.text));
  return cells;
}

/** Who is below a manager in a snapshot's reporting lines (keys), or null when nobody reports to them. */
export function orgBelow(snapshot: CollaborationSnapshot, managerKey: string): string[] | null {
  const { people } = snapshot;
  const root = people.findIndex((person) => person.key === managerKey);
  if (root < 0) return null;
  const reports = new Map<number, number[]>();
  people.forEach((person, index) => {
    if (person.managerIndex < 0 || person.managerIndex === index) return;
    const list = reports.get(person.managerIndex);
    if (list) list.push(index);
    else reports.set(person.managerIndex, [index]);
  });
  if (!reports.has(root)) return null;
  const seen = new Set<number>([root]);
  const queue = [root];
  const below: string[] = [];
  while (queue.length > 0) {
    const at = queue.pop() as number;
    for (const child of reports.get(at) ?? []) {
      if (seen.has(child)) continue; // a cycle in a broken org chart must not loop
      seen.add(child);
      below.push(people[child]?.key ?? '');
      queue.push(child);
    }
  }
  return below.sort();
}

const mediaTypes: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Wires the report use cases over the diagnostics service and its inputs. */
export function createReportService(deps: DiagnosticsDeps, diagnostics: DiagnosticsService): ReportService {
  const read = tenantInputs(deps);
  const auditView = createViewAudit(deps.audit, () => deps.now().getTime());

  const render = async (
    tenantId: string,
    key: string,
    format: ReportFormat,
    fileName: string,
    build: () => WorkflowReport,
  ): Promise<RenderedReport> => {
    const report = await deps.cache.memo(tenantId, `report|${key}`, build);
    const body = await deps.cache.memo(tenantId, `report-${format}|${key}`, () =>
      format === 'json' ? JSON.stringify(report) : format === 'csv' ? reportCsv(report) : reportHtml(report),
    );
    return { body, contentType: mediaTypes[format], fileName: `${fileName}.${format}` };
  };

  const audit = async (identity: SsoIdentity, format: ReportFormat, target: string, snapshotId: string) => {
    const entry = {
      actorId: identity.userId,
      action: format === 'json' ? 'report.view' : 'report.export',
      target,
      detail: { snapshotId, format },
    };
    if (format === 'json') await auditView(identity.tenantId, entry);
    else await deps.audit.record(identity.tenantId, entry);
  };

  return {
    async initiativeReport(identity, initiativeId, format) {
      requireLeader(identity, 'initiative reports');
      const evaluation = await diagnostics.workflowFit(identity, initiativeId);
      const { initiative, snapshot, k, fit } = evaluation;
      const rendered = await render(identity.tenantId, evaluation.key, format, 'workflow-fit', () => ({
        scope: 'initiative',
        title: `Workflow fit: ${initiative.name}`,
        initiative: { id: initiative.id, name: initiative.name },
        snapshot,
        k,
        groupSize: fit.data.groupSize,
        withheld: null,
        workflowFit: fit,
        cells: reportCells(fit, snapshot),
      }));
      await audit(identity, format, `initiative:${initiativeId}`, snapshot.id);
      return rendered;
    },

    async myOrgReport(identity, query, format) {
      const { initiativeId } = myOrgReportQuerySchema.parse(query);
      const { tenantId } = identity;
      const info = newestOf(await read.snapshots(tenantId));
      if (!info)
        throw new HttpProblem(
          404,
          'not_found',
          'No snapshot yet',
          'Ask a learning leader to run a collection; your org report appears when it has finished.',
        );
      const managerKey = deps.pseudonymizerFor(tenantId)(identity.userId);
      const snapshot = await read.snapshot(tenantId, info.id);
      const below = await deps.cache.memo(tenantId, `org|${info.id}|${managerKey}`, () =>
        orgBelow(snapshot, managerKey),
      );
      if (!below)
        throw new HttpProblem(
          403,
          'forbidden',
          'This report is for managers',
          "LearnFit's latest snapshot shows nobody reporting to you. Managers see the workflow fit of " +
            'their own org here; learning leaders read initiative reports.',
        );
      const record = initiativeId === undefined ? null : await read.initiative(tenantId, initiativeId);
      if (initiativeId !== undefined && !record)
        throw new HttpProblem(
          404,
          'not_found',
          'No such initiative',
          `There is no initiative ${initiativeId}.`,
        );
      const settings = await read.settings(tenantId);
      const k = settingsWithK(settings.k).privacy.k;
      const updatedAt = record ? (record.updatedAt ?? record.createdAt).toISOString() : '-';
      const key = ['my-org', info.id, managerKey, initiativeId ?? '-', updatedAt, k].join('|');
      const ref: SnapshotRef = snapshotRef(info);
      const rendered = await render(tenantId, key, format, 'my-org-workflow-fit', () =>
        orgReport(
          snapshot,
          ref,
          below,
          k,
          record ? { id: record.id, name: record.name } : null,
          record?.design,
        ),
      );
      await audit(identity, format, 'my-org', info.id);
      return rendered;
    },
  };
}

/** The workflow fit of a manager's org, withheld as a whole when it has fewer than k people. */
function orgReport(
  snapshot: CollaborationSnapshot,
  ref: SnapshotRef,
  below: readonly string[],
  k: number,
  initiative: { id: string; name: string } | null,
  design: { readonly features: readonly SolutionFeature[] } | null | undefined,
): WorkflowReport {
  const title = initiative ? `Workflow fit of your org: ${initiative.name}` : 'Workflow fit of your org';
  if (below.length < k) {
    const message =
      `Your org in this snapshot has fewer than ${k} people, the smallest group LearnFit shows figures ` +
      'for, so its figures are withheld to protect the people in it.';
    return {
      scope: 'my-org',
      title,
      initiative,
      snapshot: ref,
      k,
      groupSize: null,
      withheld: { reason: 'group-too-small', message },
      workflowFit: null,
      cells: [snapshotCell(ref), cell('overview', 'group', 'withheld', null, '', null, message)],
    };
  }
  const fit = diagnoseWorkflowFit({
    snapshot,
    initiative: {
      id: initiative?.id ?? 'my-org',
      name: initiative?.name ?? 'My org',
      targetGroup: below,
      designTeam: [],
      comparisonGroup: null,
      features: design?.features ?? [],
      kpis: [],
      launchDate: null,
    },
    pulse: [],
    settings: settingsWithK(k),
    random: seededRandom(seedOf(ref.id)),
    guard: createPrivacyGuard({ k }),
  });
  return {
    scope: 'my-org',
    title,
    initiative,
    snapshot: ref,
    k,
    groupSize: fit.data.groupSize,
    withheld: null,
    workflowFit: fit,
    cells: reportCells(fit, ref),
  };
}
