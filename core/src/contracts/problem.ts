import { z } from 'zod';

/** Every machine-readable error code the API may answer with; clients branch on these, never on text. */
export const problemCodes = [
  'missing_token',
  'invalid_token',
  'token_expired',
  'wrong_audience',
  'wrong_issuer',
  'wrong_tenant',
  'insufficient_scope',
  'forbidden',
  'consent_required',
  'bad_request',
  'malformed_json',
  'payload_too_large',
  'rate_limited',
  'unsupported_media_type',
  'not_found',
  'conflict',
  'graph_unavailable',
  'graph_error',
  'not_ready',
  'internal',
] as const;

/** A machine-readable error code carried in every problem+json answer. */
export type ProblemCode = (typeof problemCodes)[number];

/** RFC 9457 problem details, with LearnFit's required `code`. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  code: z.enum(problemCodes),
  detail: z.string().optional(),
  instance: z.string().optional(),
});

/** The body of every 4xx/5xx answer from `/api/`. */
export type Problem = z.infer<typeof problemSchema>;

/** The media type of problem answers. */
export const problemMediaType = 'application/problem+json';
