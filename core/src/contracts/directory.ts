import { z } from 'zod';

/** Longest search text accepted; Graph's directory search needs no more to find a name. */
export const directorySearchMaxLength = 100;

/** A UTF-16 surrogate without its partner (cannot be percent-encoded for Graph). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `GET /api/directory/{people|groups|teams}?q=`: 1–100 characters after trimming, printable text only
 * (no control characters, no unpaired surrogates), so it can always be escaped into a Graph `$search`.
 */
export const directorySearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'type at least one character')
    .max(directorySearchMaxLength)
    .refine(
      (text) => ![...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
      'control characters are not allowed',
    )
    .refine((text) => !loneSurrogate.test(text), 'text is not well-formed Unicode'),
});

/** The parsed search query. */
export type DirectorySearchQuery = z.infer<typeof directorySearchQuerySchema>;

/** A person found in the directory: enough to pick them, nothing more. */
export const foundPersonSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  mail: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
});

/** A person found by directory search. */
export type FoundPerson = z.infer<typeof foundPersonSchema>;

/** An Entra group found in the directory: a security group or a Microsoft 365 group. */
export const foundGroupSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string().nullable(),
  mail: z.string().nullable(),
  kind: z.enum(['security', 'microsoft365']),
  /** True when a team is built on the group (it can also be picked as a team). */
  isTeam: z.boolean(),
});

/** A group found by directory search. */
export type FoundGroup = z.infer<typeof foundGroupSchema>;

/** A team found in the directory (its id is the id of the Microsoft 365 group behind it). */
export const foundTeamSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string().nullable(),
  mail: z.string().nullable(),
  visibility: z.string().nullable(),
});

/** A team found by directory search. */
export type FoundTeam = z.infer<typeof foundTeamSchema>;

/** `GET /api/directory/people`: at most 25 people. */
export const directoryPeopleListSchema = z.object({ items: z.array(foundPersonSchema).max(25) });
/** `GET /api/directory/groups`: at most 25 groups. */
export const directoryGroupListSchema = z.object({ items: z.array(foundGroupSchema).max(25) });
/** `GET /api/directory/teams`: at most 25 teams. */
export const directoryTeamListSchema = z.object({ items: z.array(foundTeamSchema).max(25) });

/** The answer of `GET /api/directory/people`. */
export type DirectoryPeopleList = z.infer<typeof directoryPeopleListSchema>;
/** The answer of `GET /api/directory/groups`. */
export type DirectoryGroupList = z.infer<typeof directoryGroupListSchema>;
/** The answer of `GET /api/directory/teams`. */
export type DirectoryTeamList = z.infer<typeof directoryTeamListSchema>;
