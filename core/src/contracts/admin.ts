import { z } from 'zod';
import { dataSources } from '../model/snapshot';
import { minimumK } from '../settings/privacy';

/** Who may create initiatives besides admins. */
export const initiativeCreatorOptions = ['learningLeaders', 'learningLeadersAndManagers'] as const;

/** Days an admin may keep snapshots and collection staging (the server's default may lie outside). */
export const retentionDaysRange = { min: 30, max: 730 } as const;

/** `PUT /api/admin/settings`: the whole settings object (no partial updates, so nothing is implied). */
export const tenantSettingsSchema = z
  .object({
    /** Smallest group any aggregate is shown for; never below the core's floor. */
    k: z.number().int().min(minimumK).max(100),
    retentionDays: z.number().int().min(retentionDaysRange.min).max(retentionDaysRange.max),
    initiativeCreators: z.enum(initiativeCreatorOptions),
    /** Whether participation reports may name managers (off by default). */
    nameManagersInParticipation: z.boolean(),
  })
  .strict();

/** A tenant's settings. */
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/**
 * Settings as `GET` and `PUT /api/admin/settings` answer them. `retentionDays` is only bounded loosely:
 * until an admin saves, it is the server's `RETENTION_DAYS`, which the operator may set outside the
 * range an admin can choose.
 */
export const tenantSettingsViewSchema = z.object({
  k: z.number().int().min(minimumK),
  retentionDays: z.number().int().positive(),
  initiativeCreators: z.enum(initiativeCreatorOptions),
  nameManagersInParticipation: z.boolean(),
  /** When an admin last saved; null while the defaults apply. */
  savedAt: z.string().nullable(),
});

/** Settings as the admin page shows them. */
export type TenantSettingsView = z.infer<typeof tenantSettingsViewSchema>;

/** How a source of the latest snapshot was covered, or that no snapshot has it yet. */
export const coverageStatuses = ['complete', 'partial', 'missing', 'concealed', 'notCollected'] as const;

/** `GET /api/admin/consent`: what LearnFit may read in this tenant and what the last collection got. */
export const consentStatusSchema = z.object({
  checkedAt: z.string(),
  /** Where a Global admin grants (or re-grants) every application permission at once. */
  adminConsentUrl: z.string(),
  applicationPermissions: z.array(
    z.object({
      permission: z.string(),
      status: z.enum(['granted', 'missing']),
      /** What LearnFit does with it. */
      features: z.array(z.string()),
      /** What goes missing without it. */
      withoutIt: z.string(),
      /** Snapshot sources it feeds (see `coverage`). */
      sources: z.array(z.enum(dataSources)),
    }),
  ),
  delegatedScopes: z.array(
    z.object({
      permission: z.string(),
      /** Delegated scopes are consented when a user signs in; the API cannot see them in advance. */
      status: z.literal('requested on sign-in'),
      features: z.array(z.string()),
    }),
  ),
  coverage: z.array(
    z.object({
      source: z.enum(dataSources),
      status: z.enum(coverageStatuses),
      coveredPeople: z.number().int().nonnegative(),
      detail: z.string().nullable(),
      snapshotId: z.string().nullable(),
      dataAsOf: z.string().nullable(),
    }),
  ),
});

/** The consent and coverage status of a tenant. */
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

/** `GET /api/admin/audit` query: newest first, `before` is the id of the last entry already shown. */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, 'an audit entry id')
    .optional(),
});

/** One audit entry as the admin page shows it. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The Entra id of who acted, or `erased` after that person's data was erased. */
  actorId: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

/** An audit entry. */
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** `GET /api/admin/audit`: a page of entries and the cursor of the next (older) page. */
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /** Pass as `before` to read older entries; null on the last page. */
  nextBefore: z.string().nullable(),
});

/** A page of the audit log. */
export type AuditPage = z.infer<typeof auditPageSchema>;

/** What an erasure removed or rewrote, by table or kind of record (all zero when nothing was stored). */
export const erasureResultSchema = z.object({
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

/** The answer of an erasure. */
export type ErasureResult = z.infer<typeof erasureResultSchema>;

/** `DELETE /api/admin/tenant-data`: the tenant id typed out, so a stray request erases nothing. */
export const tenantErasureSchema = z.object({ confirm: z.string().min(1).max(64) }).strict();
