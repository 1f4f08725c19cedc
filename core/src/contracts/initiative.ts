import { z } from 'zod';

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
