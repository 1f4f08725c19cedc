import {
  GraphError,
  RedirectHandlerOptions,
  ResponseType,
  type Client,
} from '@microsoft/microsoft-graph-client';
import { dataSources, type DailyActivityRecord, type SourceCoverage } from '@learnfit/core';
import type { RateGovernor } from '../pacing/governor';
import { parseReportColumns } from '../usage-reports';
import type { CollectionJournal, ReportDay, UnitState } from './journal';
import { projectedCounts, reportSpecs, wantedColumns, type ReportSpec } from './report-columns';

/** What the daily series need: the days (ISO dates, within the last 30) and the run's people. */
export interface DailyActivityInput {
  readonly days: readonly string[];
  /** Entra ids in journal order (a report row stores its person's position here). */
  readonly personIds: readonly string[];
  /** Lower-case UPN → Entra id, from the org chart. */
  readonly idByUpn: ReadonlyMap<string, string>;
}

/** Journal units of the usage reports. */
export const reportSettingsUnit = 'reportSettings';
export const reportUnit = (fn: string): string => `report:${fn}`;
export const reportDayUnit = (fn: string, day: string): string => `report:${fn}:${day}`;

const concealedValue = /^[0-9A-F]{32}$/;

/** Rows as `wantedColumns(spec)` projects them: User Id, UPN, then the count columns. */
type Fetched = { ok: true; rows: string[][] } | { ok: false; status: number };

/** The GraphError the client would have raised for an error answer it was told to hand over raw. */
async function graphErrorOf(response: Response): Promise<GraphError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  const error = new GraphError(response.status, body?.error?.message ?? response.statusText);
  error.code = body?.error?.code ?? null;
  error.headers = response.headers;
  return error;
}

/** No quota of its own: the pre-authenticated download host is not a Graph workload. */
const downloadLane = { service: 'identity', units: 0 } as const;

/**
 * Asks for a report-day (one slot of the report's 14 per 10 minutes) without following the 302, then
 * fetches the CSV from the link with retries of its own: a connection dropped during the download
 * costs a retry, not a second slot and, with 28 days filling two windows exactly, ten more minutes.
 */
