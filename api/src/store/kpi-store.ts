import type { Kysely } from 'kysely';
import type { KpiGroup, KpiPhase } from '@learnfit/core';
import type { ErasableTables, KpiValuesReader } from '../services/ports';
import type { Database } from './schema';

/** One series of entered KPI values: per person or unit, without identity. */
export interface KpiSeriesRecord {
  readonly kpiId: string;
  readonly phase: KpiPhase;
  readonly group: KpiGroup;
  readonly values: readonly number[];
}

/** A stored series with its write time. */
export interface StoredKpiSeries extends KpiSeriesRecord {
  readonly updatedAt: Date;
}

/** Entered KPI value series, always scoped to one tenant. */
export interface KpiStore {
  /** Every stored series of the initiative, by KPI id, phase and group. */
  series(tenantId: string, initiativeId: string): Promise<StoredKpiSeries[]>;
  /** Replaces each given series, all in one transaction (all or nothing). */
  replace(
    tenantId: string,
    initiativeId: string,
    series: readonly KpiSeriesRecord[],
    at: Date,
  ): Promise<void>;
}

/** KPI value series in the SQL store; every query filters by tenant id. */
export function createKpiStore(db: Kysely<Database>): KpiStore & KpiValuesReader {
  const series = async (tenantId: string, initiativeId: string): Promise<StoredKpiSeries[]> => {
    const rows = await db
      .selectFrom('kpi_value_series')
      .select(['kpi_id', 'phase', 'group_name', 'numbers', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('initiative_id', '=', initiativeId)
      .orderBy('kpi_id')
      .orderBy('phase')
      .orderBy('group_name')
      .execute();
    return rows.map((row) => ({
      kpiId: row.kpi_id,
      phase: row.phase,
      group: row.group_name,
      values: row.numbers as number[],
      updatedAt: new Date(row.updated_at),
    }));
  };
  return {
    series,
    async replace(tenantId, initiativeId, written, at) {
      if (written.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const entry of written) {
          const numbers = JSON.stringify(entry.values);
          await trx
            .insertInto('kpi_value_series')
            .values({
              tenant_id: tenantId,
              initiative_id: initiativeId,
              kpi_id: entry.kpiId,
              phase: entry.phase,
              group_name: entry.group,
              numbers,
              updated_at: at,
            })
            .onConflict((oc) =>
              oc
                .columns(['tenant_id', 'initiative_id', 'kpi_id', 'phase', 'group_name'])
                .doUpdateSet({ numbers, updated_at: at }),
            )
            .execute();
        }
      });
    },
    async values(tenantId, initiativeId) {
      const byKpi = new Map<
        string,
        { baseline: number[]; followUp: number[]; comparisonBaseline: number[]; comparisonFollowUp: number[] }
      >();
      for (const entry of await series(tenantId, initiativeId)) {
        let kpi = byKpi.get(entry.kpiId);
        if (!kpi) {
          kpi = { baseline: [], followUp: [], comparisonBaseline: [], comparisonFollowUp: [] };
          byKpi.set(entry.kpiId, kpi);
        }
        const values = [...entry.values];
        if (entry.group === 'target') {
          if (entry.phase === 'baseline') kpi.baseline = values;
          else kpi.followUp = values;
        } else if (entry.phase === 'baseline') kpi.comparisonBaseline = values;
        else kpi.comparisonFollowUp = values;
      }
      return byKpi;
    },
  };
}

/**
 * KPI values for erasure: they carry no identity, so a person's erasure finds nothing here; a tenant's
 * erasure removes every series.
 */
export const kpiErasableTables: ErasableTables = {
  name: 'kpi_value_series',
  erasePerson: () => Promise.resolve(0),
  async eraseTenant(trx, tenantId) {
    const result = await trx
      .deleteFrom('kpi_value_series')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
