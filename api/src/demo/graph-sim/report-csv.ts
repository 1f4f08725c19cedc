// Usage-report CSVs as the reports service writes them: UTF-8 BOM, documented headers in order
// (report-headers.ts), CRLF. Counts come from each person's daily activity columns over the range.
// Concealed names: when the tenant's displayConcealedNames is on, User Id, User Principal Name and
// Display Name become the uppercase hex MD5 of `<tenantId>|<original value>`, so one person hides behind
// the same digest in every report of the tenant while nothing identifying is left.
// SharePoint and OneDrive split each person's file activity by a fixed per-person share (from their id).
import { createHash } from 'node:crypto';
import { hashString } from '../tenant/random';
import type { DemoTenant, DemoUser } from '../tenant/model';
import {
  EMAIL_ACTIVITY_HEADERS,
  ONEDRIVE_ACTIVITY_HEADERS,
  SHAREPOINT_ACTIVITY_HEADERS,
  TEAMS_USER_ACTIVITY_HEADERS,
  YAMMER_ACTIVITY_HEADERS,
} from './report-headers';

/** The reports the simulator serves. */
export type ReportKind = 'teams' | 'email' | 'yammer' | 'sharepoint' | 'onedrive';

/** The days a report covers (inclusive, YYYY-MM-DD) and the value of its Report Period column. */
export interface ReportRange {
  start: string;
  end: string;
  periodDays: number;
}

const DAY = 86_400_000;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEADERS: Record<ReportKind, readonly string[]> = {
  teams: TEAMS_USER_ACTIVITY_HEADERS,
  email: EMAIL_ACTIVITY_HEADERS,
  yammer: YAMMER_ACTIVITY_HEADERS,
  sharepoint: SHAREPOINT_ACTIVITY_HEADERS,
  onedrive: ONEDRIVE_ACTIVITY_HEADERS,
};

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a CSV: BOM, header row, data rows, each line ending in CRLF. */
export function writeCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): Buffer {
  const lines = [headers, ...rows].map((r) => `${r.map(cell).join(',')}\r\n`).join('');
  return Buffer.concat([BOM, Buffer.from(lines, 'utf8')]);
}

/** The concealed form of a name or id (see the file comment for the digest input). */
export function concealValue(tenantId: string, value: string): string {
  return createHash('md5').update(`${tenantId}|${value}`, 'utf8').digest('hex').toUpperCase();
}

/** Share (0.3–0.7) of a person's file activity that happens in OneDrive rather than SharePoint. */
export function oneDriveShare(u: DemoUser): number {
  return 0.3 + ((hashString(u.id) % 1000) / 1000) * 0.4;
}

/** Seconds as hh:mm:ss (hours may exceed 24). */
function hms(total: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** Builds the CSV of one report over a range. */
export function buildReportCsv(
  tenant: DemoTenant,
  report: ReportKind,
  range: ReportRange,
  concealed: boolean,
): Buffer {
  const start = Date.parse(tenant.windowStart);
  const idx = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - start) / DAY);
  const [from, to] = [idx(range.start), idx(range.end)];
  const sum = (s: Uint8Array) => {
    let total = 0;
    for (let d = Math.max(0, from); d <= to && d < s.length; d++) total += s[d] ?? 0;
    return total;
  };
  const lastActive = (series: readonly Uint8Array[]) => {
    for (let d = Math.min(to, (series[0]?.length ?? 0) - 1); d >= 0; d--)
      if (series.some((s) => (s[d] ?? 0) > 0)) return new Date(start + d * DAY).toISOString().slice(0, 10);
    return '';
  };
  const hide = (v: string) => (concealed ? concealValue(tenant.tenantId, v) : v);
  const rows = tenant.users.map((u) => {
    const d = u.daily;
    const upn = hide(u.userPrincipalName);
    const name = hide(u.displayName);
    const products = u.userType === 'Member' ? 'MICROSOFT 365 E3' : '';
    const head = [range.end, upn];
    if (report === 'email') {
      const read = sum(d.emailsRead);
      const last = lastActive([d.emailsSent, d.emailsRead]);
      return [
        ...head,
        name,
        'False',
        '',
        last,
        sum(d.emailsSent),
        read + Math.floor(read / 4),
        read,
        sum(d.meetingsOrganized),
        sum(d.meetingsAttended),
        products,
        range.periodDays,
      ];
    }
    if (report === 'yammer') {
      const series = [d.engagePosts, d.engageReads, d.engageLikes];
      const state = u.accountEnabled ? 'Active' : 'Suspended';
      return [...head, name, state, '', lastActive(series), ...series.map(sum), products, range.periodDays];
    }
    if (report === 'sharepoint' || report === 'onedrive') {
      const share = oneDriveShare(u);
      const files = [d.filesViewedOrEdited, d.filesSynced, d.filesSharedInternally, d.filesSharedExternally];
      const counts = files.map((s) => {
        const n = sum(s);
        const od = Math.floor(n * share);
        return report === 'onedrive' ? od : n - od;
      });
      const last = lastActive(report === 'sharepoint' ? [...files, d.sitePagesVisited] : files);
      const pages = report === 'sharepoint' ? [sum(d.sitePagesVisited)] : [];
      return [...head, 'False', '', last, ...counts, ...pages, products, range.periodDays];
    }
    const [posts, replies, chat, calls] = [
      sum(d.channelPosts),
      sum(d.channelReplies),
      sum(d.privateChatMessages),
      sum(d.calls),
    ];
    const [org, att] = [sum(d.meetingsOrganized), sum(d.meetingsAttended)];
    const split = (n: number) => [
      n - Math.floor(n * 0.5) - Math.floor(n * 0.3),
      Math.floor(n * 0.3),
      Math.floor(n * 0.5),
    ];
    const [o, a] = [split(org), split(att)];
    const seconds = [calls * 420 + (org + att) * 1500, (org + att) * 600, org * 300];
    const last = lastActive([
      d.channelPosts,
      d.channelReplies,
      d.privateChatMessages,
      d.calls,
      d.meetingsOrganized,
      d.meetingsAttended,
    ]);
    return [
      range.end,
      tenant.displayName,
      '',
      hide(u.id),
      upn,
      last,
      'False',
      '',
      products,
      posts + replies,
      chat,
      calls,
      org + att,
      posts,
      replies,
      0,
      org,
      att,
      o[0] ?? 0,
      a[0] ?? 0,
      o[1] ?? 0,
      a[1] ?? 0,
      o[2] ?? 0,
      a[2] ?? 0,
      ...seconds.map(hms),
      ...seconds,
      'No',
      u.userType === 'Member' ? 'Yes' : 'No',
      range.periodDays,
    ];
  });
  return writeCsv(HEADERS[report], rows);
}
