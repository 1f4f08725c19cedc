import type { WorkflowReport } from '@learnfit/core';
import { fill, strings } from '../../messages/strings';

const text = strings.report;

/** One bar of a chart: `share` (0–1) sets its length; null draws no bar and says why in `display`. */
export interface ChartRow {
  readonly key: string;
  readonly label: string;
  readonly share: number | null;
  readonly display: string;
}

/** One row of a figures table: a label and one display text per column. */
export interface TableRow {
  readonly key: string;
  readonly label: string;
  readonly cells: readonly string[];
}

/** A chart and its table alternative, built from the same released figures. */
export interface FigureSet {
  readonly chart: readonly ChartRow[];
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** The released workflow-fit figures of a report. */
type Fit = NonNullable<WorkflowReport['workflowFit']>['data'];

function supported(locale: string | undefined): string | undefined {
  try {
    return locale ? Intl.NumberFormat.supportedLocalesOf([locale])[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A 0–1 share as a whole percentage; a withheld figure reads "Hidden", never a guess. */
export function shareText(value: number | null, locale?: string): string {
  if (value === null) return text.hidden;
  return new Intl.NumberFormat(supported(locale), { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

/** A 0–100 score as a whole number; a withheld figure reads "Hidden". */
export function scoreText(value: number | null, locale?: string): string {
  if (value === null) return text.hidden;
  return new Intl.NumberFormat(supported(locale), { maximumFractionDigits: 0 }).format(value);
}

/** A plain number with at most one decimal; a withheld figure reads "Hidden". */
export function numberText(value: number | null, locale?: string): string {
  if (value === null) return text.hidden;
  return new Intl.NumberFormat(supported(locale), { maximumFractionDigits: 1 }).format(value);
}

/** The words for a work mode. */
export function modeLabel(mode: keyof typeof text.modes): string {
  return text.modes[mode];
}

/** Per mode the org can be observed in: share using it weekly (chart) and the figures behind it (table). */
export function modeFigures(fit: Fit, locale?: string): FigureSet {
  const modes = fit.modes.filter((usage) => usage.measurable);
  return {
    chart: modes.map((usage) => ({
      key: usage.mode,
      label: modeLabel(usage.mode),
      share: usage.weeklyUsers,
      display: shareText(usage.weeklyUsers, locale),
    })),
    columns: [text.columnWeeklyUsers, text.columnAverageWeek, text.columnMedianPerWeek],
    rows: modes.map((usage) => ({
      key: usage.mode,
      label: modeLabel(usage.mode),
      cells: [
        shareText(usage.weeklyUsers, locale),
        shareText(usage.averageWeekActive, locale),
        numberText(usage.medianPerActiveWeek, locale),
      ],
    })),
  };
}

/** Per feature of the design: its fit score (chart) and the four parts of the score (table). */
export function featureFigures(fit: Fit, locale?: string): FigureSet {
  const cell = (measurable: boolean, value: string) => (measurable ? value : text.notMeasurable);
  return {
    chart: fit.features.map((feature) => ({
      key: feature.featureId,
      label: feature.name,
      share: feature.measurable && feature.score !== null ? feature.score / 100 : null,
      display: feature.measurable ? scoreText(feature.score, locale) : text.notMeasurable,
    })),
    columns: [
      text.columnMode,
      text.columnScore,
      text.columnAdoption,
      text.columnIntensity,
      text.columnTiming,
      text.columnCadence,
    ],
    rows: fit.features.map((feature) => ({
      key: feature.featureId,
      label: feature.name,
      cells: [
        modeLabel(feature.mode),
        cell(feature.measurable, scoreText(feature.score, locale)),
        cell(feature.measurable, shareText(feature.adoption, locale)),
        cell(feature.measurable, shareText(feature.intensity, locale)),
        cell(feature.measurable, shareText(feature.timing, locale)),
        feature.cadence === 'once' || feature.cadence === 'onDemand'
          ? text.doesNotApply
          : cell(feature.measurable, shareText(feature.cadenceMatch, locale)),
      ],
    })),
  };
}

/** Why the headline figure is what it is, for the card under the number. */
export type Headline =
  | { kind: 'score'; score: string; featureFit: string; mixDistance: string }
  | { kind: 'no-design' }
  | { kind: 'not-available' };

/** The headline of a report whose figures were released. */
export function headlineOf(fit: Fit, locale?: string): Headline {
  if (fit.overallScore !== null)
    return {
      kind: 'score',
      score: scoreText(fit.overallScore, locale),
      featureFit: scoreText(fit.featureFitMean, locale),
      mixDistance: shareText(fit.modeMixDistance, locale),
    };
  return fit.features.length === 0 ? { kind: 'no-design' } : { kind: 'not-available' };
}

/** The report's title in the tab's words. */
export function reportTitle(report: WorkflowReport): string {
  return report.initiative ? fill(text.titleWithInitiative, { name: report.initiative.name }) : text.title;
}
