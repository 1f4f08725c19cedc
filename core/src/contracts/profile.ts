import { z } from 'zod';
import { attributeNames } from '../attributes/learns-social';

/** One figure behind a person's own attribute score, over the snapshot's window. */
export const profileEvidenceSchema = z.object({
  /** The signal it comes from, e.g. `channelPosts`, `replyLatency`, `lastSocialActivity`. */
  signal: z.string(),
  label: z.string(),
  /** Null when the snapshot has no data for it (e.g. no reply was timed). */
  value: z.number().nullable(),
  /** `count`, `minutes`, `days` or `weeks`. */
  unit: z.string(),
});

/** A figure behind an attribute score. */
export type ProfileEvidence = z.infer<typeof profileEvidenceSchema>;

/** One of the four learns-social attributes, for the person themself. */
export const profileAttributeSchema = z.object({
  /** 0–100; null when the snapshot's sources cannot score it for this person. */
  score: z.number().nullable(),
  /** Whether the score meets the bar; null when there is no score. */
  meetsBar: z.boolean().nullable(),
  /** Their own pulse rating (1–5, averaged), or null when they have not answered a pulse. */
  selfAssessment: z.number().nullable(),
  /** What meeting the bar looks like, in plain words. */
  meaning: z.string(),
  evidence: z.array(profileEvidenceSchema),
});

/** One attribute of a personal profile. */
export type ProfileAttribute = z.infer<typeof profileAttributeSchema>;

/** `GET /api/me/profile`: the caller's own scores and evidence from the latest snapshot that has them. */
export const myProfileSchema = z.object({
  snapshotId: z.string(),
  initiativeId: z.string().nullable(),
  dataAsOf: z.string(),
  weeks: z.number().int().nonnegative(),
  bar: z.number(),
  attributesMet: z.number().int().min(0).max(4),
  learnsSocial: z.boolean(),
  attributes: z.object(
    Object.fromEntries(attributeNames.map((name) => [name, profileAttributeSchema])) as Record<
      (typeof attributeNames)[number],
      typeof profileAttributeSchema
    >,
  ),
});

/** The answer of `GET /api/me/profile`. */
export type MyProfile = z.infer<typeof myProfileSchema>;

/** Whether the caller shares their profile with one initiative's design team. */
export const sharingStateSchema = z.object({
  initiativeId: z.string(),
  initiativeName: z.string(),
  shared: z.boolean(),
  /** When they opted in; null when they do not share. */
  sharedAt: z.string().nullable(),
});

/** The sharing state for one initiative. */
export type SharingState = z.infer<typeof sharingStateSchema>;

/** `GET /api/me/sharing`: the initiatives whose design team includes the caller. */
export const sharingListSchema = z.object({ items: z.array(sharingStateSchema) });

/** The answer of `GET /api/me/sharing`. */
export type SharingList = z.infer<typeof sharingListSchema>;

/** `PUT /api/me/sharing`: opt in to (or out of) sharing one's profile with a design team. */
export const updateSharingSchema = z
  .object({
    initiativeId: z.string().min(1).max(64),
    share: z.boolean(),
  })
  .strict();

/** The body of `PUT /api/me/sharing`. */
export type UpdateSharing = z.infer<typeof updateSharingSchema>;
