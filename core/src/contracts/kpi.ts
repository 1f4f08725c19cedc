import { z } from 'zod';
import { kpiDefinitionSchema } from './initiative';

/** When a KPI value was measured: before launch or after. */
export const kpiPhases = ['baseline', 'followUp'] as const;

/** A measurement phase. */
export type KpiPhase = (typeof kpiPhases)[number];

/** Whose value it is: the target group or the comparison group. */
export const kpiGroups = ['target', 'comparison'] as const;

/** A measured group. */
export type KpiGroup = (typeof kpiGroups)[number];

/** Most values one series holds (one per person or unit of the largest tenant). */
export const maxKpiSeriesValues = 100_000;

/**
 * `PUT /api/initiatives/:id/kpis/:kpiId/values`: replaces one series. Values are per person or per unit
 * but carry no identity.
 */
export const putKpiValuesSchema = z
  .object({
    phase: z.enum(kpiPhases),
    group: z.enum(kpiGroups),
    // zod refuses NaN and ±Infinity for z.number().
    values: z.array(z.number()).max(maxKpiSeriesValues),
  })
  .strict();

/** The body that replaces one series. */
export type PutKpiValues = z.infer<typeof putKpiValuesSchema>;

/** The CSV upload of `POST /api/initiatives/:id/kpis/values.csv`: columns `kpi,phase,group,value`. */
export const kpiValuesCsvSchema = z.string().max(2 * 1024 * 1024);

/** How many values a written series holds. */
export const kpiSeriesCountSchema = z.object({
  kpiId: z.string(),
  phase: z.enum(kpiPhases),
  group: z.enum(kpiGroups),
  count: z.number().int().nonnegative(),
});

/** What a write replaced: one entry per series written. */
export const kpiWriteResultSchema = z.object({ series: z.array(kpiSeriesCountSchema) });

/** The answer of a KPI value write. */
export type KpiWriteResult = z.infer<typeof kpiWriteResultSchema>;

/** One series of a KPI with its summary; `mean` is null for an empty series. */
export const kpiSeriesSchema = z.object({
  phase: z.enum(kpiPhases),
  group: z.enum(kpiGroups),
  n: z.number().int().nonnegative(),
  mean: z.number().nullable(),
  values: z.array(z.number()),
  updatedAt: z.string().nullable(),
});

/** A KPI series as leaders see it. */
export type KpiSeries = z.infer<typeof kpiSeriesSchema>;

/** `GET /api/initiatives/:id/kpis`: each KPI of the design with its four series (graph KPIs stay empty). */
export const kpiListSchema = z.object({
  items: z.array(kpiDefinitionSchema.extend({ series: z.array(kpiSeriesSchema) })),
});

/** The KPIs of an initiative with their values. */
export type KpiList = z.infer<typeof kpiListSchema>;
