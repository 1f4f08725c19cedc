import { z } from 'zod';

/** Roles a person can hold in LearnFit; `Learner` is everyone's, the others add to it. */
export const roleNames = ['Learner', 'Manager', 'LearningLeader', 'Admin'] as const;

/** A LearnFit role. */
export type RoleName = (typeof roleNames)[number];

/** One manager above the signed-in person; level 1 is the direct manager. */
export const managerLinkSchema = z.object({
  level: z.number().int().min(1),
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
});

/** A manager in the chain above the signed-in person. */
export type ManagerLink = z.infer<typeof managerLinkSchema>;

/**
 * The person's own Teams message counts from the usage report (30 days).
 * `available` is false when the report could not be read; `reason` then says why in words a user can act on.
 */
export const myActivitySchema = z.object({
  period: z.literal('D30'),
  available: z.boolean(),
  reportRefreshDate: z.string().nullable(),
  channelMessages: z.number().int().nonnegative().nullable(),
  channelPosts: z.number().int().nonnegative().nullable(),
  channelReplies: z.number().int().nonnegative().nullable(),
  chatMessages: z.number().int().nonnegative().nullable(),
  concealed: z.boolean(),
  reason: z.string().nullable(),
});

/** The person's Teams message counts over 30 days. */
export type MyActivity = z.infer<typeof myActivitySchema>;

/** `GET /api/me`: who the signed-in person is, their roles, management chain and 30-day activity. */
export const meResponseSchema = z.object({
  tenantId: z.string(),
  user: z.object({
    id: z.string(),
    displayName: z.string(),
    userPrincipalName: z.string(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    officeLocation: z.string().nullable(),
  }),
  roles: z.array(z.enum(roleNames)),
  primaryRole: z.enum(roleNames),
  directReportCount: z.number().int().nonnegative(),
  managementChain: z.array(managerLinkSchema).max(3),
  activity: myActivitySchema,
});

/** The answer of `GET /api/me`. */
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The role a person is shown as: the most specific one they hold. */
export function primaryRoleOf(roles: readonly RoleName[]): RoleName {
  const order: readonly RoleName[] = ['Admin', 'LearningLeader', 'Manager', 'Learner'];
  return order.find((role) => roles.includes(role)) ?? 'Learner';
}
