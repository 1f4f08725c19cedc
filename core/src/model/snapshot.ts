import type { InteractionEdges, LatencySamples, SignalMatrix } from './signals';

/** Where a snapshot's data comes from. */
export const dataSources = [
  'directory',
  'channelMessages',
  'teamsActivityReport',
  'emailActivityReport',
  'engageActivityReport',
  'sharePointActivityReport',
  'oneDriveActivityReport',
] as const;

/** A data source of the snapshot. */
export type DataSource = (typeof dataSources)[number];

/** How much of a source the collection could read, and why not more. */
export interface SourceCoverage {
  readonly source: DataSource;
  /** `concealed`: the tenant hides names in usage reports, so rows cannot be joined to people. */
  readonly status: 'complete' | 'partial' | 'missing' | 'concealed';
  /** People of the snapshot for whom this source has data. */
  readonly coveredPeople: number;
  /** What an admin can do about a gap, in plain words; null when complete. */
  readonly detail: string | null;
}

/** A person as the diagnostics see them: a pseudonymous key and org attributes, no names. */
export interface PersonRecord {
  /** Stable pseudonymous key (never the Entra object id in stored snapshots). */
  readonly key: string;
  readonly department: string | null;
  readonly location: string | null;
  readonly jobTitle: string | null;
  /** Index into `people` of this person's manager, or -1. */
  readonly managerIndex: number;
  /** Hours east of UTC of the person's working day, for hour-of-week bins (e.g. 1 for CET). */
  readonly utcOffsetHours: number;
  readonly accountEnabled: boolean;
}

/**
 * Everything the diagnostics read about how a tenant works, over a window of whole weeks. Built by the
 * collection pipeline from Graph; never contains message bodies.
 */
export interface CollaborationSnapshot {
  readonly tenantId: string;
  /** When the newest data was current (ISO). Usage reports lag about two days behind this. */
  readonly dataAsOf: string;
  /** ISO date (Monday) of each week in the window, ascending; `weeks = weekStarts.length`. */
  readonly weekStarts: readonly string[];
  readonly people: readonly PersonRecord[];
  readonly signals: SignalMatrix;
  readonly edges: InteractionEdges;
  readonly latencies: LatencySamples;
  /** Channel and Engage activity by local hour of week: `people × 168`, person-major. */
  readonly hourOfWeek: Uint32Array;
  /** Day (ISO date) of each person's last contribution on a social surface (channel or Engage), or null. */
  readonly lastSocialActivity: readonly (string | null)[];
  readonly coverage: readonly SourceCoverage[];
}
