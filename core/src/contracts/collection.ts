import { z } from 'zod';

/** Kinds of snapshot a collection run produces. */
export const snapshotKinds = ['baseline', 'followup', 'adhoc'] as const;

/** `POST /api/collections`: what to collect. */
export const startCollectionSchema = z
  .object({
    /** The initiative the snapshot belongs to; required for a baseline. */
    initiativeId: z.string().min(1).max(64).nullable().default(null),
    /** Teams of the target group (Microsoft 365 group ids). */
    teamIds: z
      .array(z.string().regex(/^[0-9a-fA-F-]{36}$/, 'a team id is a GUID'))
      .min(1)
      .max(100),
    /** Entra groups whose members, nested groups included, are the target group. */
    groupIds: z
      .array(z.string().regex(/^[0-9a-fA-F-]{36}$/, 'a group id is a GUID'))
      .max(20)
      .default([]),
    /** Whole weeks of history (1 to 26). */
    weeks: z.number().int().min(1).max(26).default(6),
    /** `baseline` freezes the snapshot and schedules follow-ups; `adhoc` does neither. */
    snapshotKind: z.enum(['baseline', 'adhoc']).default('adhoc'),
    /** Weeks after a baseline to take follow-up snapshots. */
    followUpWeeks: z.array(z.number().int().min(1).max(52)).max(12).default([4, 8, 12]),
  })
  .strict();

/** The body of `POST /api/collections`. */
export type StartCollection = z.input<typeof startCollectionSchema>;

/** What a run can wait for: Microsoft 365's usage-report quota, or a throttling answer's Retry-After. */
export const collectionWaitReasons = ['reportQuota', 'throttling'] as const;

/**
 * Progress of a run: phase, units of work done of those known, and seconds left (estimate). While the
 * run waits, `waitingFor` says on what and `waitingUntil` until when, and `etaSeconds` counts only the
 * work after the wait: the time left is the wait plus `etaSeconds`.
 */
export const collectionProgressSchema = z.object({
  phase: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  etaSeconds: z.number().nonnegative().nullable(),
  waitingFor: z.enum(collectionWaitReasons).optional(),
  waitingUntil: z.iso.datetime().optional(),
});

/** A run's progress. */
export type CollectionRunProgress = z.infer<typeof collectionProgressSchema>;

/** A collection run as the API shows it. */
export const collectionRunSchema = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  snapshotKind: z.enum(snapshotKinds),
  initiativeId: z.string().nullable(),
  teams: z.number().int().nonnegative(),
  weeks: z.number().int(),
  dataAsOf: z.string(),
  runAfter: z.string(),
  attempts: z.number().int().nonnegative(),
  progress: collectionProgressSchema.nullable(),
  snapshotId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

/** A collection run. */
export type CollectionRun = z.infer<typeof collectionRunSchema>;

/** `GET /api/collections`. */
export const collectionRunListSchema = z.object({ items: z.array(collectionRunSchema) });

/** A stored snapshot as lists show it (no data). */
export const snapshotSummarySchema = z.object({
  id: z.string(),
  runId: z.string(),
  initiativeId: z.string().nullable(),
  kind: z.enum(snapshotKinds),
  frozen: z.boolean(),
  dataAsOf: z.string(),
  weeks: z.number().int(),
  people: z.number().int(),
  coverage: z.array(
    z.object({
      source: z.string(),
      status: z.enum(['complete', 'partial', 'missing', 'concealed']),
      coveredPeople: z.number().int(),
      detail: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
});

/** A snapshot summary. */
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

/** `GET /api/snapshots`. */
export const snapshotListSchema = z.object({ items: z.array(snapshotSummarySchema) });
