// Usage-report CSVs as the reports service writes them: UTF-8 BOM, documented headers in order, CRLF.
// Concealed names: when the tenant flag is on, User Id, User Principal Name and Display Name become the
// uppercase hex MD5 of `<tenantId>|<original value>`, so one person hides behind the same digest in
// every report of the tenant while nothing identifying is left.
import { createHash } from 'node:crypto';
import type { DemoMessage, DemoTenant, DemoUser } from '../tenant/model';

/** getTeamsUserActivityUserDetail, v1.0 (33 columns). */
export const TEAMS_USER_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'Tenant Display Name',
  'Shared Channel Tenant Display Names',
  'User Id',
  'User Principal Name',
  'Last Activity Date',
  'Is Deleted',
  'Deleted Date',
  'Assigned Products',
  'Team Chat Message Count',
  'Private Chat Message Count',
  'Call Count',
  'Meeting Count',
  'Post Messages',
  'Reply Messages',
  'Urgent Messages',
  'Meetings Organized Count',
  'Meetings Attended Count',
  'Ad Hoc Meetings Organized Count',
  'Ad Hoc Meetings Attended Count',
  'Scheduled One-time Meetings Organized Count',
  'Scheduled One-time Meetings Attended Count',
  'Scheduled Recurring Meetings Organized Count',
  'Scheduled Recurring Meetings Attended Count',
  'Audio Duration',
  'Video Duration',
  'Screen Share Duration',
  'Audio Duration In Seconds',
  'Video Duration In Seconds',
  'Screen Share Duration In Seconds',
  'Has Other Action',
  'Is Licensed',
  'Report Period',
] as const;

/** getEmailActivityUserDetail, v1.0 (13 columns). */
export const EMAIL_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'User Principal Name',
  'Display Name',
  'Is Deleted',
  'Deleted Date',
  'Last Activity Date',
  'Send Count',
  'Receive Count',
  'Read Count',
  'Meeting Created Count',
  'Meeting Interacted Count',
  'Assigned Products',
  'Report Period',
] as const;

/** getYammerActivityUserDetail (Viva Engage), v1.0 (11 columns). */
export const YAMMER_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'User Principal Name',
  'Display Name',
  'User State',
  'State Change Date',
  'Last Activity Date',
  'Posted Count',
  'Read Count',
  'Liked Count',
  'Assigned Products',
  'Report Period',
] as const;

/** The days a report covers (inclusive, YYYY-MM-DD) and the value of its Report Period column. */
export interface ReportRange {
  start: string;
  end: string;
  periodDays: number;
}

const DAY = 86_400_000;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

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

/** Per-user, per-day channel posts (roots) and replies over the tenant window. */
export function channelCountsByDay(tenant: DemoTenant): Map<string, { posts: number[]; replies: number[] }> {
  const start = Date.parse(tenant.windowStart);
  const days = tenant.users[0]?.daily.privateChatMessages.length ?? 0;
  const out = new Map(
    tenant.users.map((u) => [
      u.id,
      { posts: new Array<number>(days).fill(0), replies: new Array<number>(days).fill(0) },
    ]),
  );
  const bump = (m: DemoMessage) => {
    const d = Math.floor((Date.parse(m.createdDateTime) - start) / DAY);
    const entry = out.get(m.fromUserId);
    const series = m.replyToId === null ? entry?.posts : entry?.replies;
    if (series && d >= 0 && d < days) series[d] = (series[d] ?? 0) + 1;
  };
  tenant.messages.forEach(bump);
  return out;
}

type Series = readonly number[];

/** Builds the CSV of one report over a range. */
export function buildReportCsv(
  tenant: DemoTenant,
  report: 'teams' | 'email' | 'yammer',
  range: ReportRange,
): Buffer {
  const start = Date.parse(tenant.windowStart);
  const idx = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - start) / DAY);
  const [from, to] = [idx(range.start), idx(range.end)];
  const sum = (s: Series) => {
    let total = 0;
    for (let d = Math.max(0, from); d <= to && d < s.length; d++) total += s[d] ?? 0;
    return total;
  };
  const lastActive = (series: readonly Series[]) => {
    for (let d = Math.min(to, (series[0]?.length ?? 0) - 1); d >= 0; d--)
      if (series.some((s) => (s[d] ?? 0) > 0)) return new Date(start + d * DAY).toISOString().slice(0, 10);
    return '';
  };
  const hide = (v: string) => (tenant.reportsConcealed ? concealValue(tenant.tenantId, v) : v);
  const products = (u: DemoUser) => (u.userType === 'Member' ? 'MICROSOFT 365 E3' : '');
  const common = (u: DemoUser) => ({
    upn: hide(u.userPrincipalName),
    name: hide(u.displayName),
    products: products(u),
  });
  const channel = report === 'teams' ? channelCountsByDay(tenant) : null;
  const rows = tenant.users.map((u) => {
    const d = u.daily;
    const c = common(u);
    if (report === 'email') {
      const read = sum(d.emailsRead);
      const row = [
        range.end,
        c.upn,
        c.name,
        'False',
        '',
        lastActive([d.emailsSent, d.emailsRead]),
        sum(d.emailsSent),
      ];
      return [
        ...row,
        read + Math.floor(read / 4),
        read,
        sum(d.meetingsOrganized),
        sum(d.meetingsAttended),
        c.products,
        range.periodDays,
      ];
    }
    if (report === 'yammer') {
      const state = u.accountEnabled ? 'Active' : 'Suspended';
      const series = [d.engagePosts, d.engageReads, d.engageLikes];
      return [
        range.end,
        c.upn,
        c.name,
        state,
        '',
        lastActive(series),
        ...series.map(sum),
        c.products,
        range.periodDays,
      ];
    }
    const ch = channel?.get(u.id) ?? { posts: [], replies: [] };
    const [posts, replies, chat, calls] = [
      sum(ch.posts),
      sum(ch.replies),
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
      ch.posts,
      ch.replies,
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
      c.upn,
      last,
      'False',
      '',
      c.products,
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
  const headers =
    report === 'teams'
      ? TEAMS_USER_ACTIVITY_HEADERS
      : report === 'email'
        ? EMAIL_ACTIVITY_HEADERS
        : YAMMER_ACTIVITY_HEADERS;
  return writeCsv(headers, rows);
}

/** Seconds as hh:mm:ss (hours may exceed 24). */
function hms(total: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
