// JSON batching: POST /v1.0/$batch with up to 20 requests, dependsOn, and per-item request ids.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SimRequest, SimResponse } from './context';
import { badRequest, methodNotAllowed } from './errors';
import { render } from './render';

/** Graph's limit of requests per batch. */
export const BATCH_LIMIT = 20;

const batchBody = z.object({
  requests: z.array(
    z.object({
      id: z.string().min(1),
      method: z.string().min(1),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
      dependsOn: z.array(z.string()).optional(),
    }),
  ),
});
type BatchItem = z.infer<typeof batchBody>['requests'][number];
interface BatchResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Turns a step URL (relative, or absolute on Graph's host) into a path and query under /v1.0. */
function stepUrl(url: string): URL {
  const relative = url.replace(/^https:\/\/[^/]+/i, '').replace(/^\/?(v1\.0|beta)(?=\/|$)/i, '');
  return new URL(`http://batch/v1.0/${relative.replace(/^\//, '')}`);
}

/** Rejects unknown, self and circular dependencies (they would never finish). */
function checkDependencies(byId: ReadonlyMap<string, BatchItem>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, from: string): void => {
    const item = byId.get(id);
    if (!item) throw badRequest(`Request '${from}' depends on an unknown request '${id}'.`);
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw badRequest('Batch request dependencies must not form a cycle.');
    state.set(id, 'visiting');
    for (const dep of item.dependsOn ?? []) visit(dep.toLowerCase(), item.id);
    state.set(id, 'done');
  };
  for (const id of byId.keys()) visit(id, id);
}

/** Runs a batch; items run in parallel unless they depend on others (424 when a dependency failed). */
export async function batchRoute(
  req: SimRequest,
  run: (sub: SimRequest) => Promise<SimResponse>,
  authorization: string,
  now: () => Date,
): Promise<SimResponse> {
  if (req.method !== 'POST') throw methodNotAllowed();
  const parsed = batchBody.safeParse(req.body);
  if (!parsed.success) throw badRequest('Invalid batch payload format.');
  const items = parsed.data.requests;
  if (items.length > BATCH_LIMIT)
    throw badRequest(`The number of batch requests exceeds the limit of ${BATCH_LIMIT}.`);
  const byId = new Map(items.map((i) => [i.id.toLowerCase(), i]));
  if (byId.size !== items.length) throw badRequest('Batch request ids must be unique.');
  checkDependencies(byId);
  const results = new Map<string, Promise<BatchResult>>();
  const execute = async (item: BatchItem): Promise<BatchResult> => {
    const deps = await Promise.all((item.dependsOn ?? []).map((d) => start(d)));
    const lower = Object.fromEntries(
      Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const requestId = randomUUID();
    let res: SimResponse;
    const url = stepUrl(item.url);
    if (deps.some((d) => d.status >= 400)) {
      res = {
        status: 424,
        error: { code: 'FailedDependency', message: 'A request this request depends on failed.' },
      };
    } else if (url.pathname.toLowerCase().startsWith('/v1.0/$batch')) {
      res = {
        status: 400,
        error: { code: 'BadRequest', message: 'A batch request cannot contain another batch.' },
      };
    } else {
      res = await run({
        method: item.method.toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        header: (name) =>
          name.toLowerCase() === 'authorization' ? authorization : lower[name.toLowerCase()],
        body: item.body,
      });
    }
    const out = render(res, { requestId, clientRequestId: lower['client-request-id'] ?? requestId }, now());
    const body = Buffer.isBuffer(out.body) ? out.body.toString('base64') : out.body;
    return {
      id: item.id,
      status: out.status,
      headers: out.headers,
      ...(body === undefined || body === '' ? {} : { body }),
    };
  };
  const start = (id: string): Promise<BatchResult> => {
    const key = id.toLowerCase();
    let p = results.get(key);
    if (!p) results.set(key, (p = execute(byId.get(key) as BatchItem)));
    return p;
  };
  const responses = await Promise.all(items.map((item) => start(item.id)));
  return { status: 200, json: { responses } };
}
