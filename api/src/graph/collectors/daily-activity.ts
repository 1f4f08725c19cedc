import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { dataSources, type DailyActivityRecord, type DataSource, type SourceCoverage } from '@learnfit/core';
import type { RateGovernor } from '../pacing/governor';
import { parseReportCsv } from '../usage-reports';
import { mergeRow, reportSpecs, type ReportSpec } from './report-columns';

/** What the daily series need: the days (ISO dates, within the last 30) and how to join rows to people. */
export interface DailyActivityInput {
  readonly days: readonly string[];
  /** Lower-case UPN → Entra id, from the org chart. */
  readonly idByUpn: ReadonlyMap<string, string>;
  readonly knownIds: ReadonlySet<string>;
}

/** Daily records plus per-report coverage. */
export interface DailyActivityResult {
  readonly records: DailyActivityRecord[];
  readonly coverage: SourceCoverage[];
}

const concealedValue = /^[0-9A-F]{32}$/;

type Fetched = { ok: true; rows: Record<string, string>[] } | { ok: false; status: number };

async function download(
  client: Client,
  governor: RateGovernor,
  spec: ReportSpec,
  day: string,
): Promise<Fetched> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const csv = (await governor.run({ service: 'reports', report: spec.fn }, () =>
        client.api(`/reports/${spec.fn}(date=${day})`).responseType(ResponseType.TEXT).get(),
      )) as string;
      return { ok: true, rows: parseReportCsv(csv) };
    } catch (error) {
      // A download link lives a few minutes; an expired one (404 NotFound) means: request the report again.
      const expired = error instanceof GraphError && error.statusCode === 404 && error.code === 'NotFound';
      if (expired && attempt < 3) continue;
      if (error instanceof GraphError && error.statusCode >= 400 && error.statusCode < 500)
        return { ok: false, status: error.statusCode };
      throw error;
    }
  }
}

/** Whether the tenant conceals names in usage reports; null when the setting cannot be read. */
export async function readConcealment(client: Client, governor: RateGovernor): Promise<boolean | null> {
  try {
    const settings = (await governor.run({ service: 'identity', units: 1 }, () =>
      client.api('/admin/reportSettings').get(),
    )) as { displayConcealedNames?: boolean };
    return settings.displayConcealedNames ?? null;
  } catch (error) {
    if (error instanceof GraphError && error.statusCode >= 400 && error.statusCode < 500) return null;
    throw error;
  }
}

function coverage(
  source: DataSource,
  status: SourceCoverage['status'],
  people: number,
  detail: string | null,
) {
  return { source, status, coveredPeople: people, detail };
}

const concealedDetail =
  'The tenant conceals user names in usage reports. A Global admin can turn off "Display concealed ' +
  'user, group, and site names" in the Microsoft 365 admin center (Settings > Org settings > Reports).';

/**
 * Downloads each report for each day (`date=` form) and joins rows to people by User Id or UPN. With
 * concealed names (the tenant setting or 32-hex values in the data) rows cannot be joined: the report is
 * skipped or dropped and its coverage says so, rather than joining digests to nobody.
 */
export async function collectDailyActivity(
  client: Client,
  governor: RateGovernor,
  input: DailyActivityInput,
): Promise<DailyActivityResult> {
  const merged = new Map<string, DailyActivityRecord>();
  const result: SourceCoverage[] = [];
  const concealedSetting = await readConcealment(client, governor);
  await Promise.all(
    reportSpecs.map(async (spec) => {
      if (concealedSetting === true) {
        result.push(coverage(spec.source, 'concealed', 0, concealedDetail));
        return;
      }
      const covered = new Set<string>();
      const rowsByDay: Array<[string, Record<string, string>[]]> = [];
      for (const day of input.days) {
        const fetched = await download(client, governor, spec, day);
        if (!fetched.ok) {
          const detail = `Reading ${spec.fn} failed with ${fetched.status}; grant Reports.Read.All (application).`;
          result.push(coverage(spec.source, 'missing', 0, detail));
          return;
        }
        const upns = fetched.rows.map((row) => row['User Principal Name'] ?? '');
        if (upns.length > 0 && upns.every((upn) => concealedValue.test(upn))) {
          result.push(coverage(spec.source, 'concealed', 0, concealedDetail));
          return;
        }
        rowsByDay.push([day, fetched.rows]);
      }
      for (const [day, rows] of rowsByDay) {
        for (const row of rows) {
          const byId = row['User Id'];
          const id =
            byId && input.knownIds.has(byId)
              ? byId
              : input.idByUpn.get((row['User Principal Name'] ?? '').toLowerCase());
          if (!id) continue;
          covered.add(id);
          const key = `${id}|${day}`;
          merged.set(key, mergeRow(merged.get(key) ?? { personId: id, day }, spec, row));
        }
      }
      const complete = covered.size >= input.knownIds.size;
      result.push(
        coverage(
          spec.source,
          complete ? 'complete' : 'partial',
          covered.size,
          complete ? null : 'Some people have no rows in this report.',
        ),
      );
    }),
  );
  result.sort((a, b) => dataSources.indexOf(a.source) - dataSources.indexOf(b.source));
  return { records: [...merged.values()], coverage: result };
}
