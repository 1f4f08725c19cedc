// /admin/reportSettings: the tenant's "display concealed names" switch for usage reports (contract §1.5).
// GET reads it; PATCH with {"displayConcealedNames": boolean} changes it for every later report download.
import { z } from 'zod';
import type { SimContext, SimRequest, SimResponse } from './context';
import { badRequest, methodNotAllowed, unknownSegment } from './errors';
import { GRAPH_ROOT, rejectOptions } from './odata';

const patchBody = z.object({ displayConcealedNames: z.boolean() }).strict();

/** Routes /admin/reportSettings (permissions are checked by dispatch). */
export function adminRoute(ctx: SimContext, req: SimRequest, seg: string[]): SimResponse {
  if (seg.length !== 2 || seg[1]?.toLowerCase() !== 'reportsettings') throw unknownSegment(seg[1] ?? 'admin');
  if (req.method === 'GET') {
    rejectOptions(req, ['$select']);
    return {
      status: 200,
      json: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#admin/reportSettings/$entity`,
        '@odata.type': '#microsoft.graph.adminReportSettings',
        id: 'reportSettings',
        displayConcealedNames: ctx.settings.displayConcealedNames,
      },
    };
  }
  if (req.method === 'PATCH') {
    const parsed = patchBody.safeParse(req.body);
    if (!parsed.success)
      throw badRequest('Invalid request body: expected {"displayConcealedNames": boolean}.');
    ctx.settings.displayConcealedNames = parsed.data.displayConcealedNames;
    return { status: 204 };
  }
  throw methodNotAllowed();
}
