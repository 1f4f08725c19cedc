import { fill, strings } from '../../../messages/strings';
import { clamp, formatNumber } from '../chart-format';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** Props of `FitGauge`. */
export interface FitGaugeProps {
  readonly title: string;
  /** 0–100, or null when it could not be computed. */
  readonly score: number | null;
  /** Marks on the dial, e.g. the change plan's cut-offs; each with a short label. */
  readonly marks?: readonly { readonly value: number; readonly label: string }[];
  readonly testId?: string;
}

const cx = 120;
const cy = 112;
const radius = 92;

function point(score: number, r: number): { x: number; y: number } {
  const angle = Math.PI * (1 - clamp(score, 0, 100) / 100);
  return { x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle) };
}

function arc(from: number, to: number): string {
  const start = point(from, radius);
  const end = point(to, radius);
  return `M ${start.x} ${start.y} A ${radius} ${radius} 0 0 1 ${end.x} ${end.y}`;
}

/** A half-dial from 0 to 100 with the score as a filled arc and a large number. */
export function FitGauge(props: FitGaugeProps) {
  const styles = useChartStyles();
  const { score, marks = [] } = props;
  const summary =
    score === null
      ? strings.charts.gaugeNoScore
      : fill(strings.charts.gaugeSummary, { score: formatNumber(score, 0) });

  return (
    <ChartFrame
      title={props.title}
      summary={summary}
      width={240}
      height={140}
      empty={score === null ? strings.charts.gaugeNoScore : null}
      testId={props.testId}
      table={{
        columns: ['', strings.charts.value],
        rows: [
          [strings.charts.score, `${formatNumber(score, 0)} / 100`],
          ...marks.map((mark) => [mark.label, formatNumber(mark.value, 0)]),
        ],
      }}
    >
      <path d={arc(0, 100)} className={styles.dialTrack} />
      <path d={arc(0, 100)} fill="none" className={styles.grid} />
      {score !== null && score > 0 ? (
        <path d={arc(0, score)} className={styles.dialValue} data-score={score} />
      ) : null}
      {marks.map((mark) => {
        const inner = point(mark.value, radius - 14);
        const outer = point(mark.value, radius + 14);
        return (
          <line
            key={mark.label}
            x1={inner.x}
            y1={inner.y}
            x2={outer.x}
            y2={outer.y}
            className={styles.marker}
          />
        );
      })}
      <text x={cx} y={cy - 10} textAnchor="middle" className={styles.big}>
        {formatNumber(score, 0)}
      </text>
      <text x={cx} y={cy + 12} textAnchor="middle" className={styles.label}>
        {strings.charts.ofHundred}
      </text>
      <text x={cx - radius} y={cy + 14} textAnchor="middle" className={styles.label}>
        0
      </text>
      <text x={cx + radius} y={cy + 14} textAnchor="middle" className={styles.label}>
        100
      </text>
    </ChartFrame>
  );
}
