// OData query helpers shared by the routes: $top, $select, $expand, $count and opaque paging tokens.
import type { z } from 'zod';
import { badRequest, GraphSimError, unsupportedQuery } from './errors';
import type { SimRequest } from './context';

/** Every link the simulator emits starts here (Graph's real host); the client's transport rewrites it. */
export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

/** True when the request carries `ConsistencyLevel: eventual` (an advanced query). */
export function isEventual(req: SimRequest): boolean {
  return (req.header('consistencylevel') ?? '').trim().toLowerCase() === 'eventual';
}

/** Parses $top; `invalid` builds the error for a value outside 1..max. */
export function parseTop(
  raw: string | null,
  fallback: number,
  max: number,
  invalid: (raw: string) => GraphSimError,
): number {
  if (raw === null) return fallback;
  const n = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(n >= 1 && n <= max)) throw invalid(raw);
  return n;
}

/** Parses a $select list against the known property names (case-insensitive); null when absent. */
export function parseSelect(raw: string | null, known: readonly string[], typeName: string): string[] | null {
  if (raw === null) return null;
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const name = part.trim();
    if (!name) continue;
    const match = known.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!match) throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
    if (!out.includes(match)) out.push(match);
  }
  if (out.length === 0) throw badRequest('Syntax error: $select must name at least one property.');
  return out;
}

/** Keeps the selected properties, or the default set when nothing was selected. */
export function project(
  full: Readonly<Record<string, unknown>>,
  select: readonly string[] | null,
  defaults: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of select ?? defaults) out[key] = full[key] ?? null;
  return out;
}

/** One $expand clause, e.g. manager($levels=3;$select=id,displayName). */
export interface ExpandClause {
  name: string;
  select: string | null;
  levels: number | null; // Infinity for $levels=max
}

/** Parses $expand; Graph expands one relationship per request. */
export function parseExpand(raw: string | null): ExpandClause | null {
  if (raw === null || raw.trim() === '') return null;
  let depth = 0;
  for (const ch of raw) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (ch === ',' && depth === 0)
      throw unsupportedQuery('Only one relationship can be expanded in a single request.');
  }
  const m = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/.exec(raw);
  if (!m?.[1]) throw badRequest(`Parsing OData Select and Expand failed: invalid $expand '${raw}'.`);
  const clause: ExpandClause = { name: m[1], select: null, levels: null };
  for (const option of (m[2] ?? '').split(';').filter((o) => o.trim())) {
    const [key = '', value = ''] = option.split('=').map((s) => s.trim());
    if (key.toLowerCase() === '$select') clause.select = value;
    else if (key.toLowerCase() === '$levels') {
      const n = value.toLowerCase() === 'max' ? Infinity : /^\d+$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1 && (n <= 1000 || n === Infinity)))
        throw unsupportedQuery(`Invalid value '${value}' for $levels. Must be 'max' or between 1 and 1000.`);
      clause.levels = n;
    } else throw unsupportedQuery(`Query option '${key}' is not supported inside $expand.`);
  }
  return clause;
}

/** True for $count=true; Graph requires ConsistencyLevel: eventual for it on directory objects. */
export function wantsCount(req: SimRequest): boolean {
  const raw = req.query.get('$count');
  if (raw === null || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() !== 'true') throw badRequest(`Invalid value '${raw}' for $count.`);
  if (!isEventual(req))
    throw new GraphSimError(400, 'Request_BadRequest', '$count is not currently supported.');
  return true;
}

/** Encodes paging state into an opaque base64url $skiptoken. */
export function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** Decodes a $skiptoken made by encodeToken; anything else is answered like an expired Graph token. */
export function decodeToken<T>(token: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw expiredPageToken();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw expiredPageToken();
  return parsed.data;
}

/** 400 for a $skiptoken that is not (or no longer) valid for this request. */
export const expiredPageToken = (): GraphSimError =>
  new GraphSimError(
    400,
    'Directory_ExpiredPageToken',
    'The specified page token value has expired and can no longer be included in your request.',
  );

/** Rejects system query options that a path does not support. */
export function rejectOptions(req: SimRequest, supported: readonly string[]): void {
  for (const key of req.query.keys()) {
    if (!key.startsWith('$') || supported.includes(key.toLowerCase())) continue;
    if (key.toLowerCase() === '$skip')
      throw new GraphSimError(400, 'Request_BadRequest', `'$skip' is not supported by the service.`);
    throw unsupportedQuery(`Query option '${key}' is not supported for this request.`);
  }
}
