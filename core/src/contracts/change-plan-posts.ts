import { z } from 'zod';

const id = z.string().trim().min(1).max(200);

/** `POST /api/initiatives/:id/change-plan/posts`: post the chosen "spell it out" messages to one channel. */
export const changePlanPostRequestSchema = z.strictObject({
  /** The team's Microsoft 365 group id. */
  teamId: id,
  /** The channel's thread id, e.g. `19:…@thread.tacv2`. */
  channelId: id,
  /** Ids of messages from the change plan (`results.changePlan.messages[].id`); one card each. */
  messageIds: z.array(id).min(1).max(20),
});

/** Which answer a withheld count belongs to. */
export const acknowledgementAnswers = ['in', 'notForMe'] as const;

/**
 * Acknowledgement counts of one posted card; each person counts once, with their latest answer. A count
 * of 1 to k − 1 people is withheld like any aggregate under k: it reads 0 and is named in `withheld`
 * (absent when nothing is withheld). No total is released, so a withheld count cannot be subtracted out.
 */
export const acknowledgementCountsSchema = z.strictObject({
  in: z.number().int().nonnegative(),
  notForMe: z.number().int().nonnegative(),
  withheld: z.array(z.enum(acknowledgementAnswers)).optional(),
});

/** One card the bot posted for an initiative. */
export const changePlanPostSchema = z.strictObject({
  id: z.string(),
  messageId: z.string(),
  audience: z.string(),
  teamId: z.string(),
  channelId: z.string(),
  postedAt: z.string(),
  counts: acknowledgementCountsSchema,
});

/** The answer of both `POST` (the new posts) and `GET` (all posts) on `/change-plan/posts`. */
export const changePlanPostListSchema = z.strictObject({ posts: z.array(changePlanPostSchema) });

/** A request to post change-plan messages. */
export type ChangePlanPostRequest = z.infer<typeof changePlanPostRequestSchema>;
/** Counts of "I'm in" and "Not for me" answers. */
export type AcknowledgementCounts = z.infer<typeof acknowledgementCountsSchema>;
/** A posted change-plan card. */
export type ChangePlanPost = z.infer<typeof changePlanPostSchema>;
/** Posted change-plan cards. */
export type ChangePlanPostList = z.infer<typeof changePlanPostListSchema>;
