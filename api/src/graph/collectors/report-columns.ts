import type { DailyActivityRecord, DataSource } from '@learnfit/core';

type CountField = Exclude<keyof DailyActivityRecord, 'personId' | 'day'>;

/** One usage report: its function, coverage source and which columns (by header name) feed which field. */
export interface ReportSpec {
  readonly fn: string;
  readonly source: DataSource;
  /** Field ← sum of these columns (added to what other reports gave the same field). */
  readonly columns: ReadonlyArray<readonly [CountField, readonly string[]]>;
}

const shared = ['Shared Internally File Count', 'Shared Externally File Count'];

/** The five reports the daily series read (graph-wire-contract.md §1.3 headers). */
export const reportSpecs: readonly ReportSpec[] = [
  {
    fn: 'getTeamsUserActivityUserDetail',
    source: 'teamsActivityReport',
    columns: [
      ['privateChatMessages', ['Private Chat Message Count']],
      ['calls', ['Call Count']],
      ['meetingsAttended', ['Meetings Attended Count']],
      ['meetingsOrganized', ['Meetings Organized Count']],
    ],
  },
  {
    fn: 'getEmailActivityUserDetail',
    source: 'emailActivityReport',
    columns: [
      ['emailsSent', ['Send Count']],
      ['emailsRead', ['Read Count']],
    ],
  },
  {
    fn: 'getYammerActivityUserDetail',
    source: 'engageActivityReport',
    columns: [
      ['engagePosts', ['Posted Count']],
      ['engageReads', ['Read Count']],
      ['engageLikes', ['Liked Count']],
    ],
  },
  {
    fn: 'getSharePointActivityUserDetail',
    source: 'sharePointActivityReport',
    columns: [['filesShared', shared]],
  },
  {
    fn: 'getOneDriveActivityUserDetail',
    source: 'oneDriveActivityReport',
    columns: [['filesShared', shared]],
  },
];

function count(row: Record<string, string>, header: string): number {
  const value = Number(row[header] ?? '0');
  return Number.isFinite(value) && value >= 0 ? Math.trunc(value) : 0;
}

/** A report row's counts in the order of the report's columns (each field sums its headers). */
export function rowCounts(spec: ReportSpec, row: Record<string, string>): number[] {
  return spec.columns.map(([, headers]) => headers.reduce((total, header) => total + count(row, header), 0));
}
