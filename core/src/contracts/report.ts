// Workflow-fit reports: for an initiative (`/api/initiatives/:id/report`) and for a manager's own org
// (`/api/reports/my-org`). The same document is served as JSON, CSV (the `cells`, one row each) and a
// printable HTML page.
import { z } from 'zod';
import { snapshotRefSchema, workflowFitResultSchema } from './diagnostics';

/** The parts of a report a cell belongs to, in the order the CSV lists them. */
export const reportSections = [
  'overview',
  'mode',
  'feature',
  'mode-mix',
  'heatmap',
  'finding',
  'recommendation',
] as const;

/** A part of a report. */
export type ReportSection = (typeof reportSections)[number];

/**
 * One figure or statement of a report. `value` is null when the privacy guard withheld the figure or it
 * could not be measured; `n` is the number of people the figure is computed over when that is known
 * exactly (a released figure never has `n` under k), else null.
 */
export const reportCellSchema = z.strictObject({
  section: z.enum(reportSections),
  /** What the cell is about: a mode, a feature's name, an hour of the week, a finding's code. */
  item: z.string(),
  /** Which figure: `weeklyUsers`, `score`, … or a finding's severity. */
  measure: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  n: z.number().int().nonnegative().nullable(),
  /** The sentence of a finding or recommendation; empty for plain figures. */
  text: z.string(),
});

/** One row of a report. */
export type ReportCell = z.infer<typeof reportCellSchema>;

/** A workflow-fit report, ready to show, export or print. */
export const workflowReportSchema = z.strictObject({
  scope: z.enum(['initiative', 'my-org']),
  title: z.string(),
  /** The initiative whose design the group is held against; null for an org report without one. */
  initiative: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  snapshot: snapshotRefSchema,
  k: z.number().int().positive(),
  /** People the report describes; null when withheld. */
  groupSize: z.number().int().nonnegative().nullable(),
  /** Set when the figures are withheld as a whole (a group under k): the report says why instead. */
  withheld: z.strictObject({ reason: z.literal('group-too-small'), message: z.string() }).nullable(),
  workflowFit: workflowFitResultSchema.nullable(),
  cells: z.array(reportCellSchema).readonly(),
});

/** A workflow-fit report. */
export type WorkflowReport = z.infer<typeof workflowReportSchema>;

/** `GET /api/reports/my-org[.csv|.html]?initiativeId=`: optionally hold the org against a design. */
export const myOrgReportQuerySchema = z.object({
  initiativeId: z.string().min(1).max(64).optional(),
});
