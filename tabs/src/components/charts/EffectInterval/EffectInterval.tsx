import { fill, strings } from '../../../messages/strings';
import { formatNumber } from '../chart-format';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** One estimate with its 95% interval, or a reason why there is none. */
export interface EffectRow {
  readonly label: string;
  readonly interval: { readonly estimate: number; readonly low: number; readonly high: number } | null;
  /** Shown instead of a mark when `interval` is null. */
  readonly missingText: string;
  readonly unit: string;
}

/** Props of `EffectInterval`. */
export interface EffectIntervalProps {
  readonly title: string;
  readonly rows: readonly EffectRow[];
  readonly testId?: string;
}

const labelWidth = 190;
const plotWidth = 300;
const valueWidth = 150;
const rowHeight = 28;
const top = 8;

/** Estimates as dots on their 95% interval bars around a zero line: a bar that crosses zero is not a clear change. */
export function EffectInterval(props: EffectIntervalProps) {
  const styles = useChartStyles();
  const { rows } = props;
  const extent = Math.max(
    1e-9,
    ...rows.flatMap((row) => (row.interval ? [Math.abs(row.interval.low), Math.abs(row.interval.high)] : [])),
  );
  const x = (value: number) => labelWidth + ((value + extent) / (2 * extent)) * plotWidth;
  const height = top + rows.length * rowHeight + 18;
  const describe = (row: EffectRow) =>
    row.interval
      ? fill(strings.charts.intervalText, {
          estimate: formatNumber(row.interval.estimate, 2),
          low: formatNumber(row.interval.low, 2),
          high: formatNumber(row.interval.high, 2),
          unit: row.unit,
        })
      : row.missingText;
  const summary = rows.map((row) => `${row.label}: ${describe(row)}`).join('. ');

  return (
    <ChartFrame
      title={props.title}
      summary={summary}
      width={labelWidth + plotWidth + valueWidth}
      height={height}
      empty={rows.every((row) => row.interval === null) ? strings.charts.noEstimates : null}
      testId={props.testId}
      table={{
        columns: ['', strings.charts.estimate, strings.charts.interval],
        rows: rows.map((row) => [
          row.label,
          row.interval ? `${formatNumber(row.interval.estimate, 2)} ${row.unit}`.trim() : row.missingText,
          row.interval ? `${formatNumber(row.interval.low, 2)} – ${formatNumber(row.interval.high, 2)}` : '',
        ]),
      }}
    >
      <line x1={x(0)} x2={x(0)} y1={top - 4} y2={top + rows.length * rowHeight} className={styles.axis} />
      <text x={x(0)} y={height - 4} textAnchor="middle" className={styles.label}>
        {strings.charts.noChange}
      </text>
      {rows.map((row, index) => {
        const y = top + index * rowHeight + rowHeight / 2;
        return (
          <g key={row.label}>
            <text x={0} y={y} dominantBaseline="middle" className={styles.label}>
              {row.label}
            </text>
            {row.interval ? (
              <>
                <line
                  x1={x(row.interval.low)}
                  x2={x(row.interval.high)}
                  y1={y}
                  y2={y}
                  className={styles.marker}
                />
                {[
                  { end: 'low', at: x(row.interval.low) },
                  { end: 'high', at: x(row.interval.high) },
                ].map(({ end, at }) => (
                  <line key={end} x1={at} x2={at} y1={y - 5} y2={y + 5} className={styles.marker} />
                ))}
                <circle cx={x(row.interval.estimate)} cy={y} r={5} className={styles.primary} />
              </>
            ) : null}
            <text
              x={labelWidth + plotWidth + 8}
              y={y}
              dominantBaseline="middle"
              className={row.interval ? styles.value : styles.label}
            >
              {row.interval
                ? `${formatNumber(row.interval.estimate, 2)} ${row.unit}`.trim()
                : row.missingText}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
