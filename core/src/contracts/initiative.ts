import { z } from 'zod';
import { cadences, workModes } from '../model/initiative';

/** Lifecycle of an initiative. */
export const initiativeStatuses = ['draft', 'active', 'archived'] as const;

/** What lists and cards show of an initiative. */
export const initiativeSummarySchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(120),
  goal: z.string().max(1000),
  status: z.enum(initiativeStatuses),
  targetGroupSize: z.number().int().nonnegative(),
  createdAt: z.string(),
});

/** An initiative as lists and cards show it. */
export type InitiativeSummary = z.infer<typeof initiativeSummarySchema>;

/** `GET /api/initiatives`. */
export const initiativeListSchema = z.object({ items: z.array(initiativeSummarySchema) });

/** The answer of `GET /api/initiatives`. */
export type InitiativeList = z.infer<typeof initiativeListSchema>;

const guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a GUID');

/** Who a group of people is: Teams (their members), Entra groups (nested members too) or a list of people. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('teams'), ids: z.array(guid).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('groups'), ids: z.array(guid).min(1).max(20) }).strict(),
  z.object({ kind: z.literal('people'), ids: z.array(guid).min(1).max(5000) }).strict(),
]);

/** A group of people chosen by Teams, groups or names. */
export type Audience = z.infer<typeof audienceSchema>;

/** A planned session, in the target group's local time. */
export const plannedTimeSchema = z
  .object({
    dayOfWeek: z.number().int().min(0).max(6),
    hour: z.number().int().min(0).max(23),
    durationMinutes: z.number().int().min(5).max(480),
  })
  .strict();

/** One feature of the solution design (mirrors `SolutionFeature` in the model). */
export const featureSchema = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    mode: z.enum(workModes),
    cadence: z.enum(cadences),
    synchronous: z.boolean(),
    plannedTimes: z.array(plannedTimeSchema).max(14).default([]),
    groupSize: z.number().int().min(2).max(100_000).nullable().default(null),
  })
  .strict();

/** A KPI definition; its values are entered or measured separately. */
export const kpiDefinitionSchema = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    kirkpatrickLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    unit: z.string().max(20).default(''),
    direction: z.enum(['increase', 'decrease']),
    source: z.enum(['graph', 'entered']),
  })
  .strict();

/** The design of an initiative: who it is for, who designs it, what it asks people to do, how it is judged. */
export const initiativeDesignSchema = z
  .object({
    targetGroup: audienceSchema,
    designTeam: audienceSchema,
    comparisonGroup: audienceSchema.nullable().default(null),
    features: z.array(featureSchema).max(20).default([]),
    kpis: z.array(kpiDefinitionSchema).max(20).default([]),
    launchDate: z.iso.date().nullable().default(null),
  })
  .strict()
  .refine((design) => new Set(design.features.map((feature) => feature.id)).size === design.features.length, {
    message: 'feature ids must be unique',
    path: ['features'],
  })
  .refine((design) => new Set(design.kpis.map((kpi) => kpi.id)).size === design.kpis.length, {
    message: 'KPI ids must be unique',
    path: ['kpis'],
  });

/** An initiative's design. */
export type InitiativeDesign = z.infer<typeof initiativeDesignSchema>;

/** `POST /api/initiatives`. */
export const createInitiativeSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    goal: z.string().trim().max(1000).default(''),
    design: initiativeDesignSchema,
  })
  .strict();

/** `PATCH /api/initiatives/:id`: any of name, goal, status (not archived: use archive) and design. */
export const updateInitiativeSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    goal: z.string().trim().max(1000).optional(),
    status: z.enum(['draft', 'active']).optional(),
    design: initiativeDesignSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });

/** An initiative with its design, as `GET /api/initiatives/:id` answers. */
export const initiativeDetailSchema = initiativeSummarySchema.extend({
  design: initiativeDesignSchema.nullable(),
  updatedAt: z.string(),
});

/** An initiative with its design. */
export type InitiativeDetail = z.infer<typeof initiativeDetailSchema>;
