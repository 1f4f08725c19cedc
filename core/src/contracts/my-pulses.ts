import { z } from 'zod';
import { initiativeStatuses } from './initiative';

/** How the caller belongs to an initiative: they created it, design it, or are in its target group. */
export const myInitiativeRelations = ['lead', 'designTeam', 'learner'] as const;

/** One way the caller belongs to an initiative. */
export type MyInitiativeRelation = (typeof myInitiativeRelations)[number];

/** An initiative the caller is in or leads, with its open pulse wave and whether they answered it. */
export const myPulseItemSchema = z.object({
  initiativeId: z.string(),
  initiativeName: z.string(),
  status: z.enum(initiativeStatuses),
  relations: z.array(z.enum(myInitiativeRelations)).min(1),
  /** True when the pulse asks the caller (learners and design-team members), not only the lead. */
  invited: z.boolean(),
  /** The open wave, or null when no pulse is running. */
  wave: z.object({ id: z.string(), closesAt: z.string() }).nullable(),
  /** When the caller's answer in the open wave was last saved; null when they have not answered it. */
  answeredAt: z.string().nullable(),
});

/** One of the caller's initiatives with its pulse state. */
export type MyPulseItem = z.infer<typeof myPulseItemSchema>;

/**
 * `GET /api/me/pulses`: the caller's initiatives (not archived) and their open pulse waves, waiting ones
 * first. Membership of target groups chosen by Teams or groups is known from the initiative's latest
 * collection, so it appears once a collection has run.
 */
export const myPulseListSchema = z.object({ items: z.array(myPulseItemSchema) });

/** The answer of `GET /api/me/pulses`. */
export type MyPulseList = z.infer<typeof myPulseListSchema>;
