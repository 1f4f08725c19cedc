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

/** The columns a report-day is read with: the two join keys, then every count column of the spec. */
export function wantedColumns(spec: ReportSpec): string[] {
  return ['User Id', 'User Principal Name', ...spec.columns.flatMap(([, headers]) => headers)];
}

/** Counts of a row parsed with `wantedColumns`, in the order of the report's fields. */
export function projectedCounts(spec: ReportSpec, row: readonly string[]): number[] {
  let at = 2;
  return spec.columns.map(([, headers]) => {
    let total = 0;
    for (let index = 0; index < headers.length; index += 1) {
      const value = Number(row[at] ?? '0');
      at += 1;
      if (Number.isFinite(value) && value >= 0) total += Math.trunc(value);
    }
    return total;
  });
}
