import {
  kpiGroups,
  kpiPhases,
  kpiValuesCsvSchema,
  putKpiValuesSchema,
  type InitiativeDesign,
  type KpiList,
  type KpiWriteResult,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { KpiSeriesRecord, KpiStore } from '../store/kpi-store';
import { parseKpiCsv } from './kpi-csv';
import type { InitiativeStore } from './ports';

/** Entered KPI values: one series at a time, a CSV upload, and the list with summaries. */
export interface KpiService {
  list(identity: SsoIdentity, initiativeId: string): Promise<KpiList>;
  putValues(
    identity: SsoIdentity,
    initiativeId: string,
    kpiId: string,
    body: unknown,
  ): Promise<KpiWriteResult>;
  /** `body` is the raw CSV text, or whatever another parser made of a body of another type. */
  uploadCsv(identity: SsoIdentity, initiativeId: string, body: unknown): Promise<KpiWriteResult>;
}

/** What the service needs. */
export interface KpiServiceDeps {
  readonly initiatives: InitiativeStore;
  readonly kpis: KpiStore;
  readonly now: () => Date;
}

function requireLeader(identity: SsoIdentity): void {
  if (!identity.roles.some((role) => role === 'LearningLeader' || role === 'Admin'))
    throw new HttpProblem(
      403,
      'forbidden',
      'Only learning leaders and admins read or enter KPI values',
      'Ask an admin to assign you the LearningLeader role in the LearnFit enterprise application.',
    );
}

const written = (series: readonly KpiSeriesRecord[]): KpiWriteResult => ({
  series: series.map(({ kpiId, phase, group, values }) => ({ kpiId, phase, group, count: values.length })),
});

/** Wires the KPI use cases to the stores. */
export function createKpiService(deps: KpiServiceDeps): KpiService {
  /** The initiative's design KPIs; writes refuse archived initiatives. */
  const kpisOf = async (
    identity: SsoIdentity,
    initiativeId: string,
    forWrite: boolean,
  ): Promise<InitiativeDesign['kpis']> => {
    const record = await deps.initiatives.get(identity.tenantId, initiativeId);
    if (!record)
      throw new HttpProblem(
        404,
        'not_found',
        'No such initiative',
        `There is no initiative ${initiativeId}.`,
      );
    if (forWrite && record.status === 'archived')
      throw new HttpProblem(
        409,
        'conflict',
        'The initiative is archived',
        'Archived initiatives are read-only.',
      );
    return record.design?.kpis ?? [];
  };
  return {
    async list(identity, initiativeId) {
      requireLeader(identity);
      const kpis = await kpisOf(identity, initiativeId, false);
      const stored = await deps.kpis.series(identity.tenantId, initiativeId);
      return {
        items: kpis.map((kpi) => ({
          ...kpi,
          series: kpiPhases.flatMap((phase) =>
            kpiGroups.map((group) => {
              const found = stored.find(
                (entry) => entry.kpiId === kpi.id && entry.phase === phase && entry.group === group,
              );
              const values = found ? [...found.values] : [];
              const sum = values.reduce((total, value) => total + value, 0);
              return {
                phase,
                group,
                n: values.length,
                mean: values.length === 0 ? null : sum / values.length,
                values,
                updatedAt: found?.updatedAt.toISOString() ?? null,
              };
            }),
          ),
        })),
      };
    },
    async putValues(identity, initiativeId, kpiId, body) {
      requireLeader(identity);
      const input = putKpiValuesSchema.parse(body);
      const kpi = (await kpisOf(identity, initiativeId, true)).find((candidate) => candidate.id === kpiId);
      if (!kpi)
        throw new HttpProblem(
          404,
          'not_found',
          'No such KPI',
          `The initiative's design has no KPI ${kpiId}.`,
        );
      if (kpi.source === 'graph')
        throw new HttpProblem(
          400,
          'bad_request',
          'This KPI is measured from Microsoft Graph',
          `Values of ${kpiId} come from the snapshots; only entered KPIs take values.`,
        );
      const series: KpiSeriesRecord[] = [
        { kpiId, phase: input.phase, group: input.group, values: input.values },
      ];
      await deps.kpis.replace(identity.tenantId, initiativeId, series, deps.now());
      return written(series);
    },
    async uploadCsv(identity, initiativeId, body) {
      requireLeader(identity);
      if (typeof body !== 'string')
        throw new HttpProblem(
          415,
          'unsupported_media_type',
          'Send the values as CSV',
          'Use Content-Type: text/csv with the columns kpi,phase,group,value.',
        );
      const text = kpiValuesCsvSchema.parse(body);
      const kpis = await kpisOf(identity, initiativeId, true);
      const parsed = parseKpiCsv(text, kpis);
      if (!parsed.ok) {
        const { line, column, message } = parsed.error;
        throw new HttpProblem(
          400,
          'bad_request',
          'The CSV file has an error; nothing was saved',
          `Line ${line}${column ? `, column ${column}` : ''}: ${message}`,
        );
      }
      await deps.kpis.replace(identity.tenantId, initiativeId, parsed.series, deps.now());
      return written(parsed.series);
    },
  };
}
