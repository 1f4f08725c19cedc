import { parse } from 'csv-parse/sync';
import {
  kpiGroups,
  kpiPhases,
  maxKpiSeriesValues,
  type InitiativeDesign,
  type KpiGroup,
  type KpiPhase,
} from '@learnfit/core';
import type { KpiSeriesRecord } from '../store/kpi-store';

/** The columns a KPI upload has, in any order, names case-insensitive. */
export const kpiCsvColumns = ['kpi', 'phase', 'group', 'value'] as const;

type Column = (typeof kpiCsvColumns)[number];

/** The first thing wrong with an upload: where, and what to do about it. */
export interface KpiCsvError {
  readonly line: number;
  /** The column's header name, or null when the whole line is wrong. */
  readonly column: Column | null;
  readonly message: string;
}

/** Series read from an upload, in first-seen order, or the first error. */
export type KpiCsvResult =
  | { readonly ok: true; readonly series: KpiSeriesRecord[] }
  | { readonly ok: false; readonly error: KpiCsvError };

/** A plain decimal number: no thousands separators, no `Infinity`, no hex. */
const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const oneOf = <T extends string>(allowed: readonly T[], text: string): T | undefined =>
  allowed.find((candidate) => candidate.toLowerCase() === text.toLowerCase());

interface Row {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** The line a record starts on (a quoted field may span lines). */
const startLine = (row: Row): number =>
  row.info.lines - row.record.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0);

function headerOf(row: Row): Map<Column, number> | KpiCsvError {
  const at = (message: string): KpiCsvError => ({ line: startLine(row), column: null, message });
  const [only] = row.record;
  if (row.record.length === 1 && only?.includes(';'))
    return at('The header has one column; separate the columns with commas, not semicolons.');
  const positions = new Map<Column, number>();
  for (const [index, name] of row.record.entries()) {
    const column = oneOf(kpiCsvColumns, name);
    if (!column)
      return at(`Unknown column "${name.slice(0, 40)}"; the columns are ${kpiCsvColumns.join(', ')}.`);
    if (positions.has(column)) return at(`The column ${column} appears twice.`);
    positions.set(column, index);
  }
  const missing = kpiCsvColumns.filter((column) => !positions.has(column));
  if (missing.length > 0)
    return at(
      `The header must name the columns ${kpiCsvColumns.join(', ')}; missing: ${missing.join(', ')}.`,
    );
  return positions;
}

/**
 * Reads a KPI value upload (`kpi,phase,group,value`, header required) against the design's KPIs. All
 * or nothing: the first bad line is reported and no series is returned. Each series in the file replaces
 * the stored one, so rows of a series are collected in file order.
 */
export function parseKpiCsv(text: string, kpis: InitiativeDesign['kpis']): KpiCsvResult {
  let rows: Row[];
  try {
    rows = parse(text, {
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Row[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return {
      ok: false,
      error: {
        line: typeof line === 'number' ? line : 1,
        column: null,
        message: 'The file is not valid CSV here (check the quotes).',
      },
    };
  }
  const [head, ...body] = rows;
  if (!head)
    return {
      ok: false,
      error: { line: 1, column: null, message: 'The file is empty; it needs a header line.' },
    };
  const header = headerOf(head);
  if (!(header instanceof Map)) return { ok: false, error: header };
  if (body.length === 0)
    return {
      ok: false,
      error: { line: startLine(head) + 1, column: null, message: 'The file holds no values.' },
    };

  const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const series = new Map<string, { kpiId: string; phase: KpiPhase; group: KpiGroup; values: number[] }>();
  for (const row of body) {
    const line = startLine(row);
    const fail = (column: Column | null, message: string): KpiCsvResult => ({
      ok: false,
      error: { line, column, message },
    });
    if (row.record.length !== header.size)
      return fail(null, `The line has ${row.record.length} fields; the header has ${header.size}.`);
    const cell = (column: Column): string => row.record[header.get(column) ?? 0] ?? '';
    const kpi = byId.get(cell('kpi'));
    if (!kpi)
      return fail('kpi', `No KPI with the id "${cell('kpi').slice(0, 40)}" in this initiative's design.`);
    if (kpi.source === 'graph')
      return fail(
        'kpi',
        `The KPI ${kpi.id} is measured from Microsoft Graph; only entered KPIs take values.`,
      );
    const phase = oneOf(kpiPhases, cell('phase'));
    if (!phase) return fail('phase', `The phase must be ${kpiPhases.join(' or ')}.`);
    const group = oneOf(kpiGroups, cell('group'));
    if (!group) return fail('group', `The group must be ${kpiGroups.join(' or ')}.`);
    const raw = cell('value');
    const value = numberPattern.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value)) return fail('value', 'The value must be a number such as 42 or -3.5.');
    const key = `${kpi.id}\u0000${phase}\u0000${group}`;
    let entry = series.get(key);
    if (!entry) {
      entry = { kpiId: kpi.id, phase, group, values: [] };
      series.set(key, entry);
    }
    if (entry.values.length >= maxKpiSeriesValues)
      return fail(null, `A series holds at most ${maxKpiSeriesValues.toLocaleString('en')} values.`);
    entry.values.push(value);
  }
  return { ok: true, series: [...series.values()] };
}
