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

/** Adds one report row's counts to a person's record for the day. */
export function mergeRow(
  record: DailyActivityRecord,
  spec: ReportSpec,
  row: Record<string, string>,
): DailyActivityRecord {
  const next: Record<string, number | string | undefined> = { ...record };
  for (const [field, headers] of spec.columns) {
    const add = headers.reduce((total, header) => total + count(row, header), 0);
    next[field] = ((next[field] as number | undefined) ?? 0) + add;
  }
  return next as unknown as DailyActivityRecord;
}
