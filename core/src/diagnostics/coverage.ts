import type { ResultCoverage } from '../model/result';
import type { CollaborationSnapshot, DataSource, SourceCoverage } from '../model/snapshot';

/** How a snapshot covers one source; a source the collection never reported counts as missing. */
export function sourceStatus(snapshot: CollaborationSnapshot, source: DataSource): SourceCoverage['status'] {
  return snapshot.coverage.find((entry) => entry.source === source)?.status ?? 'missing';
}

/** Whether a source's figures can be joined to people (complete or partial). */
export function isUsable(snapshot: CollaborationSnapshot, source: DataSource): boolean {
  const status = sourceStatus(snapshot, source);
  return status === 'complete' || status === 'partial';
}

const sourceNames: Readonly<Record<DataSource, string>> = {
  directory: 'the directory',
  channelMessages: 'Teams channel messages',
  teamsActivityReport: 'the Teams activity report (chats, calls, meetings)',
  emailActivityReport: 'the email activity report',
  engageActivityReport: 'the Viva Engage activity report',
  sharePointActivityReport: 'the SharePoint activity report',
  oneDriveActivityReport: 'the OneDrive activity report',
};

/** A plain name of a data source for findings and coverage notes. */
export function describeSource(source: DataSource): string {
  return sourceNames[source];
}

/**
 * The coverage statement of a result that read `used` sources: each missing or concealed source lowers
 * confidence one step, a partial one lowers it from high to medium; `note` says what was missing and
 * what the admin can do.
 */
export function resultCoverage(snapshot: CollaborationSnapshot, used: readonly DataSource[]): ResultCoverage {
  const sources = used.map(
    (source): SourceCoverage =>
      snapshot.coverage.find((entry) => entry.source === source) ?? {
        source,
        status: 'missing',
        coveredPeople: 0,
        detail: 'This source was not collected.',
      },
  );
  const missing = sources
    .filter((entry) => entry.status === 'missing' || entry.status === 'concealed')
    .map((entry) => entry.source);
  const partial = sources.filter((entry) => entry.status === 'partial');
  const confidence =
    missing.length >= 2 ? 'low' : missing.length === 1 || partial.length > 0 ? 'medium' : 'high';
  const parts = sources
    .filter((entry) => entry.status !== 'complete')
    .map((entry) => {
      const what =
        entry.status === 'concealed'
          ? `${describeSource(entry.source)} is concealed (names hidden), so it cannot be joined to people`
          : entry.status === 'partial'
            ? `${describeSource(entry.source)} covers ${entry.coveredPeople} people only`
            : `${describeSource(entry.source)} is missing`;
      return entry.detail === null ? what : `${what} (${entry.detail})`;
    });
  const note =
    parts.length === 0
      ? 'Every source this result reads was complete.'
      : `${parts.join('; ')}. Figures use the sources that exist; nothing missing is counted as zero.`;
  return { sources, missing, confidence, note };
}
