import type { DataSource, SourceCoverage } from './snapshot';

/** How much a finding matters. */
export type Severity = 'positive' | 'info' | 'warning' | 'critical';

/** A figure behind a finding, and the signals or sources it came from. */
export interface Evidence {
  readonly label: string;
  /** Null when suppressed by the privacy guard or not computable. */
  readonly value: number | null;
  readonly unit: string;
  /** Number of people the figure is computed over. */
  readonly n: number;
  readonly from: readonly string[];
}

/** A statement a learning leader can read aloud, with its evidence. */
export interface Finding {
  /** Stable code, e.g. `leaders.fewer-than-learners`; the tab and bot branch on it. */
  readonly code: string;
  readonly severity: Severity;
  readonly text: string;
  readonly evidence: readonly Evidence[];
}

/** What data the result rests on, and how gaps change confidence. */
export interface ResultCoverage {
  readonly sources: readonly SourceCoverage[];
  readonly missing: readonly DataSource[];
  readonly confidence: 'high' | 'medium' | 'low';
  readonly note: string;
}

/** The names of the five diagnostics. */
export type DiagnosticName =
  'leaders' | 'learners' | 'workflowFit' | 'changePlan' | 'managementParticipation';

/** The common envelope of every diagnostic's result. */
export interface DiagnosticResult<TName extends DiagnosticName, TData> {
  readonly diagnostic: TName;
  readonly headline: { readonly label: string; readonly value: number | null; readonly unit: string };
  readonly data: TData;
  readonly findings: readonly Finding[];
  readonly coverage: ResultCoverage;
  /** Aggregate cells withheld by the privacy guard. */
  readonly suppressedCells: number;
}
