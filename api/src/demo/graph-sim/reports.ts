// Microsoft 365 usage reports: /reports/{fn}(period='D7') or (date=YYYY-MM-DD) answers 302 to a
// pre-authenticated reports.office.com link; the link serves the CSV for a few minutes, without auth.
import { randomBytes } from 'node:crypto';
import type { GraphCaller } from './auth';
import type { ReportTicket, SimContext, SimRequest, SimResponse } from './context';
import { badRequest, GraphSimError, methodNotAllowed, unknownSegment } from './errors';
import { rejectOptions } from './odata';
import { buildReportCsv, type ReportKind } from './report-csv';

/** Where download links point (Graph's real reports host); the client's transport rewrites it. */
export const REPORTS_DOWNLOAD_ROOT = 'https://reports.office.com/data/download';
/** How long a download link stays valid. */
export const DOWNLOAD_TTL_MS = 5 * 60 * 1000;
/** Reports lag: the Report Refresh Date is asOf minus this many days. */
export const REPORT_LAG_DAYS = 2;

const REPORTS: Record<string, ReportKind> = {
  getteamsuseractivityuserdetail: 'teams',
  getemailactivityuserdetail: 'email',
  getyammeractivityuserdetail: 'yammer',
  getsharepointactivityuserdetail: 'sharepoint',
  getonedriveactivityuserdetail: 'onedrive',
};
const PERIODS: Record<string, number> = { D7: 7, D30: 30, D90: 90, D180: 180 };
const DAY = 86_400_000;
const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date range a period or date argument selects, relative to the tenant's asOf. */
export function reportRange(
  asOf: string,
  arg: 'period' | 'date',
  value: string,
): Omit<ReportTicket, 'report' | 'expiresAt'> {
  const today = Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`);
  if (arg === 'period') {
    const days = PERIODS[value.toUpperCase()];
    if (!days)
      throw badRequest(`Invalid value '${value}' for period. Supported values are D7, D30, D90 and D180.`);
    const end = today - REPORT_LAG_DAYS * DAY;
    return { start: dateOnly(end - (days - 1) * DAY), end: dateOnly(end), periodDays: days };
  }
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(at) || dateOnly(at) !== value)
    throw badRequest(`Invalid value '${value}' for date. Use YYYY-MM-DD.`);
  if (at > today || at < today - 30 * DAY) throw badRequest('The date must be within the past 30 days.');
  return { start: value, end: value, periodDays: 1 };
}

/** Routes /reports/{function}(…) (permissions are checked by dispatch); `seg` are the segments after /v1.0. */
export function reportsRoute(
  ctx: SimContext,
  _caller: GraphCaller,
  req: SimRequest,
  seg: string[],
): SimResponse {
  const call = seg[1] ?? '';
  if (seg.length !== 2) throw unknownSegment(seg[2] ?? 'reports');
  const m = /^(\w+)(?:\((.*)\))?$/.exec(call);
  const report = m?.[1] ? REPORTS[m[1].toLowerCase()] : undefined;
  if (!m || !report) throw unknownSegment(call);
  if (req.method !== 'GET') throw methodNotAllowed();
  rejectOptions(req, []);
  const arg = /^\s*(period|date)\s*=\s*(?:'([^']*)'|([^'()]*?))\s*$/i.exec(m[2] ?? '');
  if (!arg?.[1]) throw badRequest('You need to set either period or date.');
  const kind = arg[1].toLowerCase() === 'period' ? 'period' : 'date';
  const range = reportRange(ctx.tenant.asOf, kind, arg[2] ?? arg[3] ?? '');
  const now = ctx.now().getTime();
  for (const [key, ticket] of ctx.downloads) if (ticket.expiresAt <= now) ctx.downloads.delete(key);
  const token = randomBytes(24).toString('base64url');
  ctx.downloads.set(token, { report, ...range, expiresAt: now + ctx.downloadTtlMs });
  return {
    status: 302,
    headers: { Location: `${REPORTS_DOWNLOAD_ROOT}/${token}`, 'Content-Type': 'text/plain' },
    text: '',
  };
}

/** Serves /data/download/{token} (the reports.office.com side); needs no Authorization header. */
export function downloadRoute(ctx: SimContext, req: SimRequest, token: string): SimResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const ticket = ctx.downloads.get(token);
  if (!ticket || ticket.expiresAt <= ctx.now().getTime())
    throw new GraphSimError(
      404,
      'NotFound',
      'The download link is unknown or has expired. Request the report again.',
    );
  const report = Object.values(REPORTS).find((r) => r === ticket.report) ?? 'teams';
  return {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream' },
    bytes: buildReportCsv(ctx.tenant, report, ticket, ctx.settings.displayConcealedNames),
  };
}