async function download(
  client: Client,
  governor: RateGovernor,
  spec: ReportSpec,
  day: string,
): Promise<Fetched> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const answer = await governor.run({ service: 'reports', report: spec.fn }, async () => {
        const raw = (await client
          .api(`/reports/${spec.fn}(date=${day})`)
          .middlewareOptions([new RedirectHandlerOptions(0)])
          .responseType(ResponseType.RAW)
          .get()) as Response;
        // A raw answer is not checked by the client: raise Graph's error so the governor can retry it.
        if (raw.status >= 400) throw await graphErrorOf(raw);
        return raw;
      });
      const location = answer.status >= 300 && answer.status < 400 ? answer.headers.get('Location') : null;
      const csv = location
        ? ((await governor.run(downloadLane, () =>
            client.api(location).responseType(ResponseType.TEXT).get(),
          )) as string)
        : await answer.text();
      return { ok: true, rows: parseReportColumns(csv, wantedColumns(spec)) };
    } catch (error) {
      // A download link lives a few minutes; an expired one (404 NotFound) means: request the report again.
      const expired = error instanceof GraphError && error.statusCode === 404 && error.code === 'NotFound';
      if (expired && attempt < 3) continue;
      // A refusal ends the report; throttling that outlasted the governor's retries is not a refusal:
      // it fails the run, which resumes later from its journal.
      const refused =
        error instanceof GraphError &&
        error.statusCode >= 400 &&
        error.statusCode < 500 &&
        error.statusCode !== 408 &&
        error.statusCode !== 429;
      if (refused) return { ok: false, status: error.statusCode };
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

/**
 * Downloads each report for each day (`date=` form), joins rows to people by User Id or UPN and commits
 * each report-day. With concealed names (the tenant setting or 32-hex values in the data) rows cannot be
 * joined: the report is marked concealed and its days are skipped, rather than joining digests to nobody.
 */
export async function collectDailyActivity(
  client: Client,
  governor: RateGovernor,
  journal: CollectionJournal,
  input: DailyActivityInput,
  onLeft: (reportDaysLeft: number, downloaded: boolean, reportsReading: number) => void = () => undefined,
): Promise<void> {
  let units = await journal.units();
  const setting = units.get(reportSettingsUnit);
  if (setting?.state !== 'done') {
    const concealed = await readConcealment(client, governor);
    await journal.commit(reportSettingsUnit, { state: 'done', info: { concealed } });
    units = await journal.units();
  }
  const concealedSetting = infoOf(units.get(reportSettingsUnit))?.concealed === true;
  const position = new Map(input.personIds.map((id, index) => [id, index]));
  const pendingDays = (spec: ReportSpec): string[] =>
    concealedSetting || units.get(reportUnit(spec.fn))?.state === 'done'
      ? []
      : input.days.filter((day) => units.get(reportDayUnit(spec.fn, day))?.state !== 'done');
  const pending = new Map(reportSpecs.map((spec) => [spec.fn, pendingDays(spec)]));
  let left = [...pending.values()].reduce((total, list) => total + list.length, 0);
  // Reports with days still to read: when each of them waits on its quota, the whole run waits.
  let reading = [...pending.values()].filter((list) => list.length > 0).length;
  onLeft(left, false, reading);
  // A failed report stops the others (which may be waiting minutes on their quota), and the error is
  // passed on once they have ended, so no download of this call outlives it.
  const stop = new AbortController();
  const reportGovernor = governor.scoped({ signal: stop.signal });
  const outcomes = await Promise.allSettled(
    reportSpecs.map(async (spec) => {
      const todo = pending.get(spec.fn) ?? [];
      for (const [step, day] of todo.entries()) {
        const unit = reportDayUnit(spec.fn, day);
        const fetched = await download(client, reportGovernor, spec, day).catch((error: unknown) => {
          if (!stop.signal.aborted) stop.abort(error);
          throw error;
        });
        const abandon = (): void => {
          left -= todo.length - step;
          reading -= 1;
          onLeft(left, false, reading);
        };
        if (!fetched.ok) {
          abandon();
          await journal.commit(reportUnit(spec.fn), {
            state: 'done',
            info: { reportOutcome: 'forbidden', failedStatus: fetched.status },
          });
          return;
        }
        const upns = fetched.rows.map((row) => row[1] ?? '');
        if (upns.length > 0 && upns.every((upn) => concealedValue.test(upn))) {
          await journal.commit(reportUnit(spec.fn), { state: 'done', info: { reportOutcome: 'concealed' } });
          abandon();
          return;
        }
        const rows: number[][] = [];
        for (const row of fetched.rows) {
          const byId = row[0];
          const id = byId && position.has(byId) ? byId : input.idByUpn.get((row[1] ?? '').toLowerCase());
          const index = id === undefined ? undefined : position.get(id);
          if (index !== undefined) rows.push([index, ...projectedCounts(spec, row)]);
        }
        const reportDay: ReportDay = { report: spec.fn, day, rows };
        await journal.commit(unit, { state: 'done', info: {} }, { reportDay });
        left -= 1;
        if (step === todo.length - 1) reading -= 1;
        onLeft(left, true, reading);
      }
    }),
  );
  if (stop.signal.aborted) throw stop.signal.reason;
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

function infoOf(state: UnitState | undefined) {
  return state?.state === 'done' ? state.info : undefined;
}

function coverage(
  source: SourceCoverage['source'],
  status: SourceCoverage['status'],
  people: number,
  detail: string | null,
): SourceCoverage {
  return { source, status, coveredPeople: people, detail };
}

const concealedDetail =
  'The tenant conceals user names in usage reports. A Global admin can turn off "Display concealed ' +
  'user, group, and site names" in the Microsoft 365 admin center (Settings > Org settings > Reports).';

/** Merges the journal's report-days into daily records and says, per report, what was covered. */
export function assembleDailyActivity(
  units: ReadonlyMap<string, UnitState>,
  reportDays: readonly ReportDay[],
  personIds: readonly string[],
): { records: DailyActivityRecord[]; coverage: SourceCoverage[] } {
  const concealedSetting = infoOf(units.get(reportSettingsUnit))?.concealed === true;
  // One mutable record per person and day, found by position: a 50,000-person tenant has 1.4 million
  // of them over four weeks, too many for a string-keyed map and a copy per report row.
  const dayList = [...new Set(reportDays.map((entry) => entry.day))].sort();
  const dayIndex = new Map(dayList.map((day, index) => [day, index]));
  const merged: Array<Record<string, number | string> | undefined> = [];
  const result: SourceCoverage[] = [];
  for (const spec of reportSpecs) {
    const outcome = infoOf(units.get(reportUnit(spec.fn)));
    if (concealedSetting || outcome?.reportOutcome === 'concealed') {
      result.push(coverage(spec.source, 'concealed', 0, concealedDetail));
      continue;
    }
    if (outcome?.reportOutcome === 'forbidden') {
      const detail = `Reading ${spec.fn} failed with ${outcome.failedStatus ?? 0}; grant Reports.Read.All (application).`;
      result.push(coverage(spec.source, 'missing', 0, detail));
      continue;
    }
    const covered = new Uint8Array(personIds.length);
    let coveredCount = 0;
    const fields = spec.columns.map(([field]) => field);
    for (const { report, day, rows } of reportDays) {
      if (report !== spec.fn) continue;
      const dayAt = dayIndex.get(day) ?? 0;
      for (const row of rows) {
        const index = row[0];
        const id = index === undefined ? undefined : personIds[index];
        if (id === undefined || index === undefined) continue;
        if (covered[index] === 0) {
          covered[index] = 1;
          coveredCount += 1;
        }
        const slot = index * dayList.length + dayAt;
        const record = (merged[slot] ??= { personId: id, day });
        for (let field = 0; field < fields.length; field += 1) {
          const name = fields[field]!;
          record[name] = ((record[name] as number | undefined) ?? 0) + (row[field + 1] ?? 0);
        }
      }
    }
    const complete = coveredCount >= personIds.length;
    result.push(
      coverage(
        spec.source,
        complete ? 'complete' : 'partial',
        coveredCount,
        complete ? null : 'Some people have no rows in this report.',
      ),
    );
  }
  const records = merged.filter((record) => record !== undefined) as unknown as DailyActivityRecord[];
  result.sort((a, b) => dataSources.indexOf(a.source) - dataSources.indexOf(b.source));
  return { records, coverage: result };
}
