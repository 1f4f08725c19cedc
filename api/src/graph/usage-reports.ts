import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { parse } from 'csv-parse/sync';
import type { ReportResult, TeamsActivityRow, UsageReports } from '../services/ports';

/** Builds an app-only Graph client for a tenant. */
export type AppGraphClientFactory = (tenantId: string) => Client;

/** Options for the usage-report reader. */
export interface UsageReportsOptions {
  readonly clientFor: AppGraphClientFactory;
  readonly now: () => Date;
  /** Reports refresh daily and Graph allows 14 CSV downloads per 10 minutes: cache them. */
  readonly cacheTtlMs?: number;
}

const concealedId = /^[0-9A-F]{32}$/;

/** Parses a usage-report CSV by header name (columns move between report versions). */
export function parseReportCsv(csv: string): Record<string, string>[] {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
}

/**
 * Parses a usage-report CSV keeping only `wanted` columns, by header name, as arrays in that order (''
 * for a column the report lacks). A 50,000-row report-day parsed into one object per row blocked the
 * event loop for most of a second; projecting while parsing keeps it short.
 */
export function parseReportColumns(csv: string, wanted: readonly string[]): string[][] {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  let positions: number[] | null = null;
  return parse(text, {
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
    on_record: (record: string[]) => {
      if (positions === null) {
        const header = record.map((cell) => cell.trim());
        positions = wanted.map((name) => header.indexOf(name));
        return null;
      }
      return positions.map((position) => (position < 0 ? '' : (record[position] ?? '').trim()));
    },
  }) as string[][];
}

function count(row: Record<string, string>, header: string): number {
  const value = Number(row[header] ?? '0');
  return Number.isFinite(value) && value >= 0 ? Math.trunc(value) : 0;
}

/** Maps a parsed Teams user activity row; no other columns are kept. */
export function toTeamsActivityRow(row: Record<string, string>): TeamsActivityRow {
  return {
    userId: row['User Id'] ?? '',
    userPrincipalName: row['User Principal Name'] ?? '',
    teamChatMessages: count(row, 'Team Chat Message Count'),
    postMessages: count(row, 'Post Messages'),
    replyMessages: count(row, 'Reply Messages'),
    privateChatMessages: count(row, 'Private Chat Message Count'),
  };
}

/**
 * Reads Microsoft 365 usage reports with application permissions. Reports change once a day, so one
 * download per tenant, period and cache window serves every caller; concurrent callers share it.
 */
export function createGraphUsageReports(options: UsageReportsOptions): UsageReports {
  const ttl = options.cacheTtlMs ?? 30 * 60 * 1000;
  const cache = new Map<string, { at: number; result: Promise<ReportResult<TeamsActivityRow>> }>();

  async function download(tenantId: string, period: string): Promise<ReportResult<TeamsActivityRow>> {
    try {
      const csv = (await options
        .clientFor(tenantId)
        .api(`/reports/getTeamsUserActivityUserDetail(period='${period}')`)
        .responseType(ResponseType.TEXT)
        .get()) as string;
      const rows = parseReportCsv(csv);
      const refreshDate = rows[0]?.['Report Refresh Date'] ?? null;
      const concealed =
        rows.length > 0 && rows.every((row) => concealedId.test(row['User Principal Name'] ?? ''));
      return { ok: true, rows: rows.map(toTeamsActivityRow), refreshDate, concealed };
    } catch (error) {
      if (error instanceof GraphError && (error.statusCode === 403 || error.statusCode === 401)) {
        return { ok: false, reason: 'not_consented', detail: error.code ?? 'Forbidden' };
      }
      return {
        ok: false,
        reason: 'unavailable',
        detail: error instanceof GraphError ? (error.code ?? 'GraphError') : 'network',
      };
    }
  }

  return {
    teamsUserActivity(tenantId, period) {
      const key = `${tenantId}|${period}`;
      const now = options.now().getTime();
      const hit = cache.get(key);
      if (hit && now - hit.at < ttl) return hit.result;
      const result = download(tenantId, period);
      cache.set(key, { at: now, result });
      // A failed download is not cached, so the next caller tries again.
      void result.then((value) => {
        if (!value.ok && cache.get(key)?.result === result) cache.delete(key);
      });
      return result;
    },
  };
}
